"""Cheap tests and rewritten patterns that save the extractor time never change
what it finds: each is checked against the plain pattern it stands in for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.contacts import emails
from urgent.extract.people import _CAPS_NAME, MARKED_NAME
from urgent.extract.where import _HELD_IN, _HELD_IN_LAST, _SENT_TO, _SENT_TO_LAST

BEFORE_A_COUNTRY = st.lists(
    st.sampled_from(
        [
            "returned",
            "DEPORTED",
            "forcibly",
            "back",
            "to",
            "into",
            "vers",
            "VERſ",  # a long s: an "s" to a case-blind pattern
            "en",
            "a",
            "hacia",
            "held",
            "detained",
            "in",
            "İN",  # lower-cases to three characters
            "at",
            "au",
            "à",
            "À",
            "the",
            "THE",
            "Ali",
            "x",
        ]
    ),
    max_size=8,
).map(" ".join)
ENDS = st.sampled_from(["", " ", "  ", "\n", "\t", " \n", "\u00a0"])


@settings(max_examples=4000, deadline=None)
@given(BEFORE_A_COUNTRY, ENDS)
def test_the_last_letter_filter_never_drops_a_match(words: str, end: str) -> None:
    before = words + end
    last = before.rstrip()[-1:] if before[-1:].isspace() else None
    if _SENT_TO.search(before):
        assert last in _SENT_TO_LAST
    if _HELD_IN.search(before):
        assert last in _HELD_IN_LAST


def test_the_filter_keeps_the_usual_phrasings() -> None:
    assert _SENT_TO.search("at risk of being forcibly returned to ") and "o" in _SENT_TO_LAST
    assert _HELD_IN.search("he is detained in the ") and "e" in _HELD_IN_LAST


# The name patterns as they were written before the capital came first.
PLAIN_CAPS_NAME = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][a-zà-ÿ'’-]+[ \t]+){1,3}(?:(?:al-|el-|de |del |da )?[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)"
    r"(?:[ \t-]+[A-ZÀ-Þ][A-ZÀ-Þ'’]+){0,2})(?![\w-])"
)
PLAIN_MARKED_NAME = re.compile(
    r"(?P<name>\b[A-Z][\w'’-]+(?:[ \t]+(?:al-|el-|bin |ibn |de |da |del |van |von )?[A-Z][\w'’-]+){1,4})"
    r"(?:\s*\((?:m|f)\)|,\s*(?:aged\s+)?\d{1,2}(?:,|\s+years))"
)
NAME_TEXT = st.lists(
    st.sampled_from(
        [
            "Ali",
            "Hassan",
            "ALKAN",
            "Mehmet",
            "al-",
            "de ",
            "x",
            "-",
            "É",
            "é",
            " ",
            "\t",
            "\n",
            "(m)",
            ", aged 34,",
            "_",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=4000, deadline=None)
@given(NAME_TEXT)
def test_names_found_capital_first_are_the_plain_patterns_names(text: str) -> None:
    assert [m.span("name") for m in _CAPS_NAME.finditer(text)] == [
        m.span("name") for m in PLAIN_CAPS_NAME.finditer(text)
    ]
    assert [m.span("name") for m in MARKED_NAME.pattern.finditer(text)] == [
        m.span("name") for m in PLAIN_MARKED_NAME.finditer(text)
    ]


def test_a_name_is_found_after_a_hyphen_only_by_the_marked_pattern() -> None:
    # "x-Ali …": a word character or hyphen before the capital is no boundary
    assert [m.group("name") for m in _CAPS_NAME.finditer("x-Ali Hassan ALKAN")] == ["Hassan ALKAN"]
    assert [m.group("name") for m in _CAPS_NAME.finditer("Ali Hassan ALKAN")] == ["Ali Hassan ALKAN"]
    assert [m.group("name") for m in MARKED_NAME.pattern.finditer("-Ali Hassan (m)")] == ["Ali Hassan"]


def test_emails_without_an_at_sign_are_not_looked_for() -> None:
    assert emails("Fax: +1 555 0100") == []
    assert emails("Email: Info@Example.org.") == [(7, 23, "info@example.org")]
