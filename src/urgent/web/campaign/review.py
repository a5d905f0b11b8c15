"""Reviewing documents: the list, the review screen, corrections and people.

The review screen shows the stored text with the extracted values marked where
they came from, and each value with a form to correct it. A correction is
applied to the document's record, recorded, and the case refreshed
(`cases.corrections.correct`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from urgent.web.campaign import fields
from urgent.web.campaign.access import campaigner_required
from urgent.web.campaign.marks import Marked, mark_text
from urgent.web.cases import corrections
from urgent.web.cases.models import Case, Document, Person


def anchor(path: str) -> str:
    """The id of a field on the review screen: "targets[0].faxes" -> "field-targets-0-faxes"."""
    return "field-" + re.sub(r"[^a-z0-9]+", "-", path).strip("-")


@dataclass
class FieldView:
    spec: fields.Spec
    value: Any
    text: str  # the value as the form shows it
    sources: list[int]
    corrected: bool
    error: str = ""

    @property
    def anchor(self) -> str:
        return anchor(self.spec.path)

    @property
    def empty(self) -> bool:
        return self.value is None or self.value in ("", [])


@dataclass
class GroupView:
    heading: str
    items: list[FieldView] = field(default_factory=list)


@dataclass
class Row:
    doc: Document
    record: dict[str, Any]  # corrected

    @property
    def case(self) -> Case | None:
        return self.doc.case

    @property
    def title(self) -> str:
        return self.record.get("title") or self.doc.name or _("(no title)")

    @property
    def kind(self) -> str:
        return str(fields.KIND_NAMES.get(self.record.get("kind") or "", self.record.get("kind") or ""))


@campaigner_required
def review_list(request: HttpRequest) -> HttpResponse:
    docs = (
        Document.objects.defer("original", "text")
        .select_related("case")
        .prefetch_related("corrections")
        .annotate(n_corrections=Count("corrections"))
        .order_by("-ingested_at", "-id")
    )
    page = Paginator(docs, 50).get_page(request.GET.get("page"))
    rows = [Row(doc, doc.corrected_record()) for doc in page.object_list]
    return render(request, "campaign/review_list.html", {"page": page, "rows": rows})


@campaigner_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    return render_review(request, get_object_or_404(Document, pk=pk))


def render_review(
    request: HttpRequest,
    doc: Document,
    errors: dict[str, tuple[str, str]] | None = None,
    publish_error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The review screen; ``errors`` maps a field path to (message, the text submitted)."""
    record = doc.corrected_record()
    marked = mark_text(doc.text, doc.record.get("spans") or {})
    history = list(doc.corrections.select_related("user").order_by("-created_at", "-id"))
    case = doc.case
    context = {
        "doc": doc,
        "case": case,
        "record": record,
        "marked": marked,
        "groups": _groups(record, marked, {c.field for c in history}, errors or {}),
        "history": history,
        "people": list(case.people.order_by("name")) if case else [],
        "siblings": list(case.documents.exclude(pk=doc.pk).defer("original", "text")) if case else [],
        "publish_error": publish_error,
        "summary": request.POST.get("public_summary", case.public_summary if case else ""),
    }
    return render(request, "campaign/review.html", context, status=status)


def _groups(
    record: dict[str, Any], marked: Marked, corrected: set[str], errors: dict[str, tuple[str, str]]
) -> list[GroupView]:
    out = []
    for group in fields.groups(record):
        view = GroupView(group.heading)
        for spec in group.specs:
            value = corrections.get_path(record, spec.path)
            item = FieldView(
                spec, value, fields.as_text(spec, value), marked.sources(spec.path), spec.path in corrected
            )
            if spec.path in errors:
                item.error, item.text = errors[spec.path]
            view.items.append(item)
        out.append(view)
    return out


@campaigner_required
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    doc = get_object_or_404(Document, pk=pk)
    path = request.POST.get("field", "")
    spec = fields.find(doc.corrected_record(), path)
    if spec is None:
        raise Http404(_("No such field."))
    submitted = request.POST.getlist("value")
    try:
        value = fields.parse(spec, submitted)
    except ValueError as exc:
        return render_review(request, doc, errors={path: (str(exc), "\n".join(submitted))}, status=400)
    if corrections.correct(doc, path, value, request.user):
        messages.success(request, _("Corrected: %(field)s.") % {"field": spec.label})
    else:
        messages.info(request, _("No change: %(field)s already had that value.") % {"field": spec.label})
    return redirect(reverse("campaign:review", args=[doc.pk]) + "#" + anchor(path))


@campaigner_required
@require_POST
def person(request: HttpRequest, pk: int, person_id: int) -> HttpResponse:
    """Whether a person at risk is named on public pages (names are personal data), and their gender."""
    doc = get_object_or_404(Document, pk=pk)
    who = get_object_or_404(Person, pk=person_id, case_id=doc.case_id)
    public = request.POST.get("public") == "on"
    gender = request.POST.get("gender", who.gender).strip()[:20]
    if corrections.set_person(who, request.user, public=public, gender=gender):
        if public:
            messages.success(request, _("%(name)s is named on public pages.") % {"name": who.name})
        else:
            messages.success(request, _("%(name)s is withheld from public pages.") % {"name": who.name})
    return redirect(reverse("campaign:review", args=[doc.pk]) + f"#person-{who.pk}")
