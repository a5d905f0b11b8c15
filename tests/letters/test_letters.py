"""Appeal letters for every target of the seeds, in six languages, as text, e-mail and PDF."""

from __future__ import annotations

import email
import re
import subprocess
import sys
from datetime import date
from email import policy
from pathlib import Path
from urllib.parse import unquote

import pypdfium2
import pytest

from tests.conftest import ROOT, SEEDS, seed
from urgent import extract
from urgent.letters import LANGUAGES, Sender, asks_for, compose, facts_from_record
from urgent.letters.bank import bank, check
from urgent.letters.compose import _slots
from urgent.letters.formats import MAILTO_LIMIT, eml, mailto, text
from urgent.letters.lint import lint
from urgent.letters.pdf import missing_glyphs, render
from urgent.record import ASK_KINDS

ARTIFACTS = ROOT / "artifacts"
SENDER = Sender("Ana Silva", "Porto", "Portugal", "teacher")
WITH_TARGETS = [p for p in sorted(SEEDS.iterdir()) if extract(p).targets]
FACTS = {p.name: facts_from_record(extract(p)) for p in WITH_TARGETS}
CASES = [(name, i) for name, f in FACTS.items() for i in range(len(f.targets))]


def _variants(language: str, kind: str, facts, target) -> list[str]:
    b = bank(language)
    slots = _slots(facts, target, b)
    keys = (
        [kind, f"{kind}_one", "halt_return_anywhere", "halt_return_anywhere_one"]
        if kind == "halt_return"
        else [kind, f"{kind}_one"]
    )
    return [v.format_map({**slots}) for k in keys if k in b.data["asks"] for v in b.data["asks"][k]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_bank_matches_the_english_one(language: str) -> None:
    assert check(language) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "index"), CASES)
def test_each_target_gets_exactly_its_groups_asks(name: str, index: int, language: str) -> None:
    facts = FACTS[name]
    target = facts.targets[index]
    letter = compose(facts, index, language, SENDER, seed=index + 11, today=date(2017, 8, 1))
    body = letter.body()
    expected, _ = asks_for(facts, target) if target.role == "appeal" else ([], [])
    assert sorted(letter.kinds) == sorted(expected)
    for kind in ASK_KINDS:
        if kind == "other":
            continue
        said = any(v in body for v in _variants(language, kind, facts, target))
        assert said == (kind in expected), f"{kind} {'missing' if kind in expected else 'not wanted'}"
    assert lint(letter) == []
    assert "{" not in body and "None" not in body


def test_a_group_gets_its_own_asks_and_no_other_groups() -> None:
    facts = FACTS[seed("001").name]
    kinds = {t.group: compose(facts, i, "en", seed=1).kinds for i, t in enumerate(facts.targets)}
    assert kinds["Chinese authorities"] >= {"assurances", "stop_harassment"}
    assert "legal_reform" in kinds["North Korean authorities"]
    assert "assurances" not in kinds["North Korean authorities"]
    assert "legal_reform" not in kinds["Chinese authorities"]


@pytest.mark.parametrize(("name", "index"), CASES)
def test_english_letters_are_120_to_400_words(name: str, index: int) -> None:
    letter = compose(FACTS[name], index, "en", SENDER, personal="I think of them every day.", seed=3)
    if letter.role == "appeal":
        assert 120 <= letter.words() <= 400


def test_wording_varies_between_supporters() -> None:
    facts = FACTS[seed("000").name]
    bodies = {compose(facts, 0, "en", seed=s).body() for s in range(12)}
    assert len(bodies) >= 8


def test_salutations_and_dates_follow_each_language() -> None:
    facts = FACTS[seed("000").name]
    day = date(2017, 8, 17)
    zh = compose(facts, 0, "zh", today=day)
    ko = compose(facts, 0, "ko", today=day)
    assert zh.date == "2017年8月17日" and ko.date == "2017년 8월 17일"
    assert zh.salutation.startswith("尊敬的") and "阁下" in zh.salutation
    assert ko.salutation.startswith("존경하는")
    assert compose(facts, 0, "en").salutation == "Your Excellency,"  # the document's own


def test_the_meaning_beside_each_sentence_is_the_same_sentence_in_english() -> None:
    facts = FACTS[seed("000").name]
    letter = compose(facts, 0, "zh", seed=5, gloss="en")
    english = compose(facts, 0, "en", seed=5)
    assert letter.gloss is not None
    assert [s.text for s in letter.gloss.sentences] == [s.text for s in english.sentences]
    assert [s.key for s in letter.sentences] == [s.key for s in letter.gloss.sentences]


def test_after_the_deadline_the_letter_is_marked_before_it_is_not() -> None:
    facts = FACTS[seed("000").name]
    late = compose(facts, 0, "en", today=date(2017, 9, 1))
    assert late.warning and "Check with your organisation before sending" in late.warning
    assert late.warning in text(late) and late.warning not in late.body()
    assert compose(facts, 0, "en", today=date(2017, 8, 1)).warning is None


def test_copies_get_a_short_cover_note() -> None:
    facts = FACTS[seed("000").name]
    index = next(i for i, t in enumerate(facts.targets) if t.role == "copy")
    note = compose(facts, index, "en", SENDER, seed=2)
    assert note.kinds == set() and note.words() < 90
    assert "XI Jinping" in note.body()


@pytest.mark.parametrize("language", LANGUAGES)
def test_with_copies_only_each_copy_gets_the_appeal(language: str) -> None:
    from dataclasses import replace

    facts = FACTS[seed("000").name]
    copies = replace(facts, targets=[replace(t, role="copy") for t in facts.targets])
    letter = compose(copies, 0, language, SENDER, seed=1)
    assert letter.role == "appeal" and letter.kinds, "no one was written to, so the copy must carry the asks"


def test_a_quote_in_the_letter_language_needs_no_note() -> None:
    from dataclasses import replace

    facts = FACTS[seed("000").name]
    quoted = replace(facts, asks=[replace(facts.asks[0], kinds=["other"]), *facts.asks[1:]])
    english = compose(replace(quoted, language="en"), 0, "en", seed=1)
    french = compose(replace(quoted, language="fr"), 0, "en", seed=1)
    note = {s.key for s in french.sentences} - {s.key for s in english.sentences}
    assert note == {"quoted_note"}


def test_email_and_mailto() -> None:
    facts = FACTS[seed("000").name]
    letter = compose(facts, 0, "ko", SENDER, seed=1)
    msg = email.message_from_bytes(eml(letter), policy=policy.default)
    assert msg["To"] == "gov@govonline.cn" and msg["Subject"] == letter.subject and msg["Date"]
    assert msg.get_content().strip() == letter.body().strip()
    link = mailto(letter, shorter=lambda: compose(facts, 0, "ko", SENDER, seed=1, short=True))
    assert link.link.startswith("mailto:gov@govonline.cn?subject=") and len(link.link) <= MAILTO_LIMIT
    assert not link.complete and "&body=" not in link.link  # Korean escapes to 9 characters a syllable
    english = compose(facts, 0, "en", SENDER, seed=1)
    full = mailto(english)
    assert full.complete and len(full.link) <= MAILTO_LIMIT
    assert unquote(full.link.split("&body=")[1]) == english.body()


def test_pdf_letters_carry_chinese_and_korean_text_with_every_glyph() -> None:
    facts = FACTS[seed("000").name]
    letters = [compose(facts, 0, lang, SENDER, seed=4, today=date(2017, 8, 1)) for lang in ("zh", "ko", "en")]
    data = render(letters, fax=True)
    pdf = pypdfium2.PdfDocument(data)
    assert len(pdf) == 6  # a cover page and a letter each
    pages = [pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf))]
    assert letters[0].salutation.rstrip("：:") in pages[1].replace("\r\n", "")
    assert "존경하는" in pages[3]
    for letter in letters:
        assert missing_glyphs(letter.text()) == set()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "letters.pdf").write_bytes(data)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "70",
            "-png",
            "-f",
            "2",
            "-l",
            "4",
            str(ARTIFACTS / "letters.pdf"),
            str(ARTIFACTS / "letter-page"),
        ],
        check=True,
    )
    assert (ARTIFACTS / "letter-page-2.png").stat().st_size > 10_000


def test_the_command_line(tmp_path: Path) -> None:
    run = [
        sys.executable,
        "-m",
        "urgent",
        "letters",
        str(seed("003")),
        "--from",
        "Ana Silva, Porto, Portugal",
    ]
    out = subprocess.run(
        [*run, "--lang", "zh", "--target", "1", "--seed", "2"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "尊敬的" in out.stdout
    out = subprocess.run([*run, "--format", "pdf", "-o", str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 0 and (tmp_path / f"{seed('003').stem}-letters.pdf").exists()
    bad = subprocess.run([*run, "--lang", "xx"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.startswith("urgent: --lang: no letters in xx")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_sender_without_a_country_leaves_no_empty_punctuation(language: str) -> None:
    facts = facts_from_record(extract(seed("003")))
    for country in ("", "Portugal"):
        sender = Sender(name="Ana Silva", town="Porto", country=country, occupation="")
        letter = text(compose(facts, 0, language, sender=sender, seed=1))
        assert "Porto" in letter
        assert not re.search(r"\(\s*\)|（\s*）|,\s*[.,。]", letter), letter
