"""`urgent` commands that use the case store (Django is started on first use)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from urgent.cli import EXIT_USAGE, app, expand_paths, fail


def _django() -> None:
    from urgent.web.setup import setup

    try:
        setup()
    except Exception as exc:  # a bad URGENT_DATABASE_URL, a server that is down…
        fail(f"database: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, directories (recursive) or globs.")],
    workers: Annotated[
        int,
        typer.Option(
            "--workers", "-j", help="Extraction processes (default: all cores but one, which stores)."
        ),
    ] = 0,
) -> None:
    """Store documents as linked cases: idempotent, one transaction per document."""
    _django()
    from urgent.web.cases.ingest import ingest_paths

    files = list(expand_paths(paths))
    if not files:
        fail("no documents found")
    summary = ingest_paths(
        files,
        workers or max(1, (os.cpu_count() or 1) - 1),
        progress=sys.stderr.isatty(),
        report=lambda path, why: typer.echo(f"urgent: {path}: {why}", err=True),
    )
    typer.echo(summary.line())
    if summary.failed:
        raise typer.Exit(EXIT_USAGE)


@app.command()
def reextract() -> None:
    """Run the current extractor over every stored document, keeping campaigners' corrections."""
    _django()
    from urgent.web.cases.reextract import reextract_all

    changed, same = reextract_all()
    typer.echo(f"{changed} documents re-extracted with changes, {same} unchanged")


@app.command()
def officials(
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """The directory of officials: offices held, contact points, what is stale."""
    _django()
    from urgent.web.officials.report import directory_rows

    rows = directory_rows()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("official", "offices", "contact points")
    for row in rows:
        offices = "\n".join(
            f"{t['office']} ({t['first_seen']}–{t['last_seen']}){' superseded' if t['superseded'] else ''}"
            for t in row["tenures"]
        )
        points = "\n".join(
            f"{c['kind']}: {c['value']}{' (stale)' if c['stale'] else ''}" for c in row["contacts"]
        )
        table.add_row(row["name"], offices, points)
    Console().print(table)
