"""Campaigners' view of cases: the list (unpublished and closed ones too) and one case with
everything about it, and the forms that change it. Each change is audit-logged; news of a
published case goes to the supporters who acted on it (`urgent.web.accounts.alerts`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from urgent.web.accounts.alerts import notify_update
from urgent.web.campaign.access import campaigner_required
from urgent.web.campaign.case_forms import (
    OUTCOME_EVENTS,
    CaseFilter,
    CloseForm,
    EventForm,
    MergeForm,
    SplitForm,
)
from urgent.web.cases import linking
from urgent.web.cases.models import AuditLog, Case, Event, LinkProposal


@campaigner_required
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseFilter(request.GET or None)
    cases = Case.objects.filter(merged_into__isnull=True)
    if form.is_valid():
        cases = filtered(cases, **form.cleaned_data)
    cases = (
        cases.annotate(n_docs=Count("documents", distinct=True), n_actions=Count("actions", distinct=True))
        .prefetch_related("numbers")
        .order_by(F("deadline").desc(nulls_last=True), "-id")
    )
    page = Paginator(cases, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "campaign/cases.html", {"form": form, "page": page, "query": query.urlencode()})


def filtered(cases: Any, q: str, status: str, published: str) -> Any:
    if q:
        cases = cases.filter(Q(title__icontains=q) | Q(numbers__number=q.removeprefix("UA ").strip()))
    if status:
        cases = cases.filter(status=status)
    if published:
        cases = cases.filter(published=published == "yes")
    return cases.distinct()


@campaigner_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return case_page(request, get_object_or_404(Case, pk=pk))


def case_page(request: HttpRequest, case: Case, status: int = 200, **forms: Any) -> HttpResponse:
    """The case page, with the forms as posted when one of them did not validate."""
    proposals = LinkProposal.objects.filter(Q(case=case) | Q(other=case)).select_related("case", "other")
    history = AuditLog.objects.filter(
        Q(model="case", object_id=str(case.pk))
        | Q(model="linkproposal", object_id__in=[str(p.pk) for p in proposals])
    ).select_related("user")[:200]
    context = {
        "case": case,
        "documents": case.documents.order_by("issued", "id"),
        "people": case.people.order_by("name"),
        "targets": case.targets.select_related("official", "document").order_by("-document_id", "position"),
        "events": case.events.select_related("document").order_by("date", "id"),
        "actions": case.actions.count(),
        "merged": case.merged.all(),
        "proposals": proposals,
        "history": history,
        "event_form": forms.get("event_form") or EventForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "split_form": forms.get("split_form") or SplitForm(case=case),
        "merge_form": forms.get("merge_form") or MergeForm(),
    }
    return render(request, "campaign/case.html", context, status=status)


@campaigner_required
@require_POST
def add_event(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = EventForm(request.POST)
    if not form.is_valid():
        return case_page(request, case, 400, event_form=form)
    event = form.save(commit=False)
    event.case = case
    event.save()
    AuditLog.record(request.user, "event", case, "events", None, event_value(event))
    notify_update(case, f"event:{event.pk}")
    messages.success(request, _("The event is recorded."))
    return redirect("campaign:case", case.pk)


def event_value(event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else None,
        "place": event.place,
        "note": event.note,
    }


@campaigner_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the outcome and close the case; the outcome also goes on the timeline."""
    case = get_object_or_404(Case, pk=pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return case_page(request, case, 400, close_form=form)
    outcome = form.cleaned_data["outcome"]
    old = case.status, case.outcome
    case.status, case.outcome = Case.Status.CLOSED, outcome
    case.save(update_fields=["status", "outcome", "updated_at"])
    event = Event.objects.create(
        case=case,
        kind=OUTCOME_EVENTS[outcome],
        date=form.cleaned_data["date"],
        note=form.cleaned_data["note"],
    )
    AuditLog.record(request.user, "close", case, "status", old[0], case.status)
    AuditLog.record(request.user, "close", case, "outcome", old[1], outcome)
    AuditLog.record(request.user, "event", case, "events", None, event_value(event))
    notify_update(case, f"outcome:{outcome}")
    messages.success(request, _("The case is closed."))
    return redirect("campaign:case", case.pk)


@campaigner_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    old = case.status, case.outcome
    passed = case.deadline is not None and case.deadline < date.today()
    case.status = Case.Status.DEADLINE_PASSED if passed else Case.Status.OPEN
    case.outcome = Case.Outcome.NONE
    case.save(update_fields=["status", "outcome", "updated_at"])
    AuditLog.record(request.user, "reopen", case, "status", old[0], case.status)
    AuditLog.record(request.user, "reopen", case, "outcome", old[1], case.outcome)
    messages.success(request, _("The case is open again."))
    return redirect("campaign:case", case.pk)


@campaigner_required
@require_POST
def split(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = SplitForm(request.POST, case=case)
    if form.is_valid():
        try:
            new = linking.split(case, [d.pk for d in form.cleaned_data["documents"]], request.user)
        except linking.CannotLink:
            form.add_error("documents", _("Choose some of the case's documents, not all of them."))
        else:
            messages.success(request, _("The documents are now a case of their own, not published."))
            return redirect("campaign:case", new.pk)
    return case_page(request, case, 400, split_form=form)


@campaigner_required
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = MergeForm(request.POST)
    if form.is_valid():
        keep = Case.objects.filter(pk=form.cleaned_data["into"]).first()
        try:
            if keep is None:
                raise linking.CannotLink
            linking.merge_by_hand(keep, case, request.user)
        except linking.CannotLink:
            form.add_error("into", _("Give the number of another case that has not been merged."))
        else:
            messages.success(request, _("The cases are merged."))
            return redirect("campaign:case", keep.pk)
    return case_page(request, case, 400, merge_form=form)
