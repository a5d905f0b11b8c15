"""`urgent letters`: appeal letters for a document or a stored case."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from urgent.cli import _today, app, fail


@app.command()
def letters(
    source: Annotated[str, typer.Argument(help="A document's path, or a stored case's id.")],
    target: Annotated[
        int | None, typer.Option("--target", "-t", help="Only this target (1 = the first).")
    ] = None,
    lang: Annotated[
        list[str] | None, typer.Option("--lang", "-l", help="Language(s): en zh ko fr es de.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="txt, eml or pdf.")] = "txt",
    sender: Annotated[str, typer.Option("--from", help='"Name, City, Country[, occupation]"')] = "",
    personal: Annotated[str, typer.Option("--personal", help="A sentence of your own.")] = "",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Directory to write files into.")
    ] = None,
    size: Annotated[str, typer.Option("--paper", help="A4 or Letter (PDF).")] = "A4",
    fax: Annotated[bool, typer.Option("--fax", help="Add a fax cover page (PDF).")] = False,
    seed: Annotated[int | None, typer.Option("--seed", help="Wording choice (default: random).")] = None,
    today: Annotated[str | None, typer.Option("--today", help="Date of the letters (YYYY-MM-DD).")] = None,
) -> None:
    """Write a letter to each target, covering exactly that target's asks."""
    import random

    from urgent.letters import LANGUAGES, Sender, compose
    from urgent.letters import formats as fm

    if fmt not in ("txt", "eml", "pdf"):
        fail(f"--format must be txt, eml or pdf, not {fmt!r}")
    languages = lang or []
    unknown = [x for x in languages if x not in LANGUAGES]
    if unknown:
        fail(f"--lang: no letters in {', '.join(unknown)}; choose from {', '.join(LANGUAGES)}")
    facts, name = _facts(source)
    if not facts.targets:
        fail(f"{source}: the document names no one to write to")
    indexes = range(len(facts.targets))
    if target is not None:
        if not 1 <= target <= len(facts.targets):
            fail(f"--target must be between 1 and {len(facts.targets)}")
        indexes = range(target - 1, target)
    languages = languages or [facts.language if facts.language in LANGUAGES else "en"]
    who = Sender.parse(sender) if sender else None
    when = _today(today) or date.today()
    chosen = random.randrange(1 << 30) if seed is None else seed
    made = [
        compose(facts, i, language, who, personal, chosen, when) for i in indexes for language in languages
    ]
    if fmt == "pdf":
        from urgent.letters.pdf import FontMissing, render

        try:
            data = render(made, size=size, fax=fax)
        except FontMissing as exc:
            fail(str(exc))
        _write(output, f"{name}-letters.pdf", data)
        return
    for letter, i in zip(made, [i for i in indexes for _ in languages], strict=True):
        stem = f"{name}-{i + 1}-{letter.language}"
        if fmt == "eml":
            _write(output, f"{stem}.eml", fm.eml(letter))
        elif output:
            _write(output, f"{stem}.txt", fm.text(letter).encode())
        else:
            typer.echo(fm.text(letter))


def _facts(source: str):
    from urgent.errors import UrgentError
    from urgent.letters import facts_from_record

    if re.fullmatch(r"\d+", source) and not Path(source).exists():
        from urgent.cli_store import _django

        _django()
        from urgent.web.cases.letters import facts_for_case
        from urgent.web.cases.models import Case

        case = Case.objects.filter(pk=int(source)).first()
        if case is None:
            fail(f"no case {source}")
        return facts_for_case(case), f"case-{source}"
    from urgent import extract

    try:
        record = extract(Path(source))
    except UrgentError as exc:
        fail(f"{source}: {exc}")
    return facts_from_record(record), Path(source).stem


def _write(directory: Path | None, name: str, data: bytes) -> None:
    directory = directory or Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_bytes(data)
    typer.echo(str(path))
