"""`urgent cases`, `export`, `import`, `backup`, `restore`: the store as files."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from urgent.cli import app, fail

COLUMNS = [
    "id",
    "title",
    "status",
    "outcome",
    "ua_numbers",
    "countries",
    "people_count",
    "people_at_least",
    "deadline",
    "documents",
    "published",
    "merged_into",
]


def _django(migrate: bool = True) -> None:
    from urgent.web.setup import setup

    try:
        setup(migrate=migrate)
    except Exception as exc:  # a bad URGENT_DATABASE_URL, a server that is down…
        fail(f"database: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")


@app.command()
def cases(
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV instead of a table.")] = False,
    include_merged: Annotated[bool, typer.Option("--all", help="Include cases merged into another.")] = False,
) -> None:
    """List the cases, nearest deadline first."""
    if as_json and as_csv:
        fail("--json and --csv: choose one")
    _django()
    from urgent.web.cases.archive import case_rows

    rows = case_rows(include_merged)
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif as_csv:
        out = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
        out.writeheader()
        out.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    else:
        _table(rows, include_merged)


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return " ".join(value)
    return "" if value is None else value


def _table(rows: list[dict[str, Any]], include_merged: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("id")
    table.add_column("title", ratio=1, min_width=16)  # the title takes what the short columns leave
    for name in ("status", "UA", "countries", "people", "deadline", "docs", "public"):
        table.add_column(name, min_width=10 if name == "deadline" else len(name))
    if include_merged:
        table.add_column("merged into", min_width=6)
    for r in rows:
        people = (
            "" if r["people_count"] is None else f"{'≥' if r['people_at_least'] else ''}{r['people_count']}"
        )
        status = r["outcome"] or r["status"].replace("_", " ")
        cells = [
            str(r["id"]),
            r["title"],
            status,
            " ".join(r["ua_numbers"]),
            " ".join(r["countries"]),
            people,
            r["deadline"] or "",
            str(r["documents"]),
            "yes" if r["published"] else "",
        ]
        if include_merged:
            cells.append(str(r["merged_into"] or ""))
        table.add_row(*cells)
    Console().print(table)
    if not rows:
        typer.echo("no cases", err=True)


@app.command()
def export(
    file: Annotated[Path, typer.Argument(help="Archive to write (.jsonl, or .jsonl.gz to compress).")],
) -> None:
    """Write the whole case store to a portable archive (JSON Lines, gzip if FILE ends in .gz).

    Cases, documents with their originals, corrections, proposals, officials; users by name only.
    """
    _django()
    from urgent.web.cases.archive import ArchiveError, export_archive

    try:
        counts = export_archive(file)
    except ArchiveError as exc:
        fail(f"{file}: {exc}")
    typer.echo(
        f"{file}: {counts['cases.case']} cases, {counts['cases.document']} documents, "
        f"{sum(counts.values())} rows"
    )


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Archive written by `urgent export`.")],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Into a store that is not empty: add the archive's documents it lacks "
            "(by sha256), linked as new files are, with their corrections.",
        ),
    ] = False,
) -> None:
    """Load an archive written by `urgent export`, in one transaction.

    Into an empty store, everything comes back as exported.

    With --merge: only documents the store lacks, with their corrections, linked as new files are.
    """
    _django()
    from urgent.web.cases.archive import ArchiveError, import_archive

    try:
        result = import_archive(file, merge=merge)
    except ArchiveError as exc:
        fail(f"{file}: {exc}")
    typer.echo(result.line(merge))


@app.command()
def backup(file: Annotated[Path, typer.Argument(help="Backup file to write.")]) -> None:
    """Back up the whole database, safely while it is in use.

    SQLite: a copy by the online backup API; PostgreSQL: a pg_dump custom-format archive.
    """
    _django()
    from urgent.web.cases.archive import ArchiveError
    from urgent.web.cases.backup import backup as run_backup

    try:
        run_backup(file)
    except ArchiveError as exc:
        fail(f"{file}: {exc}")
    typer.echo(f"{file}: backup written")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="Backup written by `urgent backup`.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace the whole database with a backup made by `urgent backup`.

    Everything written since the backup is lost; the restored database is then migrated.
    """
    _django(migrate=False)
    from django.db import connection

    from urgent.web.cases.archive import ArchiveError
    from urgent.web.cases.backup import restore as run_restore

    if not yes:
        if not sys.stdin.isatty():
            fail("restore replaces the whole database: add --yes to confirm")
        where = connection.settings_dict["NAME"]
        typer.confirm(f"Replace the database {where} with {file}?", abort=True)
    try:
        run_restore(file)
    except ArchiveError as exc:
        fail(f"{file}: {exc}")
    typer.echo(f"{file}: database restored")
