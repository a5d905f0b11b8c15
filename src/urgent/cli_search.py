"""`urgent search`: ranked full-text search over cases and documents."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Annotated

import typer

from urgent.cli import app, fail
from urgent.extract.taxonomy import RISK_RULES

KINDS = ("urgent_action", "further_information", "letter", "press_release", "other")
STATUSES = ("open", "deadline_passed", "closed")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words (all must match) and "quoted phrases".')],
    country: Annotated[
        str | None, typer.Option("--country", help="A country the case is about: ISO code (CN, KP…).")
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help=f"Document kind: {', '.join(KINDS)}.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help=f"Case status: {', '.join(STATUSES)}.")
    ] = None,
    risk: Annotated[
        str | None, typer.Option("--risk", help="A risk of the case: torture, death_penalty, refoulement…")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Documents issued on or after this day (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many hits.")] = 20,
    every_document: Annotated[
        bool, typer.Option("--every-document", help="Every matching document, not only each case's best.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
) -> None:
    """Ranked full-text search: the best matching document of each case, best first."""
    _check(country, kind, status, risk, limit)
    day = _day(since)
    _django()
    from urgent.web.cases.search import search

    hits = search(
        query,
        country=country.upper() if country else None,
        kind=kind,
        status=status,
        risk=risk,
        since=day,
        limit=limit,
        per_case=not every_document,
    )
    if as_json:
        typer.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("no matches", err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("case", "title", "kind", "issued", "snippet")
    for h in hits:
        table.add_row(str(h.case_id), h.title, h.kind, h.issued.isoformat() if h.issued else "", h.snippet)
    Console().print(table)


def _check(country: str | None, kind: str | None, status: str | None, risk: str | None, limit: int) -> None:
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        fail(f"--country: an ISO 3166-1 alpha-2 code (CN, KP…), not {country!r}")
    if kind is not None and kind not in KINDS:
        fail(f"--kind: one of {', '.join(KINDS)}, not {kind!r}")
    if status is not None and status not in STATUSES:
        fail(f"--status: one of {', '.join(STATUSES)}, not {status!r}")
    if risk is not None and risk not in RISK_RULES:
        fail(f"--risk: one of {', '.join(sorted(RISK_RULES))}, not {risk!r}")
    if limit < 1:
        fail(f"--limit: at least 1, not {limit}")


def _day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if _DAY.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    fail(f"--since: not a date (YYYY-MM-DD): {value!r}")
    return None


def _django() -> None:
    from urgent.web.setup import setup

    try:
        setup()
    except Exception as exc:  # a bad URGENT_DATABASE_URL, a server that is down…
        fail(f"database: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
