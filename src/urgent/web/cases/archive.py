"""The case store as a portable archive, and the list of cases.

    case_rows(include_merged=False)      # the cases as `urgent cases` lists them
    export_archive(path)                 # every row of `cases` and `officials`, JSON Lines
    import_archive(path, merge=False)    # into an empty store; merge: add the new documents

An archive moves a store between machines and databases (SQLite ↔ PostgreSQL)
and across upgrades; a backup of the whole database is `urgent.web.cases.backup`.

Archive format, version 1: UTF-8 JSON Lines, keys sorted, gzip-compressed when
the file name ends in ``.gz``. Exporting the same data twice gives the same
bytes, whatever the database.

    {"format": "urgent-archive", "migrations": {"cases": [...], ...}, "version": 1}
    {"fields": {"username": "alice"}, "model": "auth.user"}        users the rows refer to
    {"fields": {...}, "model": "officials.office", "pk": 1}        Django's serialisation,
    ...                                                            models in dependency order,
    {"fields": {"original": "<base64>", ...}, "model": "cases.document", "pk": 1}
    {"end": {"auth.user": 1, "cases.case": 5, ...}}                counts: a cut file is refused

Rows keep their ids, timestamps and relations; a user is referred to by
username (``"user": ["alice"]``) and carries nothing else: no password, no
e-mail. Importing recreates a missing user without a usable password.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Count, F

from urgent.errors import UrgentError
from urgent.record import Record
from urgent.web.cases import search

FORMAT = "urgent-archive"
VERSION = 1
APPS = ("officials", "cases")
GZIP_MAGIC = b"\x1f\x8b"


class ArchiveError(UrgentError):
    """An archive or backup that cannot be read or written, in one line."""


# -- listing --------------------------------------------------------------------


def case_rows(include_merged: bool = False) -> list[dict[str, Any]]:
    """The cases, nearest deadline first (cases without one last), as plain values."""
    from urgent.web.cases.models import Case

    cases = Case.objects.annotate(n_documents=Count("documents")).prefetch_related("numbers")
    if not include_merged:
        cases = cases.filter(merged_into__isnull=True)
    return [
        {
            "id": c.pk,
            "title": c.title,
            "status": c.status,
            "outcome": c.outcome,
            "ua_numbers": c.ua_list,
            "countries": c.countries,
            "people_count": c.people_count,
            "people_at_least": c.people_at_least,
            "deadline": c.deadline.isoformat() if c.deadline else None,
            "documents": c.n_documents,
            "published": c.published,
            "merged_into": c.merged_into_id,
        }
        for c in cases.order_by(F("deadline").asc(nulls_last=True), "id")
    ]


# -- export ---------------------------------------------------------------------


def archived_models() -> list[type[models.Model]]:
    """Every stored model of the two apps, each after the models it refers to, so that
    an archive reads top to bottom (a model's references to itself aside)."""
    pending = [
        m
        for label in APPS
        for m in apps.get_app_config(label).get_models()
        if m._meta.managed and not m._meta.proxy
    ]
    ordered: list[type[models.Model]] = []
    while pending:
        ready = next((m for m in pending if _dependencies(m, pending) <= {m}), pending[0])
        ordered.append(ready)
        pending.remove(ready)
    return ordered


def _dependencies(model: type[models.Model], among: list[type[models.Model]]) -> set[type[models.Model]]:
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    return {f.related_model for f in fields if f.is_relation and f.related_model in among}


def export_archive(path: Path) -> Counter[str]:
    """Write the whole store to ``path`` (replaced only once complete); return the counts."""
    path = Path(path)
    fd, tmp = temp_beside(path)
    try:
        with os.fdopen(fd, "wb") as raw, _text_writer(raw, gzipped=path.suffix == ".gz") as out:
            counts = write_archive(out)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts


def write_archive(out: IO[str]) -> Counter[str]:
    """The archive as lines on ``out``, from one consistent view of the store."""
    counts: Counter[str] = Counter()
    with _snapshot():
        out.write(_line({"format": FORMAT, "version": VERSION, "migrations": _applied_migrations(APPS)}))
        user_model = get_user_model()
        for name in _referenced_usernames():
            out.write(_line({"model": _label(user_model), "fields": {user_model.USERNAME_FIELD: name}}))
            counts[_label(user_model)] += 1
        for model in archived_models():
            for obj in _serialised(model):
                out.write(_line(obj))
                counts[obj["model"]] += 1
        out.write(_line({"end": dict(counts)}))
    return counts


def _serialised(model: type[models.Model]) -> Iterator[dict[str, Any]]:
    many = [f.name for f in model._meta.many_to_many]
    # documents carry their originals: fetch few at a time
    size = 20 if any(isinstance(f, models.BinaryField) for f in model._meta.fields) else 500
    rows = model._base_manager.order_by("pk").prefetch_related(*many).iterator(chunk_size=size)
    while chunk := list(islice(rows, size)):
        for obj in serializers.serialize("python", chunk, use_natural_foreign_keys=True):
            for name in many:
                obj["fields"][name] = sorted(obj["fields"][name])
            yield obj


def _referenced_usernames() -> list[str]:
    user_model = get_user_model()
    ids: set[int] = set()
    for model in archived_models():
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is user_model:
                ids |= set(
                    model._base_manager.filter(**{f"{f.name}__isnull": False}).values_list(
                        f.attname, flat=True
                    )
                )
    names = user_model._base_manager.filter(pk__in=ids).values_list(user_model.USERNAME_FIELD, flat=True)
    return sorted(names)


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the store for the whole export, without stopping writers."""
    if connection.in_atomic_block:  # the caller's transaction is the view
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # atomic() would BEGIN IMMEDIATE (settings) and hold the write lock for the whole
        # export; a deferred transaction is a WAL read snapshot that writers do not wait for
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
    else:
        with transaction.atomic():
            yield


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain) + "\n"


def _plain(value: Any) -> Any:
    # full precision: DjangoJSONEncoder cuts datetimes to milliseconds
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"cannot archive {type(value).__name__}")


@contextmanager
def _text_writer(raw: IO[bytes], gzipped: bool) -> Iterator[IO[str]]:
    # mtime=0 and no file name in the gzip header: the same data gives the same bytes
    stream: IO[bytes] = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if gzipped else raw
    with io.TextIOWrapper(stream, encoding="utf-8", newline="\n") as out:
        yield out


# -- import ---------------------------------------------------------------------


@dataclass
class ImportResult:
    counts: Counter[str] = field(default_factory=Counter)  # rows read, by model
    added: int = 0  # documents added by a merge
    skipped: int = 0  # documents a merge found already stored
    corrections: int = 0  # corrections a merge carried over

    def line(self, merge: bool = False) -> str:
        if merge:
            return (
                f"{self.added} documents added, {self.skipped} already stored, "
                f"{self.corrections} corrections carried over"
            )
        shown = {
            "cases.case": "cases",
            "cases.document": "documents",
            "cases.correction": "corrections",
            "cases.linkproposal": "link proposals",
            "officials.official": "officials",
        }
        parts = [f"{self.counts[label]} {words}" for label, words in shown.items()]
        return f"imported {', '.join(parts)}; {self.counts.total()} rows"


def import_archive(path: Path, merge: bool = False) -> ImportResult:
    """Load an archive in one transaction: into an empty store exactly as exported, or
    (``merge``) its documents this store lacks, through ingestion, with their corrections.

    A merge takes only documents and corrections: they are linked to this store's cases as
    new files would be, and the archive's cases, proposals and directory are not copied."""
    with _archive_lines(Path(path)) as lines:
        _check_header(next(lines, (1, None)))
        try:
            with transaction.atomic():
                result = _merge(lines) if merge else _load(lines)
                if not merge:  # the search index is derived from the documents, not archived
                    search.rebuild()
                _reset_sequences()
                connection.check_constraints(table_names=[m._meta.db_table for m in archived_models()])
        except DatabaseError as exc:
            raise ArchiveError(f"does not fit this database: {first_line(exc)}") from exc
    return result


@contextmanager
def _archive_lines(path: Path) -> Iterator[Iterator[tuple[int, Any]]]:
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ArchiveError(exc.strerror or str(exc)) from exc
    with raw:
        gzipped = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
        with io.TextIOWrapper(stream, encoding="utf-8", newline="\n") as text:
            yield _parsed(text)


def _parsed(text: IO[str]) -> Iterator[tuple[int, Any]]:
    number = 1
    while True:
        try:
            line = text.readline()
            if not line:
                return
            obj = json.loads(line)
        except (ValueError, EOFError, OSError) as exc:
            # undecodable text, bad JSON (ValueError) and broken gzip (EOFError, OSError)
            if number == 1:
                raise ArchiveError("not an urgent archive (not JSON Lines)") from exc
            raise ArchiveError(f"line {number}: broken line ({first_line(exc)})") from exc
        yield number, obj
        number += 1


def _check_header(first: tuple[int, Any]) -> None:
    header = first[1]
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ArchiveError("not an urgent archive (no header line)")
    if header.get("version") != VERSION:
        raise ArchiveError(
            f"archive format version {header.get('version')!r}: this urgent reads version {VERSION}"
        )
    migrations = header.get("migrations")
    if not isinstance(migrations, dict):
        raise ArchiveError("not an urgent archive (no migrations in the header line)")
    applied = [(str(app), str(name)) for app, names in migrations.items() for name in names or ()]
    refuse_unknown_migrations(applied, "archive")


def _load(lines: Iterator[tuple[int, Any]]) -> ImportResult:
    _require_empty()
    result = ImportResult()
    stored = {_label(m) for m in archived_models()}
    for number, obj in lines:
        if _is_end(number, obj, result.counts, lines):
            return result
        label = _row_label(number, obj, stored)
        if label == _label(get_user_model()):
            _user(number, obj)
        else:
            if "pk" not in obj:
                raise ArchiveError(f"line {number}: {label} row without a pk")
            with _row_errors(number):
                (row,) = serializers.deserialize("python", [obj])
                _check_original(number, row.object)
                row.save(force_insert=True)
        result.counts[label] += 1
    raise ArchiveError("the archive is cut short (no end line)")


def _merge(lines: Iterator[tuple[int, Any]]) -> ImportResult:
    from urgent.web.cases.ingest import build_rows, refresh_case
    from urgent.web.cases.models import Correction, Document

    result = ImportResult()
    stored = {_label(m) for m in archived_models()}
    new_ids: dict[Any, int] = {}  # archive document pk → pk here, for the documents added
    corrected: set[int] = set()
    for number, obj in lines:
        if _is_end(number, obj, result.counts, lines):
            break
        label = _row_label(number, obj, stored)
        result.counts[label] += 1
        if label == _label(get_user_model()):
            _user(number, obj)
        elif label == _label(Document):
            with _row_errors(number):
                added = _merge_document(number, obj)
                if added is None:
                    result.skipped += 1
                else:
                    new_ids[obj["pk"]] = added
                    result.added += 1
        elif label == _label(Correction):
            with _row_errors(number):
                if obj["fields"]["document"] in new_ids:
                    corrected.add(_merge_correction(obj, new_ids[obj["fields"]["document"]]))
                    result.corrections += 1
    else:
        raise ArchiveError("the archive is cut short (no end line)")
    # the corrected values are what the cases show, as after a re-extraction
    for doc in Document.objects.filter(pk__in=corrected).select_related("case"):
        if doc.case is not None:
            build_rows(doc, Record.from_dict(doc.corrected_record()))
            refresh_case(doc.case)
    return result


def _merge_document(number: int, obj: dict[str, Any]) -> int | None:
    """Ingest a document this store lacks, as a new file would be; None if it has it."""
    from urgent.web.cases.ingest import ingest_document
    from urgent.web.cases.models import Document

    (row,) = serializers.deserialize("python", [obj])
    doc = row.object
    _check_original(number, doc)
    if Document.objects.filter(sha256=doc.sha256).exists():
        return None
    outcome = ingest_document(bytes(doc.original), doc.name, Record.from_dict(doc.record), doc.text)
    assert outcome.document is not None
    return int(outcome.document.pk)


def _merge_correction(obj: dict[str, Any], document_id: int) -> int:
    (row,) = serializers.deserialize("python", [obj])
    correction = row.object
    correction.pk = None
    correction.document_id = document_id
    models.Model.save_base(correction, raw=True)  # raw: keeps created_at
    return document_id


def _require_empty() -> None:
    from urgent.web.cases.models import Case, Document

    if any(m._base_manager.exists() for m in archived_models()):
        cases, docs = Case.objects.count(), Document.objects.count()
        raise ArchiveError(
            f"the store is not empty ({cases} cases, {docs} documents): import into an empty "
            "database, or use --merge to add the archive's new documents"
        )


def _row_label(number: int, obj: Any, stored: set[str]) -> str:
    label = obj.get("model") if isinstance(obj, dict) else None
    # an archive must not write anything else: sessions, permissions, superusers…
    if not isinstance(label, str) or (label not in stored and label != _label(get_user_model())):
        raise ArchiveError(f"line {number}: {label!r} is not part of the case store")
    return str(label)


def _user(number: int, obj: dict[str, Any]) -> None:
    user_model = get_user_model()
    fields = obj.get("fields")
    name = fields.get(user_model.USERNAME_FIELD) if isinstance(fields, dict) else None
    if not isinstance(name, str) or not name:
        raise ArchiveError(f"line {number}: a user without a {user_model.USERNAME_FIELD}")
    user, created = user_model._default_manager.get_or_create(**{user_model.USERNAME_FIELD: name})
    if created:
        user.set_unusable_password()
        user.save()


def _is_end(number: int, obj: Any, counts: Counter[str], lines: Iterator[tuple[int, Any]]) -> bool:
    if not (isinstance(obj, dict) and "end" in obj):
        return False
    expected = obj["end"] if isinstance(obj["end"], dict) else {}
    if Counter({k: v for k, v in expected.items() if v}) != +counts:
        raise ArchiveError(f"line {number}: the end line counts other rows than the archive holds")
    if next(lines, None) is not None:
        raise ArchiveError(f"line {number + 1}: rows after the end line")
    return True


def _check_original(number: int, doc: Any) -> None:
    if hasattr(doc, "original") and hashlib.sha256(bytes(doc.original)).hexdigest() != doc.sha256:
        raise ArchiveError(f"line {number}: document {doc.pk}: the original does not match its sha256")


@contextmanager
def _row_errors(number: int) -> Iterator[None]:
    try:
        yield
    except ArchiveError:
        raise
    except Exception as exc:  # DeserializationError, FieldDoesNotExist, IntegrityError, KeyError…
        raise ArchiveError(f"line {number}: {first_line(exc)}") from exc


def _reset_sequences() -> None:
    """After rows with explicit ids, new rows must not reuse them (PostgreSQL sequences)."""
    statements = connection.ops.sequence_reset_sql(no_style(), archived_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


# -- migrations -----------------------------------------------------------------


def _applied_migrations(app_labels: tuple[str, ...]) -> dict[str, list[str]]:
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(connection).applied_migrations()
    return {label: sorted(name for app, name in applied if app == label) for label in app_labels}


def refuse_unknown_migrations(applied: list[tuple[str, str]], what: str) -> None:
    """Data from a newer urgent may not fit this code's tables: say so instead of failing later."""
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    installed = {c.label for c in apps.get_app_configs()}
    unknown = sorted(f"{a}.{n}" for a, n in applied if a in installed and (a, n) not in known)
    if unknown:
        raise ArchiveError(
            f"{what} made by a newer urgent (migration {unknown[0]} unknown here): upgrade first"
        )


def temp_beside(target: Path) -> tuple[int, str]:
    """A temporary file in the target's directory: the target is replaced only when complete."""
    if target.is_dir():
        raise ArchiveError("is a directory")
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise ArchiveError(exc.strerror or str(exc)) from exc


def _label(model: type[models.Model]) -> str:
    return str(model._meta.label_lower)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
