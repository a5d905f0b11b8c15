"""A wording tried only where the first words of its alternatives occur finds every
match that trying each alternative at every position finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.patterns import (
    DEADLINE_AFTER,
    DEADLINE_BEFORE,
    ISSUE_LABEL,
    ORGANISATION_WORDINGS,
    Wording,
    _starts,
)
from urgent.extract.taxonomy import ASK_RULES, RISK_RULES

WORDINGS = [
    *RISK_RULES.values(),
    *ASK_RULES.values(),
    *ORGANISATION_WORDINGS.values(),
    ISSUE_LABEL,
    DEADLINE_BEFORE,
    DEADLINE_AFTER,
]

PIECES = [
    "re-trial",
    "Retrial",
    "re-education through labour",
    "reeducation through labor",
    "held accountable",
    "HELD",
    "torture",
    "tortured",
    "and death",
    "or even death",
    "no forcible return",
    "without access to a lawyer",
    "ill-treatment",
    "ill treated",
    "forcibly returned",
    "executed",
    "death penalty",
    "Amnesty International",
    "Human Rights Watch",
    "send appeals before ",
    "if sending appeals after ",
    "issued on ",
    "Date: ",
    "12 May 2019",
    "release",
    "immediately and unconditionally",
    "ne pas renvoyer",
    "détention arbitraire",
    "Detention arbitraire",
    "UNHCR",
    "consular",
    "monitors",
    " access ",
    "médical",
    "Medical",
    "Fédération internationale pour les droits humains",
    "İ",  # lower-cases to two characters
    " ",
    "\n",
    ".",
    "-",
    "x",
]


def _everywhere(wording: Wording, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each alternative tried at every position (one with no first word: its own finditer)."""
    hits: list[re.Match[str]] = []
    for starts, _required, pattern in wording.parts:
        if starts:
            hits += [m for p in range(start, end) if (m := pattern.match(text, p, end))]
        else:
            hits += pattern.finditer(text, start, end)
    return [m.span() for m in sorted(hits, key=lambda m: m.start())]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.integers(0, 40), st.integers(0, 250))
def test_same_matches_as_every_alternative_at_every_position(text: str, start: int, end: int) -> None:
    end = min(end, len(text))
    for wording in WORDINGS:
        found = [m.span() for m in wording.finditer(text, start, end)]
        assert found == _everywhere(wording, text, start, end), wording.parts[0][2].pattern


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.integers(0, 40), st.integers(0, 250))
def test_search_finds_the_first_of_all_matches(text: str, start: int, end: int) -> None:
    end = min(end, len(text))
    for wording in WORDINGS:
        found = wording.finditer(text, start, end)
        first = wording.search(text, start, end)
        assert (first.span() if first else None) == (found[0].span() if found else None)
        assert first is None or first.re is found[0].re  # the same alternative's match


def test_first_words_are_written_out_every_way_a_match_can_start() -> None:
    assert _starts(r"re-?trial\b") == ["re-trial", "retrial"]
    assert _starts(r"colou?r") == ["colour", "color"]
    assert _starts(r"tortur(?:e|ing)") == ["tortur"]
    assert _starts(r"detain\w*") == ["detain"]
    assert _starts(r"(?:and|or) (?:even )?death") == ["and ", "or "]
    assert _starts(r"(?:no|without) access to (?:a )?lawyer") == ["no access to ", "without access to "]
    assert _starts(r"x?y") == []  # "y" alone is too short to look for
    assert _starts(r"d[ée]tenu\b") == ["détenu", "detenu"]
    assert _starts(r"(?:UNHCR|monitors?|consul(?:ar|s)?)\b") == ["unhcr", "monitor", "consul"]
    assert _starts(r"(?:ab|cd)?x") == []  # an optional group: the match may start with "x"
    assert _starts(r"[a-z]ide") == []  # a range is not a few letters
