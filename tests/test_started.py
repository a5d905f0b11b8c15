"""Whole-text patterns tried only where one of their starting words occurs find
exactly what the pattern finds alone: the same matches, in a whole text and in a
part of it, whatever the letter case."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.patterns import (
    FOLLOWS_UA_ANYWHERE,
    FURTHER_INFORMATION_ANYWHERE,
    INDEX_LABELLED,
    LANGUAGE_REQUEST,
    STOP_ACTION_ANYWHERE,
    UA_NUMBER_ANYWHERE,
    Started,
)
from urgent.extract.people import _APPOSITIVE, _NUMBER_FAST, _RELEASE_LIST
from urgent.extract.where import _DETENTION_AT

ALL = {
    "detention words": _DETENTION_AT,
    "UA number": UA_NUMBER_ANYWHERE,
    "further information on": FOLLOWS_UA_ANYWHERE,
    "AI index": INDEX_LABELLED,
    "appeal languages": LANGUAGE_REQUEST,
    "release list": _RELEASE_LIST,
    "appositive name": _APPOSITIVE,
    "count of people": _NUMBER_FAST,
    "further information heading": FURTHER_INFORMATION_ANYWHERE,
    "stop action": STOP_ACTION_ANYWHERE,
}

PIECES = [
    "UA 12/05",
    "EA 3/99",
    "AU",
    "Urgent Action 5/2001",
    "Acción Urgente",
    "action urgente ",
    "Further information on ",
    "update to ",
    "Follow-up to ",
    "Complément d'information sur l'AU 3/05",
    "Weitere Informationen zu ",
    "AI Index: ",
    "Índice: ",
    "Indice AI ",
    "EUR 44/052/1994",
    "Write ",
    "appeals ",
    "letters",
    " in English",
    ", Chinese",
    " or your own language",
    "Preferred languages to address targets: ",
    "French",
    "Écrivez en ",
    "escriban en ",
    " ou dans votre langue",
    " o en su idioma",
    "release ",
    "Free ",
    "libérer ",
    "journalist ",
    "human rights defender ",
    "Ana Ruiz",
    " and Li Ming",
    "detained",
    "held",
    "DÉTENU",
    "police station",
    "arrest",
    "关押",
    "체포",
    "İ",  # lower-cases to two characters: offsets of the lower-cased text shift
    " ",
    "\n",
    ".",
    ",",
    "-",
    "/",
    "X",
    "7",
    "٣",  # an Arabic-Indic digit: a digit to the pattern too
    "At least ",
    "más de ",
    "twenty-one",
    "Dix-sept",
    "once",
    "someone",
    "12",
    " students",
    "UA update",
    "FU 7/05",
    "Más información sobre la AU",
    "STOP ACTION",
    "No further action is required",
    "plus aucune action",
]


def _spans(found: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in found]


def _alone(started: Started, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return _spans(list(started.pattern.finditer(text, start, len(text) if end is None else end)))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join), st.integers(0, 60), st.integers(0, 400))
def test_same_matches_as_the_pattern_alone(text: str, start: int, end: int) -> None:
    for started in ALL.values():
        assert _spans(started.finditer(text)) == _alone(started, text)
        assert _spans(started.finditer(text, text.lower(), start, end)) == _alone(started, text, start, end)
        first = started.search(text, None, start, end)
        expected = _alone(started, text, start, end)
        assert (first and first.span()) == (expected[0] if expected else None)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("detention words", "she was DETAINED on Monday"),
        ("detention words", "Il a été détenu au secret"),
        ("detention words", "taken to an unknown place"),
        ("detention words", "据悉，关押在看守所"),
        ("UA number", "ea 12/05"),
        ("UA number", "ACCIÓN URGENTE 45/19"),
        ("UA number", "Action urgente 3/2001"),
        ("further information on", "Follow-up to UA 12/05"),
        ("further information on", "Información complementaria sobre la AU 7/08"),
        ("AI index", "AI Index: EUR 44/052/1994"),
        ("AI index", "Índice: AMR 23/1234/2018"),
        ("appeal languages", "Send telegrams in Arabic or English"),
        ("appeal languages", "Écrivez en français ou dans votre propre langue"),
        ("appeal languages", "preferred language to address target: Spanish"),
        ("release list", "to RELEASE Ana Ruiz and Li Ming"),
        ("release list", "libérer Ana Ruiz"),
        ("appositive name", "the trade unionist Ana Ruiz"),
        ("appositive name", "prisoner of conscience Li Ming"),
        ("count of people", "MORE THAN 40 people"),
        ("count of people", "Más de dieciocho personas"),
        ("count of people", "thirty-two refugees"),
        ("further information heading", "UA  Update"),
        ("further information heading", "mas informacion sobre AU 3/05"),
        ("further information heading", "FU 12/05"),
        ("stop action", "No further appeals are needed"),
        ("stop action", "Please stop sending appeals"),
        ("stop action", "Aucune action complémentaire n'est requise"),
    ],
)
def test_each_form_is_still_found(name: str, text: str) -> None:
    started = ALL[name]
    expected = _alone(started, text)
    assert expected, "the example must be one the pattern finds"
    assert _spans(started.finditer(text)) == expected


def test_starting_words_must_be_lower_case() -> None:
    with pytest.raises(ValueError, match="lower-case"):
        Started(re.compile("Index"), "Index")
