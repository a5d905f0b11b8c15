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

_MONTH_YEAR = re.compile(
    r"\b(?:(?:early|mid|late)[- ])?(?P<m>"
    + "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
    + r")\.?\s+"
    r"(?P<y>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
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
        dates.append(date(int(m.group("y")), MONTH_NUMBER[m.group("m").lower()], 15))
    return dates


def _content(text: str) -> str:
    words = re.findall(r"[^\W\d_]{3,}", text[:3000].lower())
    return " ".join(w for w in words if w not in _STOP)


def similarity(a: Record, text_a: str, b: Record, text_b: str) -> Similarity:
    """How likely two documents report the same incident, with the reasons."""
    parts: dict[str, float] = {}
    reasons: list[str] = []
    ca, cb = set(a.countries), set(b.countries)
    if ca and cb:
        parts["countries"] = len(ca & cb) / len(ca | cb)
        if ca & cb:
            reasons.append(f"countries in common: {', '.join(sorted(ca & cb))}")
    pa, pb = {_key(p) for p in a.places}, {_key(p) for p in b.places}
    if pa and pb:
        common = pa & pb
        parts["places"] = len(common) / min(len(pa), len(pb))
        if common:
            reasons.append(f"places in common: {', '.join(p for p in a.places if _key(p) in common)}")
    if a.people.count and b.people.count:
        same = a.people.count == b.people.count
        parts["people"] = 1.0 if same else 0.0
        reasons.append(
            f"same number of people ({a.people.count})"
            if same
            else f"different numbers of people ({a.people.count} and {b.people.count})"
        )
    da, db = case_dates(a, text_a), case_dates(b, text_b)
    if da and db:
        gap = min(abs((x - y).days) for x in da for y in db)
        parts["dates"] = max(0.0, 1.0 - gap / 120)  # four months apart: no evidence left
        reasons.append(f"dates {gap} days apart" if gap else "a date in common")
    wa, wb = _content(text_a), _content(text_b)
    if wa and wb:
        alike = fuzz.token_set_ratio(wa, wb) / 100
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
    """One key for "XI Jinping", "Xi Jinping" and "President Xi Jinping"."""
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
        words = words[1:]  # "President Xi Jinping"
    return " ".join(words)


def office_key(title: str | None, organisation: str | None, country: str | None) -> str | None:
    """The position an official holds: "president|cn", else the organisation."""
    if title:
        return f"{_key(title)}|{(country or '').lower()}"
    if organisation:
        return f"org:{_key(organisation)}|{(country or '').lower()}"
    return None
