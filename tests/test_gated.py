"""A heading tried alternative by alternative, each only where the words it starts
with occur, finds what the whole heading pattern finds in the same line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.patterns import HEADINGS, Gated, rx

PIECES = [
    "PLEASE WRITE ",
    "please send ",
    "Write appeals ",
    "immediately ",
    "to the authorities",
    "Recommended action",
    "What you can do",
    "urges the authorities in Ruritania ",
    "calls on ",
    "And urging UNHCR to:",  # "urging" is none of the action heading's gate words
    "ação urgente",
    "Send a copy to",
    "to",
    ":",
    "：",
    " ",
    "  ",
    "\t",
    "Escriban en ",
    "écrivez en ",
    "ÉCRIVEZ ",
    "敦促",
    "당국에 촉구",
    "İ",  # lower-cases to two characters
    "Appeals to ",
    "send appeals before 3 May 2019 to:",
    "Copies to:",
    "cc: ",
    "BACKGROUND INFORMATION",
    "Additional information",
    "Further information on UA 12/19",
    "UA 105/00",
    "URGENT ACTION",
    "no further action is needed",
    "Check with ",
    "•",
    "x",
    ".",
    "\u00a0",
]
LINES = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return (a is None) == (b is None) and (a is None or (a.span(), a.group()) == (b.span(), b.group()))


@settings(max_examples=3000, deadline=None)
@given(LINES)
def test_each_heading_finds_what_its_whole_pattern_finds(line: str) -> None:
    for name in HEADINGS._fields:
        heading: Gated = getattr(HEADINGS, name)
        assert _same(heading.match(line), heading.pattern.match(line)), (name, line)
        assert _same(heading.search(line), heading.pattern.search(line)), (name, line)


def test_an_alternatives_own_first_word_opens_the_gate() -> None:
    # "urging" is not among the words given, but the alternative starts with it
    heading = Gated(rx(r"\bzeta\b", r"\b(?:urges|urging)\b[^:]*:"), "zeta|urge")
    assert heading.search("And urging UNHCR to:").group() == "urging UNHCR to:"
    assert HEADINGS.action.search("And urging UNHCR to:") is not None


def test_the_leftmost_alternative_wins_then_the_first() -> None:
    heading = Gated(rx(r"\bzeta\b", r"\balpha\w*", r"\balphabet\b"), "zeta|alpha")
    assert heading.search("alphabet zeta").group() == "alphabet"  # leftmost, from the second
    assert heading.search("zeta alphabet").group() == "zeta"
    assert heading.match("alphabet soup").group() == "alphabet"  # the second comes before the third
    assert heading.search("beta gamma") is None


def test_a_line_without_the_words_is_not_searched() -> None:
    heading = Gated(rx(r"\bzeta\b", r"\d+"), "zeta")
    assert heading.search("no such word, 42") is None  # the gate is shut
    assert heading.search("zeta 42").group() == "zeta"
