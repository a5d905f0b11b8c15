"""The directory of officials over years of documents, on the real database.

Documents arrive in any order; the directory must end in the same state a
campaigner would reach by reading them in date order: who holds an office now,
which contact points are out of date, where each one was seen."""

from __future__ import annotations

from datetime import date

import pytest

from urgent.record import Record, Source, Target

pytestmark = pytest.mark.django_db

OFFICE = {"title": "Minister of Justice", "organisation": "Ministry of Justice", "country": "SD"}


def _doc(name: str, issued: str, *targets: Target):
    from urgent.web.cases.ingest import ingest_document

    record = Record(
        source=Source(name=name),
        kind="other",
        title=f"Letter {name}",
        issued=issued,
        countries=["SD"],
        targets=list(targets),
    )
    return ingest_document(name.encode() + issued.encode(), name, record, f"text of {name}").document


def _state() -> dict:
    """Who holds what, and each contact point as (owner, stale, first, last, sources)."""
    from urgent.web.officials.models import ContactPoint, Tenure

    tenures = {
        (t.office.key, t.official.name): (t.first_seen, t.last_seen, bool(t.superseded_by_id))
        for t in Tenure.objects.select_related("office", "official")
    }
    points = {
        (c.kind, c.value): (
            c.official.name if c.official else None,
            c.office.key if c.office else None,
            c.stale,
            c.first_seen,
            c.last_seen,
            sorted(d.name for d in c.sources.all()),
        )
        for c in ContactPoint.objects.select_related("official", "office")
    }
    return {"tenures": tenures, "points": points}


def test_a_new_holder_makes_the_old_holders_contacts_stale_and_a_late_letter_changes_nothing() -> None:
    from urgent.web.officials.models import Official

    _doc("a", "2019-05-01", Target(name="Abdelrahman OSMAN", faxes=["+249183764168"], **OFFICE))
    _doc("b", "2020-03-01", Target(name="Salma KARIM", faxes=["+249183000111"], **OFFICE))
    # a letter written in 2019 arrives after the 2020 one: Osman was then the minister
    _doc(
        "c",
        "2019-08-01",
        Target(name="Minister Abdelrahman Osman", faxes=["+249183764168", "+249183222333"], **OFFICE),
    )
    state = _state()
    office = "minister of justice|sd"
    assert state["tenures"] == {
        (office, "Abdelrahman OSMAN"): (date(2019, 5, 1), date(2019, 8, 1), True),
        (office, "Salma KARIM"): (date(2020, 3, 1), date(2020, 3, 1), False),
    }
    assert state["points"][("fax", "+249183764168")] == (
        "Abdelrahman OSMAN",
        office,
        True,
        date(2019, 5, 1),
        date(2019, 8, 1),
        ["a", "c"],
    )
    # the fax first seen in the late letter is the former minister's: stale from the start
    assert state["points"][("fax", "+249183222333")][2] is True
    assert state["points"][("fax", "+249183000111")] == (
        "Salma KARIM",
        office,
        False,
        date(2020, 3, 1),
        date(2020, 3, 1),
        ["b"],
    )
    osman = Official.objects.get(name="Abdelrahman OSMAN")
    assert osman.variants == ["Abdelrahman OSMAN", "Minister Abdelrahman Osman"]


def test_a_former_holder_back_in_office_is_current_again() -> None:
    _doc("a", "2019-05-01", Target(name="Abdelrahman OSMAN", emails=["minister@justice.example"], **OFFICE))
    _doc("b", "2020-03-01", Target(name="Salma KARIM", emails=["karim@justice.example"], **OFFICE))
    _doc("d", "2021-01-10", Target(name="Abdelrahman OSMAN", emails=["minister@justice.example"], **OFFICE))
    state = _state()
    office = "minister of justice|sd"
    assert state["tenures"][(office, "Abdelrahman OSMAN")] == (date(2019, 5, 1), date(2021, 1, 10), False)
    assert state["tenures"][(office, "Salma KARIM")][2] is True
    assert state["points"][("email", "minister@justice.example")][2:] == (
        False,
        date(2019, 5, 1),
        date(2021, 1, 10),
        ["a", "d"],
    )
    assert state["points"][("email", "karim@justice.example")][2] is True


def test_the_same_state_whatever_order_the_documents_arrive_in() -> None:
    """Four documents, in date order and then backwards: the same directory."""
    from urgent.web.cases.models import Case, Document
    from urgent.web.officials.models import ContactPoint, Office, Official, Tenure

    docs = [
        ("a", "2018-01-01", Target(name="Abdelrahman OSMAN", faxes=["+249183764168"], **OFFICE)),
        ("b", "2019-01-01", Target(name="Salma KARIM", faxes=["+249183000111"], **OFFICE)),
        (
            "c",
            "2020-01-01",
            Target(name="Salma KARIM", phones=["+249912345678"], **OFFICE),
            Target(
                role="copy",
                title="Ambassador",
                organisation="Embassy of Sudan",
                country="GB",
                address=["2 Cleveland Row", "London SW1A 1DD"],
            ),
        ),
        ("d", "2017-01-01", Target(name="Hassan ALI", faxes=["+249183999000"], **OFFICE)),
    ]
    states = []
    for order in (docs, docs[::-1]):
        for name, issued, *targets in order:
            _doc(name, issued, *targets)
        states.append(_state())
        for model in (ContactPoint, Tenure, Official, Office, Document, Case):
            model.objects.all().delete()
    assert states[0] == states[1]
    tenures = states[0]["tenures"]
    current = [holder for (office, holder), (_, _, superseded) in tenures.items() if not superseded]
    assert current == ["Salma KARIM"]
    embassy = states[0]["points"][("postal", "2 Cleveland Row\nLondon SW1A 1DD")]
    assert embassy[:3] == (None, "ambassador|gb", False)  # an office with no name owns its address
