"""The campaign dashboard: what supporters did in the last 30 days, the deadlines of the
coming week, and the work waiting (documents to review, possible duplicates, stale contacts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from urgent.web.actions.models import Action
from urgent.web.campaign.access import campaigner_required
from urgent.web.cases.models import Case, Document, LinkProposal
from urgent.web.officials.models import ContactPoint
from urgent.web.site.templatetags.urgent_tags import language_name

DAYS = 30
SOON = 7
ROWS = 50  # per breakdown: the busiest cases and targets


@dataclass
class Row:
    label: str
    count: int
    url: str = ""


@dataclass
class Breakdown:
    slug: str
    title: str
    column: str
    rows: list[Row] = field(default_factory=list)

    @property
    def most(self) -> int:
        return max((r.count for r in self.rows), default=0)

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)


@campaigner_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    first = today - timedelta(days=DAYS - 1)
    recent = Action.objects.filter(created_at__gte=timezone.make_aware(datetime.combine(first, time.min)))
    context = {
        "days": DAYS,
        "total": recent.count(),
        "soon": SOON,
        "breakdowns": [by_case(recent), by_target(recent), by_language(recent), by_day(recent, first, today)],
        "deadlines": coming_deadlines(today),
        "to_review": Document.objects.exclude(case__published=True).count(),
        "pending_links": LinkProposal.objects.filter(status=LinkProposal.Status.PENDING).count(),
        "stale_contacts": ContactPoint.objects.filter(stale=True).count(),
    }
    return render(request, "campaign/dashboard.html", context)


def by_case(actions: QuerySet[Action]) -> Breakdown:
    rows = actions.values("case_id", "case__title").annotate(n=Count("id")).order_by("-n", "case_id")
    return Breakdown(
        "case",
        _("Actions per case"),
        _("Case"),
        [
            Row(r["case__title"] or _("Case %(id)s") % {"id": r["case_id"]}, r["n"], case_url(r["case_id"]))
            for r in rows[:ROWS]
        ],
    )


def by_target(actions: QuerySet[Action]) -> Breakdown:
    rows = (
        actions.values("target__title", "target__name", "target__organisation")
        .annotate(n=Count("id"))
        .order_by("-n", "target__name")
    )
    return Breakdown(
        "target",
        _("Actions per target"),
        _("Target"),
        [Row(target_label(r) or _("(no target recorded)"), r["n"]) for r in rows[:ROWS]],
    )


def target_label(row: dict) -> str:
    person = " ".join(p for p in (row["target__title"], row["target__name"]) if p)
    return ", ".join(p for p in (person, row["target__organisation"]) if p)


def by_language(actions: QuerySet[Action]) -> Breakdown:
    rows = actions.values("language").annotate(n=Count("id")).order_by("-n", "language")
    return Breakdown(
        "language",
        _("Actions per language"),
        _("Language"),
        [Row(f"{language_name(r['language'])} ({r['language']})", r["n"]) for r in rows],
    )


def by_day(actions: QuerySet[Action], first: date, last: date) -> Breakdown:
    """Every day of the period, days without actions too: a gap is information."""
    counts = {
        r["day"]: r["n"]
        for r in actions.annotate(day=TruncDate("created_at")).values("day").annotate(n=Count("id"))
    }
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return Breakdown(
        "day", _("Actions per day"), _("Day"), [Row(d.isoformat(), counts.get(d, 0)) for d in reversed(days)]
    )


def coming_deadlines(today: date) -> list[tuple[Case, int]]:
    cases = (
        Case.objects.filter(merged_into__isnull=True, deadline__range=(today, today + timedelta(days=SOON)))
        .exclude(status=Case.Status.CLOSED)
        .annotate(n_actions=Count("actions"))
        .order_by("deadline", "id")
    )
    return [(c, (c.deadline - today).days) for c in cases]


def case_url(pk: int) -> str:
    return reverse("campaign:case", args=[pk])
