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
from pathlib import Path

from bench import postgres
from bench.corpus import BENCH, load

COUNT = 10_000
TARGET = 100.0
DATABASE = "urgent_bench_ingest"


def run() -> None:
    corpus = load(BENCH / "corpus" / "ingest", count=COUNT)
    directory = corpus.documents[0].parent
    print(
        f"corpus: {len(corpus.documents):,} documents, {sum(corpus.sizes) / 1e6:.1f} MB; {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        _measure("SQLite", {"URGENT_DATA_DIR": tmp}, directory, len(corpus.documents), target=TARGET)
    url = postgres.create(DATABASE)
    if url is None:
        print(f"PostgreSQL: not reachable at {postgres.SERVER}, skipped")
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
        postgres.drop(DATABASE)


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
