"""E-mail addresses and telephone/fax numbers, normalised (lower case, E.164)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

EMAIL = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}\b", re.IGNORECASE)

# One number: an optional "+" or "(+86)", then digits with separators.
NUMBER = re.compile(r"(?:\(?\+\s?\d{1,4}\)?|\(0?\d{1,5}\)|\d)[\d \t().\-/]{4,24}\d")
_SPLIT = re.compile(r"\s*(?:;|\bor\b|\bou\b|\bo\b|\band\b|\bet\b|\by\b|,(?=\s*[+(]?\d))\s*")
_IDD = re.compile(r"^\+?\s*(?:011|00|0011|010|001|002|009)[\s-]*")  # international dialling prefixes


def emails(text: str) -> list[tuple[int, int, str]]:
    if "@" not in text:
        return []  # most lines: not worth trying the pattern at every word
    return [(m.start(), m.end(), m.group().lower().rstrip(".")) for m in EMAIL.finditer(text)]


def numbers(text: str, region: str | None) -> list[tuple[int, int, str]]:
    """Every phone/fax number in ``text`` as E.164, with its span.

    "+86 10 65961109 or 65962660": a shorter later number borrows the leading
    digits of the one before it. "+011 10 …" (a US dialling prefix written as a
    country code) is read again without the prefix in the addressee's country.
    """
    out: list[tuple[int, int, str]] = []
    previous: str | None = None
    for start, end, raw in _pieces(text):
        e164 = normalise(raw, region, previous)
        if e164:
            out.append((start, end, e164))
            previous = e164
    return out


def _pieces(text: str) -> Iterator[tuple[int, int, str]]:
    for m in NUMBER.finditer(text):
        piece = m.group()
        # Split "…1109 or 6596 2660" and "…; +011 …" that the pattern ran together.
        pos = 0
        for part in _SPLIT.split(piece):
            i = piece.find(part, pos)
            pos = i + len(part)
            if sum(c.isdigit() for c in part) >= 5:
                yield m.start() + i, m.start() + i + len(part), part


def normalise(raw: str, region: str | None, previous: str | None = None) -> str | None:
    digits = re.sub(r"\D", "", raw)
    if len(digits) < 5 or len(digits) > 17:
        return None
    candidates = [raw]
    if previous and not raw.lstrip().startswith(("+", "0", "(")) and len(digits) <= len(previous) - 4:
        # "+86 10 65961109 or 65962660": the second number keeps the first's prefix
        candidates.insert(0, previous[: len(previous) - len(digits)] + digits)
    if _IDD.match(raw):
        rest = _IDD.sub("", raw)
        candidates += ["+" + rest, rest]
    for cand in candidates:
        found = _parse(cand, region)
        if found:
            return found
    if raw.lstrip().startswith("+") and not _IDD.match(raw):
        # "+ 502 221 4537" in a 2004 appeal: written in full international form before the
        # country lengthened its numbers, of a wrong length today, and the number to dial then
        return _parse(raw, region, old_plan=True)
    return None


def _parse(raw: str, region: str | None, old_plan: bool = False) -> str | None:
    try:
        num = phonenumbers.parse(raw, None if raw.lstrip().startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    reason = phonenumbers.is_possible_number_with_reason(num)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE and not (old_plan and reason in _OLD_LENGTHS):
        return None
    if not _plausible(num) and not phonenumbers.is_valid_number(num):  # the cheap test first
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


# Why today's plan rejects a number that had fewer digits when it was printed.
_OLD_LENGTHS = frozenset(
    (
        phonenumbers.ValidationResult.TOO_SHORT,
        phonenumbers.ValidationResult.INVALID_LENGTH,
        phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
    )
)


def _plausible(num: phonenumbers.PhoneNumber) -> bool:
    """Invented or old numbers fail strict validation; keep ones of a sane length."""
    national = str(num.national_number)
    return 6 <= len(national) <= 12 and num.country_code is not None


def region_of(e164: str) -> str | None:
    """ISO country of an E.164 number ("+861065550123" → "CN")."""
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None
    return region if region and region != "ZZ" else None
