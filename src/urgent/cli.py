"""The ``urgent`` command: a thin layer over the Python API.

Errors a user can cause (a bad file, a wrong option) print one line
``urgent: <file>: <reason>`` on stderr and exit with status 2.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from urgent.errors import UrgentError

app = typer.Typer(
    name="urgent",
    help="Urgent Actions from alert to appeal: read, extract, store, write letters, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_USAGE = 2


@app.callback()
def _main() -> None:
    """Urgent Actions from alert to appeal: read, extract, store, write letters, serve."""


def fail(message: str) -> None:
    typer.echo(f"urgent: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _today(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--today: not a date (YYYY-MM-DD): {value!r}")
    return None


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given; directories recursively, in sorted order; globs expanded."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif not p.exists() and any(c in str(p) for c in "*?["):
            yield from sorted(Path().glob(str(p)))
        else:
            yield p


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (recursive).")],
    text: Annotated[
        bool, typer.Option("--text", help="Print the cleaned text the spans index into.")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to FILE instead of stdout.")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-j", help="Processes for batches (default: all cores).")
    ] = 0,
    today: Annotated[
        str | None, typer.Option("--today", help="Date for deadline warnings (YYYY-MM-DD).")
    ] = None,
    max_size: Annotated[float, typer.Option("--max-size", help="Refuse files over this many MB.")] = 50,
) -> None:
    """Extract the case record of each document: one JSON object, or JSON Lines for several."""
    from urgent.batch import run_batch
    from urgent.extract import Options

    options = Options(today=_today(today), max_bytes=int(max_size * 1e6))
    files = list(expand_paths(paths))
    if not files:
        fail("no documents found")
    single = len(files) == 1 and not paths[0].is_dir()
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    failed = 0
    try:
        for path, result in run_batch(
            files,
            options,
            workers or os.cpu_count() or 1,
            want_text=text,
            progress=len(files) > 1 and sys.stderr.isatty(),
        ):
            if isinstance(result, UrgentError):
                failed += 1
                typer.echo(f"urgent: {path}: {result}", err=True)
                continue
            if text:
                out.write(result["text"] + ("\n" if not result["text"].endswith("\n") else ""))
            elif single:
                out.write(json.dumps(result["record"], ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(result["record"], ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    if failed:
        raise typer.Exit(EXIT_USAGE)


def main() -> None:  # pragma: no cover - console entry point
    app()


from urgent import cli_api, cli_archive, cli_letters, cli_search, cli_store, cli_web  # noqa: E402,F401  (register their commands)
