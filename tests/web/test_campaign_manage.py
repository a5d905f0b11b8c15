"""Campaigner pages for managing cases: dashboard, cases, events and outcomes, split and merge,
possible duplicates, officials, audit log. Real database, personas from tests/web/conftest.py."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import unescape
from itertools import count

import pytest
from django.test import Client
from django.utils import timezone

from tests.store.test_ingest import UA
from tests.web.conftest import ingest_text

pytestmark = pytest.mark.django_db

# The same office, a new minister with a new fax a year later; a different detainee and UA.
LATER_UA = (
    UA.replace("61/19", "88/20")
    .replace("2 May 2019", "3 March 2020")
    .replace("13 JUNE 2019", "14 APRIL 2020")
    .replace("28 April 2019", "1 March 2020")
    .replace("Abdelrahman OSMAN", "Nasredeen ABDELBARI")
    .replace("+249 183 764 168", "+249 183 111 222")
    .replace("Amira HASSAN", "Salma AHMED")
    .replace("Amira Hassan", "Salma Ahmed")
)
_fingerprints = count()


def action(case, language="en", days_ago=0, target=None, user=None):
    from urgent.web.actions.models import Action

    n = next(_fingerprints)
    row = Action.objects.create(
        case=case,
        target=target,
        language=language,
        channel="email",
        fingerprint=f"fp{n}",
        client=f"c{n}",
        user=user,
    )
    if days_ago:
        Action.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return row


def rows(html: str, section: str) -> list[list[str]]:
    """The rows of the first table in the element whose id matches ``section``, as plain text."""
    found = re.search(rf'id="{section}".*?<table.*?</table>', html, re.S)
    assert found, f"no table in #{section}"
    return [
        [
            " ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        ]
        for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", found.group(0), re.S)[1:]
    ]


def text(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


# -- permissions ----------------------------------------------------------------------


PAGES = [
    "/campaign/",
    "/campaign/cases/",
    "/campaign/cases/{case}/",
    "/campaign/links/",
    "/campaign/officials/",
    "/campaign/audit/",
]
POSTS = ["event", "close", "reopen", "split", "merge"]


@pytest.mark.parametrize("page", PAGES)
def test_it_checks_permission(
    page: str, client: Client, supporter_client: Client, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import Case

    url = page.format(case=Case.objects.create(title="A case").pk)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/?next=")
    assert supporter_client.get(url).status_code == 403
    assert campaigner_client.get(url).status_code == 200


@pytest.mark.parametrize("what", POSTS)
def test_changes_to_a_case_check_permission(what: str, client: Client, supporter_client: Client) -> None:
    from urgent.web.cases.models import AuditLog, Case, Event

    case = Case.objects.create(title="A case")
    url = f"/campaign/cases/{case.pk}/{what}/"
    data = {"kind": "moved", "outcome": "released", "date": "2024-01-02", "into": case.pk}
    assert client.post(url, data)["Location"].startswith("/accounts/login/")
    assert supporter_client.post(url, data).status_code == 403
    case.refresh_from_db()
    assert case.status == "open" and not Event.objects.exists() and not AuditLog.objects.exists()


@pytest.mark.parametrize("what", ["merge", "reject", "undo"])
def test_deciding_links_checks_permission(what: str, client: Client, supporter_client: Client) -> None:
    from urgent.web.cases.models import Case, LinkProposal

    proposal = LinkProposal.objects.create(
        case=Case.objects.create(), other=Case.objects.create(), score=0.6, reasons=["same country"]
    )
    url = f"/campaign/links/{proposal.pk}/{what}/"
    assert client.post(url)["Location"].startswith("/accounts/login/")
    assert supporter_client.post(url).status_code == 403
    assert LinkProposal.objects.get().status == "pending"


# -- dashboard ----------------------------------------------------------------------------


def test_the_dashboard_counts_actions_per_case_target_language_and_day(campaigner_client: Client) -> None:
    from urgent.web.cases.models import Case, Document, Target

    first, second = Case.objects.create(title="First case"), Case.objects.create(title="Second case")
    doc = Document.objects.create(
        sha256="x",
        size=1,
        original=b"x",
        text="",
        record={},
        extractor_version="0",
        kind="urgent_action",
        case=first,
    )
    minister = Target.objects.create(
        case=first, document=doc, role="appeal", name="Ali HASSAN", title="Minister"
    )
    action(first, "en", target=minister)
    action(first, "en", target=minister)
    action(first, "fr", days_ago=2, target=minister)
    action(second, "ko", days_ago=2)
    action(second, "en", days_ago=40)  # outside the 30 days
    html = campaigner_client.get("/campaign/").content.decode()
    assert rows(html, "by-case") == [["First case", "3", ""], ["Second case", "1", ""]]
    assert rows(html, "by-target") == [["Minister Ali HASSAN", "3", ""], ["(no target recorded)", "1", ""]]
    assert rows(html, "by-language") == [
        ["English (en)", "2", ""],
        ["French (fr)", "1", ""],
        ["Korean (ko)", "1", ""],
    ]
    days = rows(html, "by-day")
    today = timezone.localdate()
    assert len(days) == 30
    assert days[0] == [today.isoformat(), "2", ""]
    assert days[2] == [(today - timedelta(days=2)).isoformat(), "2", ""]
    assert sum(int(d[1]) for d in days) == 4
    assert "4 actions in all" in html


def test_the_dashboard_lists_the_deadlines_of_the_coming_week(campaigner_client: Client) -> None:
    from urgent.web.cases.models import Case

    today = date.today()
    Case.objects.create(title="Due in three days", deadline=today + timedelta(days=3))
    Case.objects.create(title="Due in ten days", deadline=today + timedelta(days=10))
    Case.objects.create(title="Closed case due soon", deadline=today + timedelta(days=2), status="closed")
    Case.objects.create(title="Deadline passed", deadline=today - timedelta(days=1))
    page = campaigner_client.get("/campaign/")
    listed = rows(page.content.decode(), "deadlines-h")
    assert listed == [["Due in three days", (today + timedelta(days=3)).isoformat(), "3 days", "no", "0"]]


def test_the_dashboard_counts_the_work_waiting(seeds_ingested: None, campaigner_client: Client) -> None:
    page = text(campaigner_client.get("/campaign/"))
    # five documents, none in a published case; three contacts of replaced officials
    assert "5 documents waiting for review" in page
    assert "0 possible duplicates to decide" in page
    assert "3 stale contacts" in page


# -- cases ------------------------------------------------------------------------------


def test_the_case_list_shows_unpublished_and_closed_cases_and_filters(
    published: list, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import Case

    hidden = Case.objects.create(title="Not yet published", status="closed", outcome="released")
    page = text(campaigner_client.get("/campaign/cases/"))
    assert "Not yet published" in page and all(c.title in page for c in published)
    only = text(campaigner_client.get("/campaign/cases/?published=no"))
    assert "Not yet published" in only and not any(c.title in only for c in published)
    closed = text(campaigner_client.get("/campaign/cases/?status=closed"))
    assert "Not yet published" in closed and "closed (released)" in closed
    by_number = text(campaigner_client.get("/campaign/cases/?q=163/17"))
    assert "EIGHT NORTH KOREANS" in by_number and hidden.title not in by_number


def test_the_case_page_shows_documents_targets_numbers_and_merges(
    seeds_ingested: None, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import Case

    case = Case.objects.get(numbers__number="163/17")
    action(case)
    html = campaigner_client.get(f"/campaign/cases/{case.pk}/").content.decode()
    for doc in case.documents.all():
        assert f'href="/campaign/review/{doc.pk}/"' in html
    page = text(campaigner_client.get(f"/campaign/cases/{case.pk}/"))
    assert "163/17" in page and "Actions 1" in page
    assert "XI Jinping" in page  # a target
    assert "merged" in page and "same number of people (8)" in page  # the automatic merge, with its reasons


def test_an_event_appears_on_the_public_timeline_and_in_the_log(
    published: list, campaigner, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import AuditLog

    case = published[0]
    response = campaigner_client.post(
        f"/campaign/cases/{case.pk}/event/",
        {
            "kind": "moved",
            "date": "2024-03-05",
            "place": "Tumen detention centre",
            "note": "Moved to the border.",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/campaign/cases/{case.pk}/"
    public = text(Client().get(f"/cases/{case.pk}/"))
    assert "Timeline" in public and "moved, Tumen detention centre: Moved to the border." in public
    log = AuditLog.objects.get(action="event")
    assert (log.user, log.model, log.object_id) == (campaigner, "case", str(case.pk))
    assert log.new_value["place"] == "Tumen detention centre"


def test_an_event_without_a_kind_is_refused_with_the_reason(
    published: list, campaigner_client: Client
) -> None:
    case = published[0]
    response = campaigner_client.post(f"/campaign/cases/{case.pk}/event/", {"kind": "", "place": "Somewhere"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not case.events.filter(place="Somewhere").exists()


def test_closing_with_an_outcome_shows_on_the_public_page_and_reopening_undoes_it(
    published: list, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import AuditLog

    case = published[0]
    assert (
        campaigner_client.post(
            f"/campaign/cases/{case.pk}/close/", {"outcome": "released", "date": "2024-04-01"}
        ).status_code
        == 302
    )
    public = text(Client().get(f"/cases/{case.pk}/"))
    assert "Status: closed (released)" in public
    assert "released" in public.split("Timeline", 1)[1]
    assert str(case.pk) not in re.findall(
        r"/cases/(\d+)/", Client().get("/").content.decode()
    )  # no longer open
    assert campaigner_client.post(f"/campaign/cases/{case.pk}/reopen/").status_code == 302
    case.refresh_from_db()
    assert case.status in ("open", "deadline_passed") and case.outcome == ""
    assert "Status: closed" not in text(Client().get(f"/cases/{case.pk}/"))
    assert list(
        AuditLog.objects.filter(field="outcome")
        .values_list("action", "old_value", "new_value")
        .order_by("id")
    ) == [
        ("close", "", "released"),
        ("reopen", "released", ""),
    ]


# -- split and merge -------------------------------------------------------------------------


@pytest.fixture
def two_incidents(db: None):
    """One case made of two UAs about two detainees: a wrong merge, to be split."""
    from urgent.web.cases import linking
    from urgent.web.cases.models import Case

    ingest_text(UA, "ua-61-19.txt")
    ingest_text(LATER_UA, "ua-88-20.txt")
    cases = list(Case.objects.filter(merged_into__isnull=True).order_by("id"))
    if len(cases) == 2:  # the linker may not have merged them: do it by hand
        linking.merge_by_hand(*cases)
    case = cases[0]
    assert case.documents.count() == 2
    case.published = True
    case.public_summary = "A student leader is held."
    case.save()
    return case


def test_a_split_moves_documents_numbers_and_people_and_keeps_actions(
    two_incidents, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import AuditLog, Case

    case = two_incidents
    acted = action(case)
    later = case.documents.get(name="ua-88-20.txt")
    response = campaigner_client.post(f"/campaign/cases/{case.pk}/split/", {"documents": [later.pk]})
    new = Case.objects.exclude(pk=case.pk).get(merged_into__isnull=True)
    assert response["Location"] == f"/campaign/cases/{new.pk}/"
    case.refresh_from_db()
    assert [d.name for d in new.documents.all()] == ["ua-88-20.txt"]
    assert [d.name for d in case.documents.all()] == ["ua-61-19.txt"]
    assert (new.ua_list, case.ua_list) == (["88/20"], ["61/19"])
    assert [p.name for p in new.people.all()] == ["Salma AHMED"]
    assert [p.name for p in case.people.all()] == ["Amira HASSAN"]
    assert new.deadline == date(2020, 4, 14) and case.deadline == date(2019, 6, 13)
    assert list(case.actions.all()) == [acted] and not new.actions.exists()
    assert case.published and not new.published  # the split-off part waits for review
    assert Client().get(f"/cases/{new.pk}/").status_code == 404
    assert AuditLog.objects.filter(action="split", object_id=str(new.pk), new_value=[later.pk]).exists()


def test_a_split_merged_back_and_undone_restores_the_documents(
    two_incidents, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import Case, LinkProposal

    case = two_incidents
    later = case.documents.get(name="ua-88-20.txt")
    campaigner_client.post(f"/campaign/cases/{case.pk}/split/", {"documents": [later.pk]})
    new = Case.objects.exclude(pk=case.pk).get(merged_into__isnull=True)

    response = campaigner_client.post(f"/campaign/cases/{new.pk}/merge/", {"into": case.pk})
    assert response["Location"] == f"/campaign/cases/{case.pk}/"
    assert sorted(d.name for d in case.documents.all()) == ["ua-61-19.txt", "ua-88-20.txt"]
    assert case.ua_list == ["61/19", "88/20"]
    by_hand = LinkProposal.objects.get(other=new, status="merged")
    assert f"#{new.pk}" in text(campaigner_client.get("/campaign/links/"))

    campaigner_client.post(f"/campaign/links/{by_hand.pk}/undo/")
    new.refresh_from_db()
    assert new.merged_into is None
    assert [d.name for d in new.documents.all()] == ["ua-88-20.txt"]
    assert [d.name for d in case.documents.all()] == ["ua-61-19.txt"]
    assert new.ua_list == ["88/20"]


def test_a_split_must_leave_the_case_a_document(two_incidents, campaigner_client: Client) -> None:
    case = two_incidents
    everything = list(case.documents.values_list("pk", flat=True))
    response = campaigner_client.post(f"/campaign/cases/{case.pk}/split/", {"documents": everything})
    assert response.status_code == 400
    assert "not all of them" in response.content.decode()
    assert case.documents.count() == 2


def test_a_case_cannot_be_merged_into_itself(two_incidents, campaigner_client: Client) -> None:
    response = campaigner_client.post(
        f"/campaign/cases/{two_incidents.pk}/merge/", {"into": two_incidents.pk}
    )
    assert response.status_code == 400
    assert "another case" in response.content.decode()


# -- possible duplicates --------------------------------------------------------------------


def home_cases() -> set[int]:
    return {int(n) for n in re.findall(r'href="/cases/(\d+)/"', Client().get("/").content.decode())}


def test_merging_a_proposal_leaves_one_case_on_the_home_page_and_undo_two(
    published: list, campaigner, campaigner_client: Client
) -> None:
    from urgent.web.cases.models import AuditLog, LinkProposal

    keep, gone = published[0], published[1]
    proposal = LinkProposal.objects.create(
        case=keep, other=gone, score=0.66, reasons=["places in common: Shenyang"]
    )
    assert {keep.pk, gone.pk} <= home_cases()
    links = text(campaigner_client.get("/campaign/links/"))
    assert "score 0.66" in links and "places in common: Shenyang" in links and gone.title in links

    campaigner_client.post(f"/campaign/links/{proposal.pk}/merge/")
    assert keep.pk in home_cases() and gone.pk not in home_cases()
    assert "No possible duplicates are waiting." in text(campaigner_client.get("/campaign/links/"))
    assert AuditLog.objects.filter(action="merge", user=campaigner, object_id=str(keep.pk)).count() == 1

    campaigner_client.post(f"/campaign/links/{proposal.pk}/undo/")
    assert {keep.pk, gone.pk} <= home_cases()
    assert AuditLog.objects.filter(action="undo_merge", user=campaigner, object_id=str(keep.pk)).count() == 1


def test_not_the_same_case_keeps_both_and_leaves_the_list(published: list, campaigner_client: Client) -> None:
    from urgent.web.cases.models import AuditLog, LinkProposal

    proposal = LinkProposal.objects.create(
        case=published[0], other=published[1], score=0.6, reasons=["same country"]
    )
    campaigner_client.post(f"/campaign/links/{proposal.pk}/reject/")
    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    assert {published[0].pk, published[1].pk} <= home_cases()
    assert "No possible duplicates are waiting." in text(campaigner_client.get("/campaign/links/"))
    assert AuditLog.objects.filter(action="reject", model="linkproposal", new_value="rejected").exists()
    # deciding twice changes nothing
    campaigner_client.post(f"/campaign/links/{proposal.pk}/merge/")
    assert LinkProposal.objects.get(pk=proposal.pk).status == "rejected"


# -- officials ------------------------------------------------------------------------------


def test_the_officials_page_says_in_words_that_a_fax_is_stale(campaigner_client: Client) -> None:
    from urgent.web.cases.models import Case

    ingest_text(UA, "ua-61-19.txt")
    ingest_text(LATER_UA, "ua-88-20.txt")
    page = campaigner_client.get("/campaign/officials/?q=osman")
    found = text(page)
    assert "1 official" in found and "Abdelrahman OSMAN" in found
    fax = next(r for r in rows(page.content.decode(), r"official-\d+") if r[0] == "fax")
    assert fax[1] == "+249183764168"
    assert fax[3] == "stale: replaced on 2020-03-03 by Nasredeen ABDELBARI"
    case = Case.objects.get(documents__name="ua-61-19.txt")
    assert f"#{case.pk}" in found  # the case that writes to him
    current = text(campaigner_client.get("/campaign/officials/?q=Ministry of Justice"))
    assert "+249183111222" in current and "current" in current
    stale_only = text(campaigner_client.get("/campaign/officials/?stale=1"))
    assert "Abdelrahman OSMAN" in stale_only and "+249183111222" not in stale_only


# -- audit log -------------------------------------------------------------------------------


def test_the_audit_log_lists_the_edits_and_filters_them(
    published: list, campaigner, campaigner_client: Client
) -> None:
    case = published[0]
    campaigner_client.post(f"/campaign/cases/{case.pk}/event/", {"kind": "detained", "place": "Yanji"})
    campaigner_client.post(f"/campaign/cases/{case.pk}/close/", {"outcome": "returned", "date": "2024-05-01"})
    entries = rows(campaigner_client.get("/campaign/audit/").content.decode(), "main")
    done = [(r[1], r[2], r[3], r[4]) for r in entries if r[1] == "campaigner"]
    assert ("campaigner", "close", f"case #{case.pk}", "outcome") in done
    assert ("campaigner", "close", f"case #{case.pk}", "status") in done
    assert sum(1 for d in done if d[1] == "event") == 2  # the event, and the outcome's timeline entry
    closes = rows(campaigner_client.get("/campaign/audit/?action=close").content.decode(), "main")
    assert {r[2] for r in closes} == {"close"} and len(closes) == 2
    automatic = rows(campaigner_client.get("/campaign/audit/?user=-").content.decode(), "main")
    assert {r[1] for r in automatic} == {"automatic"}  # the seeds' automatic merge
    history = text(campaigner_client.get(f"/campaign/cases/{case.pk}/"))
    assert "History" in history and "returned" in history.split("History", 1)[1]
