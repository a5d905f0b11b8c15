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

# ISO 639-1 codes lingua may choose from (restricted: faster and fewer mistakes).
CODES = ("en", "fr", "es", "de", "pt", "it", "nl", "tr", "id", "vi")


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    languages = [getattr(IsoCode639_1, c.upper()) for c in CODES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*languages).build()


def detect_language(text: str) -> str:
    sample = text[:3000]
    letters = sum(c.isalpha() for c in sample) or 1
    # Scripts decide first: cheap and certain.
    for code, pattern in (("ko", _HANGUL), ("ja", _KANA), ("zh", _HAN), ("ar", _ARABIC), ("ru", _CYRILLIC)):
        if len(pattern.findall(sample)) > letters * 0.3:
            return code
    found = _detector().detect_language_of(sample[:1500])
    return found.iso_code_639_1.name.lower() if found else "en"
