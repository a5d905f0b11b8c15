"""DOCX → text (python-docx opens the package; we walk the XML in order).

One line per paragraph, in document order, with tables and text boxes where
they stand. A table row whose cells are one line each becomes one line with
tab-separated cells; a row with multi-line cells (address blocks side by side)
gives each cell as its own block, separated by a blank line. Headers come
first and footers last, each distinct one once: the UA index often lives there.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

import docx as python_docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from urgent.errors import ReadError
from urgent.read.decode import normalise_text
from urgent.read.raw import Meta, RawText

DAMAGED = "damaged or truncated DOCX file"
# A 50 MB upload that unpacks to gigabytes is a zip bomb, not a UA.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _T = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}t"
_TXBX = f"{_W}txbxContent"
_CONTAINERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag"})
_CHARS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
# Skipped inside a paragraph: text boxes are read as blocks of their own;
# mc:Fallback repeats the mc:Choice content for old readers; tracked deletions
# and the old place of moved text are not the document's text.
_SKIP = frozenset(
    {
        _TXBX, f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}pPr",
        f"{_W}rPr",
    }
)  # fmt: skip


def read_docx(data: bytes) -> RawText:
    document = _open(data)
    body = document.element.body
    blocks = [*_headers_footers(document, "header"), *_blocks(body)]
    blocks += _headers_footers(document, "footer")
    text = normalise_text("\n".join(blocks))
    if not text.strip():
        raise ReadError("DOCX document has no text")
    return RawText(text, "docx", _meta(document))


def _open(data: bytes) -> Any:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ReadError(f"DOCX unpacks to {unpacked / 1e6:.0f} MB: not a document (zip bomb?)")
        return python_docx.Document(io.BytesIO(data))
    except (
        zipfile.BadZipFile, PackageNotFoundError, KeyError, EOFError, OSError, ValueError,
        zlib.error, etree.XMLSyntaxError,
    ):  # fmt: skip
        raise ReadError(DAMAGED) from None


def _blocks(container: Any) -> Iterator[str]:
    for child in container:
        tag = child.tag
        if tag == _P:
            yield _paragraph(child)
            for box in _text_boxes(child):
                yield from _blocks(box)
        elif tag == _TBL:
            yield from _table(child)
        elif tag in _CONTAINERS:
            yield from _blocks(child)


def _paragraph(p: Any) -> str:
    parts: list[str] = []
    stack = list(reversed(p))
    # An explicit stack: runs nest in hyperlinks, fields, smart tags, insertions.
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag == _T:
            parts.append(element.text or "")
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        elif tag not in _SKIP and isinstance(tag, str):
            stack.extend(reversed(element))
    return "".join(parts)


def _text_boxes(p: Any) -> list[Any]:
    """Text boxes anchored in paragraph ``p``, not those nested in another box."""
    boxes = []
    for box in p.iter(_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not p and parent.tag not in _SKIP:
            parent = parent.getparent()
        if parent is p:
            boxes.append(box)
    return boxes


def _table(table: Any) -> Iterator[str]:
    for row in table.iter(_TR):
        if row.getparent() is not table:
            continue  # rows of nested tables are read with their cell
        cells = ["\n".join(_blocks(cell)).strip("\n") for cell in row if cell.tag == _TC]
        if all("\n" not in cell for cell in cells):
            yield "\t".join(cells)
        else:
            yield "\n\n".join(cell for cell in cells if cell.strip())
            yield ""


def _headers_footers(document: Any, kind: str) -> list[str]:
    texts: list[str] = []
    for section in document.sections:
        for part in (f"first_page_{kind}", kind, f"even_page_{kind}"):
            header = getattr(section, part)
            if header.is_linked_to_previous:
                continue
            text = "\n".join(_blocks(header._element)).strip()
            if text and text not in texts:
                texts.append(text)
    return texts


def _meta(document: Any) -> Meta:
    properties = document.core_properties
    title = " ".join((properties.title or "").split()) or None
    created = properties.created
    return Meta(title=title, date=created.date().isoformat() if created else None)
