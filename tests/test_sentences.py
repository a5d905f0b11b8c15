"""Sentence splitting: the fast pattern ends each sentence exactly where the plain
definition (the shortest run up to the first sentence end) does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.context import _SENTENCE, Context

PLAIN = re.compile(r"[^\n]+?(?:[.!?;](?=\s+[\"“‘'(]?[A-Z0-9])|[.!?](?=[\"”’)]?\s*$)|$)", re.MULTILINE)
PIECES = [
    "a",
    "B",
    "7",
    ".",
    "!",
    "?",
    ";",
    " ",
    "  ",
    "\n",
    "\n\n",
    '"',
    "“",
    "(",
    ")",
    "”",
    "’",
    "'",
    "\t",
    "Z.",
]


@settings(max_examples=5000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_same_sentences_as_the_plain_definition(text: str) -> None:
    assert [m.span() for m in _SENTENCE.finditer(text)] == [m.span() for m in PLAIN.finditer(text)]


def test_sentences_of_a_paragraph() -> None:
    ctx = Context(text='He was arrested on 3 May. "Free him!" they said; No. 4 St. was closed.\nNext line')
    assert [s.text for s in ctx.sentences] == [
        "He was arrested on 3 May.",
        '"Free him!" they said;',
        "No.",  # a digit after a full stop starts a sentence, as a capital does
        "4 St. was closed.",
        "Next line",
    ]
