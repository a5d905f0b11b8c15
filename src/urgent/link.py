"""Linking, without a database: when two records describe one case, and when
two names are one official.

    score = similarity(record_a, text_a, record_b, text_b)
    score.value, score.reasons     # 0..1 and the evidence, for a campaigner to judge

The store calls these; thresholds decide between merging at once and asking
a campaigner (`AUTO_MERGE`, `REVIEW`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from urgent.extract.dates import MONTH_NUMBER, find_dates
from urgent.extract.patterns import HONORIFIC
from urgent.record import Record

AUTO_MERGE = 0.75  # at or above: one case, merged at once (can be undone)
REVIEW = 0.5  # at or above: proposed, waits in the review queue

WEIGHTS = {"countries": 0.15, "places": 0.25, "people": 0.2, "dates": 0.2, "wording": 0.2}


@dataclass
class Similarity:
    value: float
    reasons: list[str] = field(default_factory=list)
    parts: dict[str, float] = field(default_factory=dict)


# -- one case, two documents ----------------------------------------------------

_MONTH_YEAR = re.compile(r"\b(?P<m>[^\W\d_]{3,10})\.?\s+(?P<y>(?:19|20)\d\d)\b")  # "March 2017"
_STOP = frozenset(
    "the a an of and or to in on at for by with from that this these those is are was were be been has have had "
    "it its their they them he she his her who which as not no but if into than then there also would could "
    "said says such other any all more most some".split()
)


def case_dates(record: Record, text: str) -> list[date]:
    """Dates that place a case in time: stated dates and month-year mentions in its first part."""
    dates: list[date] = []
    for value in (record.issued, record.deadline):
        if value:
            dates.append(date.fromisoformat(value))
    head = text[:2500]
    dates += [d for _, _, d in find_dates(head)]
    for m in _MONTH_YEAR.finditer(head):
        month = MONTH_NUMBER.get(m.group("m").lower())
        if month:
            dates.append(date(int(m.group("y")), month, 15))
    return dates


@dataclass(frozen=True)
class Features:
    """What similarity compares, computed once per document."""

    countries: frozenset[str]
    places: frozenset[str]
    place_names: tuple[str, ...]
    people: int | None
    dates: tuple[date, ...]
    content: str


def features(record: Record, text: str) -> Features:
    return Features(
        frozenset(record.countries),
        frozenset(_key(p) for p in record.places),
        tuple(record.places),
        record.people.count,
        tuple(case_dates(record, text)),
        _content(text),
    )


def _content(text: str) -> str:
    words = re.findall(r"[^\W\d_]{3,}", text[:1500].lower())
    return " ".join(w for w in words if w not in _STOP)


def similarity(a: Record, text_a: str, b: Record, text_b: str) -> Similarity:
    """How likely two documents report the same incident, with the reasons."""
    return compare(features(a, text_a), features(b, text_b))


def compare(a: Features, b: Features) -> Similarity:
    parts: dict[str, float] = {}
    reasons: list[str] = []
    if a.countries and b.countries:
        common = a.countries & b.countries
        parts["countries"] = len(common) / len(a.countries | b.countries)
        if common:
            reasons.append(f"countries in common: {', '.join(sorted(common))}")
    if a.places and b.places:
        common = a.places & b.places
        parts["places"] = len(common) / min(len(a.places), len(b.places))
        if common:
            reasons.append(f"places in common: {', '.join(p for p in a.place_names if _key(p) in common)}")
    if a.people and b.people:
        same = a.people == b.people
        parts["people"] = 1.0 if same else 0.0
        reasons.append(
            f"same number of people ({a.people})"
            if same
            else f"different numbers of people ({a.people} and {b.people})"
        )
    if a.dates and b.dates:
        gap = min(abs((x - y).days) for x in a.dates for y in b.dates)
        parts["dates"] = max(0.0, 1.0 - gap / 120)  # four months apart: no evidence left
        reasons.append(f"dates {gap} days apart" if gap else "a date in common")
    if a.content and b.content:
        alike = fuzz.token_set_ratio(a.content, b.content) / 100
        parts["wording"] = max(0.0, (alike - 0.5) * 2)  # unrelated UAs share half their words anyway
        reasons.append(f"wording {alike:.0%} alike")
    value = sum(WEIGHTS[k] * v for k, v in parts.items())
    return Similarity(round(value, 3), reasons, parts)


# -- one official, several spellings --------------------------------------------


def _key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


def person_key(name: str, title: str | None = None) -> str:
    """One key for "HASSAN Ali", "Hassan Ali" and "President Hassan Ali"."""
    body = name.strip()
    while True:
        m = HONORIFIC.match(body)
        if not m:
            break
        body = body[m.end() :]
    if title:
        body = re.sub(rf"^{re.escape(title)}\s+", "", body, flags=re.IGNORECASE)
    from urgent.extract.lexicon import TITLE_MODIFIERS, TITLE_WORDS

    words = _key(body).split()
    while words and (words[0] in TITLE_WORDS or words[0] in TITLE_MODIFIERS):
        words = words[1:]  # "President Hassan Ali"
    return " ".join(words)


def office_key(title: str | None, organisation: str | None, country: str | None) -> str | None:
    """The position an official holds: "president|cn", else the organisation."""
    if title:
        return f"{_key(title)}|{(country or '').lower()}"
    if organisation:
        return f"org:{_key(organisation)}|{(country or '').lower()}"
    return None
