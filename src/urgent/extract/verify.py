"""Provenance checks: does each span point at text that evidences its value?

A reviewer sees the span highlighted beside the value, so a span must hold
the value as written ("Ankara 06644"), or words that yield it when read
again the way the extractor read them ("3 MARCH 2019" → 2019-03-03,
"Egyptian" → EG, "+90 312 418 1795" → +903124181795).
"""

from __future__ import annotations

import re
from typing import Any

from urgent.extract import contacts, geo
from urgent.extract.dates import parse_date
from urgent.extract.header import LANGUAGE_CODE
from urgent.extract.patterns import ORGANISATION_WORDINGS
from urgent.extract.taxonomy import ASK_RULES, RISK_RULES
from urgent.record import Record

_PATH = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def value_at(data: dict[str, Any], path: str) -> Any:
    """The value at "targets[0].faxes[1]" in a record's dict."""
    current: Any = data
    for name, index in _PATH.findall(path):
        current = current[name]
        if index:
            current = current[int(index)]
    return current


def span_problems(record: Record, text: str) -> list[str]:
    """Every span that is out of range or does not evidence its value (empty when all is well)."""
    data = record.to_dict()
    problems = []
    for path, (start, end) in record.spans.items():
        if not (0 <= start < end <= len(text)):
            problems.append(f"{path}: span {start}-{end} outside the text")
            continue
        try:
            value = value_at(data, path)
        except (KeyError, IndexError, TypeError):
            problems.append(f"{path}: no such value")
            continue
        if not evidences(path, value, text[start:end]):
            problems.append(f"{path}: {text[start:end]!r} does not give {value!r}")
    return problems


def _number(word: str) -> int | None:
    from urgent.extract.people import _cjk_number, _word_number

    return _word_number(word) or _cjk_number(word[:-1] if word[-1:] in "名人명" else word)


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def evidences(path: str, value: Any, span: str) -> bool:
    field = re.sub(r"\[\d+\]", "", path)
    if field in ("issued", "deadline"):
        return str(parse_date(span)) == value
    if field == "organisation":
        wording = ORGANISATION_WORDINGS.get(value)
        return bool(wording and wording.search(span)) or _squash(value) in _squash(span)
    if field in ("countries", "targets.country"):
        named = any(m.code == value for m in geo.find_countries(span))
        return named or any(p.code == value for p in geo.find_places(span, prefer=frozenset({value})))
    if field == "appeal_languages":
        return LANGUAGE_CODE.get(span.lower()) == value
    if field == "risks":
        return RISK_RULES[value].search(span) is not None
    if field == "asks.kinds":
        return ASK_RULES[value].search(span) is not None
    if field == "people.count":
        numbers = {int(d) for d in re.findall(r"\d+", span)}
        numbers |= {n for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", span.lower()) if (n := _number(w))}
        return value in numbers
    if field in ("targets.faxes", "targets.phones"):
        wanted = re.sub(r"\D", "", str(value))
        written = re.sub(r"\D", "", span)
        return len(written) >= 5 and (
            wanted.endswith(written[-6:]) or contacts.normalise(span, None) == value
        )
    if field == "targets.emails":
        return span.lower().rstrip(".") == value
    if field == "people.at_least":
        return bool(
            re.match(
                r"(?:at least|more than|over|no fewer than|not less than|au moins|plus de|al menos|m[aá]s de)\b",
                span,
                re.IGNORECASE,
            )
        )
    if field in ("kind", "targets.role", "outcome"):
        return bool(span.strip())
    if isinstance(value, str):
        return _squash(value) in _squash(span)
    return False
