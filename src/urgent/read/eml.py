"""E-mail (.eml, RFC 5322) → text: how Urgent Actions are distributed.

The text is, in order of preference:
  1. the text/plain body;
  2. the text/html body, through the HTML reader;
  3. when the body is nearly empty ("please find the UA attached"), the first
     attachment of a format we read (PDF, DOCX, HTML, Markdown, text).
Subject, Date and From go into `Meta`; an attachment's own metadata fills
only what the headers leave empty.
"""

from __future__ import annotations

import email
import re
from collections.abc import Callable
from email import policy
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from pathlib import PurePath

from urgent.errors import ReadError
from urgent.read.decode import decode_text, read_text
from urgent.read.docx import read_docx
from urgent.read.html import html_text, read_html
from urgent.read.markdown import read_markdown
from urgent.read.pdf import read_pdf
from urgent.read.raw import Meta, RawText
from urgent.read.sniff import sniff

# Fewer visible characters than this and the body is a cover note.
MIN_BODY_CHARS = 200

_TEXT_TYPES = frozenset({"text/plain", "text/html", "text/markdown"})
_DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/octet-stream",  # mailers send any attachment as this; sniffing decides
    }
)
_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".markdown"})

# The stdlib parses some headers in quadratic time: 3 MB of encoded words in a
# Subject take 85 s, of Content-Type parameters 4 min. The headers we read are
# cut to a length no real message needs.
MAX_HEADER_BYTES = 4 * 1024
# The parser spends ~0.2 ms a part; a UA has a handful.
MAX_PARTS = 2000
_READ_HEADERS = re.compile(
    rb"^(?:subject|from|date|content-type|content-disposition|content-transfer-encoding)"
    rb"[ \t]*:[^\n]*(?:\n[ \t][^\n]*)*",
    re.I | re.M,
)


def read_email(data: bytes) -> RawText:
    message = email.message_from_bytes(_bound_headers(data), policy=policy.default)
    meta = _headers(message)
    text, encoding = _body(message)
    if len("".join(text.split())) < MIN_BODY_CHARS:
        try:
            attached = _first_attachment(message)
        except ReadError as exc:
            if text.strip():
                attached = None  # the short body is still better than nothing
            else:
                raise ReadError(f"e-mail attachment: {exc}") from None
        if attached is not None:
            return RawText(attached.text, "email", _merge(meta, attached.meta), attached.encoding)
    if not text.strip():
        raise ReadError("e-mail has no text body and no readable attachment")
    return RawText(text, "email", meta, encoding)


def _bound_headers(data: bytes) -> bytes:
    # Every line starting with "--" may be a MIME boundary: an upper bound on the parts.
    if data.count(b"\n--") > MAX_PARTS:
        raise ReadError(f"e-mail with over {MAX_PARTS:,} MIME parts: not a message we can read")
    fields = [m for m in _READ_HEADERS.finditer(data) if m.end() - m.start() > MAX_HEADER_BYTES]
    if not fields:
        return data
    parts: list[bytes] = []
    position = 0
    for field in fields:
        parts.append(data[position : field.start()])
        parts.append(data[field.start() : field.start() + MAX_HEADER_BYTES])
        position = field.end()
    parts.append(data[position:])
    return b"".join(parts)


def _headers(message: Message) -> Meta:
    subject = _header(message, "subject")
    sender = _header(message, "from")
    return Meta(title=subject, date=_iso_date(_header(message, "date")), author=sender)


def _header(message: Message, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):
        return None  # a malformed header is no reason to refuse the message
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None


def _body(message: Message) -> tuple[str, str | None]:
    part = _body_part(message)
    if part is None:
        return "", None
    text, encoding = _part_text(part)
    if part.get_content_type() == "text/html" and text.strip():
        try:
            return html_text(text).text, encoding
        except ReadError:
            return "", encoding  # an HTML body of images only: the attachment may carry the UA
    return text, encoding


def _body_part(message: Message) -> Message | None:
    if isinstance(message, EmailMessage):
        body = message.get_body(preferencelist=("plain", "html"))
        if body is not None:
            return body
    if not message.is_multipart() and message.get_content_type() in _TEXT_TYPES:
        return message
    return None


def _part_text(part: Message) -> tuple[str, str | None]:
    """Decode transfer encoding and charset; an unknown or wrong charset goes to detection."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        return "", None
    return decode_text(payload, declared=part.get_content_charset())


def _first_attachment(message: Message) -> RawText | None:
    if not isinstance(message, EmailMessage):
        return None
    for part in message.iter_attachments():
        name = part.get_filename()
        suffix = PurePath(name).suffix.lower() if name else ""
        kind = part.get_content_type()
        if suffix not in _SUFFIXES and kind not in _DOCUMENT_TYPES | _TEXT_TYPES:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        reader = _reader(payload, name)
        if reader is not None:
            return reader(payload)
    return None


def _reader(payload: bytes, name: str | None) -> Callable[[bytes], RawText] | None:
    try:
        found = sniff(payload, name)
    except ReadError:
        return None  # an image or archive attached next to the UA
    # A forwarded message is not followed: the attachment must be the document.
    readers: dict[str, Callable[[bytes], RawText]] = {
        "pdf": read_pdf,
        "docx": read_docx,
        "html": read_html,
        "markdown": read_markdown,
        "text": read_text,
    }
    return readers.get(found)


def _merge(headers: Meta, attached: Meta) -> Meta:
    return Meta(
        title=headers.title or attached.title,
        date=headers.date or attached.date,
        url=headers.url or attached.url,
        author=headers.author or attached.author,
        sitename=headers.sitename or attached.sitename,
    )
