"""The country lexicon (src/urgent/data/countries.tsv) loads and is unambiguous."""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from pathlib import Path

import pycountry
import pytest

TSV = Path(__file__).resolve().parents[1] / "src" / "urgent" / "data" / "countries.tsv"
EXTRA_CODES = {"XK"}  # Kosovo: user-assigned, not in ISO 3166-1


@cache
def load() -> dict[str, tuple[list[str], list[str]]]:
    out: dict[str, tuple[list[str], list[str]]] = {}
    with TSV.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert next(reader) == ["code", "names", "demonyms"]
        for row in reader:
            assert len(row) == 3, row
            code, names, demonyms = row
            assert code not in out, f"duplicate row for {code}"
            out[code] = (names.split("|") if names else [], demonyms.split("|") if demonyms else [])
    return out


@cache
def index() -> dict[str, str]:
    """Every name and demonym, casefolded, to its code."""
    return {s.casefold(): code for code, (names, dems) in load().items() for s in names + dems}


def test_codes_are_iso_alpha2_or_kosovo():
    valid = {c.alpha_2 for c in pycountry.countries} | EXTRA_CODES
    assert set(load()) <= valid, sorted(set(load()) - valid)


def test_every_country_is_covered():
    wanted = {c.alpha_2 for c in pycountry.countries} | EXTRA_CODES | {"PS"}
    assert wanted <= set(load()), sorted(wanted - set(load()))


def test_every_row_has_names_and_clean_strings():
    for code, (names, dems) in load().items():
        assert names, f"{code} has no names"
        for s in names + dems:
            assert s and s == s.strip(), (code, s)
            assert unicodedata.normalize("NFC", s) == s, (code, s)


def test_no_string_under_two_codes():
    seen: dict[str, str] = {}
    clashes = []
    for code, (names, dems) in load().items():
        for key in {s.casefold() for s in names + dems}:
            if key in seen:
                clashes.append((key, seen[key], code))
            seen[key] = code
    assert not clashes


def test_ambiguous_forms_are_absent():
    ambiguous = ["Korea", "Korean", "Koreans", "Congo", "Virgin Islands", "America"]
    for s in [*ambiguous, "Republic of China"]:
        assert s.casefold() not in index(), s
    # "US" only in capitals: the pronoun must never be listed.
    assert all(s not in {"us", "Us"} for names, dems in load().values() for s in names + dems)
    assert "Dominican" not in load()["DM"][1]
    assert not load()["CG"][1]  # "Congolese" belongs to CD only


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Corée du Nord", "KP"),
        ("Nordkorea", "KP"),
        ("북한", "KP"),
        ("朝鲜", "KP"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("Peoples Republic of China", "CN"),
        ("People’s Republic of China", "CN"),
        ("中国", "CN"),
        ("중국", "CN"),
        ("chinoise", "CN"),
        ("Estados Unidos", "US"),
        ("États-Unis", "US"),
        ("Etats-Unis", "US"),
        ("미국", "US"),
        ("US", "US"),
        ("American", "US"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("Burma", "MM"),
        ("Iranian", "IR"),
        ("Islamic Republic of Iran", "IR"),
        ("Congolese", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Republic of the Congo", "CG"),
        ("Saudi", "SA"),
        ("Kingdom of Saudi Arabia", "SA"),
        ("Emirati", "AE"),
        ("Britain", "GB"),
        ("Russian Federation", "RU"),
        ("United Mexican States", "MX"),
        ("México", "MX"),
        ("mexicanos", "MX"),
        ("Nigerien", "NE"),
        ("Nigerian", "NG"),
        ("Guinean", "GN"),
        ("Dominican", "DO"),
        ("Kosovo", "XK"),
        ("Palestine", "PS"),
        ("Hong Kong", "HK"),
        ("Taiwan", "TW"),
    ],
)
def test_lookup(text, code):
    assert index().get(text.casefold()) == code
