"""Uploading documents: checked at once, processed in the background, status listed.

The request only checks size and type and queues the file (`cases.tasks`);
reading, extraction and storage run in the task worker, so the page never
waits on a large PDF.
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from urgent.errors import ReadError
from urgent.read.sniff import sniff
from urgent.web.campaign.access import campaigner_required
from urgent.web.cases.models import Upload
from urgent.web.cases.tasks import ingest_upload


@campaigner_required
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        files = request.FILES.getlist("files")
        if not files:
            messages.error(request, _("Choose at least one file to upload."))
        queued = sum(_queue(request, f) for f in files)
        if queued:
            messages.success(
                request,
                ngettext(
                    "%(n)d file queued: it is processed in the background.",
                    "%(n)d files queued: they are processed in the background.",
                    queued,
                )
                % {"n": queued},
            )
        return redirect("campaign:upload")
    uploads = list(Upload.objects.filter(uploaded_by=request.user).select_related("document")[:50])
    return render(
        request,
        "campaign/upload.html",
        {"uploads": uploads, "max_mb": settings.MAX_UPLOAD_MB, "pending": _pending(uploads)},
    )


def _queue(request: HttpRequest, file: UploadedFile) -> bool:
    name = PurePath(file.name or "upload").name[:500]
    problem = too_big(file.size or 0)
    data = b"" if problem else file.read()
    problem = problem or refusal(data, name)
    if problem:
        messages.error(
            request, _("%(name)s was not accepted: %(reason)s") % {"name": name, "reason": problem}
        )
        return False
    item = Upload.objects.create(name=name, size=len(data), data=data, uploaded_by=request.user)
    ingest_upload.enqueue(item.pk)
    return True


def too_big(size: int) -> str | None:
    if size <= settings.MAX_UPLOAD_MB * 1024 * 1024:
        return None
    return _("the file is %(size).1f MB, over the %(limit)g MB limit") % {
        "size": size / 1024 / 1024,
        "limit": settings.MAX_UPLOAD_MB,
    }


def refusal(data: bytes, name: str) -> str | None:
    """Why a file is refused before queuing (empty, not a document we read), or None.
    Only the cheap check by the bytes' signature; a damaged or encrypted PDF fails in the task."""
    if not data.strip():
        return _("the file is empty")
    try:
        sniff(data, name)
    except ReadError as exc:
        return str(exc)
    return None


def _pending(uploads: list[Upload]) -> bool:
    return any(u.status in (Upload.Status.QUEUED, Upload.Status.PROCESSING) for u in uploads)
