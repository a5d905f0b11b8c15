"""The language a document is written in, among the languages we handle."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_SCRIPTS = (("ko", _HANGUL), ("ja", _KANA), ("zh", _HAN), ("ar", _ARABIC), ("ru", _CYRILLIC))

# ISO 639-1 codes lingua may choose from (restricted: faster and fewer mistakes).
CODES = ("en", "fr", "es", "de", "pt", "it", "nl", "tr", "id", "vi")


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    languages = [getattr(IsoCode639_1, c.upper()) for c in CODES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*languages).build()


# The commonest short words of each Latin-script language we read: a document
# where one language's words clearly dominate needs no statistical model.
_STOP_WORDS = {
    "en": "the of and to in is that for are was with on have has by be this from",
    "fr": "le la les des du et est que dans une sont pour sur par pas au aux",
    "es": "el la los las del y que en es por para con una su se al",
    "de": "der die das und ist nicht mit den dem von zu ein eine auf sich",
    "pt": "o os da do das dos que em um uma para com não são pelo",
}
_STOP = {w: code for code, words in _STOP_WORDS.items() for w in words.split()}
_NOT_LETTER = re.compile(r"[\W\d_]+")
_WORDS = re.compile(r"[^\W\d_]+")
# ASCII bytes: letters kept, every other byte a space (for `bytes.translate`).
_ASCII_WORDS = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))


_NON_ASCII_WORD = re.compile(r"[^\x00-\x7f\W]")  # a letter or digit that is not ASCII


def _letters_and_words(sample: str) -> tuple[int, list[str]]:
    """How many letters ``sample`` has, and its words (runs of letters) in lower case."""
    if _ascii_letters_only(sample):
        # Most documents: a byte table, ~20 times faster than the regexes. Other
        # characters are then punctuation ("’", "–"): encoded as "?", which it spaces.
        words = sample.lower().encode("ascii", "replace").translate(_ASCII_WORDS).decode("ascii").split()
        return sum(map(len, words)), words
    return len(_NOT_LETTER.sub("", sample)), _WORDS.findall(sample.lower())


def _ascii_letters_only(sample: str) -> bool:
    return sample.isascii() or not _NON_ASCII_WORD.search(sample)


def detect_language(text: str) -> str:
    sample = text[:1500]
    letters, words = _letters_and_words(sample)
    letters = letters or 1
    # Scripts decide first: cheap and certain (a sample of ASCII letters has none of them).
    for code, pattern in () if _ascii_letters_only(sample) else _SCRIPTS:
        if len(pattern.findall(sample)) > letters * 0.3:
            return code
    counts: dict[str, int] = {}
    for w in words:
        lang = _STOP.get(w)
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= 20 and (len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]):
        return ranked[0][0]
    found = _detector().detect_language_of(sample[:1500])
    return found.iso_code_639_1.name.lower() if found else "en"
