"""Extraction throughput: one worker, all cores, and growth with document size.

    python -m bench extract

Times `urgent.batch.extract_one` (read + extract) on the generated corpus
(`bench.corpus`), then `run_batch` over a process pool, then one document at
1 to 32 times its size, and checks the issue's target.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from bench import corpus as corpus_mod
from urgent.batch import extract_one, run_batch, warm_up
from urgent.errors import UrgentError
from urgent.extract import Options

TARGET_DOCS_PER_S = 300.0  # the issue: "≥ 300 documents/s on one worker"
LINEAR_RATIO_MAX = 2.0  # ms/KB of the largest size over the smallest: near 1 when growth is linear
WARM_DOCUMENTS = 50  # untimed first, so lazy loading (lexicons, date languages) is not counted
SERIES_RUNS = 5
SERIES_BUDGET_S = 20.0  # per size: fewer runs if one is slow, so a regression cannot stall `make bench`


@dataclass(frozen=True)
class Timing:
    documents: int
    seconds: float  # wall clock for the whole set
    nbytes: int
    failures: int
    per_document_ms: tuple[float, ...] = ()

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds

    @property
    def mb_per_second(self) -> float:
        return self.nbytes / 1e6 / self.seconds


@dataclass(frozen=True)
class SizePoint:
    copies: int
    kb: float
    ms: float  # median over `runs`
    runs: int

    @property
    def ms_per_kb(self) -> float:
        return self.ms / self.kb


def run() -> None:
    options = Options()
    cores = os.cpu_count() or 1
    print(
        f"machine: {cores} cores (os.cpu_count()), Python {platform.python_version()}, {platform.platform()}"
    )
    corpus = corpus_mod.load()
    _print_corpus(corpus)
    warm(corpus.documents, options)
    one = one_worker(corpus.documents, options)
    _print_one(one)
    _print_all_cores(all_cores(corpus.documents, options, cores), one, cores)
    _print_series(size_series(corpus.series, options))
    _print_target(one)


# Measurements --------------------------------------------------------------------------------


def warm(files: list[Path], options: Options) -> None:
    warm_up()
    for path in files[:WARM_DOCUMENTS]:
        extract_one(path, options)


def one_worker(files: list[Path], options: Options) -> Timing:
    """Read + extract in this process, one document after another."""
    per_document: list[float] = []
    failures = 0
    started = time.perf_counter()
    for path in files:
        t0 = time.perf_counter()
        result = extract_one(path, options)
        per_document.append((time.perf_counter() - t0) * 1000)
        failures += isinstance(result, UrgentError)
    seconds = time.perf_counter() - started
    return Timing(len(files), seconds, _bytes(files), failures, tuple(per_document))


def all_cores(files: list[Path], options: Options, workers: int) -> Timing:
    """`run_batch` on a process pool, pool start-up included: what a user's batch costs."""
    started = time.perf_counter()
    failures = sum(isinstance(r, UrgentError) for _path, r in run_batch(files, options, workers=workers))
    return Timing(len(files), time.perf_counter() - started, _bytes(files), failures)


def size_series(series: dict[int, Path], options: Options) -> list[SizePoint]:
    return [_time_size(copies, path, options) for copies, path in sorted(series.items())]


def _time_size(copies: int, path: Path, options: Options) -> SizePoint:
    runs = [_time_once(path, options)]
    wanted = min(SERIES_RUNS, max(1, int(SERIES_BUDGET_S * 1000 / runs[0])))
    runs += [_time_once(path, options) for _ in range(wanted - 1)]
    return SizePoint(copies, path.stat().st_size / 1024, statistics.median(runs), len(runs))


def _time_once(path: Path, options: Options) -> float:
    t0 = time.perf_counter()
    result = extract_one(path, options)
    elapsed = (time.perf_counter() - t0) * 1000
    if isinstance(result, UrgentError):
        raise SystemExit(f"{path.name}: {result}")  # a failed document would time nothing
    return elapsed


def _bytes(files: list[Path]) -> int:
    return sum(p.stat().st_size for p in files)


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares ``y = a + b·x``: returns a, b and R²."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx
    a = my - b * mx
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys, strict=True))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return a, b, 1 - ss_res / ss_tot if ss_tot else 1.0


def p95(values: tuple[float, ...]) -> float:
    return statistics.quantiles(values, n=20)[18]


# Report --------------------------------------------------------------------------------------


def _print_corpus(corpus: corpus_mod.Corpus) -> None:
    sizes = sorted(corpus.sizes)
    distinct = len({p.read_bytes() for p in corpus.documents})
    origin = f"generated in {corpus.generated_in:.1f} s" if corpus.generated_in is not None else "from cache"
    print(
        f"corpus: {len(sizes):,} documents ({distinct:,} distinct), {sum(sizes) / 1e6:.1f} MB, "
        f"{sizes[0] / 1024:.1f}–{sizes[-1] / 1024:.1f} KB (median {statistics.median(sizes) / 1024:.1f} KB); "
        f"{_relative(corpus.directory)}, {origin}"
    )


def _print_one(t: Timing) -> None:
    print(
        f"\n1. one worker: read + extract in-process, after warm_up() and {WARM_DOCUMENTS} untimed documents"
    )
    print(f"   documents/s      {t.per_second:8.1f}")
    print(
        f"   ms per document  median {statistics.median(t.per_document_ms):.1f}, "
        f"p95 {p95(t.per_document_ms):.1f}"
    )
    print(f"   MB/s             {t.mb_per_second:8.2f}")
    print(f"   failures         {t.failures} of {t.documents:,}")


def _print_all_cores(t: Timing, one: Timing, cores: int) -> None:
    speedup = t.per_second / one.per_second
    print(f"\n2. all cores: run_batch(workers={cores}), process pool, pool start-up included")
    print(
        f"   documents/s      {t.per_second:8.1f}   ({speedup:.2f}× one worker, "
        f"{speedup / cores:.0%} of linear scaling)"
    )
    print(f"   MB/s             {t.mb_per_second:8.2f}")
    print(f"   failures         {t.failures} of {t.documents:,}")


def _print_series(points: list[SizePoint]) -> None:
    runs = sorted({p.runs for p in points})
    print("\n3. growth with size: one header and appeals block, n copies of the case paragraphs")
    print(f"   median of {'/'.join(map(str, runs))} runs per size")
    print("   copies      KB   ms/document   ms/KB")
    for p in points:
        print(f"   {p.copies:6d}  {p.kb:6.1f}  {p.ms:12.1f}  {p.ms_per_kb:6.2f}")
    a, b, r2 = linear_fit([p.kb for p in points], [p.ms for p in points])
    ratio = points[-1].ms_per_kb / points[0].ms_per_kb
    verdict = "linear" if ratio < LINEAR_RATIO_MAX else "super-linear"
    print(f"   fit: time = {a:.1f} ms + {b:.2f} ms/KB × size, R² = {r2:.4f}")
    print(
        f"   ms/KB at {points[-1].kb:.0f} KB ÷ ms/KB at {points[0].kb:.0f} KB = {ratio:.2f} "
        f"→ {verdict} (linear means < {LINEAR_RATIO_MAX:g})"
    )


def _print_target(one: Timing) -> None:
    verdict = "PASS" if one.per_second >= TARGET_DOCS_PER_S else "FAIL"
    print(f"\n4. target from the issue: ≥ {TARGET_DOCS_PER_S:.0f} documents/s on one worker")
    print(
        f"   {verdict}: {one.per_second:.1f} documents/s, {one.per_second / TARGET_DOCS_PER_S:.0%} of the target"
    )


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
