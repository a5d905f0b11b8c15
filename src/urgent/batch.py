"""Extract many documents, in parallel, keeping input order.

A failed document yields its error (never raises), so one bad file never
stops a batch.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from urgent.errors import ReadError, UrgentError
from urgent.extract import Options, extract_document
from urgent.read import ReadOptions, read

Result = dict[str, Any] | UrgentError


def extract_one(path: Path, options: Options, want_text: bool = False) -> Result:
    try:
        doc = read(path, options=ReadOptions(options.max_bytes))
        record = extract_document(doc, options)
    except UrgentError as exc:
        return exc
    except RecursionError:
        return ReadError("document too deeply nested to read")
    except MemoryError:
        return ReadError("document too large to read in memory")
    except Exception as exc:  # a bug must not stop the batch: report it as this file's failure
        return UrgentError(f"internal error ({type(exc).__name__}: {exc}); please report it")
    result: dict[str, Any] = {"record": record.to_dict()}
    if want_text:
        result["text"] = doc.text
    return result


def _one(args: tuple[Path, Options, bool]) -> Result:
    return extract_one(*args)


def run_batch(
    files: list[Path],
    options: Options,
    workers: int = 1,
    want_text: bool = False,
    progress: bool = False,
    apart: bool = False,
) -> Iterator[tuple[Path, Result]]:
    """Extract ``files`` on ``workers`` processes, yielding results in input order.
    ``apart``: in worker processes even when there is one, because the caller has work
    of its own to do meanwhile (storing what comes back)."""
    jobs = [(f, options, want_text) for f in files]
    bar = _progress(len(files)) if progress else None
    try:
        if (workers <= 1 and not apart) or len(files) < 4:
            results: Iterator[Result] = map(_one, jobs)
            for f, r in zip(files, results, strict=True):
                if bar:
                    bar.advance()
                yield f, r
            return
        warm_up()  # load lexicons once, before the workers fork
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=max(workers, 1), mp_context=ctx) as pool:
            chunk = max(1, min(64, len(files) // (max(workers, 1) * 8) or 1))
            for f, r in zip(files, pool.map(_one, jobs, chunksize=chunk), strict=True):
                if bar:
                    bar.advance()
                yield f, r
    finally:
        if bar:
            bar.stop()


def warm_up() -> None:
    from urgent.extract import geo
    from urgent.extract.language import _detector

    geo.warm_up()
    _detector()


class _Bar:
    def __init__(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.progress = Progress(
            "extracting", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True
        )
        self.task = self.progress.add_task("extract", total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def stop(self) -> None:
        self.progress.stop()


def _progress(total: int) -> _Bar:
    return _Bar(total)
