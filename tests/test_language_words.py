"""Language detection counts letters and words the same way, ASCII or not."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.language import _letters_and_words, detect_language

PIECES = ["a", "B", "é", "1", "_", " ", "\n", "x-y", "Hello", "²", "ok.", ",", "中", "\t", "Z", "the "]
# punctuation and letters beyond ASCII, some that lower-case oddly: "’", "–", a no-break
# space, a circled letter, a feminine ordinal, the Kelvin sign, a dotted capital I, a
# roman numeral
PIECES += ["’", "–", "“", "\u00a0", "Ⓐ", "ª", "\u212a", "İ", "Ⅻ", "·"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_same_counts_as_the_letter_patterns(sample: str) -> None:
    letters = len(re.sub(r"[\W\d_]+", "", sample))
    words = re.findall(r"[^\W\d_]+", sample.lower())
    assert _letters_and_words(sample) == (letters, words)


def test_english_and_french_told_apart_by_their_words() -> None:
    english = "The authorities of the country have detained the men and they are at risk of torture. " * 4
    french = (
        "Les autorités du pays ont arrêté les hommes et ils sont en danger dans la prison pour la police. "
        * 4
    )
    assert detect_language(english) == "en"
    assert detect_language(french) == "fr"
