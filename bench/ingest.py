"""Ingest rate: 10,000 documents into the case store, on SQLite and on PostgreSQL.

Runs `urgent ingest DIR` as a user would (extraction on all cores, one
transaction per document) into a fresh database, and prints documents per
second against the issue's target (≥ 100 documents/s on SQLite).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.corpus import BENCH, load

COUNT = 10_000
TARGET = 100.0
POSTGRES = os.environ.get("URGENT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def run() -> None:
    corpus = load(BENCH / "corpus" / "ingest", count=COUNT)
    directory = corpus.documents[0].parent
    print(
        f"corpus: {len(corpus.documents):,} documents, {sum(corpus.sizes) / 1e6:.1f} MB; {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        _measure("SQLite", {"URGENT_DATA_DIR": tmp}, directory, len(corpus.documents), target=TARGET)
    url = _postgres_database()
    if url is None:
        print(f"PostgreSQL: not reachable at {POSTGRES}, skipped")
        return
    try:
        with tempfile.TemporaryDirectory() as tmp:
            _measure(
                "PostgreSQL",
                {"URGENT_DATABASE_URL": url, "URGENT_DATA_DIR": tmp},
                directory,
                len(corpus.documents),
                target=None,
            )
    finally:
        _drop(url)


def _measure(label: str, env: dict[str, str], directory: Path, count: int, target: float | None) -> None:
    full = {**os.environ, **env}
    if "URGENT_DATABASE_URL" not in env:
        full.pop("URGENT_DATABASE_URL", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "urgent", "ingest", str(directory)], env=full, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    rate = count / elapsed
    print(f"{label}: {done.stdout.strip() or done.stderr.strip()[-300:]}")
    verdict = ""
    if target is not None:
        verdict = f"   {'PASS' if rate >= target else 'FAIL'} (target ≥ {target:.0f} documents/s)"
    print(f"{label}: {count:,} documents in {elapsed:.0f} s: {rate:.0f} documents/s{verdict}")


def _postgres_database() -> str | None:
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES, autocommit=True, connect_timeout=3)
    except Exception:
        return None
    name = f"urgent_bench_ingest_{uuid.uuid4().hex[:6]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return POSTGRES.rsplit("/", 1)[0] + "/" + name


def _drop(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(POSTGRES, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
