"""The pieces of the pipeline, on small inputs a reviewer can check by eye."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT, SEEDS, seed
from urgent import extract
from urgent.extract import contacts, extract_document, geo
from urgent.extract.dates import find_dates, parse_date
from urgent.extract.sections import group_name
from urgent.extract.verify import evidences, span_problems
from urgent.read import read
from urgent.read.mapped import MappedText


def test_pdf_wrapped_lines_are_rejoined_but_address_lines_are_not() -> None:
    text = read(seed("003")).text
    assert "in the north-eastern city of Changchun for being in the country illegally" in text
    assert "torture and other ill-treatment" in text
    assert "Xichengqu\nBeijingshi 100017\nPeople's Republic of China" in text


def test_a_web_page_saved_as_one_line_loses_menus_and_share_buttons() -> None:
    text = read(seed("004")).text
    assert "Share this via" not in text and "Donate" not in text and "More Reading" not in text
    assert "China should immediately disclose the whereabouts" in text


def test_offsets_map_back_to_the_raw_text() -> None:
    m = MappedText("a  b\r\nc").sub(re.compile(r"\r\n"), "\n").sub(re.compile(r" {2,}"), " ")
    assert m.text == "a b\nc"
    assert m.to_source(m.text.index("b")) == 3
    assert m.to_source(m.text.index("c")) == 6


@pytest.mark.parametrize(
    ("written", "region", "e164"),
    [
        ("+86 10 6238 1025", "CN", "+861062381025"),
        ("(+86) 10 6532 6806", None, "+861065326806"),
        ("020 7299 4049", "GB", "+442072994049"),
        ("011 52 55 5093 4901", "US", "+525550934901"),  # a US exit code before the country code
        ("+011 10 6238 1025", "CN", "+861062381025"),  # the exit code written as a country code
        ("+ 502 221 4537", "GT", "+5022214537"),  # 2004: Guatemala's numbers had 7 digits then
        ("+ 98 21 674 790", "IR", "+9821674790"),  # 1995 Tehran, a length today's plan rejects
    ],
)
def test_numbers_become_e164(written: str, region: str | None, e164: str) -> None:
    assert contacts.normalise(written, region) == e164


def test_a_number_without_its_country_code_keeps_todays_rules() -> None:
    assert contacts.normalise("221 4537", "GT") is None  # too short, and nothing says it is old
    assert contacts.normalise("+44 12 34", "GB") is None  # far too short to be a number at all


def test_a_blank_line_ends_a_paragraph_where_lines_follow_each_other() -> None:
    # lines wrapped without blank lines between them: the blank line is a paragraph break,
    # even after a line as long as the wrapped ones
    wrapped = "\n".join(["Amnesty International fears for the safety of three students held"] * 6)
    text = f"{wrapped}\n\nNEPAL Ramesh Kumar GURUNG (m), student leader"
    doc = read(text.encode(), name="x.txt")
    assert "\n\nNEPAL Ramesh" in doc.text


def test_a_second_number_borrows_the_first_ones_prefix() -> None:
    assert [n for _, _, n in contacts.numbers("+86 10 65961109 or 65962660", "CN")] == [
        "+861065961109",
        "+861065962660",
    ]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("17 AUGUST 2017", "2017-08-17"),
        ("April 23, 2017", "2017-04-23"),
        ("17 de agosto de 2018", "2018-08-17"),
        ("3 mars 2016", "2016-03-03"),
        ("2016年3月18日", "2016-03-18"),
        ("2021년 5월 12일", "2021-05-12"),
    ],
)
def test_dates_in_several_languages(written: str, iso: str) -> None:
    assert str(parse_date(written)) == iso


def test_no_date_is_invented_from_numbers() -> None:
    assert find_dates("on 8 February, index 45/24 and 12/34/56") == []


@pytest.mark.parametrize(
    ("heading", "group"),
    [
        ("CHINESE AUTHORITIES", "Chinese authorities"),
        ("THE UNHCR", "UNHCR"),
        ("autorités congolaises", "autorités congolaises"),
    ],
)
def test_group_headings_read_as_written_in_sentence_case(heading: str, group: str) -> None:
    assert group_name(heading) == group


def test_same_place_name_resolves_to_the_documents_country() -> None:
    text = "He is held in Alexandria."
    assert geo.find_places(text)[0].code == "EG"  # without context: the largest place of that name
    assert geo.find_places(text, prefer=frozenset({"US"}))[0].code == "US"
    assert geo.find_places("held in St. Petersburg")[0].code == "RU"  # "St."/"Saint" alike


def test_the_verifier_catches_a_span_that_does_not_hold_its_value() -> None:
    doc = read(seed("000"))
    record = extract(doc)
    assert span_problems(record, doc.text) == []
    record.spans["deadline"] = record.spans["title"]
    assert span_problems(record, doc.text) == [
        "deadline: 'EIGHT NORTH KOREANS AT RISK OF FORCIBLE RETURN' does not give '2017-08-17'"
    ]
    assert not evidences("targets[0].faxes[0]", "+861062381025", "Fax: +86 10 6532 1647")


def test_a_letter_gives_signatory_and_addressee() -> None:
    record = extract(seed("002"))
    assert [s.name for s in record.signatories] == ["Sophie Richardson"]
    assert record.targets[0].salutation == "Dear President Xi Jinping"
    assert record.targets[0].role == "appeal" and {t.role for t in record.targets[1:]} == {"copy"}


def test_warnings_for_an_issue_date_before_the_ua_year() -> None:
    record = extract(seed("000"))
    assert record.warnings == ["issue date 2016-07-06 is before the year of UA 163/17"]


def test_the_api_takes_bytes_as_well_as_paths() -> None:
    assert extract(seed("001").read_bytes()).ua_number == "105/00"
    assert extract(str(seed("001"))).kind == "further_information"


def _seed_specific_strings() -> set[str]:
    """Names, numbers and long words of the seed documents that no extractor should mention."""
    words: set[str] = set()
    for path in SEEDS.iterdir():
        text = path.read_text(encoding="utf-8")
        words |= set(re.findall(r"\b[A-Z][a-z]+(?:ng|ji|jie|qu|shi|ao)\b", text))  # romanised names, places
        words |= set(re.findall(r"\b\d{4} \d{4}\b|\b\d{2,3}/\d{2}\b", text))  # fax numbers, UA numbers
    from urgent.extract.lexicon import PINYIN_WORDS

    return {w for w in words if w.lower() not in PINYIN_WORDS}  # office titles are vocabulary, not names


def test_no_seed_specific_string_in_the_extraction_code() -> None:
    code = "\n".join(p.read_text() for p in (ROOT / "src" / "urgent").rglob("*.py"))
    found = sorted(w for w in _seed_specific_strings() if w in code)
    assert found == [], f"seed-specific strings in the code: {found}"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Name: Mostafa Ashraf Abdelaziz (m) Gender m/f: m", ["Mostafa Ashraf Abdelaziz"]),
        ("Names: Ali Hassan (m), Sara Idris (f) and Omar Said", ["Ali Hassan", "Sara Idris", "Omar Said"]),
        ("Nombres: Luz Marina Yatacué (mujer) y Pedro Ruiz", ["Luz Marina Yatacué", "Pedro Ruiz"]),
    ],
)
def test_a_name_label_gives_the_names_without_their_gender_marks(line: str, names: list[str]) -> None:
    doc = read(
        f"URGENT ACTION\nDETAINED WITHOUT CHARGE\n\n{line}\n\nUA: 12/19 Index: MDE 1/2/2019\n".encode()
    )
    record = extract_document(doc)
    assert record.people.names == names
    assert span_problems(record, doc.text) == []


def test_people_named_after_their_number_are_found() -> None:
    record = extract(
        b"URGENT ACTION\n\nTwo journalists, Mira Kos and Leo Varga, were charged in Fredville.\n"
    )
    assert record.people.count == 2 and record.people.names == ["Mira Kos", "Leo Varga"]


def test_a_place_where_an_event_is_held_is_not_a_place_of_detention() -> None:
    event = "Talks between the two governments were to be held in Hanoi next week."
    assert extract(event.encode()).places == []
    for detained in (
        "Talks were to be held in Hanoi, where he was detained in Hanoi last week.",
        "He was detained in Hanoi while talks were to be held there.",
    ):
        assert extract(detained.encode()).places == ["Hanoi"]


@pytest.mark.parametrize(
    ("line", "countries"),
    [
        ("REPUBLIC OF UZBEKISTAN / RUSSIAN FEDERATION", ["UZ", "RU"]),
        ("Uzbekistan and the Russian Federation", ["UZ", "RU"]),
        ("Uzbekistan and Russia signed a deal", []),  # a sentence, not a heading of countries
    ],
)
def test_a_heading_line_of_countries_names_the_cases_countries(line: str, countries: list[str]) -> None:
    text = f"URGENT ACTION\nACTIVIST AT RISK OF TORTURE\n{line}\nHe is at risk."
    assert extract(text.encode()).countries == countries


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("A lawyer said that three students were detained in Cairo after a protest.", 3),
        ("Police detained a hundred people in Cairo.", 100),  # "a" is an article here, not one
        ("Una abogada dijo que dos estudiantes fueron detenidos.", 2),
    ],
)
def test_the_count_of_people_is_a_number_not_an_article(sentence: str, count: int | None) -> None:
    assert extract(f"URGENT ACTION\nSTUDENTS DETAINED\n{sentence}".encode()).people.count == count
