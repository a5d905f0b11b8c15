"""One incident, one case: proposals, automatic merges, merges undone.

`urgent.link.similarity` scores two documents; here a new case is compared
with the cases near it in time, merged at once into a clear match (the
older case stays) or proposed for review.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from urgent.link import AUTO_MERGE, REVIEW, similarity
from urgent.record import Record
from urgent.web.cases.models import Ask, Case, CaseNumber, Document, Event, LinkProposal, Person, Target

WINDOW = timedelta(days=400)
MAX_CANDIDATES = 300


def candidates(case: Case) -> list[Case]:
    """Cases that could be the same incident: near in time, sharing a country."""
    qs = Case.objects.filter(merged_into__isnull=True).exclude(pk=case.pk)
    when = case.issued or case.deadline
    if when:
        near = (when - WINDOW, when + WINDOW)
        qs = qs.filter(Q(issued__range=near) | Q(deadline__range=near))
    found = list(qs.order_by("-id")[:MAX_CANDIDATES])
    countries = set(case.countries)
    places = {p.lower() for p in case.places}
    out = []
    for other in found:
        if countries and not countries & set(other.countries):
            continue
        same_place = bool(places & {p.lower() for p in other.places})
        same_count = case.people_count is not None and case.people_count == other.people_count
        if same_place or same_count:
            out.append(other)
    return out


def _lead(case: Case) -> Document | None:
    docs = list(case.documents.order_by("issued", "id"))
    return next((d for d in docs if d.kind == "urgent_action"), docs[0] if docs else None)


def propose_links(case: Case, doc: Document) -> LinkProposal | None:
    """Compare a new case with its candidates; merge into a clear match, or propose one."""
    record = Record.from_dict(doc.record)
    best: tuple[float, Case, list[str]] | None = None
    for other in candidates(case):
        lead = _lead(other)
        if lead is None:
            continue
        s = similarity(Record.from_dict(lead.record), lead.text, record, doc.text)
        if s.value >= REVIEW and (best is None or s.value > best[0]):
            best = (s.value, other, s.reasons)
    if best is None:
        return None
    score, other, reasons = best
    proposal = LinkProposal.objects.create(case=other, other=case, document=doc, score=score, reasons=reasons)
    if score >= AUTO_MERGE:
        merge(proposal, automatic=True)
    return proposal


@transaction.atomic
def merge(proposal: LinkProposal, automatic: bool = False, user: object | None = None) -> None:
    """Move the other case's documents into the proposal's case; the other case is kept,
    marked as merged, so the merge can be undone."""
    from urgent.web.cases.ingest import refresh_case

    keep, gone = proposal.case, proposal.other
    moved = list(gone.documents.values_list("id", flat=True))
    Document.objects.filter(case=gone).update(case=keep)
    for model in (Ask, Target, Event):
        model.objects.filter(case=gone).update(case=keep)
    for person in Person.objects.filter(case=gone):
        if not Person.objects.filter(case=keep, name=person.name).exists():
            person.case = keep
            person.save(update_fields=["case"])
    CaseNumber.objects.filter(case=gone).update(case=keep)
    gone.merged_into = keep
    gone.save(update_fields=["merged_into"])
    proposal.status = LinkProposal.Status.MERGED
    proposal.automatic = automatic
    proposal.moved_documents = moved
    proposal.decided_by = user if user is not None else None  # type: ignore[assignment]
    proposal.decided_at = timezone.now()
    proposal.save()
    refresh_case(keep)


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


def reject(proposal: LinkProposal, user: object | None = None) -> None:
    proposal.status = LinkProposal.Status.REJECTED
    proposal.decided_by = user if user is not None else None  # type: ignore[assignment]
    proposal.decided_at = timezone.now()
    proposal.save()
