"""Patterns tried only where their needle occurs find exactly what they find alone,
in the whole text and in a part of it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.patterns import INDEX_BARE, INDEX_LABELLED
from urgent.extract.people import MARKED_NAME

PIECES = [
    "Mehmet ALKAN",
    "Ali Hassan",
    " (m)",
    " (f)",
    ", aged 34",
    ", 27,",
    ", 19 years",
    "AI Index: ",
    "Index ",
    "Índice: ",
    "EUR 44/052/1994",
    "MDE 13/1234/2015",
    "ASA 17/",
    " ",
    "\n",
    "and",
    ".",
    "/",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join), st.integers(0, 60), st.integers(0, 300))
def test_same_matches_as_the_pattern_alone(text: str, pos: int, endpos: int) -> None:
    for needled in (MARKED_NAME, INDEX_LABELLED, INDEX_BARE):
        alone = needled.pattern
        assert [m.span() for m in needled.finditer(text)] == [m.span() for m in alone.finditer(text)]
        assert [m.span() for m in needled.finditer(text, pos, endpos)] == [
            m.span() for m in alone.finditer(text, pos, endpos)
        ]
        found, expected = needled.search(text, pos, endpos), alone.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())


def test_a_marked_name_is_found_and_unmarked_text_is_not() -> None:
    found = MARKED_NAME.search("Relatives say Mehmet ALKAN, aged 34, was beaten.")
    assert found is not None and found.group("name") == "Mehmet ALKAN"
    assert MARKED_NAME.search("Mehmet ALKAN was beaten.") is None
