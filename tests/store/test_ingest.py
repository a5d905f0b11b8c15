"""Ingesting documents into linked cases, on the real database (SQLite or PostgreSQL)."""

from __future__ import annotations

import pytest

from tests.conftest import DOCS, SEEDS, seed
from tests.store.conftest import ingest_file, ingest_text

UA = """URGENT ACTION

UA: 61/19 Index: AFR 54/0101/2019 Issue Date: 2 May 2019

STUDENT LEADER HELD INCOMMUNICADO

Student leader Amira HASSAN (f) was arrested on 28 April 2019 in Khartoum and is held incommunicado
at the National Intelligence and Security Service headquarters. She is at risk of torture.

Please write immediately in Arabic, English or your own language urging the authorities to:
- Release Amira Hassan immediately and unconditionally;
- Ensure that she is protected from torture and other ill-treatment.

PLEASE SEND APPEALS BEFORE 13 JUNE 2019 TO:

Minister of Justice
Abdelrahman OSMAN
Ministry of Justice
PO Box 302, Al Nil Avenue
Khartoum, Sudan
Fax: +249 183 764 168
Salutation: Your Excellency
"""

UPDATE = """Further information on UA 61/19 Index: AFR 54/0199/2019 Sudan Date: 20 June 2019

STUDENT LEADER STILL HELD

Amira Hassan is still held without charge. Her family has not been allowed to see her.

Please write immediately in English or your own language urging the authorities to:
- Release Amira Hassan immediately and unconditionally;

PLEASE SEND APPEALS BEFORE 1 AUGUST 2019 TO:

Minister of Justice
Abdelrahman OSMAN
Ministry of Justice
PO Box 302, Al Nil Avenue
Khartoum, Sudan
Fax: +249 183 764 168
Salutation: Your Excellency
"""

STOP = """Further information on UA 61/19 Index: AFR 54/0250/2019 Sudan Date: 5 September 2019

STUDENT LEADER RELEASED

Amira Hassan was released without charge on 30 August 2019. She thanked everyone who sent appeals.

No further action is requested by the UA network. Many thanks to all who sent appeals.
"""

OTHER = """URGENT ACTION

UA: 70/19 Index: AFR 54/0120/2019 Issue Date: 14 May 2019

JOURNALIST DETAINED IN PORT SUDAN

Journalist Omar YOUSIF (m) was arrested on 10 May 2019 in Port Sudan and is held at the central prison
of Port Sudan without access to a lawyer.

Please write immediately in English or your own language urging the authorities to:
- Release Omar Yousif immediately;

PLEASE SEND APPEALS BEFORE 25 JUNE 2019 TO:

Minister of Justice
Abdelrahman OSMAN
Ministry of Justice
PO Box 302, Al Nil Avenue
Khartoum, Sudan
Fax: +249 183 764 168
Salutation: Your Excellency
"""


def cases():
    from urgent.web.cases.models import Case

    return list(Case.objects.filter(merged_into__isnull=True).order_by("id"))


@pytest.mark.django_db
def test_the_seeds_make_four_cases(seeds_ingested: None) -> None:
    from urgent.web.cases.models import Case, LinkProposal

    found = cases()
    assert len(found) == 4
    both = Case.objects.get(numbers__number="163/17")
    assert sorted(d.name for d in both.documents.all()) == sorted([seed("000").name, seed("004").name])
    proposal = LinkProposal.objects.get(status="merged")
    assert proposal.automatic and proposal.score >= 0.75
    assert "same number of people (8)" in proposal.reasons
    assert any(r.startswith("places in common: Shenyang") for r in proposal.reasons)
    alone = {tuple(d.name for d in c.documents.all()) for c in found if c.pk != both.pk}
    assert alone == {(seed("001").name,), (seed("002").name,), (seed("003").name,)}


@pytest.mark.django_db
def test_one_official_for_every_spelling_with_each_contact_and_its_sources(seeds_ingested: None) -> None:
    from urgent.web.officials.models import ContactPoint, Official, Tenure

    xi = Official.objects.get(key="xi jinping")
    assert {"XI Jinping", "Xi Jinping"} <= set(xi.variants)
    faxes = {c.value: sorted(d.name for d in c.sources.all()) for c in xi.contacts.filter(kind="fax")}
    assert faxes == {
        "+861063070900": [seed("002").name],
        "+861062381025": sorted([seed("000").name, seed("002").name]),
    }
    hu = Tenure.objects.get(official__key="hu jintao")
    assert hu.superseded and hu.superseded_by.official == xi
    assert ContactPoint.objects.filter(official=hu.official).exists()
    assert all(c.stale for c in ContactPoint.objects.filter(official=hu.official))
    assert not any(c.stale for c in xi.contacts.all())


@pytest.mark.django_db
def test_ingesting_twice_changes_nothing(seeds_ingested: None) -> None:
    from urgent.web.cases.models import Ask, Document, Target

    before = (Document.objects.count(), Ask.objects.count(), Target.objects.count(), len(cases()))
    outcomes = [ingest_file(p) for p in sorted(SEEDS.iterdir())]
    assert not any(o.new for o in outcomes)
    assert before == (Document.objects.count(), Ask.objects.count(), Target.objects.count(), len(cases()))


@pytest.mark.django_db
@pytest.mark.parametrize("order", [("ua", "update"), ("update", "ua")])
def test_an_update_joins_its_ua_whichever_comes_first(order: tuple[str, str]) -> None:
    texts = {"ua": (UA, "ua.txt"), "update": (UPDATE, "update.txt")}
    for key in order:
        ingest_text(*texts[key])
    (case,) = cases()
    assert case.ua_list == ["61/19"]
    assert case.documents.count() == 2
    assert case.deadline.isoformat() == "2019-08-01"  # the latest deadline
    assert case.events.filter(kind="update_issued").count() == 1
    assert case.title == "STUDENT LEADER HELD INCOMMUNICADO"  # the UA's own title


@pytest.mark.django_db
def test_a_stop_action_closes_the_case_with_its_outcome() -> None:
    ingest_text(UA, "ua.txt")
    ingest_text(STOP, "stop.txt")
    (case,) = cases()
    assert (case.status, case.outcome) == ("closed", "released")
    assert case.events.filter(kind="released").exists()


@pytest.mark.django_db
def test_two_cases_in_one_country_and_year_do_not_merge() -> None:
    from urgent.web.cases.models import LinkProposal

    ingest_text(UA, "ua.txt")
    ingest_text(OTHER, "other.txt")
    assert len(cases()) == 2
    assert not LinkProposal.objects.filter(status="merged").exists()


@pytest.mark.django_db
def test_a_merge_can_be_undone(seeds_ingested: None) -> None:
    from urgent.web.cases import linking
    from urgent.web.cases.models import Case, LinkProposal

    proposal = LinkProposal.objects.get(status="merged")
    linking.undo(proposal)
    assert len(cases()) == 5
    release = Case.objects.get(pk=proposal.other_id)
    assert [d.name for d in release.documents.all()] == [seed("004").name]
    assert release.asks.count() == 3 and release.merged_into is None
    assert Case.objects.get(pk=proposal.case_id).documents.count() == 1


@pytest.mark.django_db
def test_reextraction_keeps_a_campaigners_correction() -> None:
    from urgent.web.cases.models import Correction, Document
    from urgent.web.cases.reextract import reextract

    ingest_file(next(DOCS.glob("06_*")))
    doc = Document.objects.get()
    Correction.objects.create(
        document=doc, field="deadline", old_value=doc.record["deadline"], new_value="2015-05-20"
    )
    doc.record = {**doc.record, "deadline": "1999-01-01"}  # as if an older extractor had got it wrong
    doc.save()
    assert reextract(doc.pk)
    doc.refresh_from_db()
    assert doc.record["deadline"] == "2015-05-13"  # the extractor's value, re-extracted
    assert doc.corrected_record()["deadline"] == "2015-05-20"  # the campaigner's value wins
    assert doc.case.deadline.isoformat() == "2015-05-20"
