"""Possible duplicates: proposals waiting for a campaigner, shown side by side, and the
recent merges (automatic and by hand) with a way back. `urgent.web.cases.linking` does
the work and writes the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from urgent.web.campaign.access import campaigner_required
from urgent.web.cases import linking
from urgent.web.cases.models import LinkProposal

Status = LinkProposal.Status


def proposals(status: str) -> QuerySet[LinkProposal]:
    related = [f"{side}__{what}" for side in ("case", "other") for what in ("numbers", "documents", "people")]
    return (
        LinkProposal.objects.filter(status=status)
        .select_related("case", "other", "document", "decided_by")
        .prefetch_related(*related)
    )


@campaigner_required
def links(request: HttpRequest) -> HttpResponse:
    # a proposal about a case merged away since then has nothing left to decide
    pending = proposals(Status.PENDING).filter(
        case__merged_into__isnull=True, other__merged_into__isnull=True
    )
    merged = proposals(Status.MERGED).order_by("-decided_at", "-id")
    return render(request, "campaign/links.html", {"pending": pending[:50], "merged": merged[:30]})


@campaigner_required
@require_POST
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(LinkProposal, pk=pk)
    if proposal.status != Status.PENDING or proposal.case.merged_into_id or proposal.other.merged_into_id:
        messages.error(request, _("This proposal was already decided."))
    else:
        linking.merge(proposal, user=request.user)
        messages.success(request, _("The cases are merged."))
    return redirect("campaign:links")


@campaigner_required
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(LinkProposal, pk=pk)
    if proposal.status != Status.PENDING:
        messages.error(request, _("This proposal was already decided."))
    else:
        linking.reject(proposal, user=request.user)
        messages.success(request, _("Marked as not the same case."))
    return redirect("campaign:links")


@campaigner_required
@require_POST
def undo(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(LinkProposal, pk=pk)
    if proposal.status != Status.MERGED:
        messages.error(request, _("This merge was already undone."))
    elif proposal.case.merged_into_id:
        # its documents have moved on with the later merge: that one must be undone first
        messages.error(request, _("The case was merged again since; undo that merge first."))
    else:
        linking.undo(proposal, user=request.user)
        messages.success(request, _("The merge is undone: the cases are separate again."))
    return redirect("campaign:links")
