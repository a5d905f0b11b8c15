"""A newer extractor over stored documents; campaigners' corrections survive."""

from __future__ import annotations

from django.db import transaction

from urgent.extract import extract_document
from urgent.read import read
from urgent.record import Record
from urgent.web.cases import search
from urgent.web.cases.ingest import build_rows, refresh_case
from urgent.web.cases.models import Document


def reextract_all() -> tuple[int, int]:
    changed = same = 0
    for pk in Document.objects.values_list("pk", flat=True):
        if reextract(pk):
            changed += 1
        else:
            same += 1
    return changed, same


@transaction.atomic
def reextract(pk: int) -> bool:
    doc = Document.objects.select_for_update().get(pk=pk)
    fresh = read(bytes(doc.original), name=doc.name)
    record = extract_document(fresh)
    data = record.to_dict()
    if data == doc.record and fresh.text == doc.text:
        return False
    doc.record, doc.text, doc.extractor_version = data, fresh.text, record.extractor or doc.extractor_version
    doc.kind, doc.ua_number = record.kind, record.ua_number or ""
    doc.save()
    search.index_document(doc)
    if doc.case is not None:
        build_rows(doc, Record.from_dict(doc.corrected_record()))
        refresh_case(doc.case)
    return True
