"""The one door to public data: what pages, feeds and the API may show of a case.

Only published cases pass; the names of people at risk appear only when a
campaigner marked the person public, and are withheld from every text a case
shows (title, summary, asks), because documents name people in running text
too. Extracted document text and summaries never pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet

from urgent.web.cases.models import Case, Event, Target

WITHHELD = "[name withheld]"


@dataclass
class PublicTarget:
    id: int
    role: str
    name: str
    title: str
    organisation: str
    address: list[str]
    country: str
    emails: list[str]
    faxes: list[str]
    phones: list[str]
    salutation: str
    stale: bool = False


@dataclass
class PublicCase:
    id: int
    title: str
    summary: str
    status: str
    outcome: str
    countries: list[str]
    risks: list[str]
    people_count: int | None
    people_at_least: bool
    people: list[str]
    places: list[str]
    deadline: date | None
    issued: date | None
    ua_numbers: list[str]
    asks: list[dict[str, Any]] = field(default_factory=list)
    targets: list[PublicTarget] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    actions: int = 0
    updated_at: Any = None

    def days_left(self, today: date | None = None) -> int | None:
        if self.deadline is None:
            return None
        return (self.deadline - (today or date.today())).days


def published_cases() -> QuerySet[Case]:
    return Case.objects.filter(published=True, merged_into__isnull=True)


class Masker:
    """Replaces the names of people not made public in any text of a case."""

    def __init__(self, case: Case) -> None:
        hidden = [p.name for p in case.people.all() if not p.public]
        parts = {w for n in hidden for w in re.split(r"\s+", n) if len(w) >= 3}
        names = sorted({*hidden, *parts}, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE) if names else None
        )

    def __call__(self, text: str) -> str:
        if not self.pattern or not text:
            return text
        masked = self.pattern.sub(WITHHELD, text)
        return re.sub(rf"{re.escape(WITHHELD)}(?:\s+{re.escape(WITHHELD)})+", WITHHELD, masked)


def public_case(case: Case, detail: bool = True) -> PublicCase:
    """What may be shown of ``case``; it must be published (the caller checks, or uses published_cases)."""
    if not case.published or case.merged_into_id:
        raise PermissionError("not a published case")
    mask = Masker(case)
    out = PublicCase(
        id=case.pk,
        title=mask(case.title),
        summary=mask(case.public_summary),
        status=case.status,
        outcome=case.outcome,
        countries=list(case.countries),
        risks=list(case.risks),
        people_count=case.people_count,
        people_at_least=case.people_at_least,
        people=[p.name for p in case.people.all() if p.public],
        places=list(case.places),
        deadline=case.deadline,
        issued=case.issued,
        ua_numbers=case.ua_list,
        updated_at=case.updated_at,
        actions=getattr(case, "n_actions", None) if hasattr(case, "n_actions") else case.actions.count(),
    )
    if not detail:
        return out
    latest = _latest_appeal(case)
    out.asks = (
        [
            {"text": mask(a.text), "kinds": list(a.kinds), "group": a.group}
            for a in case.asks.filter(document_id=latest).order_by("position")
        ]
        if latest
        else []
    )
    out.targets = (
        [_target(t, mask) for t in case.targets.filter(document_id=latest).order_by("position")]
        if latest
        else []
    )
    out.events = [
        {"kind": e.kind, "date": e.date, "place": e.place, "note": mask(e.note)}
        for e in case.events.order_by("date", "id")
        if e.kind != Event.Kind.OTHER or e.note
    ]
    return out


def annotated(qs: QuerySet[Case]) -> QuerySet[Case]:
    return qs.annotate(n_actions=Count("actions", distinct=True)).prefetch_related("people", "numbers")


def _latest_appeal(case: Case) -> int | None:
    """The document whose asks and targets are current: the latest with targets."""
    doc = (
        case.documents.filter(targets__isnull=False)
        .order_by("-issued", "-id")
        .values_list("id", flat=True)
        .first()
    )
    return doc


def _target(t: Target, mask: Masker) -> PublicTarget:
    record = t.document.corrected_record()  # campaigners' corrections of addresses and numbers
    extracted = record["targets"][t.position] if t.position < len(record.get("targets", [])) else {}
    stale = bool(t.official and t.official.contacts.filter(stale=True).exists()) if t.official_id else False
    return PublicTarget(
        id=t.pk,
        role=t.role,
        name=t.name,
        title=t.title,
        organisation=t.organisation,
        address=list(extracted.get("address", [])),
        country=extracted.get("country") or "",
        emails=list(extracted.get("emails", [])),
        faxes=list(extracted.get("faxes", [])),
        phones=list(extracted.get("phones", [])),
        salutation=t.salutation,
        stale=stale,
    )
