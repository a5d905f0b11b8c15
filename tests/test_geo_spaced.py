"""The text the gazetteer scans: folded to lower case without accents, every
non-word character a space, offsets kept (one more for the leading space)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract import geo


@pytest.mark.parametrize(
    "text",
    [
        "Held in Ürümqi, then Evin (Tehran).",
        "plain ascii: held_in x-y, 3/4 a.b\tc\nd ~`!@#$%^&*()+={}[]|\\;'<>?",
        "İstanbul’s Şanlıurfa",
        "“Quoted” – dashed • listed…",  # only punctuation is not ASCII
        "Tromsø, Æsir, straße",  # letters that do not fold to ASCII
        "中国辽宁省，沈阳市。",
        "",
    ],
)
def test_spaced_text_keeps_word_characters_and_offsets(text: str) -> None:
    spaced = geo._spaced(geo.fold(text))
    assert len(spaced) == len(text) + 2
    assert spaced == " " + re.sub(r"[^\w]", " ", geo.fold(text)) + " "


def test_places_found_in_plain_and_accented_text() -> None:
    for text in ("He is held in Chengdu, Sichuan.", "Él está detenido en Córdoba."):
        assert [m.text for m in geo.find_places(text)] == [
            w for w in ("Chengdu", "Sichuan", "Córdoba") if w in text
        ]


@settings(max_examples=2000, deadline=None)
@given(st.text(st.sampled_from("aZ9_ .,\n-’“”–•éÉøßİı中，。²Ⅻ\u00a0\u2028"), max_size=40))
def test_folding_and_spacing_agree_with_the_plain_definitions(text: str) -> None:
    folded = geo.fold(text)
    lower = text.lower()
    if len(lower) == len(text):
        assert folded == lower.translate(geo._FOLD)
    assert len(folded) == len(text)
    assert geo._spaced(folded) == " " + re.sub(r"[^\w]", " ", folded) + " "


PLACE_PIECES = [
    "Tehran",
    "Evin",
    "Shenyang",
    "沈阳",
    "辽宁省",
    "New York",
    "York",
    "Saint Louis",
    "held in ",
    " ",
    ", ",
    "\n",
    "x",
    "İ",
    "é",
]


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(PLACE_PIECES), max_size=14).map("".join), st.integers(0, 80), st.integers(0, 80)
)
def test_a_part_scanned_alone_finds_the_places_the_whole_scan_finds_there(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    spaced = geo._spaced(geo.fold(text))
    auto = geo._place_automaton()
    alone = list(geo._scan(auto, text, spaced, start, end, whole=False))
    assert alone == list(geo._scan(auto, text, spaced, start, end, whole=True))


def test_places_of_a_short_part_of_a_long_text() -> None:
    text = "He is held in Evin prison in Tehran. " + "Nothing else here. " * 40 + "Later, in Shenyang."
    found = [p.text for p in geo.find_places(text, 0, 36)]  # a part under a quarter of the text
    assert found == ["Tehran"]
