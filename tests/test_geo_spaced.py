"""The text the gazetteer scans: folded to lower case without accents, every
non-word character a space, offsets kept (one more for the leading space)."""

from __future__ import annotations

import re

import pytest

from urgent.extract import geo


@pytest.mark.parametrize(
    "text",
    [
        "Held in Ürümqi, then Evin (Tehran).",
        "plain ascii: held_in x-y, 3/4 a.b\tc\nd ~`!@#$%^&*()+={}[]|\\;'<>?",
        "İstanbul’s Şanlıurfa",
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
