"""Cleaning's fast character, space and edge passes give exactly what the plain
regular expressions they replace give: the same text and the same map back to
the raw text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.read.clean import clean
from urgent.read.mapped import MappedText
from urgent.read.raw import Meta, RawText
from urgent.read.reflow import reflow

# The definitions the fast passes must agree with.
CHARS = re.compile(
    "\r\n?|[\f\v\u2028\u2029\x85]|[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]"
    "|[\u200b\u00ad\ufeff\u2060]|[\uf0b7\uf0a7\uf076\uf0d8\uf0fc]"
)
SPACES = re.compile(r"^[ \t]+|[ \t]+$|(?P<inner>(?<=\S)[ \t]{2,}(?=\S))", re.MULTILINE)
EDGES = re.compile(r"^\s+|\s+$")
CHAR_MAP = {"\f": "\n\n", "\v": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"}
INVISIBLE = "\u200b\u00ad\ufeff\u2060"


def reference(raw: str) -> MappedText:
    def char(m: re.Match[str]) -> str:
        c = m.group()
        if c.startswith("\r"):
            return "\n"
        if c in CHAR_MAP:
            return CHAR_MAP[c]
        if c in INVISIBLE:
            return ""
        return "•" if "\uf000" <= c <= "\uf0ff" else " "

    text = MappedText(raw).sub(CHARS, char)
    text = text.sub(SPACES, lambda m: " " if m.group("inner") else "")
    text = reflow(text)
    text = text.sub(re.compile(r"\n{3,}"), "\n\n")
    return text.sub(EDGES, "")


PIECES = [
    "a",
    "Bc",
    ".",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u00a0",
    "\u3000",
    "\x1c",
    "\u200b",
    "\f",
    "\uf0b7",
    "o p",
]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_same_text_and_map_as_the_plain_patterns(raw: str) -> None:
    got = clean(RawText(raw, "text", Meta()))
    want = reference(raw)
    assert got.text == want.text
    assert [got.to_source(i) for i in range(len(got) + 1)] == [
        want.to_source(i) for i in range(len(want) + 1)
    ]


def test_spaces_between_words_and_at_line_ends() -> None:
    got = clean(RawText("  Free  him\t\tnow  \r\n\tplease \n", "text", Meta()))
    assert got.text == "Free him now\nplease"
