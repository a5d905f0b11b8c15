"""Tell the format of a document from its bytes; the name only breaks ties.

Returns one of ``pdf``, ``docx``, ``email``, ``html``, ``markdown``, ``text``,
or raises `ReadError` for what we recognise and cannot read (images, other
office files, archives, executables, binary data).

Order: binary signatures (they are certain), then the share of control bytes
(binary data), then the shape of the text: an e-mail header block, front
matter, HTML markup, template tags.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from urgent.errors import ReadError
from urgent.read.decode import utf16_or_32
from urgent.read.markdown import TEMPLATE_TAG, front_matter

IMAGE = "image without text layer; OCR is not supported"
BINARY = "binary data, not a text document"
ARCHIVE = "unsupported format: compressed archive; unpack it and read the documents inside"
OLD_OFFICE = "unsupported format: old Microsoft Office file (.doc, .xls, .msg); save it as DOCX or PDF"

_IMAGES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
)
_ARCHIVES = (
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",  # zstd
)
_EXECUTABLES = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",  # Mach-O
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal, Java class
    b"\x00asm",  # WebAssembly
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Bytes that do not occur in text in any encoding we read, except NUL-heavy
# UTF-16/32 (checked first). Tab, LF, VT, FF, CR, SO/SI and ESC (ISO-2022) and
# SUB (the DOS end-of-file mark) are allowed.
_CONTROL_BYTES = bytes(set(range(0x20)) - {9, 10, 11, 12, 13, 14, 15, 26, 27})
_BINARY_SHARE = 0.02

_HEADER = re.compile(r"[!-9;-~]+:")
_MACHINE_HEADERS = frozenset(
    {
        "received", "mime-version", "message-id", "return-path", "delivered-to",
        "content-type", "content-transfer-encoding", "dkim-signature", "x-mailer",
    }
)  # fmt: skip
_PERSON_HEADERS = frozenset({"from", "to", "subject", "date", "cc", "reply-to", "sender"})
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
HTML_TAG = re.compile(
    r"</?(?:a|abbr|article|aside|b|blockquote|body|br|button|center|code|div|em|font|footer|"
    r"form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|link|main|meta|nav|ol|p|"
    r"pre|script|section|small|span|strong|style|sub|sup|table|tbody|td|th|thead|title|tr|"
    r"u|ul)\b[^<>]*>",
    re.I,
)


def sniff(data: bytes, name: str | None = None) -> str:
    """Format of ``data``: pdf, docx, email, html, markdown or text."""
    suffix = PurePath(name).suffix.lower() if name else ""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    _refuse_known_binary(data)
    if data.startswith(_ZIP):
        return _zip_format(data, suffix)
    sample = data[:65536]
    # Before the binary check: UTF-16 Chinese has control bytes in every other byte.
    wide = _bom_codec(sample) or utf16_or_32(sample)
    if wide is None and _is_binary(sample):
        raise ReadError(BINARY)
    text = _head_text(sample, wide)
    return _text_format(text, suffix)


def _refuse_known_binary(data: bytes) -> None:
    if data.startswith(_IMAGES) or _is_webp_or_heic(data) or _is_bmp(data):
        raise ReadError(IMAGE)
    if data.startswith(_OLE2):
        raise ReadError(OLD_OFFICE)
    bzip2 = data[:3] == b"BZh" and data[4:10] == b"1AY&SY"
    if data.startswith(_ARCHIVES) or bzip2 or data[257:262] == b"ustar":
        raise ReadError(ARCHIVE)
    if data.startswith(b"{\\rtf"):
        raise ReadError("unsupported format: RTF; save it as DOCX, PDF or plain text")
    if data.startswith(b"%!PS"):
        raise ReadError("unsupported format: PostScript; convert it to PDF")
    if data.startswith(_EXECUTABLES):
        raise ReadError(BINARY)


def _is_webp_or_heic(data: bytes) -> bool:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return True
    return data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"avif", b"mif1")


def _is_bmp(data: bytes) -> bool:
    # "BM" can start a text; a bitmap also has its 40-, 108- or 124-byte header size.
    return data[:2] == b"BM" and data[14:18] in (b"\x28\0\0\0", b"\x6c\0\0\0", b"\x7c\0\0\0")


def _zip_format(data: bytes, suffix: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError):
        # A truncated DOCX still has its part names in the local headers.
        if suffix == ".docx" or b"word/document.xml" in data[:65536]:
            return "docx"
        raise ReadError("damaged zip archive, not a readable document") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        raise ReadError("unsupported format: Excel spreadsheet (XLSX); save it as PDF")
    if "ppt/presentation.xml" in names:
        raise ReadError("unsupported format: PowerPoint presentation (PPTX); save it as PDF")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise ReadError("unsupported format: OpenDocument file (ODT/ODS); save it as DOCX or PDF")
    if mimetype.startswith(b"application/epub"):
        raise ReadError("unsupported format: EPUB e-book")
    raise ReadError("unsupported format: zip archive; unpack it and read the documents inside")


def _is_binary(sample: bytes) -> bool:
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * len(sample)


def _bom_codec(sample: bytes) -> str | None:
    if sample.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _head_text(sample: bytes, wide: str | None) -> str:
    """Enough of the start, decoded loosely, to see markup and headers."""
    if wide:
        return sample[: len(sample) // 4 * 4].decode(wide, errors="replace").lstrip("\ufeff")
    # ASCII-compatible encodings keep markup and header names as they are.
    return sample.decode("latin-1").removeprefix("\xef\xbb\xbf")


def _text_format(text: str, suffix: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _is_email(text, suffix):
        return "email"
    if front_matter(text):
        return "markdown"
    if _HTML_START.search(text[:2048]):
        return "html"
    if TEMPLATE_TAG.search(text):
        return "markdown"
    if _is_tag_dense(text) or (suffix in (".html", ".htm", ".xhtml") and HTML_TAG.search(text)):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    return "text"


def _is_email(text: str, suffix: str) -> bool:
    lines = text.lstrip("\n").split("\n", 200)[:200]
    if lines and lines[0].startswith("From "):  # mbox separator line
        lines = lines[1:]
    names: list[str] = []
    for line in lines:
        if not line.strip():
            break
        if line[0] in " \t" and names:
            continue  # folded header
        match = _HEADER.match(line)
        if not match:
            return False
        names.append(match.group()[:-1].lower())
    machine = any(name in _MACHINE_HEADERS or name.startswith("x-") for name in names)
    person = sum(name in _PERSON_HEADERS for name in names)
    if suffix == ".eml":
        return bool(names)
    # "To: the Minister / From: …" starting a plain letter is not an e-mail.
    return (machine and len(names) >= 2) or person >= 3


def _is_tag_dense(text: str) -> bool:
    tags = HTML_TAG.findall(text)
    if len(tags) < 5:
        return False
    visible = len(text) - text.count(" ") - text.count("\n")
    return sum(map(len, tags)) > 0.15 * max(visible, 1)
