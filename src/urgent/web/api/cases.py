"""Published cases for anyone: the list (most urgent first), one case, its documents.

Everything passes through `urgent.web.cases.public`: unpublished and merged-away
cases are "not found", names of people not made public are withheld, and a
document shows its metadata only, never its text or bytes.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from django.db.models import Case as DbCase
from django.db.models import F, IntegerField, QuerySet, Value, When
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from urgent.web.api import schemas as s
from urgent.web.cases import search
from urgent.web.cases.models import Case
from urgent.web.cases.public import Masker, PublicCase, annotated, public_case, published_cases

router = Router(tags=["cases"])
MAX_PER_PAGE = 100


class CaseFilters(Schema):
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")
    risk: s.Risk | None = None
    status: s.Status | None = None
    q: str | None = Field(None, max_length=200, description='Words and "quoted phrases", all must match.')
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


def published_case(pk: int) -> Case:
    """A published case, or a JSON 404 that says no more than the site's page would."""
    case = annotated(published_cases()).filter(pk=pk).first()
    if case is None:
        raise HttpError(404, "No such case.")
    return case


def urgency(cases: QuerySet[Case]) -> QuerySet[Case]:
    """As on the home page: upcoming deadlines first, the nearest first, then the most
    people at risk; passed or missing deadlines after them; closed cases last."""
    today = date.today()
    return cases.annotate(
        rank=DbCase(
            When(status=Case.Status.CLOSED, then=Value(2)),
            When(deadline__gte=today, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("rank", F("deadline").asc(nulls_last=True), F("people_count").desc(nulls_last=True), "id")


def item(case: PublicCase) -> dict:
    return {**case.__dict__, "url": reverse("site:case", args=[case.id])}


@router.get("/cases", response={200: s.CaseList, 422: s.Error}, summary="Published cases, most urgent first")
def list_cases(request: HttpRequest, filters: Annotated[CaseFilters, Query()]) -> dict:
    cases = published_cases()
    if filters.country:
        # countries is a JSON list: match the quoted code
        cases = cases.filter(countries__icontains=f'"{filters.country.upper()}"')
    if filters.risk:
        cases = cases.filter(risks__icontains=f'"{filters.risk}"')
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.q:
        hits = search.search(filters.q, published_only=True, limit=search.MAX_LIMIT)
        cases = cases.filter(pk__in=[h.case_id for h in hits])
    count = cases.count()
    start = (filters.page - 1) * filters.per_page
    rows = annotated(urgency(cases))[start : start + filters.per_page]
    return {
        "count": count,
        "page": filters.page,
        "pages": max(1, -(-count // filters.per_page)),
        "per_page": filters.per_page,
        "items": [item(public_case(c, detail=False)) for c in rows],
    }


@router.get(
    "/cases/{id}", response={200: s.CaseDetail, 404: s.Error, 422: s.Error}, summary="One published case"
)
def case_detail(request: HttpRequest, id: s.Id) -> dict:
    return item(public_case(published_case(id)))


@router.get(
    "/cases/{id}/documents",
    response={200: list[s.DocumentMeta], 404: s.Error, 422: s.Error},
    summary="The documents of a published case: metadata only",
)
def case_documents(request: HttpRequest, id: s.Id) -> list[dict]:
    case = published_case(id)
    mask = Masker(case)  # file names may name people too
    return [
        {
            "id": d.pk,
            "kind": d.kind,
            "organisation": d.organisation,
            "ua_number": d.ua_number,
            "issued": d.issued,
            "name": mask(d.name),
            "format": d.format,
            "size": d.size,
        }
        for d in case.documents.order_by("issued", "id").only(
            "id", "kind", "organisation", "ua_number", "issued", "name", "format", "size"
        )
    ]
