"""Dates written out in documents: "3 MARCH 2019", "June 9, 2014", "17 de agosto de 2018".

A regex finds the span; month tables in `patterns` read it. dateparser is the
fallback for other languages, only ever on a span already found and with the
language given (auto-detection is slow and invents dates).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from urgent.extract.patterns import MONTH_ABBREVIATIONS, MONTHS, longest_first

MONTH_NUMBER: dict[str, int] = dict(MONTH_ABBREVIATIONS)
for _names in MONTHS.values():
    for _i, _name in enumerate(_names.split(), 1):
        MONTH_NUMBER[_name] = _i
        MONTH_NUMBER[_name.replace("é", "e").replace("û", "u").replace("ä", "a").replace("ç", "c")] = _i

_MONTH = "(?P<m>" + longest_first(list(MONTH_NUMBER)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)"

# Each pattern names its groups d, m, y; a month in digits is group "mn".
DATE_PATTERNS = [
    re.compile(rf"\b{_DAY}\s*(?:de\s+|of\s+)?{_MONTH}\s*,?\s*(?:de\s+|del\s+)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<y>(?:1[89]|20)\d\d)-(?P<mn>[01]?\d)-(?P<d>[0-3]?\d)\b"),
    re.compile(r"(?P<y>(?:1[89]|20)\d\d)\s*年\s*(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日"),
    re.compile(r"(?P<y>(?:1[89]|20)\d\d)\s*년\s*(?P<mn>[01]?\d)\s*월\s*(?P<d>[0-3]?\d)\s*일"),
    re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<mn>[01]?\d)[./](?P<y>(?:1[89]|20)\d\d)\b"),
]


def parse_date(text: str, language: str = "en") -> date | None:
    """The date at the start of ``text`` (or anywhere in a short span)."""
    found = find_dates(text)
    if found:
        return found[0][2]
    return _dateparser(text.strip(), language)


_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
# Every date pattern holds a year; the longest ("31st of September, 2017", "17 de agosto
# de 2018") reach about 30 characters before it, the CJK and ISO forms about 12 after.
_BEFORE_YEAR, _AFTER_YEAR = 60, 16


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, date]]:
    """Every full date (day, month and year) in text[start:end], in order."""
    end = len(text) if end is None else end
    out: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []
    # The month-name alternation is slow to try at every word; run the patterns only
    # near a year, which most lines lack.
    for lo, hi in _year_windows(text, start, end):
        for pattern in DATE_PATTERNS:
            for m in pattern.finditer(text, lo, hi):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                d = _to_date(m)
                if d:
                    out.append((m.start(), m.end(), d))
                    taken.append((m.start(), m.end()))
    return sorted(out)


def _year_windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for y in _YEAR_ONLY.finditer(text, start, end):
        lo, hi = max(start, y.start() - _BEFORE_YEAR), min(end, y.end() + _AFTER_YEAR)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _to_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    month = int(groups["mn"]) if groups.get("mn") else MONTH_NUMBER.get(groups["m"].lower().rstrip("."))
    if not month:
        return None
    try:
        return date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _dateparser(text: str, language: str) -> date | None:
    if not text or len(text) > 40 or not re.search(r"\d", text):
        return None
    try:
        import dateparser  # slow to import: only for languages our tables lack
    except ImportError:  # pragma: no cover
        return None
    try:
        parsed = dateparser.parse(
            text,
            languages=[language],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None
