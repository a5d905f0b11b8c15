"""The directory of officials for campaigners: who held which office when, how to reach them,
which contacts are stale (said in words: who replaced the holder, and when), which cases
write to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from urgent.web.campaign.access import campaigner_required
from urgent.web.cases.models import Target
from urgent.web.officials.models import ContactPoint, Official, Tenure


@dataclass
class Contact:
    point: ContactPoint
    stale: str  # empty when current


@dataclass
class Entry:
    official: Official
    tenures: list[Tenure]
    contacts: list[Contact]
    cases: list[dict[str, Any]]


@campaigner_required
def officials(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    stale_only = request.GET.get("stale") == "1"
    found = Official.objects.order_by("name", "id")
    if q:
        found = found.filter(
            Q(name__icontains=q)
            | Q(key__icontains=q.lower())
            | Q(tenures__office__title__icontains=q)
            | Q(tenures__office__organisation__icontains=q)
        ).distinct()
    if stale_only:
        found = found.filter(contacts__stale=True).distinct()
    page = Paginator(
        found.prefetch_related("tenures__office", "tenures__superseded_by__official", "contacts"), 50
    ).get_page(request.GET.get("page"))
    cases = cases_by_official([o.pk for o in page.object_list])
    entries = [entry(o, cases.get(o.pk, [])) for o in page.object_list]
    return render(
        request,
        "campaign/officials.html",
        {"page": page, "entries": entries, "q": q, "stale_only": stale_only},
    )


def entry(official: Official, cases: list[dict[str, Any]]) -> Entry:
    tenures = list(official.tenures.all())
    contacts = [Contact(c, stale_note(c, tenures) if c.stale else "") for c in official.contacts.all()]
    return Entry(official, tenures, contacts, cases)


def stale_note(point: ContactPoint, tenures: list[Tenure]) -> str:
    """Why a contact is stale, in words: the holder of the office was replaced."""
    tenure = next((t for t in tenures if t.office_id == point.office_id and t.superseded_by_id), None)
    if tenure is None or tenure.superseded_by is None:
        return _("stale: no longer the current holder of the office")
    after = tenure.superseded_by
    return _("stale: replaced on %(date)s by %(name)s") % {
        "date": after.first_seen.isoformat(),
        "name": after.official.name,
    }


def cases_by_official(ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    rows = (
        Target.objects.filter(official_id__in=ids, case__merged_into__isnull=True)
        .values("official_id", "case_id", "case__title")
        .distinct()
        .order_by("official_id", "case_id")
    )
    out: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["official_id"], []).append({"id": r["case_id"], "title": r["case__title"]})
    return out
