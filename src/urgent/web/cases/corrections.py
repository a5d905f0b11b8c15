"""Campaigners' corrections, applied to a record by path ("targets[0].faxes"),
and the other reviewed edits of a case: people made public, publishing.

Every edit is recorded in the AuditLog; a correction is also a Correction row,
applied again whenever the document is re-extracted.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from urgent.record import Record
from urgent.web.cases.ingest import build_rows, refresh_case
from urgent.web.cases.models import AuditLog, Case, CaseNumber, Correction, Document, Person

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


class CorrectionLike(Protocol):
    field: str
    new_value: Any


def get_path(data: dict[str, Any], path: str) -> Any:
    current: Any = data
    for name, index in _STEP.findall(path):
        current = current[name]
        if index:
            current = current[int(index)]
    return current


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    steps = _STEP.findall(path)
    if not steps:
        raise KeyError(path)
    current: Any = data
    for name, index in steps[:-1]:
        current = current[name]
        if index:
            current = current[int(index)]
    name, index = steps[-1]
    if index:
        current[name][int(index)] = value
    else:
        current[name] = value


def apply_corrections(record: dict[str, Any], corrections: list[CorrectionLike]) -> dict[str, Any]:
    """A copy of the record with each correction applied in order; a path that no
    longer exists in a re-extracted record is skipped, not an error."""
    out = copy.deepcopy(record)
    for c in corrections:
        try:
            set_path(out, c.field, c.new_value)
        except (KeyError, IndexError, TypeError):
            continue
    return out


# -- audited edits ---------------------------------------------------------------------


def correct(doc: Document, path: str, new: Any, user: Any) -> Correction | None:
    """Correct one value of a document's record and refresh its case; the new
    Correction, or None when the value was already ``new``."""

    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=doc.pk)
        old = get_path(doc.corrected_record(), path)
        if old == new:
            return None
        made = Correction.objects.create(document=doc, field=path, old_value=old, new_value=new, user=user)
        AuditLog.record(user, "correct", doc, path, old, new)
        record = Record.from_dict(doc.corrected_record())
        _denormalise(doc, record)
        if doc.case is not None:
            if path.split(".")[0].split("[")[0] in ("asks", "targets", "people"):
                build_rows(doc, record)  # only then: rebuilding rows unlinks past actions from targets
            if path == "ua_number":
                _renumber(doc.case, old, new)
            refresh_case(doc.case)
        return made


def _denormalise(doc: Document, record: Record) -> None:
    """The document's own columns follow its corrected record (lists, search, case dates use them)."""

    doc.kind = record.kind
    doc.organisation = record.organisation or ""
    doc.ua_number = record.ua_number or ""
    doc.issued = date.fromisoformat(record.issued) if record.issued else None
    doc.save(update_fields=["kind", "organisation", "ua_number", "issued"])


def _renumber(case: Case, old: str | None, new: str | None) -> None:
    """A corrected UA number joins the case; the wrong one leaves it unless another document carries it,
    so later documents with the wrong number do not join this case. A number held by another case
    stays there (merging cases is a separate, reviewed step)."""

    if new:
        CaseNumber.objects.get_or_create(number=new, defaults={"case": case})
    if not old:
        return
    for other in case.documents.prefetch_related("corrections"):
        record = Record.from_dict(other.corrected_record())
        if old in (record.ua_number, record.follows.ua_number if record.follows else None):
            return
    CaseNumber.objects.filter(number=old, case=case).delete()


def set_person(person: Person, user: Any, public: bool, gender: str) -> list[str]:
    """Change whether a person at risk is named publicly, and their gender; the fields changed."""

    changed = []
    for name, value in (("public", public), ("gender", gender)):
        old = getattr(person, name)
        if old != value:
            setattr(person, name, value)
            AuditLog.record(user, "person", person, name, old, value)
            changed.append(name)
    if changed:
        person.save(update_fields=changed)
    return changed


class SummaryMissing(ValueError):
    """Publishing needs a public summary written by a campaigner."""


def publish(case: Case, summary: str, user: Any) -> None:
    """Show the case on public pages, with the campaigner's own summary (never the extracted one,
    which may name people)."""

    summary = summary.strip()
    if not summary:
        raise SummaryMissing("a public summary is required")
    with transaction.atomic():
        if summary != case.public_summary:
            AuditLog.record(user, "publish", case, "public_summary", case.public_summary, summary)
            case.public_summary = summary
        if not case.published:
            AuditLog.record(user, "publish", case, "published", False, True)
            case.published, case.published_at = True, timezone.now()
        case.save(update_fields=["public_summary", "published", "published_at", "updated_at"])


def unpublish(case: Case, user: Any) -> None:

    if not case.published:
        return
    AuditLog.record(user, "unpublish", case, "published", True, False)
    case.published, case.published_at = False, None
    case.save(update_fields=["published", "published_at", "updated_at"])
