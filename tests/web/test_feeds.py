"""The Atom feed of cases and the iCalendar of deadlines, read as a feed reader and a
calendar would read them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.test import Client
from icalendar import Calendar

from urgent.web.cases.models import Case, Person

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def cases(published) -> list[Case]:
    """Four published cases with deadlines ahead, one of them closed; one more unpublished."""
    today = date.today()
    for i, case in enumerate(published):
        Case.objects.filter(pk=case.pk).update(deadline=today + timedelta(days=i + 1), status="open")
    Case.objects.filter(pk=published[-1].pk).update(status="closed")
    Case.objects.create(title="Draft case", public_summary="Draft.", deadline=today, status="open")
    return list(Case.objects.filter(pk__in=[c.pk for c in published]).order_by("id"))


def entries(client: Client) -> list[ET.Element]:
    response = client.get("/feeds/cases.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_atom_has_every_published_case_newest_change_first(cases, client: Client) -> None:
    Case.objects.get(pk=cases[1].pk).save()  # the latest change

    found = entries(client)

    links = [e.find(f"{ATOM}link").get("href") for e in found]
    assert len(found) == len(cases) and links[0].endswith(f"/cases/{cases[1].pk}/")
    assert {link.split("://", 1)[-1].split("/", 1)[1] for link in links} == {f"cases/{c.pk}/" for c in cases}
    first = found[0]
    assert first.find(f"{ATOM}title").text == cases[1].title
    assert first.find(f"{ATOM}summary").text == f"Public summary of case {cases[1].pk}."
    assert first.find(f"{ATOM}updated").text.startswith(str(date.today().year))
    assert first.find(f"{ATOM}id").text == f"urn:urgent:case:{cases[1].pk}"
    assert b"Draft" not in client.get("/feeds/cases.atom").content


def test_atom_withholds_names_and_escapes_summaries(cases, client: Client) -> None:
    case = cases[0]
    Person.objects.create(case=case, name="Pak Sol-hui")
    Case.objects.filter(pk=case.pk).update(
        title="Pak Sol-hui detained", public_summary="<script>alert(1)</script> Pak Sol-hui is held."
    )
    content = client.get("/feeds/cases.atom").content.decode()
    assert "Pak" not in content and "Sol-hui" not in content
    entry = next(e for e in entries(client) if e.find(f"{ATOM}link").get("href").endswith(f"/{case.pk}/"))
    # the summary is HTML to a reader: markup in the text is shown as text, not run
    assert entry.find(f"{ATOM}summary").text.startswith("&lt;script&gt;")


def test_calendar_has_a_stable_all_day_event_per_open_deadline(cases, client: Client) -> None:
    response = client.get("/feeds/deadlines.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")

    events = Calendar.from_ical(response.content).walk("VEVENT")

    open_cases = [c for c in cases if c.status != "closed"]
    assert [str(e["UID"]) for e in events] == [f"case-{c.pk}-deadline@urgent" for c in open_cases]
    first = events[0]
    assert first.decoded("DTSTART") == open_cases[0].deadline  # a date: all day
    assert first.decoded("DTEND") == open_cases[0].deadline + timedelta(days=1)
    assert str(first["SUMMARY"]) == f"Deadline: {open_cases[0].title}"
    assert str(first["URL"]).endswith(f"/cases/{open_cases[0].pk}/")
    assert "Draft" not in response.content.decode()
    again = Calendar.from_ical(client.get("/feeds/deadlines.ics").content).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == [str(e["UID"]) for e in events]


def test_calendar_leaves_out_cases_without_deadline_and_withholds_names(cases, client: Client) -> None:
    Case.objects.filter(pk=cases[0].pk).update(deadline=None)
    Person.objects.create(case=cases[1], name="Pak Sol-hui")
    Case.objects.filter(pk=cases[1].pk).update(title="Pak Sol-hui detained")

    content = client.get("/feeds/deadlines.ics").content.decode()

    assert f"case-{cases[0].pk}-" not in content
    assert "Pak" not in content and "Deadline: [name withheld] detained" in content


def test_feeds_are_empty_but_valid_with_nothing_published(db, client: Client) -> None:
    assert entries(client) == []
    assert Calendar.from_ical(client.get("/feeds/deadlines.ics").content).walk("VEVENT") == []
