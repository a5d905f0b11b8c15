"""Web load: public pages under 50 connections, and 50 concurrent "I sent it" writers.

    python -m bench web

For SQLite, then PostgreSQL (a database of its own, created and dropped here, on
the server of URGENT_TEST_POSTGRES_URL), as a deployer would run it:

1. `urgent demo --no-serve` stores the five seeds and a few hundred documents of
   the extraction corpus (`bench.corpus`: variants with other names, dates,
   numbers and countries) and publishes every case;
2. `urgent serve --insecure-http` starts gunicorn (2 × cores + 1 processes) and
   the task worker on a free loopback port;
3. wrk, with 50 connections, reads the home page and then a case page, and a
   Lua `done()` reports p50/p95/p99 (target: p95 ≤ 100 ms);
4. 50 writers, each its own browser (User-Agent) with its CSRF cookie, press
   "I sent it" at once on random cases and channels, repeating some; the
   number of actions in the database must equal the number of responses that
   said ``"new": true``.

wrk runs on the same cores as the server: the figures are for the whole machine.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from bench import postgres
from bench.corpus import REPO, load

CONNECTIONS = 50
SECONDS = int(os.environ.get("URGENT_BENCH_WEB_SECONDS", "12"))
DOCUMENTS = int(os.environ.get("URGENT_BENCH_WEB_DOCUMENTS", "300"))  # corpus documents next to the seeds
TARGET_P95_MS = 100.0
WRITERS = 50
POSTS_PER_WRITER = 30
CHOICES_PER_WRITER = 24  # (case, channel) pairs a writer draws from: some presses repeat
CHANNELS = ("email", "post", "fax", "online")
SEEDS = Path(os.environ.get("URGENT_SHARED") or REPO.parent / "shared") / "seeds"
DATABASE = "urgent_bench_web"
WRK = shutil.which("wrk")
LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("URGENT-WRK %d %d %d %d %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
end
"""


@dataclass
class Row:
    database: str
    what: str
    per_second: float
    p50: float
    p95: float
    p99: float
    errors: int
    verdict: str
    note: str = ""


def run() -> None:
    if WRK is None:
        print("!!!!!!!! wrk is not installed (apt-get install wrk): the web benchmark did NOT run !!!!!!!!")
        return
    corpus = load().documents[:DOCUMENTS]
    print(
        f"{len(corpus) + 5} documents (5 seeds, {len(corpus)} corpus variants); {CONNECTIONS} connections "
        f"for {SECONDS} s per page; {WRITERS} writers × {POSTS_PER_WRITER} presses; {os.cpu_count()} cores "
        "shared by the server, its database and wrk",
        flush=True,
    )
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for path in [*sorted(SEEDS.iterdir()), *corpus]:
            (docs / path.name).symlink_to(path.resolve())
        rows += _measure("SQLite", Path(tmp) / "sqlite", None, docs)
        url = postgres.create(DATABASE)
        if url is None:
            print(
                f"!!!!!!!! PostgreSQL is NOT reachable at {postgres.SERVER}: the web benchmark skipped it !!!!!!!!"
            )
        else:
            try:
                rows += _measure("PostgreSQL", Path(tmp) / "postgres", url, docs)
            finally:
                postgres.drop(DATABASE)
    _table(rows)


def _measure(label: str, data_dir: Path, url: str | None, docs: Path) -> list[Row]:
    from urgent.cli_web import demo_environment

    port = _free_port()
    env = {**os.environ, **demo_environment(data_dir, url, f"127.0.0.1:{port}")}
    started = time.perf_counter()
    prepared = subprocess.run(
        [
            sys.executable,
            "-m",
            "urgent",
            "demo",
            "--no-serve",
            "--seeds",
            str(docs),
            "--data-dir",
            str(data_dir),
        ]
        + (["--database-url", url] if url else []),
        env=env,
        capture_output=True,
        text=True,
    )
    if prepared.returncode:
        print(f"{label}: preparing the store failed:\n{prepared.stderr[-2000:]}")
        return []
    lines = [x for x in prepared.stdout.splitlines() if x.startswith(("documents:", "cases:"))]
    print(f"{label}: {'; '.join(lines)} ({time.perf_counter() - started:.0f} s)", flush=True)
    log = (data_dir / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "urgent", "serve", "--bind", f"127.0.0.1:{port}", "--insecure-http"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        if not _wait_for(port):
            print(f"{label}: the server did not answer within 90 s; its log: {data_dir / 'serve.log'}")
            return []
        case_ids = _published_ids(env["URGENT_DATABASE_URL"])
        case_page = f"/cases/{case_ids[0]}/"
        # warm-up: every process loads its templates and fills the caches for both pages
        _wrk(f"{base}/", 3, data_dir)
        _wrk(base + case_page, 3, data_dir)
        rows = [
            _page(label, "home /", f"{base}/", data_dir),
            _page(label, f"case {case_page}", base + case_page, data_dir),
        ]
        rows.append(_writers(label, port, case_ids, env["URGENT_DATABASE_URL"]))
        return rows
    finally:
        server.terminate()
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


# Reading: wrk ------------------------------------------------------------------------------------


def _page(label: str, what: str, url: str, data_dir: Path) -> Row:
    p50, p95, p99, requests, duration, errors, status = _wrk(url, SECONDS, data_dir)
    rate = requests / (duration / 1e6)
    verdict = "PASS" if p95 / 1000 <= TARGET_P95_MS and not errors and not status else "FAIL"
    row = Row(label, what, rate, p50 / 1000, p95 / 1000, p99 / 1000, errors + status, verdict)
    print(
        f"{label}: {what:<16} {rate:7.0f} requests/s  p50 {row.p50:6.1f} ms  p95 {row.p95:6.1f} ms  "
        f"p99 {row.p99:6.1f} ms  errors {errors}, non-2xx {status}   {verdict} (target p95 ≤ {TARGET_P95_MS:.0f} ms)",
        flush=True,
    )
    return row


def _wrk(url: str, seconds: int, data_dir: Path) -> tuple[int, ...]:
    script = data_dir / "percentiles.lua"
    script.write_text(LUA)
    # --timeout: a slow answer must count in the percentiles, not vanish as a "timeout"
    cmd = [str(WRK), "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script), url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60)
    found = re.search(r"^URGENT-WRK ((?:\d+ ?){7})$", done.stdout, re.M)
    if not found:
        raise RuntimeError(f"wrk printed no figures: {done.stdout} {done.stderr}")
    return tuple(int(x) for x in found.group(1).split())


# Writing: 50 browsers pressing "I sent it" ---------------------------------------------------------


@dataclass
class Tally:
    new: int = 0
    repeated: int = 0
    limited: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _writers(label: str, port: int, case_ids: list[int], database_url: str) -> Row:
    before = _count_actions(database_url)
    tally = Tally()
    gate = threading.Barrier(WRITERS)
    threads = [
        threading.Thread(target=_writer, args=(n, port, case_ids, tally, gate), daemon=True)
        for n in range(WRITERS)
    ]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    elapsed = time.perf_counter() - started
    stored = _count_actions(database_url) - before
    ms = sorted(tally.latencies)
    p50, p95, p99 = (_percentile(ms, q) for q in (50, 95, 99))
    verdict = "PASS" if stored == tally.new and not tally.errors else "FAIL"
    presses = len(ms)
    note = (
        f"{tally.new} acknowledged new = {stored} stored; {tally.repeated} repeats folded, "
        f"{tally.limited} rate-limited, {len(tally.errors)} errors"
    )
    print(
        f"{label}: I sent it ×{presses}: {presses / elapsed:6.0f} presses/s  p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
        f"p99 {p99:6.1f} ms",
        flush=True,
    )
    print(f"{label}: {verdict}: {note}", flush=True)
    for error in tally.errors[:5]:
        print(f"{label}:   error: {error}")
    return Row(label, "I sent it (POST)", presses / elapsed, p50, p95, p99, len(tally.errors), verdict, note)


def _writer(n: int, port: int, case_ids: list[int], tally: Tally, gate: threading.Barrier) -> None:
    rng = random.Random(f"writer-{n}")
    agent = f"urgent-bench-writer/{n}"
    choices = [(rng.choice(case_ids), rng.choice(CHANNELS)) for _ in range(CHOICES_PER_WRITER)]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", "/", headers={"User-Agent": agent})
        response = conn.getresponse()
        response.read()
        token = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        if not token:
            raise RuntimeError(f"no CSRF cookie from / (status {response.status})")
        headers = {
            "User-Agent": agent,
            "Cookie": f"csrftoken={token.group(1)}",
            "X-CSRFToken": token.group(1),
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
        }
    except Exception as exc:
        with tally.lock:
            tally.errors.append(f"writer {n}: {exc}")
        gate.abort()
        return
    gate.wait()
    for _ in range(POSTS_PER_WRITER):
        case, channel = rng.choice(choices)
        body = urllib.parse.urlencode({"channel": channel, "lang": "en", "target_row": ""})
        t0 = time.perf_counter()
        try:
            conn.request("POST", f"/cases/{case}/act/sent/", body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            ms = (time.perf_counter() - t0) * 1000
            answer = json.loads(data) if response.status in (200, 429) else None
        except Exception as exc:
            conn.close()  # a fresh connection for the next press
            with tally.lock:
                tally.errors.append(f"writer {n}: {type(exc).__name__}: {exc}")
            continue
        with tally.lock:
            tally.latencies.append(ms)
            if answer is None:
                tally.errors.append(f"writer {n}: HTTP {response.status}: {data[:200]!r}")
            elif answer["limited"]:
                tally.limited += 1
            elif answer["new"]:
                tally.new += 1
            else:
                tally.repeated += 1
    conn.close()


# The databases ----------------------------------------------------------------------------------------


def _published_ids(database_url: str) -> list[int]:
    sql = "SELECT id FROM cases_case WHERE published AND merged_into_id IS NULL ORDER BY id"
    return [row[0] for row in _query(database_url, sql)]


def _count_actions(database_url: str) -> int:
    return int(_query(database_url, "SELECT COUNT(*) FROM actions_action")[0][0])


def _query(database_url: str, sql: str) -> list[tuple]:
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            return db.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as db:
        return db.execute(sql).fetchall()


# Helpers ------------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            if conn.getresponse().status == 200:
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def _percentile(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def _table(rows: list[Row]) -> None:
    if not rows:
        return
    print(
        f"\n{'database':<11} {'what':<20} {'per s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}  verdict"
    )
    for r in rows:
        print(
            f"{r.database:<11} {r.what:<20} {r.per_second:7.0f} {r.p50:7.1f} {r.p95:7.1f} {r.p99:7.1f} "
            f"{r.errors:>6}  {r.verdict}"
        )
    print(
        f"reads: target p95 ≤ {TARGET_P95_MS:.0f} ms at {CONNECTIONS} connections; writes: actions stored "
        "= acknowledged as new"
    )
