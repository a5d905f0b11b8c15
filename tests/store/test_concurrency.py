"""Eight processes ingesting overlapping document sets at once, on SQLite (WAL) and PostgreSQL:
no duplicate documents, no lost rows, no errors."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DOCS, SEEDS

PROCESSES = 8
POSTGRES = os.environ.get("URGENT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _subsets() -> tuple[list[Path], list[list[Path]]]:
    files = sorted([*SEEDS.iterdir(), *DOCS.iterdir()])
    rng = random.Random(7)
    subsets = [rng.sample(files, k=len(files) * 2 // 3) for _ in range(PROCESSES)]
    return files, subsets


def _run_all(env: dict[str, str], subsets: list[list[Path]]) -> list[subprocess.CompletedProcess[str]]:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "urgent", "ingest", "--workers", "1", *map(str, subset)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for subset in subsets
    ]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=600)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def _check(results: list[subprocess.CompletedProcess[str]], rows: dict[str, int], files: list[Path]) -> None:
    for r in results:
        assert r.returncode == 0, r.stderr
        assert r.stderr == ""
    assert rows["documents"] == len(files)
    assert rows["distinct_hashes"] == len(files)
    assert rows["documents_without_case"] == 0
    assert rows["asks_of_missing_documents"] == 0
    new = sum(int(r.stdout.split(" new,")[0]) for r in results)
    assert new == len(files)  # each document stored once, by exactly one process


_QUERIES = {
    "documents": "SELECT count(*) FROM cases_document",
    "distinct_hashes": "SELECT count(DISTINCT sha256) FROM cases_document",
    "documents_without_case": "SELECT count(*) FROM cases_document WHERE case_id IS NULL",
    "asks_of_missing_documents": (
        "SELECT count(*) FROM cases_ask a LEFT JOIN cases_document d ON d.id = a.document_id WHERE d.id IS NULL"
    ),
}


def test_eight_processes_on_sqlite(tmp_path: Path) -> None:
    files, subsets = _subsets()
    env = {**os.environ, "URGENT_DATA_DIR": str(tmp_path)}
    env.pop("URGENT_DATABASE_URL", None)
    results = _run_all(env, subsets)
    db = sqlite3.connect(tmp_path / "urgent.sqlite3")
    rows = {k: db.execute(q).fetchone()[0] for k, q in _QUERIES.items()}
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    _check(results, rows, files)


@pytest.fixture
def postgres_database() -> Iterator[str]:
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(POSTGRES, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES}")
    name = f"urgent_concurrency_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_eight_processes_on_postgresql(postgres_database: str, tmp_path: Path) -> None:
    import psycopg

    files, subsets = _subsets()
    env = {**os.environ, "URGENT_DATABASE_URL": postgres_database, "URGENT_DATA_DIR": str(tmp_path)}
    results = _run_all(env, subsets)
    with psycopg.connect(postgres_database) as conn:
        rows = {k: conn.execute(q).fetchone()[0] for k, q in _QUERIES.items()}  # type: ignore[index]
    _check(results, rows, files)
