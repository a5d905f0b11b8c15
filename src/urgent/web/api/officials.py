"""Officials to write to: those named as targets of published cases, with the offices
they held, how to reach them and which contact points are stale. Officials are
public figures; the directory's other entries stay with campaigners."""

from __future__ import annotations

from typing import Annotated

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from urgent.web.api import schemas as s
from urgent.web.cases.models import Target
from urgent.web.cases.public import published_cases
from urgent.web.officials.models import ContactPoint, Official, Tenure

router = Router(tags=["officials"])


class Paging(Schema):
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(50, ge=1, le=100)


def public_officials() -> QuerySet[Official]:
    named = Target.objects.filter(case__in=published_cases()).values("official_id")
    return (
        Official.objects.filter(pk__in=named)
        .prefetch_related(
            Prefetch("tenures", Tenure.objects.select_related("office").prefetch_related("office__contacts")),
            Prefetch("contacts", ContactPoint.objects.order_by("kind", "first_seen", "id")),
        )
        .order_by("name", "id")
    )


def contact(c: ContactPoint) -> dict:
    return {
        "kind": c.kind,
        "value": c.value,
        "stale": c.stale,
        "first_seen": c.first_seen,
        "last_seen": c.last_seen,
    }


def official_out(o: Official) -> dict:
    offices = [
        {
            "title": t.office.title,
            "organisation": t.office.organisation,
            "country": t.office.country,
            "first_seen": t.first_seen,
            "last_seen": t.last_seen,
            "superseded": t.superseded,
            "contacts": [contact(c) for c in t.office.contacts.all()],
        }
        for t in o.tenures.all()
    ]
    contacts = [contact(c) for c in o.contacts.all()]
    cases = published_cases().filter(targets__official=o).values_list("id", flat=True).distinct()
    return {
        "id": o.pk,
        "name": o.name,
        "country": o.country,
        "offices": offices,
        "contacts": contacts,
        "stale": any(c["stale"] for c in contacts),
        "cases": sorted(cases),
    }


@router.get(
    "/officials", response={200: s.OfficialList, 422: s.Error}, summary="Officials named in published cases"
)
def list_officials(request: HttpRequest, paging: Annotated[Paging, Query()]) -> dict:
    officials = public_officials()
    count = officials.count()
    start = (paging.page - 1) * paging.per_page
    return {
        "count": count,
        "page": paging.page,
        "pages": max(1, -(-count // paging.per_page)),
        "per_page": paging.per_page,
        "items": [official_out(o) for o in officials[start : start + paging.per_page]],
    }


@router.get(
    "/officials/{id}", response={200: s.OfficialOut, 404: s.Error, 422: s.Error}, summary="One official"
)
def official_detail(request: HttpRequest, id: s.Id) -> dict:
    official = public_officials().filter(pk=id).first()
    if official is None:
        raise HttpError(404, "No such official in a published case.")
    return official_out(official)
