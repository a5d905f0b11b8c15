"""A case-insensitive pattern run over lower-cased text finds what IGNORECASE finds, where it finds it."""

from __future__ import annotations

import re

import pytest

from urgent.read.lowered import Lowered

DETAINED = re.compile(r"\b(?:detain\w*|held in|PRISON)\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "He was DETAINED and Held In a Prison near the river.",
        # "İ" lower-cases to two characters: offsets of the lower-cased text would shift
        "İstanbul: she is detained, held in Prison No. 2.",
    ],
)
def test_same_spans_as_ignorecase(text: str) -> None:
    expected = [m.span() for m in DETAINED.finditer(text)]
    found = [m.span() for m in Lowered(DETAINED).finditer(text)]
    assert found == expected
    assert len(found) == 3
    assert [text[a:b].lower() for a, b in found] == ["detained", "held in", "prison"]


def test_a_range_of_the_text() -> None:
    text = "detained here; DETAINED there"
    start = text.index(";")
    assert [m.start() for m in Lowered(DETAINED).finditer(text, text.lower(), start)] == [15]


def test_an_upper_case_escape_is_refused() -> None:
    with pytest.raises(ValueError):
        Lowered(re.compile(r"held\S+", re.IGNORECASE))


def test_named_groups_keep_working() -> None:
    count = Lowered(re.compile(r"(?P<al>at least )?(?P<n>\d+|Two) (?P=n)?people", re.IGNORECASE))
    m = next(count.finditer("AT LEAST TWO people"))
    assert (m.group("al"), m.group("n")) == ("at least ", "two")
