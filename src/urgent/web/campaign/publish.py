"""Publishing a case: it appears on public pages with the campaigner's own summary.

Only POST endpoints; the form sits on the review screen (and on the case page).
People stay unnamed on public pages until a campaigner marks them public.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from urgent.web.campaign.access import campaigner_required
from urgent.web.campaign.review import render_review
from urgent.web.cases import corrections
from urgent.web.cases.models import Case, Document


@campaigner_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, merged_into__isnull=True)
    try:
        # a form without the summary field (a bare "Publish" button) keeps the summary written before
        corrections.publish(case, request.POST.get("public_summary", case.public_summary), request.user)
    except corrections.SummaryMissing:
        message = _("Write a public summary before publishing: it is what supporters read.")
        doc = Document.objects.filter(pk=request.POST.get("document") or 0, case=case).first()
        if doc is not None:  # the error beside the summary, on the review screen it came from
            return render_review(request, doc, publish_error=message, status=400)
        messages.error(request, message)
        return redirect(_next(request, case))
    messages.success(request, _("Published: the case is on the public pages."))
    return redirect(_next(request, case))


@campaigner_required
@require_POST
def unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    corrections.unpublish(case, request.user)
    messages.success(request, _("Unpublished: the case is no longer on the public pages."))
    return redirect(_next(request, case))


def _next(request: HttpRequest, case: Case) -> str:
    """Back where the form was (only to this site), else the campaigner's page of the case."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    try:
        return reverse("campaign:case", args=[case.pk])
    except NoReverseMatch:  # the case pages live in manage_urls; the list of documents always exists
        return reverse("campaign:review_list")
