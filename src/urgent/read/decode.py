"""Bytes of a text document → str, whatever the encoding.

Order of the attempts, cheapest and surest first:
  1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
  2. strict UTF-8: most files, and valid UTF-8 beyond ASCII is almost never
     anything else, so it wins even over a declared charset that says otherwise;
  3. the charset the container declares (HTML ``<meta charset>``, e-mail part);
  4. UTF-16/32 without a BOM, recognised by NULs in alternating positions;
  5. UTF-8 with a few stray bytes from another editor (decoded as cp1252);
  6. cp1252 when every non-ASCII character it gives is a letter or mark of a
     Western European language, none in runs (English, French, Spanish,
     Portuguese, German, Italian: most of our legacy files), without the
     detector's ~4 ms;
  7. charset-normalizer, with a preference for cp1252 over other Latin code
     pages when both read the bytes equally well.

Known limit of step 6: Hungarian text in cp1250 reads ő/ű as õ/û.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import CharsetMatches, from_bytes

from urgent.errors import ReadError
from urgent.read.raw import RawText

_BOMS = (  # UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared names that mean something wider in practice (the WHATWG encoding
# standard does the same): pages labelled latin-1 are written in cp1252, GB2312
# pages use GBK characters, and so on.
_DECLARED_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "big5": "big5hkscs",
    "tis-620": "cp874",
}

# Latin-script single-byte code pages charset-normalizer may pick for Western
# text: mostly-English text with a few accents reads the same in cp1250 and
# cp1252, and the detector then picks either.
_LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_2",
        "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
        "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish",
        "cp437", "cp775", "cp850", "cp852", "cp857", "cp858", "cp860", "cp861", "cp863",
        "cp865", "hp_roman8",
    }
)  # fmt: skip

_BOM_STARTS = tuple(bom for bom, _ in _BOMS)
# C0 controls other than tab, newline, form feed (the PDF page break) and
# carriage return (turned into newlines), DEL and the C1 range: a right
# decoding of a text document does not produce them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# What cp1252 bytes of a Western European text decode to. Left out on purpose:
# letters that the same bytes mean in other code pages' languages (ø/ř, ð/đ,
# þ/ţ, æ/ć, š/ž/Ÿ in MacRoman), and symbols (¹ ³ ± ¾) that CJK and Cyrillic
# bytes produce; those texts go to the detector.
_WESTERN_TEXT = frozenset(
    "\t\n\x0c\r"
    + "".join(map(chr, range(0x20, 0x7F)))
    + "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝßàáâãäåçèéêëìíîïñòóôõöùúûüýÿŒœ"
    + "‘’“”–—…•€«»¡¿°§ºª©®™\xa0·"
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{4,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_GARBAGE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
_GARBAGE_SHARE = 0.1


def _utf8_with_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("urgent-cp1252", _utf8_with_cp1252)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and normalise it; return ``(text, encoding name)``.

    ``declared`` is the charset a container states (HTML meta, e-mail part),
    tried after a BOM and strict UTF-8. Raises `ReadError` when nothing gives
    readable text.
    """
    if not data.startswith(_BOM_STARTS):
        try:
            # Fast path: no detector call and no character-level scan for the
            # clean UTF-8 files most of the corpus is made of.
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if len(data.translate(None, _CONTROL_BYTES)) == len(data) and not _C1_UTF8.search(data):
                return _newlines(text), "utf-8"
            return normalise_text(_check(text, "utf-8")), "utf-8"
    text, encoding = _decode(data, declared)
    return normalise_text(text), encoding


def read_text(data: bytes) -> RawText:
    """A plain text document."""
    text, encoding = decode_text(data)
    if not text.strip():
        raise ReadError("empty document")
    return RawText(text, "text", encoding=encoding)


def normalise_text(text: str) -> str:
    """Newlines to ``\\n``; drop NULs and other control characters (not tabs or form feeds).

    C1 controls become the cp1252 character of the same code (U+0092 → ’):
    they come from cp1252 text converted to Unicode as if it were Latin-1.
    """
    text = _newlines(text)
    if _CONTROLS.search(text):
        text = _CONTROLS.sub(_control, text)
    return text


def strip_line_ends(text: str) -> str:
    """Drop spaces and tabs at line ends (split, not a regex: no backtracking on long runs)."""
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def _newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _control(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x80:
        return ""
    return bytes([code]).decode("cp1252", errors="ignore")


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _check(text, encoding), encoding
    # Strict UTF-8 has failed already (decode_text's fast path).
    if declared:
        decoded = _decode_declared(data, declared)
        if decoded is not None:
            return decoded
    wide = utf16_or_32(data)
    if wide:
        return _check(data.decode(wide, errors="replace"), wide), wide
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return _check(mixed, "utf-8"), "utf-8"
    western = _western(data)
    if western is not None:
        return western, "cp1252"
    return _detect(data)


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    name = declared.strip().strip("\"'").lower()
    name = _DECLARED_ALIASES.get(name, name)
    try:
        encoding = codecs.lookup(name).name
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        # A wrong or unknown declaration is common; the detector decides instead.
        return None
    if _garbage_share(text) > _GARBAGE_SHARE:
        return None
    return text, encoding


def utf16_or_32(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16/32 text, told by its NULs; else None."""
    sample = data[:4096]
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    quads = len(sample) // 4
    nuls = [sample[i::4].count(0) for i in range(4)]
    if min(nuls[2:]) > 0.9 * quads and nuls[0] < 0.1 * quads:
        return "utf-32-le"
    if min(nuls[:2]) > 0.9 * quads and nuls[3] < 0.1 * quads:
        return "utf-32-be"
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Latin text in UTF-16 has a NUL in every other byte; CJK text fewer, but
    # its spaces, digits and newlines still put NULs on one side only.
    if odd > 0.2 * pairs and even < 0.02 * pairs:
        return "utf-16-le"
    if even > 0.2 * pairs and odd < 0.02 * pairs:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 spoiled by a few bytes from a cp1252 editor (a pasted quote, a signature).

    Valid multi-byte UTF-8 sequences almost never occur by chance in cp1252
    text (an accented capital followed by a symbol), so a few of them outweigh
    as many invalid bytes.
    """
    lenient = data.decode("utf-8", errors="replace")
    errors = lenient.count("\ufffd")
    wide = len(lenient) - len(lenient.encode("ascii", errors="ignore")) - errors
    if wide < max(errors, 3):
        return None
    return data.decode("utf-8", errors="urgent-cp1252")


def _western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if not _WESTERN_TEXT.issuperset(text) or _NON_ASCII_RUN.search(text):
        return None
    return text


def _detect(data: bytes) -> tuple[str, str]:
    matches = from_bytes(data)
    best = matches.best()
    if best is not None and _latin_read_as_cjk(str(best)):
        # charset-normalizer reads short Polish cp1250 text as Shift_JIS, one
        # "kanji" inside each word: ask again among Latin code pages only.
        latin = from_bytes(data, cp_isolation=sorted(_LATIN_SINGLE_BYTE))
        if latin.best() is not None:
            matches, best = latin, latin.best()
    if best is None:
        raise ReadError("undecodable text: no known character encoding fits")
    encoding, text = best.encoding, str(best)
    if encoding in _LATIN_SINGLE_BYTE and encoding != "cp1252":
        western = _prefer_cp1252(data, text, best.chaos, best.coherence, matches)
        if western is not None:
            encoding, text = "cp1252", western
    return _check(text, encoding), encoding


def _latin_read_as_cjk(text: str) -> bool:
    """Mostly ASCII letters, with the non-ASCII characters stuck inside words."""
    runs = list(_NON_ASCII.finditer(text))
    if not runs:
        return False
    ascii_letters = len(_ASCII_LETTERS.findall(text))
    other_letters = sum(char.isalpha() for run in runs for char in run.group())
    if ascii_letters < 4 * other_letters:
        return False
    glued = sum(
        _ascii_letter(text[run.start() - 1 : run.start()]) or _ascii_letter(text[run.end() : run.end() + 1])
        for run in runs
    )
    return glued > len(runs) / 2


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _prefer_cp1252(
    data: bytes, text: str, chaos: float, coherence: float, matches: CharsetMatches
) -> str | None:
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if western == text:
        return western
    # Only on a tie: a Czech text really in cp1250 scores a better coherence.
    tie = any(
        match.encoding == "cp1252" and match.chaos <= chaos and match.coherence >= coherence - 0.01
        for match in matches
    )
    return western if tie else None


def _check(text: str, encoding: str) -> str:
    if _garbage_share(text) > _GARBAGE_SHARE:
        raise ReadError(f"undecodable text: mostly control characters or garbage (read as {encoding})")
    return text


def _garbage_share(text: str) -> float:
    found = len(_GARBAGE.findall(text)) if _GARBAGE.search(text) else 0
    if not found:
        return 0.0
    visible = len(text) - sum(text.count(space) for space in " \n\t")
    return found / max(visible, 1)
