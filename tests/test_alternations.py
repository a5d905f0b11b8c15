"""Alternations rewritten for speed match what the plain alternations match: a word
list as a tree of shared prefixes (longest word first), and alternatives grouped by
their first letter (in their order)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.dates import MONTH_NUMBER, find_dates
from urgent.extract.patterns import _CONTACT_LABEL, CONTACT_LABELS, by_first_letter, longest_first

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


ALTERNATIVES = st.lists(
    st.tuples(
        st.sampled_from("abcé电"), st.sampled_from(["", "b", "b?", "c*", "[bé]", "(?:a|bb)", r"\.", "a b"])
    ).map("".join),
    min_size=1,
    max_size=10,
)


@settings(max_examples=3000, deadline=None)
@given(ALTERNATIVES, TEXTS)
def test_grouped_by_first_letter_matches_as_the_flat_alternation(alternatives: list[str], text: str) -> None:
    grouped, flat = by_first_letter(tuple(alternatives)), "|".join(alternatives)
    for around in (r"(?P<w>{})", r"(?<!\w)(?P<w>{})\s*1", r"(?P<w>{})\b"):
        assert _found(around.format(grouped), text) == _found(around.format(flat), text)


def test_contact_labels_are_found_as_the_flat_list_finds_them() -> None:
    flat = re.compile(
        _CONTACT_LABEL.pattern.replace(by_first_letter(CONTACT_LABELS), "|".join(CONTACT_LABELS)),
        re.IGNORECASE,
    )
    assert flat.pattern != _CONTACT_LABEL.pattern
    text = "Tel: +1 555 0100, Fax/Tel. 555, Téléfono: +34 91, E-mails: a@b.org, Site web: x, 传真：1, 전자우편: y"
    assert [m.group() for m in _CONTACT_LABEL.finditer(text)] == [m.group() for m in flat.finditer(text)]
    assert len(list(_CONTACT_LABEL.finditer(text))) == 7


def test_alternatives_that_could_not_be_grouped_are_refused() -> None:
    for bad in ("Tel", "ſax", "e?mail", "(?:tel)", r"\btel"):
        with pytest.raises(ValueError):
            by_first_letter((bad,))
