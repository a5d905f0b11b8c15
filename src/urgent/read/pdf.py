"""PDF → text of every page (pypdfium2), pages joined by a form feed line.

pypdfium2 returns the lines as laid out on the page; the cleaner re-flows
them. PDFium is not thread-safe: read PDFs from one thread at a time.
"""

from __future__ import annotations

import datetime as dt
import re

import pypdfium2 as pdfium

from urgent.errors import ReadError
from urgent.read.decode import normalise_text, strip_line_ends
from urgent.read.raw import Meta, RawText

PAGE_BREAK = "\n\f\n"

ENCRYPTED = "encrypted PDF: it needs a password"
DAMAGED = "damaged or truncated PDF"
NO_TEXT = "PDF has no text layer (scanned?); OCR is not supported"

# PDFium's FPDF_GetLastError codes (fpdfview.h).
_ERR_PASSWORD = 4
_ERR_SECURITY = 5
# Fewer visible characters than this in the whole file is a scan with, at most,
# a stamped page number or a producer line.
_MIN_TEXT = 20
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")
# Word's "Save as PDF" titles are the file name after this prefix.
_WORD_PREFIX = re.compile(r"^Microsoft (?:Word|PowerPoint) - ")


def read_pdf(data: bytes) -> RawText:
    # The file must end with %%EOF (padding aside). PDFium reads some truncated
    # files anyway, and a cut-off UA would silently lose its appeal addresses.
    if b"%%EOF" not in data.rstrip(b"\x00\t\n\x0c\r ")[-1024:]:
        raise ReadError(DAMAGED)
    pdf = _open(data)
    try:
        pages = [_page_text(pdf, index) for index in range(len(pdf))]
        meta = _meta(pdf)
    finally:
        pdf.close()
    if not pages:
        raise ReadError(DAMAGED)
    text = PAGE_BREAK.join(pages)
    if len("".join(text.split())) < _MIN_TEXT:
        raise ReadError(NO_TEXT)
    return RawText(text, "pdf", meta)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ReadError(ENCRYPTED) from None
        raise ReadError(DAMAGED) from None


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            # get_text_bounded, not get_text_range: the latter is limited to UCS-2.
            text = textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()
    return strip_line_ends(normalise_text(text))


def _meta(pdf: pdfium.PdfDocument) -> Meta:
    info = pdf.get_metadata_dict(skip_empty=True)
    title = _WORD_PREFIX.sub("", " ".join(info.get("Title", "").split())) or None
    return Meta(
        title=title,
        date=_iso_date(info.get("CreationDate", "")),
    )


def _iso_date(value: str) -> str | None:
    """``D:20170623101010+01'00'`` → ``2017-06-23``; None unless a full valid date."""
    match = _PDF_DATE.match(value.strip())
    if not match or not match.group(3):
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
