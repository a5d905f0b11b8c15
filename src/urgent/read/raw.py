"""Format readers: bytes → RawText (text plus metadata), before cleaning.

Contract (implemented by the format modules):
    read_raw(data: bytes, name: str | None) -> RawText
raises urgent.errors.ReadError with a short human message on bad input.

The format comes from the bytes (`urgent.read.sniff`); the name only breaks
ties. One module per format: decode (plain text), html, pdf, docx, eml,
markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from urgent.errors import ReadError


@dataclass
class Meta:
    title: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd when the format states one
    url: str | None = None
    author: str | None = None
    sitename: str | None = None


@dataclass
class RawText:
    text: str
    format: str  # text | markdown | html | pdf | docx | email
    meta: Meta = field(default_factory=Meta)
    encoding: str | None = None


Reader = Callable[[bytes], RawText]

_REASON_CHARS = 120


def read_raw(data: bytes, name: str | None) -> RawText:
    """Read ``data`` (named ``name``, if known) into raw text and metadata."""
    if not data.strip():
        raise ReadError("empty document")
    # Imported here: the format modules import Meta and RawText from this module.
    from urgent.read.sniff import sniff

    kind = sniff(data, name)
    try:
        return _readers()[kind](data)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(f"could not read {kind}: nested too deeply") from None
    except Exception as exc:
        # A third-party library failing on input it did not expect: the user
        # gets one line, not a traceback.
        raise ReadError(f"could not read {kind}: {_reason(exc)}") from None


@cache
def _readers() -> dict[str, Reader]:
    from urgent.read.decode import read_text
    from urgent.read.docx import read_docx
    from urgent.read.eml import read_email
    from urgent.read.html import read_html
    from urgent.read.markdown import read_markdown
    from urgent.read.pdf import read_pdf

    return {
        "text": read_text,
        "markdown": read_markdown,
        "html": read_html,
        "pdf": read_pdf,
        "docx": read_docx,
        "email": read_email,
    }


def _reason(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    reason = lines[0] if lines else ""
    if not reason or reason.startswith(("'", '"', "(", "<")):
        reason = type(exc).__name__  # a bare repr (KeyError: 'x') tells a user nothing
    if len(reason) > _REASON_CHARS:
        reason = reason[: _REASON_CHARS - 1] + "…"
    return reason
