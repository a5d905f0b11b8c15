"""Campaigners' API (bearer token): read a document whole, upload one, publish a case.

Uploads are ingested synchronously, in the request: one document takes about
a second to read and extract, and the caller gets the case it joined at once.
Every change is written to the audit log like the same edit on the campaign pages.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from urgent.errors import UrgentError
from urgent.extract import extract_document
from urgent.read import ReadError, ReadOptions, read
from urgent.web.api import schemas as s
from urgent.web.api.auth import token
from urgent.web.api.cases import router as cases
from urgent.web.cases.ingest import ingest_document
from urgent.web.cases.models import AuditLog, Case, Document

documents = Router(tags=["documents (campaigners)"], auth=token)
DENIED = {401: s.Error, 403: s.Error}
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")


@cases.patch(
    "/cases/{id}",
    auth=token,
    tags=["cases (campaigners)"],
    response={200: s.CaseState, **DENIED, 400: s.Error, 404: s.Error, 409: s.Error, 422: s.Error},
    summary="Publish or unpublish a case, change its public summary, status or outcome",
)
def change_case(request: HttpRequest, id: s.Id, change: s.CaseChange) -> Case:
    case = Case.objects.filter(pk=id).first()
    if case is None:
        raise HttpError(404, "No such case.")
    if case.merged_into_id:
        raise HttpError(409, f"Case {case.pk} was merged into case {case.merged_into_id}.")
    new = change.model_dump(exclude_none=True)
    if new.get("published", case.published) and not new.get("public_summary", case.public_summary).strip():
        raise HttpError(422, "public_summary: a published case needs a public summary.")
    for field, value in new.items():
        old = getattr(case, field)
        if value == old:
            continue
        action = ("publish" if value else "unpublish") if field == "published" else "edit"
        AuditLog.record(request.auth, action, case, field, old, value)
        setattr(case, field, value)
    if case.published and not case.published_at:
        case.published_at = timezone.now()
    case.save()
    return case


@documents.get("/documents/{id}", response={200: s.DocumentFull, **DENIED, 404: s.Error, 422: s.Error})
def document(request: HttpRequest, id: s.Id) -> dict:
    """A stored document with its text and record (campaigners' corrections applied)."""
    doc = Document.objects.filter(pk=id).defer("original").first()
    if doc is None:
        raise HttpError(404, "No such document.")
    fields = {f: getattr(doc, f) for f in s.DocumentFull.model_fields if f not in ("case", "record")}
    return {**fields, "case": doc.case_id, "record": doc.corrected_record()}


@documents.post(
    "/documents",
    response={
        200: s.Ingested,
        201: s.Ingested,
        **DENIED,
        400: s.Error,
        413: s.Error,
        415: s.Error,
        422: s.Error,
    },
    summary="Upload a document (PDF, Word, e-mail, HTML, text): read, extract and store it now",
)
def upload(request: HttpRequest, file: File[UploadedFile]) -> Status:
    limit = int(settings.MAX_UPLOAD_MB * 1024 * 1024)
    if file.size and file.size > limit:
        raise HttpError(413, f"The file is over the {settings.MAX_UPLOAD_MB:g} MB limit.")
    if not file.size:
        raise HttpError(400, "The file is empty.")
    name = _file_name(file.name or "")
    data = file.read()
    try:
        doc = read(data, name=name, options=ReadOptions(max_bytes=limit))
        record = extract_document(doc)
    except ReadError as exc:
        raise HttpError(415, f"{name or 'file'}: {exc}") from None
    except UrgentError as exc:
        raise HttpError(400, f"{name or 'file'}: {exc}") from None
    outcome = ingest_document(data, name, record, doc.text)
    stored = outcome.document
    assert stored is not None
    stored.refresh_from_db(fields=["case"])  # a new case may have been merged at once into one it matches
    if outcome.new:
        AuditLog.record(request.auth, "upload", stored, "name", None, name)
    result = {"document": stored.pk, "case": stored.case_id, "new": outcome.new}
    return Status(201 if outcome.new else 200, {**result, "case_created": outcome.case_created})


def _file_name(name: str) -> str:
    """The last part of a client's file name, printable, as it fits in the database."""
    return _UNPRINTABLE.sub("", PurePosixPath(name.replace("\\", "/")).name)[:200]
