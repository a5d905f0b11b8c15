"""Extraction: one document → one case record (``shared/spec/record.md``).

    record = extract("ua.pdf")                     # a path, bytes or a read Document
    record = extract(data, options=Options(today=date(2017, 8, 1)))

The pipeline: read (bytes → cleaned text) → sections (headings, ask lines,
addressee blocks) → one extractor per field → warnings. Every value's span
in the cleaned text is in ``record.spans``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from urgent.extract import asks as asks_mod
from urgent.extract import header, people, sections, targets, where
from urgent.extract.context import Context
from urgent.extract.language import detect_language
from urgent.extract.taxonomy import RISK_RULES
from urgent.read import DEFAULT_MAX_BYTES, Document, ReadOptions, read
from urgent.record import Record, Source, Target

EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class Options:
    today: date | None = None  # for "deadline passed" warnings
    max_bytes: int = DEFAULT_MAX_BYTES


def extract(
    source: bytes | str | Path | Document, name: str | None = None, options: Options | None = None
) -> Record:
    options = options or Options()
    doc = source if isinstance(source, Document) else read(source, name, ReadOptions(options.max_bytes))
    return extract_document(doc, options)


def extract_document(doc: Document, options: Options | None = None) -> Record:
    options = options or Options()
    ctx = Context(text=doc.text, meta=doc.meta, name=doc.name, today=options.today, format=doc.format)
    ctx.language = detect_language(doc.text)
    layout = sections.scan(ctx)
    r = Record(
        source=Source(name=doc.name, format=doc.format, sha256=doc.sha256),
        language=ctx.language,
        extractor=EXTRACTOR_VERSION,
    )
    r.kind = header.kind(ctx, layout)
    r.organisation = header.organisation(ctx, r.kind)
    r.title = header.title(ctx, r.kind)
    r.ua_number, r.follows = header.ua_number(ctx, r.kind)
    r.stop_action, r.outcome = header.outcome(ctx, r.kind)
    r.index = header.index(ctx)
    issued = header.issued(ctx)
    deadline = header.deadline(ctx)
    r.issued = issued.isoformat() if issued else None
    r.deadline = deadline.isoformat() if deadline else None
    r.appeal_languages = header.appeal_languages(ctx, layout)
    r.targets = targets.targets(ctx, layout, r.organisation)
    r.signatories = targets.signatories(ctx, layout) if r.kind == "letter" else []
    title_span = (ctx.spans["title"][0], ctx.spans["title"][1]) if "title" in ctx.spans else None
    r.people = people.people(ctx, layout, title_span)
    prefer = frozenset(t.country for t in r.targets if t.country) | frozenset(
        m.code for m in where.title_countries(ctx, title_span)
    )
    found_places = where.places(ctx, layout, prefer, tuple(r.people.names))
    r.places = [name for name, _code, _span in found_places]
    target_countries: list[tuple[str, tuple[int, int] | None]] = []
    for i, t in enumerate(r.targets):
        if t.role == "appeal" and t.country and not _abroad(t):
            span = ctx.spans.get(f"targets[{i}].country")
            target_countries.append((t.country, (span[0], span[1]) if span else None))
    r.countries = where.countries(
        ctx, layout, title_span, target_countries, [(code, span) for _n, code, span in found_places]
    )
    r.sent_to = list(ctx.sent_to)
    r.asks = asks_mod.extract(ctx, layout, r.kind)
    r.risks = _risks(ctx, layout, r)
    r.warnings = _warnings(r, issued, deadline, options.today)
    r.spans = ctx.spans
    return r


# An embassy or a mission to the UN: the state it represents is not where it sits.
_DIPLOMATIC = re.compile(
    r"\b(?:embass(?:y|ies)|(?:permanent )?mission|ambassad(?:or|eur|rice)|consul|embajad|ambassade)",
    re.IGNORECASE,
)


def _abroad(t: Target) -> bool:
    """A target at a state's embassy or mission abroad: its country is not the case's."""
    return any(_DIPLOMATIC.search(x) for x in (t.title, t.organisation) if x)


# "without hindrance or harassment", "free from torture": a risk named to be denied.
_NEGATED = re.compile(r"\b(?:without|free from|free of|no risk of)\b[^.,;]{0,25}$", re.IGNORECASE)


def _risks(ctx: Context, layout: sections.Layout, r: Record) -> list[str]:
    """Risks named in the running text (addressee blocks, signatures and the asks excluded)."""
    asks = [ctx.spans[f"asks[{i}].text"] for i in range(len(r.asks)) if f"asks[{i}].text" in ctx.spans]
    excluded = sorted([*((a, b) for blk in layout.blocks for a, b in blk.lines), *((a, b) for a, b in asks)])
    found: dict[str, tuple[int, int]] = {}
    for kind, wording in RISK_RULES.items():
        for m in wording.finditer(ctx.text, lower=ctx.lower):
            if any(a <= m.start() < b for a, b in excluded):
                continue  # what is asked for is not what people face
            if _NEGATED.search(ctx.text, max(0, m.start() - 30), m.start()):
                continue
            end = m.end()
            while end < len(ctx.text) and ctx.text[end].isalpha():
                end += 1  # a stem ("tortur") marks the whole word ("torture")
            found[kind] = (m.start(), end)
            break
    ordered = sorted(found.items(), key=lambda kv: kv[1])
    for i, (_kind, span) in enumerate(ordered):
        ctx.mark(f"risks[{i}]", *span)
    return [k for k, _ in ordered]


def _warnings(r: Record, issued: date | None, deadline: date | None, today: date | None) -> list[str]:
    out = []
    if issued and r.ua_number and r.kind == "urgent_action":
        year = _ua_year(r.ua_number)
        if year and issued.year < year:
            out.append(f"issue date {issued.isoformat()} is before the year of UA {r.ua_number}")
        elif year and issued.year > year + 1:
            out.append(f"issue date {issued.isoformat()} is long after the year of UA {r.ua_number}")
    if issued and deadline and deadline < issued:
        out.append(f"deadline {deadline.isoformat()} is before the issue date {issued.isoformat()}")
    if today and deadline and deadline < today:
        out.append(f"deadline {deadline.isoformat()} has passed (today is {today.isoformat()})")
    return out


def _ua_year(number: str) -> int | None:
    year = number.rpartition("/")[2]
    if not year.isdigit():
        return None
    y = int(year)
    if len(year) == 4:
        return y
    return 1900 + y if y >= 60 else 2000 + y
