"""Documents into cases: one transaction per document, idempotent by sha256.

    ingest_document(data, name, record, text)   # one document, already extracted
    ingest_paths(paths, workers=4)              # files: extraction in parallel, then storage

A document joins the case of its UA number (an update joins the UA it
follows, whichever arrives first); otherwise it starts a case of its own,
which is merged at once into a case it clearly matches or proposed for
review (`urgent.link`).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q

from urgent.batch import run_batch
from urgent.errors import UrgentError
from urgent.extract import EXTRACTOR_VERSION, Options
from urgent.record import Record
from urgent.web.cases import linking, search
from urgent.web.cases.models import Ask, Case, CaseNumber, Document, Event, Person, Target
from urgent.web.officials import directory


@dataclass
class Outcome:
    document: Document | None
    new: bool
    case_created: bool = False
    case_updated: bool = False


@dataclass
class Summary:
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    cases_created: int = 0
    cases_updated: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if not outcome.new:
            self.unchanged += 1
            return
        self.new += 1
        self.cases_created += outcome.case_created
        self.cases_updated += outcome.case_updated

    def line(self) -> str:
        return (
            f"{self.new} new, {self.unchanged} unchanged, {self.failed} failed; "
            f"{self.cases_created} cases created, {self.cases_updated} cases updated"
        )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest_document(data: bytes, name: str, record: Record, text: str, attempts: int = 8) -> Outcome:
    """Store one extracted document; concurrent writers of the same document retry and find it stored."""
    digest = sha256(data)
    for attempt in range(attempts):
        try:
            with transaction.atomic():
                existing = Document.objects.filter(sha256=digest).first()
                if existing:
                    return Outcome(existing, new=False)
                return _store(data, digest, name, record, text)
        except (IntegrityError, OperationalError):
            # another process stored the same document, case number or official first,
            # or the database was busy: the transaction rolled back whole; try again
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _store(data: bytes, digest: str, name: str, record: Record, text: str) -> Outcome:
    case, created = _case_for(record)
    doc = Document.objects.create(
        sha256=digest,
        name=name,
        format=record.source.format,
        size=len(data),
        original=data,
        text=text,
        record=record.to_dict(),
        extractor_version=record.extractor or EXTRACTOR_VERSION,
        kind=record.kind,
        organisation=record.organisation or "",
        ua_number=record.ua_number or "",
        issued=date.fromisoformat(record.issued) if record.issued else None,
        case=case,
    )
    search.index_document(doc)
    build_rows(doc, record, fresh=True)
    if created:
        refresh_case(case, [(doc, record)])
        proposal = linking.propose_links(case, doc, record)
        if proposal is not None and proposal.status == proposal.Status.MERGED:
            return Outcome(doc, new=True, case_created=False, case_updated=True)  # joined a matching case
    else:
        add_to_case(case, doc, record)
    return Outcome(doc, new=True, case_created=created, case_updated=not created)


def _case_for(record: Record) -> tuple[Case, bool]:
    """The case of this document's UA number (or the UA it follows), else a new case."""
    numbers = {n for n in (record.ua_number, record.follows.ua_number if record.follows else None) if n}
    found = CaseNumber.objects.filter(number__in=numbers).select_related("case").first()
    if found:
        case = found.case
        while case.merged_into_id:
            case = Case.objects.get(pk=case.merged_into_id)
        for n in numbers:
            CaseNumber.objects.get_or_create(number=n, defaults={"case": case})
        return case, False
    case = Case.objects.create(title=record.title or "")
    for n in numbers:
        CaseNumber.objects.create(number=n, case=case)
    return case, True


def seen_date(doc: Document, record: Record) -> date:
    """When a document saw the facts it states: its date, else its deadline, else today."""
    if doc.issued:
        return doc.issued
    if record.deadline:
        return date.fromisoformat(record.deadline)
    return date.today()


def build_rows(doc: Document, record: Record, fresh: bool = False) -> None:
    """The document's asks, targets, people and events, as rows of its case (built
    again from ``record`` unless the document is ``fresh``, just stored, with none yet)."""
    case = doc.case
    assert case is not None
    if not fresh:
        Ask.objects.filter(document=doc).delete()
        Target.objects.filter(document=doc).delete()
    asks = Ask.objects.bulk_create(
        [
            Ask(case=case, document=doc, position=i, text=a.text, kinds=a.kinds, group=a.addressed_to or "")
            for i, a in enumerate(record.asks)
        ]
    )
    seen = seen_date(doc, record)
    targets = []
    resolved = directory.record_targets(doc, record.targets, seen)
    for i, (t, (official, office)) in enumerate(zip(record.targets, resolved, strict=True)):
        targets.append(
            Target(
                case=case,
                document=doc,
                position=i,
                role=t.role,
                official_id=official,
                office_id=office,
                name=t.name or "",
                title=t.title or "",
                organisation=t.organisation or "",
                salutation=t.salutation or "",
                group=t.group or "",
            )
        )
    targets = Target.objects.bulk_create(targets)
    if not all(t.pk for t in targets):  # backends that do not return ids from bulk inserts
        targets = list(Target.objects.filter(document=doc).order_by("position"))
    if not all(a.pk for a in asks):
        asks = list(Ask.objects.filter(document=doc).order_by("position"))
    Target.asks.through.objects.bulk_create(
        [
            Target.asks.through(target_id=row.pk, ask_id=a.pk)
            for row, t in zip(targets, record.targets, strict=True)
            for a in asks
            if t.role == "appeal" and _carries(t.group, a.group)
        ]
    )
    if record.people.names:
        Person.objects.bulk_create(
            [Person(case=case, name=n, document=doc) for n in record.people.names], ignore_conflicts=True
        )
    if record.kind == "further_information":
        Event.objects.get_or_create(
            case=case, document=doc, kind=Event.Kind.UPDATE, defaults={"date": doc.issued}
        )
        if record.stop_action:
            kind = {
                "released": Event.Kind.RELEASED,
                "returned": Event.Kind.RETURNED,
                "transferred": Event.Kind.TRANSFERRED,
            }.get(record.outcome or "", Event.Kind.CLOSED)
            Event.objects.get_or_create(case=case, document=doc, kind=kind, defaults={"date": doc.issued})


def _carries(target_group: str | None, ask_group: str) -> bool:
    """A target gets the asks of its own group; asks without a group go to every target."""
    return not ask_group or not target_group or ask_group.lower() == target_group.lower()


def refresh_case(case: Case, records: list[tuple[Document, Record]] | None = None) -> None:
    """Recompute what a case shows from all its documents (corrections applied);
    ``records`` when they are already at hand (a new case's first document)."""
    if records is None:
        # the originals and texts stay in the database: only the first text may be wanted
        documents = case.documents.defer("original", "text").order_by("issued", "id")
        docs = list(documents.prefetch_related("corrections"))
        records = [(d, Record.from_dict(d.corrected_record())) for d in docs]
    if not records:
        return
    docs = [d for d, _ in records]
    lead = next((r for d, r in records if r.kind == "urgent_action"), records[0][1])
    case.title = case.title if case.title and _edited(case) else (lead.title or case.title)
    case.countries = sorted({c for _, r in records for c in r.countries})
    case.places = list(dict.fromkeys(p for _, r in records for p in r.places))
    case.risks = list(dict.fromkeys(k for _, r in records for k in r.risks))
    counted = [r.people for _, r in records if r.people.count]
    if counted:
        case.people_count = max(p.count or 0 for p in counted)
        case.people_at_least = any(p.at_least for p in counted if p.count == case.people_count)
    issued = [d.issued for d, _ in records if d.issued]
    case.issued = min(issued) if issued else None
    deadlines = [date.fromisoformat(r.deadline) for _, r in records if r.deadline]
    case.deadline = max(deadlines) if deadlines else None
    stop = next((r for _, r in reversed(records) if r.stop_action), None)
    if stop:
        case.status, case.outcome = Case.Status.CLOSED, stop.outcome or Case.Outcome.UNKNOWN
    elif case.status != Case.Status.CLOSED:
        passed = case.deadline is not None and case.deadline < date.today()
        case.status = Case.Status.DEADLINE_PASSED if passed else Case.Status.OPEN
    case.summary = case.summary or _summary(docs[0].text, lead)
    case.save()


def add_to_case(case: Case, doc: Document, record: Record) -> None:
    """What one more document adds to a case (`refresh_case` recomputes from all of them)."""
    if record.kind == "urgent_action" and record.title:
        case.title = record.title  # the UA's own headline names the case
    elif not case.title:
        case.title = record.title or ""
    case.countries = sorted(set(case.countries) | set(record.countries))
    case.places = list(dict.fromkeys([*case.places, *record.places]))
    case.risks = list(dict.fromkeys([*case.risks, *record.risks]))
    if record.people.count and record.people.count >= (case.people_count or 0):
        case.people_at_least = (
            record.people.at_least
            if record.people.count > (case.people_count or 0)
            else (case.people_at_least or record.people.at_least)
        )
        case.people_count = record.people.count
    if doc.issued and (case.issued is None or doc.issued < case.issued):
        case.issued = doc.issued
    if record.deadline:
        deadline = date.fromisoformat(record.deadline)
        case.deadline = max(case.deadline, deadline) if case.deadline else deadline
    if record.stop_action:
        case.status, case.outcome = Case.Status.CLOSED, record.outcome or Case.Outcome.UNKNOWN
    elif case.status != Case.Status.CLOSED:
        passed = case.deadline is not None and case.deadline < date.today()
        case.status = Case.Status.DEADLINE_PASSED if passed else Case.Status.OPEN
    case.save()


def _edited(case: Case) -> bool:
    return False  # campaigner edits of a case's own fields arrive with the web app


def _summary(text: str, record: Record) -> str:
    """The first sentences of the running text, for the case page and feeds."""
    from urgent.extract.context import Context

    ctx = Context(text=text)
    sentences = [s.text for s in ctx.sentences if len(s.text.split()) >= 8]
    out = ""
    for s in sentences:
        if len(out) + len(s) > 600:
            break
        out = f"{out} {s}".strip()
    return out


# -- many files -----------------------------------------------------------------


def ingest_paths(
    files: list[Path],
    workers: int = 1,
    progress: bool = False,
    options: Options | None = None,
    report: Callable[[Path, str], None] | None = None,
) -> Summary:
    """Ingest files: those already stored are skipped by hash before any extraction."""
    summary = Summary()
    known = _known_hashes(files)
    todo = []
    for path in files:
        try:
            digest = sha256(path.read_bytes())
        except OSError as exc:
            summary.failed += 1
            summary.failures.append((str(path), exc.strerror or str(exc)))
            if report:
                report(path, exc.strerror or str(exc))
            continue
        if digest in known:
            summary.unchanged += 1
        else:
            todo.append(path)
    # this process stores while the workers extract: with one worker it still extracts apart
    batch = run_batch(todo, options or Options(), workers, want_text=True, progress=progress, apart=True)
    for path, result in batch:
        if isinstance(result, UrgentError):
            summary.failed += 1
            summary.failures.append((str(path), str(result)))
            if report:
                report(path, str(result))
            continue
        record = Record.from_dict(result["record"])
        try:
            summary.add(ingest_document(path.read_bytes(), path.name, record, result["text"]))
        except (IntegrityError, OperationalError) as exc:
            summary.failed += 1
            summary.failures.append((str(path), f"database: {exc}"))
            if report:
                report(path, f"database: {exc}")
    return summary


def _known_hashes(files: Iterable[Path]) -> set[str]:
    del files  # one query for all stored hashes is cheaper than one per file
    return set(Document.objects.values_list("sha256", flat=True))


def open_cases() -> Iterable[Case]:
    return Case.objects.filter(Q(merged_into__isnull=True))
