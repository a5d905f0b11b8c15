"""A word list written as a tree of shared prefixes matches what the same words
sorted longest first match, with the same groups, wherever the pattern runs."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.dates import MONTH_NUMBER, find_dates
from urgent.extract.patterns import longest_first

WORDS = st.lists(st.text(alphabet="abcé.", min_size=1, max_size=5), min_size=1, max_size=12)
TEXTS = st.text(alphabet="abcéABCÉ. 1", max_size=40)


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _found(pattern: str, text: str) -> list[tuple[tuple[int, int], str]]:
    compiled = re.compile(pattern, re.IGNORECASE)
    return [(m.span(), m.group("w")) for m in compiled.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(WORDS, TEXTS)
def test_the_tree_matches_as_the_sorted_list(words: list[str], text: str) -> None:
    # what follows the word may fail and send the engine back to a shorter word
    for around in (r"\b(?P<w>{})", r"(?P<w>{})\.?\s+1", r"(?P<w>{})\b"):
        assert _found(around.format(longest_first(words)), text) == _found(around.format(_flat(words)), text)


def test_the_longest_word_wins() -> None:
    pattern = re.compile(f"(?:{longest_first(['jul', 'july', 'juli', 'ju'])})", re.IGNORECASE)
    assert pattern.match("JULY 4").group() == "JULY"
    assert pattern.match("Julio").group() == "Juli"
    assert pattern.match("june").group() == "ju"


def test_words_must_be_lower_case() -> None:
    with pytest.raises(ValueError):
        longest_first(["March"])


def test_dates_with_every_month_name_are_read() -> None:
    for name, month in MONTH_NUMBER.items():
        text = f"Sent on 3 {name.capitalize()} 2019 and {name.upper()} 5, 2020."
        assert [(d.year, d.month, d.day) for _s, _e, d in find_dates(text)] == [
            (2019, month, 3),
            (2020, month, 5),
        ]
