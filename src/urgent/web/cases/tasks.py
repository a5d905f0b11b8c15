"""Background work: uploaded files are read, extracted and stored by a worker.

    ingest_upload.enqueue(upload.pk)    # from a view; returns at once
    python -m django db_worker --settings urgent.web.settings   # runs the queue

The task gets only the Upload's id (task arguments are stored as JSON); the
bytes wait in the Upload row. Reading and extraction happen before anything is
written, and storing is one transaction, so a bad document leaves no trace but
its Upload's error message.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from urgent.errors import UrgentError
from urgent.extract import extract_document
from urgent.read import ReadOptions, read
from urgent.web.cases.ingest import Outcome, ingest_document
from urgent.web.cases.models import Upload

logger = logging.getLogger(__name__)

INTERNAL_ERROR = "the document could not be processed (internal error); nothing was stored"


@task()
def ingest_upload(upload_id: int) -> int | None:
    """Store one uploaded file; the id of its Document, or None when it failed."""
    return process_upload(upload_id)


def process_upload(upload_id: int) -> int | None:
    # Claim the upload first: a task run twice (a retried worker) must not ingest twice.
    claimed = Upload.objects.filter(pk=upload_id, status=Upload.Status.QUEUED).update(
        status=Upload.Status.PROCESSING
    )
    if not claimed:
        return None
    upload = Upload.objects.get(pk=upload_id)
    try:
        outcome = _ingest(upload)
    except UrgentError as exc:  # empty, binary, encrypted…: the reader says which, in one line
        _finish(upload, Upload.Status.FAILED, error=str(exc))
        return None
    except Exception:
        logger.exception("upload %s failed", upload_id)
        _finish(upload, Upload.Status.FAILED, error=INTERNAL_ERROR)
        return None
    assert outcome.document is not None
    _finish(upload, Upload.Status.DONE, outcome=outcome)
    return outcome.document.pk


def _ingest(upload: Upload) -> Outcome:
    data = bytes(upload.data)
    limit = int(settings.MAX_UPLOAD_MB * 1024 * 1024)
    doc = read(data, name=upload.name, options=ReadOptions(max_bytes=limit))
    record = extract_document(doc)
    return ingest_document(data, upload.name, record, doc.text)


def _finish(upload: Upload, status: str, error: str = "", outcome: Outcome | None = None) -> None:
    upload.status = status
    upload.error = error
    upload.data = b""  # the Document keeps the original; a failed file is not worth keeping
    upload.finished_at = timezone.now()
    if outcome is not None:
        upload.document = outcome.document
        upload.already_stored = not outcome.new
    upload.save()
