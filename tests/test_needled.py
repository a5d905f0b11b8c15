"""Patterns tried only where their needle occurs find exactly what they find alone,
in the whole text and in a part of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.patterns import CONTACT_LABEL, INDEX_BARE
from urgent.extract.people import _GROUP_LIST, CJK_COUNT, MARKED_NAME, NAME_LABEL
from urgent.read.lowered import Needled

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
    "Fax",
    "Tel.",
    "Email",
    "传真",
    ": ",
    "：",
    "+",
    "(",
    "12",
    "three",
    " students",
    ", ",
    " and ",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 60), st.integers(0, 300))
def test_same_matches_as_the_pattern_alone(text: str, pos: int, endpos: int) -> None:
    for needled in (MARKED_NAME, INDEX_BARE, CONTACT_LABEL, _GROUP_LIST):
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


@pytest.mark.parametrize(
    ("needled", "text"),
    [
        (CONTACT_LABEL, "Tel +44 20 7946 0000"),
        (CONTACT_LABEL, "Fax (01) 234 5678"),
        (CONTACT_LABEL, "传真：010 1234"),
        (CONTACT_LABEL, "Email: office@example.org"),
        (_GROUP_LIST, "three students, Zhang Wei, Li Ming and Zhou Hua, were held"),
        (MARKED_NAME, "Zeynep KAYA (f)"),
        (INDEX_BARE, "see FIN 12/345/2020 above"),
        (CJK_COUNT, "선원 7명이"),
        (NAME_LABEL, "NAMES AND PRONOUNS: Ana Ruiz (she/her)"),
        (NAME_LABEL, "- Nombre: Ana Ruiz"),
        (NAME_LABEL, "Intro\nnoms : Ana Ruiz"),
        (CJK_COUNT, "七名记者被拘留"),
    ],
)
def test_needled_patterns_still_find_each_form(needled: Needled, text: str) -> None:
    expected = [m.span() for m in needled.pattern.finditer(text)]
    assert expected, "the example must be one the pattern finds"
    assert [m.span() for m in needled.finditer(text)] == expected
