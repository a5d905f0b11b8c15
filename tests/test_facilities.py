"""Named places of detention are looked for only around the nouns that end them,
and found exactly as a search of the whole text finds them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from urgent.extract.where import _FACILITY, _facilities

PIECES = [
    "Evin",
    "Prison",
    "prison",
    "prisons",
    "imprisoned",
    "B14",
    "No.",
    "3",
    "12th",
    "detention centre",
    "Detention Center",
    "Police Station",
    "police",
    "Military Camp",
    "Camp",
    "camps",
    "Unit",
    "unity",
    "Colony",
    "colony",
    "Compound",
    "Headquarters",
    "Yunusabad",
    "District",
    "district",
    "al-Ha'ir",
    "El-Minya",
    "Women's",
    "Central",
    "Tora",
    "The",
    "in",
    "at",
    "of",
    " ",
    "  ",
    "\n",
    "\t",
    ",",
    ".",
    "(",
    "-",
    "’",
]


def _text() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join) | st.lists(
        st.sampled_from(PIECES), max_size=30
    ).map("".join)


@settings(max_examples=4000, deadline=None)
@given(_text(), st.integers(0, 80), st.integers(0, 400))
def test_same_matches_as_a_search_of_the_whole_part(text: str, start: int, end: int) -> None:
    end = min(end, len(text))
    found = _facilities(text, text.lower(), text[::-1], start, end)
    expected = list(_FACILITY.finditer(text, start, end))
    assert [m.span() for m in found] == [m.span() for m in expected]


def test_a_name_of_many_words_is_found_whole() -> None:
    text = (
        "He is held in the Yunusabad District Central Women's Maximum Security Police Station,"
        " and at prison B14."
    )
    found = [m.group() for m in _facilities(text, text.lower(), text[::-1], 0, len(text))]
    assert found == [m.group() for m in _FACILITY.finditer(text)]
    assert found == ["Yunusabad District Central Women's Maximum Security Police Station", "prison B14"]
