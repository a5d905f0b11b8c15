"""One incident, one case: proposals, automatic merges, merges undone, cases split.

`urgent.link.similarity` scores two documents; here a new case is compared
with the cases near it in time, merged at once into a clear match (the
older case stays) or proposed for review. Campaigners merge, reject, undo,
merge by hand and split; each of these writes the audit log here, so that
every caller (pages, API, command line) is recorded once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from urgent.link import AUTO_MERGE, REVIEW, Features, compare, features
from urgent.record import Record
from urgent.web.cases.models import (
    Ask,
    AuditLog,
    Case,
    CaseNumber,
    Document,
    Event,
    LinkProposal,
    Person,
    Target,
)

WINDOW = timedelta(days=400)
MAX_CANDIDATES = 300  # cases looked at
MAX_COMPARED = 6  # of which compared word for word


def candidates(case: Case) -> list[int]:
    """Ids of cases that could be the same incident: near in time, sharing a country,
    and a place or the number of people; most alike first.

    Raw SQL, answered from the index ``case_link_candidates``: a new case is compared
    with hundreds of others, and the ORM's decoding of their rows took longer than the
    query."""
    where = ["merged_into_id IS NULL", "id <> %s"]
    params: list[object] = [case.pk]
    when = case.issued or case.deadline
    if when:
        where.append("(issued BETWEEN %s AND %s OR deadline BETWEEN %s AND %s)")
        params += [when - WINDOW, when + WINDOW] * 2
    countries = sorted(set(case.countries))
    if countries:  # sharing a country: the JSON list holds '"CN"'
        where.append("(" + " OR ".join(["CAST(countries AS TEXT) LIKE %s"] * len(countries)) + ")")
        params += [f'%"{c}"%' for c in countries]
    query = (
        f"SELECT id, countries, places, people_count FROM {Case._meta.db_table} "
        f"WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT {MAX_CANDIDATES}"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        rows = cursor.fetchall()
    places = {p.lower() for p in case.places}
    needles = [json.dumps(p) for p in places]
    ranked = []
    for pk, countries_json, places_json, people_count in rows:
        same_count = case.people_count is not None and case.people_count == people_count
        if not same_count and not (places and _may_share(places_json, needles)):
            continue  # most cases: neither, and their places are never decoded
        if countries and not set(countries) & set(_json_list(countries_json)):
            continue  # a code found elsewhere in the text than as a country of its own
        shared = len(places & {p.lower() for p in _json_list(places_json)})
        if shared or same_count:
            ranked.append((shared + same_count, pk))
    return [pk for _, pk in sorted(ranked, reverse=True)[:MAX_COMPARED]]


def _json_list(value: str | list | None) -> list:
    """A JSON list column as the database cursor gives it (text; a list on some drivers)."""
    if isinstance(value, str):
        value = json.loads(value)
    return value or []


def _may_share(places_json: str | list | None, needles: list[str]) -> bool:
    """Whether a case's places (a JSON list as stored) may hold one of ``needles`` (JSON
    strings of lower-cased places), whatever the letter case. Plain ASCII text is
    searched as it is; anything else (escapes, other scripts) is decoded to be sure."""
    if not places_json:
        return False
    if not isinstance(places_json, str) or not places_json.isascii() or "\\u" in places_json:
        return True
    text = places_json.lower()
    return any(n in text for n in needles)


_FEATURES: dict[int, Features] = {}  # per process: documents do not change once stored


def _features(pk: int) -> Features:
    found = _FEATURES.get(pk)
    if found is None:
        if len(_FEATURES) > 20_000:
            _FEATURES.clear()
        doc = Document.objects.only("record", "text").get(pk=pk)
        found = _FEATURES[pk] = features(Record.from_dict(doc.record), doc.text)
    return found


def propose_links(case: Case, doc: Document, record: Record | None = None) -> LinkProposal | None:
    """Compare a new case (its one document ``doc``, whose ``record`` may be at hand) with
    its candidates; merge into a clear match, or propose one."""
    ids = candidates(case)
    if not ids:
        return None
    record = record or Record.from_dict(doc.record)
    # each case's lead document: its first Urgent Action, else its first document
    # (a case may hold hundreds of documents: only the leads' records and texts are read)
    leads: dict[int, tuple[int, str]] = {}
    for pk, case_id, kind in (
        Document.objects.filter(case_id__in=ids).order_by("issued", "id").values_list("id", "case_id", "kind")
    ):
        lead = leads.get(case_id)
        if lead is None or (lead[1] != "urgent_action" and kind == "urgent_action"):
            leads[case_id] = (pk, kind)
    best: tuple[float, int, list[str]] | None = None
    mine = features(record, doc.text)
    for case_id, (lead_pk, _kind) in leads.items():
        s = compare(_features(lead_pk), mine)
        if s.value >= REVIEW and (best is None or s.value > best[0]):
            best = (s.value, case_id, s.reasons)
    if best is None:
        return None
    score, other_id, reasons = best
    proposal = LinkProposal.objects.create(
        case_id=other_id, other=case, document=doc, score=score, reasons=reasons
    )
    if score >= AUTO_MERGE:
        merge(proposal, automatic=True, arriving=(doc, record))
    return proposal


@transaction.atomic
def merge(
    proposal: LinkProposal,
    automatic: bool = False,
    user: object | None = None,
    arriving: tuple[Document, Record] | None = None,
) -> None:
    """Move the other case's documents into the proposal's case; the other case is kept,
    marked as merged, so the merge can be undone. ``arriving``: the other case is a new
    one, made of this one document just ingested, which is added to the kept case as any
    further document is (not all of the kept case's documents read again)."""
    from urgent.web.cases.ingest import add_to_case, refresh_case

    keep, gone = proposal.case, proposal.other
    moved = list(gone.documents.values_list("id", flat=True))
    # Raw SQL: these run at every automatic merge during an ingest, and the ORM took
    # ten times longer to build each statement than the database to run it.
    with connection.cursor() as cursor:
        for model in (Document, Ask, Target, Event, CaseNumber):
            cursor.execute(
                f"UPDATE {model._meta.db_table} SET case_id = %s WHERE case_id = %s", [keep.pk, gone.pk]
            )
        # people already on the kept case stay there once; the others move
        people = Person._meta.db_table
        cursor.execute(
            f"UPDATE {people} SET case_id = %s WHERE case_id = %s "
            f"AND name NOT IN (SELECT name FROM {people} WHERE case_id = %s)",
            [keep.pk, gone.pk, keep.pk],
        )
    gone.merged_into = keep
    gone.save(update_fields=["merged_into"])
    proposal.status = LinkProposal.Status.MERGED
    proposal.automatic = automatic
    proposal.moved_documents = moved
    proposal.decided_by = user if user is not None else None  # type: ignore[assignment]
    proposal.decided_at = timezone.now()
    proposal.save()
    if arriving is not None and moved == [arriving[0].pk]:
        add_to_case(keep, *arriving)
    else:
        refresh_case(keep)
    # automatic merges too (no user): the log says who or what changed a case
    AuditLog.record(user, "merge", keep, "documents", None, moved)
    AuditLog.record(user, "merge", gone, "merged_into", None, keep.pk)


@transaction.atomic
def undo(proposal: LinkProposal, user: object | None = None) -> None:
    """Give the merged case back its own documents and everything built from them."""
    from urgent.web.cases.ingest import build_rows, refresh_case

    keep, gone = proposal.case, proposal.other
    docs = list(Document.objects.filter(pk__in=proposal.moved_documents))
    for doc in docs:
        doc.case = gone
        doc.save(update_fields=["case"])
        Event.objects.filter(document=doc).update(case=gone)
        Person.objects.filter(case=keep, document=doc).delete()
        build_rows(doc, Record.from_dict(doc.corrected_record()))
    for doc in docs:
        record = Record.from_dict(doc.record)
        for n in {record.ua_number, record.follows.ua_number if record.follows else None} - {None}:
            CaseNumber.objects.filter(number=n, case=keep).update(case=gone)
    gone.merged_into = None
    gone.save(update_fields=["merged_into"])
    proposal.status = LinkProposal.Status.UNDONE
    proposal.decided_by = user if user is not None else None  # type: ignore[assignment]
    proposal.decided_at = timezone.now()
    proposal.save()
    refresh_case(keep)
    refresh_case(gone)
    AuditLog.record(user, "undo_merge", keep, "documents", proposal.moved_documents, None)
    AuditLog.record(user, "undo_merge", gone, "merged_into", keep.pk, None)


def reject(proposal: LinkProposal, user: object | None = None) -> None:
    old = proposal.status
    proposal.status = LinkProposal.Status.REJECTED
    proposal.decided_by = user if user is not None else None  # type: ignore[assignment]
    proposal.decided_at = timezone.now()
    proposal.save()
    AuditLog.record(user, "reject", proposal, "status", old, proposal.status)


class CannotLink(ValueError):
    pass


def merge_by_hand(keep: Case, gone: Case, user: object | None = None) -> LinkProposal:
    """Join two cases a campaigner knows to be one (such as a split taken back): recorded as a
    proposal decided at once, so it is listed with the other merges and can be undone."""
    if keep.pk == gone.pk or keep.merged_into_id or gone.merged_into_id:
        raise CannotLink("a case merges into another case that has not been merged itself")
    proposal = LinkProposal.objects.create(
        case=keep, other=gone, score=0.0, reasons=["joined by a campaigner"]
    )
    merge(proposal, user=user)
    return proposal


@transaction.atomic
def split(case: Case, document_ids: Iterable[int], user: object | None = None) -> Case:
    """Move some of a case's documents into a new case: they were about another incident.

    What was built from them (asks, targets, events, people, UA numbers) moves too.
    Supporters' actions stay on ``case``: they acted on it. The new case starts
    unpublished, with its people not public, whatever ``case`` was: a campaigner
    reviews it before it is shown."""
    from urgent.web.cases.ingest import refresh_case

    ids = set(document_ids)
    moving = list(case.documents.filter(pk__in=ids).prefetch_related("corrections"))
    staying = list(case.documents.exclude(pk__in=ids).prefetch_related("corrections"))
    if not moving or len(moving) != len(ids) or not staying:
        raise CannotLink("a split moves some of the case's documents, not none and not all")
    new = Case.objects.create()
    Document.objects.filter(pk__in=ids).update(case=new)
    for model in (Ask, Target, Event):
        model.objects.filter(case=case, document_id__in=ids).update(case=new)
    _split_people(case, new, moving, staying)
    _split_numbers(case, new, moving, staying)
    refresh_case(new)
    refresh_case(case)
    AuditLog.record(
        user,
        "split",
        case,
        "documents",
        sorted([*ids, *(d.pk for d in staying)]),
        sorted(d.pk for d in staying),
    )
    AuditLog.record(user, "split", new, "documents", None, sorted(ids))
    return new


def _names(doc: Document) -> list[str]:
    return Record.from_dict(doc.corrected_record()).people.names


def _split_people(case: Case, new: Case, moving: list[Document], staying: list[Document]) -> None:
    """People named in the moving documents go to the new case; those also named in a
    document that stays remain on ``case`` as well, with their public flag."""
    named = {}
    for doc in staying:
        for name in _names(doc):
            named.setdefault(name, doc.pk)
    for doc in moving:
        Person.objects.bulk_create(
            [Person(case=new, name=n, document=doc) for n in _names(doc)], ignore_conflicts=True
        )
    for person in Person.objects.filter(case=case, document__in=moving):
        if person.name in named:
            person.document_id = named[person.name]
            person.save(update_fields=["document"])
        else:
            person.delete()


def _numbers(doc: Document) -> set[str]:
    record = Record.from_dict(doc.corrected_record())
    return {n for n in (record.ua_number, record.follows.ua_number if record.follows else None) if n}


def _split_numbers(case: Case, new: Case, moving: list[Document], staying: list[Document]) -> None:
    """A UA number goes with the documents that carry it, unless one that stays carries it too."""
    kept = set().union(*(_numbers(d) for d in staying))
    gone = set().union(*(_numbers(d) for d in moving)) - kept
    CaseNumber.objects.filter(case=case, number__in=gone).update(case=new)
