"""Export, import, backup and restore of the case store, and `urgent cases`.

In-process tests use pytest-django's test database (SQLite or PostgreSQL); the
command-line tests run `urgent` in a subprocess on a SQLite store in a temporary
URGENT_DATA_DIR, and on a temporary PostgreSQL database when the suite runs
on PostgreSQL.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS, seed
from tests.store.conftest import ingest_file

SEED_FILES = sorted(SEEDS.iterdir())
ON_POSTGRES = os.environ.get("URGENT_DATABASE_URL", "").startswith("postgres")


# -- a store with some history --------------------------------------------------


def build_history() -> None:
    """The five seeds, a campaigner's correction, a merge undone, a proposal waiting, a case
    published: everything an archive must carry besides what ingestion makes."""
    from django.contrib.auth import get_user_model

    from urgent.web.cases import linking
    from urgent.web.cases.models import Case, Correction, Document, LinkProposal

    for path in SEED_FILES:
        ingest_file(path)
    alice = get_user_model().objects.create_user("alice", password=None)
    ua2012 = Document.objects.get(name=seed("003").name)
    Correction.objects.create(
        document=ua2012,
        field="deadline",
        old_value=ua2012.record["deadline"],
        new_value="2012-04-30",
        user=alice,
    )
    letter = Document.objects.get(name=seed("002").name)
    Correction.objects.create(
        document=letter, field="title", old_value=None, new_value="Letter to Xi Jinping"
    )
    undone = LinkProposal.objects.create(
        case=ua2012.case, other=letter.case, document=letter, score=0.71, reasons=["same country"]
    )
    linking.merge(undone, user=alice)
    linking.undo(LinkProposal.objects.get(pk=undone.pk), user=alice)
    update = Document.objects.get(name=seed("001").name)
    LinkProposal.objects.create(case=update.case, other=letter.case, score=0.55, reasons=["same people"])
    Case.objects.filter(pk=ua2012.case_id).update(published=True)


def wipe() -> None:
    from urgent.web.cases.archive import archived_models

    for model in reversed(archived_models()):
        model._base_manager.all().delete()


def statuses() -> list[str]:
    from urgent.web.cases.models import LinkProposal

    return sorted(LinkProposal.objects.values_list("status", flat=True))


@pytest.mark.django_db(transaction=True)
def test_export_import_export_gives_the_same_archive(tmp_path: Path) -> None:
    from django.core.management import call_command

    from urgent.web.cases import search
    from urgent.web.cases.archive import export_archive, import_archive
    from urgent.web.cases.models import Case, Correction

    build_history()
    assert statuses() == ["merged", "pending", "undone"]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl.gz"
    counts = export_archive(first)
    assert counts["cases.case"] == 5 and counts["cases.document"] == 5 and counts["auth.user"] == 1

    call_command("flush", interactive=False, verbosity=0)
    search.rebuild()  # flush leaves the index's table alone: empty it too
    assert not search.search("refoulement", per_case=False)
    result = import_archive(first)
    assert result.counts == counts
    export_archive(second)

    assert gzip.decompress(second.read_bytes()) == first.read_bytes()
    assert statuses() == ["merged", "pending", "undone"]
    assert search.search("refoulement", per_case=False)  # the index is rebuilt, not archived
    assert Correction.objects.get(field="deadline").user.username == "alice"
    assert not Correction.objects.get(field="deadline").user.has_usable_password()
    # ids were inserted explicitly: a new row must not reuse one (PostgreSQL sequences)
    assert Case.objects.create(title="new").pk > max(
        Case.objects.exclude(title="new").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_the_archive_holds_originals_relations_and_users_by_name(tmp_path: Path) -> None:
    import base64

    from urgent.web.cases.archive import FORMAT, VERSION, export_archive

    build_history()
    export_archive(tmp_path / "a.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert lines[0]["format"] == FORMAT and lines[0]["version"] == VERSION
    assert lines[1] == {"model": "auth.user", "fields": {"username": "alice"}}
    assert set(lines[-1]["end"]) >= {"cases.case", "cases.document", "cases.correction", "officials.tenure"}
    rows = {(r["model"], r["pk"]): r["fields"] for r in lines[1:-1] if "pk" in r}
    doc = next(f for (m, _), f in rows.items() if m == "cases.document" and f["name"] == seed("000").name)
    assert base64.b64decode(doc["original"]) == seed("000").read_bytes()
    merged = [f for (m, _), f in rows.items() if m == "cases.case" and f["merged_into"]]
    assert len(merged) == 1
    assert any(f["sources"] for (m, _), f in rows.items() if m == "officials.contactpoint")
    assert {tuple(f["decided_by"] or ()) for (m, _), f in rows.items() if m == "cases.linkproposal"} == {
        (),
        ("alice",),
    }


@pytest.mark.django_db
def test_import_refuses_a_store_that_is_not_empty(tmp_path: Path) -> None:
    from urgent.web.cases.archive import ArchiveError, export_archive, import_archive

    build_history()
    export_archive(tmp_path / "a.jsonl")
    with pytest.raises(ArchiveError) as err:
        import_archive(tmp_path / "a.jsonl")
    assert str(err.value) == (
        "the store is not empty (5 cases, 5 documents): import into an empty database, "
        "or use --merge to add the archive's new documents"
    )


@pytest.mark.django_db
def test_merge_adds_the_documents_the_store_lacks_with_their_corrections(tmp_path: Path) -> None:
    from urgent.web.cases.archive import export_archive, import_archive
    from urgent.web.cases.models import Case, Correction, Document

    build_history()
    export_archive(tmp_path / "a.jsonl")
    wipe()
    ingest_file(seed("000"))
    ingest_file(seed("001"))

    result = import_archive(tmp_path / "a.jsonl", merge=True)

    assert (result.added, result.skipped, result.corrections) == (3, 2, 2)
    assert Document.objects.count() == 5
    assert Case.objects.filter(merged_into__isnull=True).count() == 4
    ua2012 = Document.objects.get(name=seed("003").name)
    correction = ua2012.corrections.get()
    assert correction.user.username == "alice" and correction.new_value == "2012-04-30"
    assert str(ua2012.case.deadline) == "2012-04-30"  # the corrected value is what the case shows
    assert Correction.objects.count() == 2

    again = import_archive(tmp_path / "a.jsonl", merge=True)
    assert (again.added, again.skipped) == (0, 5)


# -- bad archives ---------------------------------------------------------------


def _small_store() -> None:
    import hashlib

    from urgent.web.cases.models import Case, CaseNumber, Document

    case = Case.objects.create(title="A case")
    CaseNumber.objects.create(number="1/99", case=case)
    data = b"URGENT ACTION\n"
    Document.objects.create(
        sha256=hashlib.sha256(data).hexdigest(),
        name="ua.txt",
        format="text",
        size=len(data),
        original=data,
        text="URGENT ACTION",
        record={},
        extractor_version="1",
        kind="urgent_action",
        case=case,
    )


def _rows(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _text(rows: list[dict]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def _edit_row(model: str, change: Callable[[dict], None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        rows = _rows(text)
        change(next(r for r in rows if r.get("model") == model))
        return _text(rows)

    return edit


def _header(change: Callable[[dict], None]) -> Callable[[str], str]:
    def edit(text: str) -> str:
        rows = _rows(text)
        change(rows[0])
        return _text(rows)

    return edit


BAD = {
    "empty": (lambda t: "", "not an urgent archive (no header line)"),
    "not JSON": (lambda t: "case,title\n1,x\n", "not an urgent archive (not JSON Lines)"),
    "JSON, not ours": (lambda t: '{"cases": []}\n', "not an urgent archive (no header line)"),
    "newer format": (
        _header(lambda h: h.update(version=2)),
        "archive format version 2: this urgent reads version 1",
    ),
    "newer schema": (
        _header(lambda h: h["migrations"]["cases"].append("0099_future")),
        "archive made by a newer urgent (migration cases.0099_future unknown here): upgrade first",
    ),
    "cut short": (
        lambda t: "".join(t.splitlines(keepends=True)[:-2]),
        "the archive is cut short (no end line)",
    ),
    "row missing": (
        lambda t: "".join(ln for ln in t.splitlines(keepends=True) if '"model":"cases.casenumber"' not in ln),
        "line 4: the end line counts other rows than the archive holds",
    ),
    "broken line": (
        lambda t: t.replace('{"fields":{"case"', '{"fields":{"case"[', 1),
        "line 3: broken line (Expecting ':' delimiter: line 1 column 18 (char 17))",
    ),
    "foreign model": (
        lambda t: t.replace('"model":"cases.casenumber"', '"model":"sessions.session"'),
        "line 3: 'sessions.session' is not part of the case store",
    ),
    "a superuser": (
        _edit_row("cases.casenumber", lambda r: r.update(model="auth.user", fields={"is_superuser": True})),
        "line 3: a user without a username",
    ),
    "original altered": (
        _edit_row("cases.document", lambda r: r["fields"].update(original="QUJD")),
        "line 4: document {doc}: the original does not match its sha256",
    ),
    "unknown field": (
        _edit_row("cases.case", lambda r: r["fields"].update(colour="red")),
        "line 2: Case has no field named 'colour'",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_archive_is_refused_and_nothing_is_stored(tmp_path: Path, name: str) -> None:
    from urgent.web.cases.archive import ArchiveError, export_archive, import_archive
    from urgent.web.cases.models import Case, Document

    _small_store()
    doc = Document.objects.get().pk  # ids differ between runs on PostgreSQL
    export_archive(tmp_path / "good.jsonl")
    wipe()
    spoil, message = BAD[name]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(spoil((tmp_path / "good.jsonl").read_text()))
    with pytest.raises(ArchiveError) as err:
        import_archive(bad)
    assert str(err.value) == message.format(doc=doc)
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_dangling_reference_is_refused(tmp_path: Path) -> None:
    from urgent.web.cases.archive import ArchiveError, export_archive, import_archive
    from urgent.web.cases.models import Case

    _small_store()
    export_archive(tmp_path / "good.jsonl")
    wipe()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        _edit_row("cases.casenumber", lambda r: r["fields"].update(case=999))(
            (tmp_path / "good.jsonl").read_text()
        )
    )
    with pytest.raises(ArchiveError, match="does not fit this database: "):
        import_archive(bad)
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_a_cut_gzip_archive_is_refused(tmp_path: Path) -> None:
    from urgent.web.cases.archive import ArchiveError, export_archive, import_archive
    from urgent.web.cases.models import Case

    _small_store()
    export_archive(tmp_path / "good.jsonl.gz")
    wipe()
    data = (tmp_path / "good.jsonl.gz").read_bytes()
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ArchiveError, match=r"^line 4: broken line"):
        import_archive(tmp_path / "cut.jsonl.gz")
    assert not Case.objects.exists()


# -- the command line -----------------------------------------------------------


def urgent(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "urgent", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


def sqlite_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "URGENT_DATABASE_URL"}
    return {**env, "URGENT_DATA_DIR": str(data_dir)}


def ok(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store holding the five seeds, built once; tests work on copies."""
    data = tmp_path_factory.mktemp("seeded")
    ok(urgent("ingest", "--workers", "1", *map(str, SEED_FILES), env=sqlite_env(data)))
    return data


@pytest.fixture
def store(seeded: Path, tmp_path: Path) -> dict[str, str]:
    data = tmp_path / "store"
    shutil.copytree(seeded, data)
    return sqlite_env(data)


def test_cases_lists_one_case_per_incident(store: dict[str, str]) -> None:
    listed = json.loads(ok(urgent("cases", "--json", env=store)))
    assert len(listed) == 4  # the 2017 UA and the HRW press release about it are one case
    ua2017 = next(c for c in listed if c["ua_numbers"] == ["163/17"])
    assert ua2017["documents"] == 2 and ua2017["countries"] == ["CN", "KP"]
    assert ua2017["deadline"] == "2017-08-17" and ua2017["published"] is False

    everything = json.loads(ok(urgent("cases", "--json", "--all", env=store)))
    assert len(everything) == 5
    assert [c["merged_into"] for c in everything if c["merged_into"]] == [ua2017["id"]]


def test_cases_as_csv_and_as_a_table(store: dict[str, str]) -> None:
    lines = ok(urgent("cases", "--csv", env=store)).splitlines()
    assert lines[0] == (
        "id,title,status,outcome,ua_numbers,countries,people_count,people_at_least,deadline,documents,"
        "published,merged_into"
    )
    assert len(lines) == 5
    assert any(",163/17,CN KP,8,False,2017-08-17,2,False," in line for line in lines)
    table = ok(urgent("cases", env={**store, "COLUMNS": "160"}))
    assert "EIGHT NORTH KOREANS AT RISK OF FORCIBLE RETURN" in table and "163/17" in table


def test_export_then_import_into_a_new_store_round_trips(store: dict[str, str], tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl.gz", tmp_path / "second.jsonl.gz"
    assert ok(urgent("export", str(first), env=store)) == f"{first}: 5 cases, 5 documents, 121 rows\n"
    elsewhere = sqlite_env(tmp_path / "elsewhere")
    assert ok(urgent("import", str(first), env=elsewhere)) == (
        "imported 5 cases, 5 documents, 0 corrections, 1 link proposals, 12 officials; 121 rows\n"
    )
    ok(urgent("export", str(second), env=elsewhere))
    assert first.read_bytes() == second.read_bytes()

    out = urgent("import", str(first), env=elsewhere)
    assert out.returncode == 2
    assert out.stderr == (
        f"urgent: {first}: the store is not empty (5 cases, 5 documents): import into an empty "
        "database, or use --merge to add the archive's new documents\n"
    )
    merged = ok(urgent("import", "--merge", str(first), env=elsewhere))
    assert merged == "0 documents added, 5 already stored, 0 corrections carried over\n"


def test_backup_then_restore_undoes_later_changes(tmp_path: Path) -> None:
    env = sqlite_env(tmp_path / "store")
    ok(urgent("ingest", "--workers", "1", *map(str, SEED_FILES[:4]), env=env))
    backup = tmp_path / "store.sqlite3"
    assert ok(urgent("backup", str(backup), env=env)) == f"{backup}: backup written\n"
    ok(urgent("ingest", str(SEED_FILES[4]), env=env))
    assert len(json.loads(ok(urgent("cases", "--json", "--all", env=env)))) == 5

    assert ok(urgent("restore", "--yes", str(backup), env=env)) == f"{backup}: database restored\n"

    assert len(json.loads(ok(urgent("cases", "--json", "--all", env=env)))) == 4
    assert ok(urgent("ingest", str(SEED_FILES[4]), env=env)).startswith("1 new,")  # and it takes writes
    with sqlite3.connect(tmp_path / "store" / "urgent.sqlite3") as live:
        assert live.execute("PRAGMA journal_mode").fetchone() == ("wal",)


@pytest.fixture
def bad_files(store: dict[str, str], tmp_path: Path) -> Iterator[dict[str, Path]]:
    text = tmp_path / "notes.txt"
    text.write_text("not a backup\n")
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    live = Path(store["URGENT_DATA_DIR"]) / "urgent.sqlite3"
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(live) as src, sqlite3.connect(newer) as dst:
        src.backup(dst)
        dst.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('cases', '0099_future', '2030-01-01')"
        )
    yield {
        "text": text,
        "foreign": foreign,
        "missing": tmp_path / "missing.sqlite3",
        "dir": tmp_path,
        "live": live,
        "newer": newer,
    }


CLI_ERRORS = [
    (("restore", "--yes", "{text}"), "{text}: not a SQLite database"),
    (
        ("restore", "--yes", "{foreign}"),
        "{foreign}: not an urgent database (no django_migrations or cases tables)",
    ),
    (("restore", "--yes", "{missing}"), "{missing}: no such file"),
    (("restore", "--yes", "{live}"), "{live}: this is the live database"),
    (
        ("restore", "--yes", "{newer}"),
        "{newer}: backup made by a newer urgent (migration cases.0099_future unknown here): upgrade first",
    ),
    (("restore", "{foreign}"), "restore replaces the whole database: add --yes to confirm"),
    (("import", "{text}"), "{text}: not an urgent archive (not JSON Lines)"),
    (("import", "{foreign}"), "{foreign}: not an urgent archive (not JSON Lines)"),
    (("import", "{missing}"), "{missing}: No such file or directory"),
    (("export", "{dir}"), "{dir}: is a directory"),
    (("backup", "{dir}/no/such/dir/b.sqlite3"), "{dir}/no/such/dir/b.sqlite3: No such file or directory"),
    (("cases", "--json", "--csv"), "--json and --csv: choose one"),
]


@pytest.mark.parametrize(("args", "message"), CLI_ERRORS)
def test_bad_files_give_one_line_and_exit_2(
    store: dict[str, str], bad_files: dict[str, Path], args: tuple[str, ...], message: str
) -> None:
    out = urgent(*(a.format(**bad_files) for a in args), env=store)
    assert out.returncode == 2
    assert out.stderr == f"urgent: {message.format(**bad_files)}\n"


# -- PostgreSQL: pg_dump and pg_restore on a database of its own ------------------


@pytest.fixture
def postgres_store() -> Iterator[dict[str, str]]:
    """A temporary database beside the test database, dropped afterwards."""
    import psycopg

    base = os.environ["URGENT_DATABASE_URL"]
    name = f"urgent_archive_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {**os.environ, "URGENT_DATABASE_URL": base.rsplit("/", 1)[0] + "/" + name}
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(not ON_POSTGRES, reason="the suite runs on SQLite")
def test_postgres_backup_then_restore_undoes_later_changes(
    postgres_store: dict[str, str], tmp_path: Path
) -> None:
    env = postgres_store
    ok(urgent("ingest", "--workers", "1", *map(str, SEED_FILES[:4]), env=env))
    dump = tmp_path / "store.dump"
    assert ok(urgent("backup", str(dump), env=env)) == f"{dump}: backup written\n"
    ok(urgent("ingest", str(SEED_FILES[4]), env=env))
    assert len(json.loads(ok(urgent("cases", "--json", "--all", env=env)))) == 5

    assert ok(urgent("restore", "--yes", str(dump), env=env)) == f"{dump}: database restored\n"

    assert len(json.loads(ok(urgent("cases", "--json", "--all", env=env)))) == 4
    assert ok(urgent("ingest", str(SEED_FILES[4]), env=env)).startswith("1 new,")


@pytest.mark.skipif(not ON_POSTGRES, reason="the suite runs on SQLite")
def test_postgres_restore_refuses_what_is_not_our_dump(
    postgres_store: dict[str, str], tmp_path: Path
) -> None:
    from urgent.web.cases.backup import _pg_program

    other = tmp_path / "other.dump"  # the new database is still empty: not an urgent store
    pg_dump = [
        _pg_program("pg_dump"),
        "--format=custom",
        f"--file={other}",
        postgres_store["URGENT_DATABASE_URL"],
    ]
    subprocess.run(pg_dump, check=True, capture_output=True)
    text = tmp_path / "notes.txt"
    text.write_text("not a dump\n")

    out = urgent("restore", "--yes", str(other), env=postgres_store)
    assert out.returncode == 2
    assert (
        out.stderr == f"urgent: {other}: not an urgent database dump (no django_migrations or cases tables)\n"
    )
    out = urgent("restore", "--yes", str(text), env=postgres_store)
    assert out.returncode == 2
    assert out.stderr.startswith(f"urgent: {text}: not a pg_dump custom-format archive: ")
    assert out.stderr.count("\n") == 1
