"""Bad input: every failure is one readable line, never a traceback.

Hostile HTML tests keep a time budget: a reader that hangs on a page is a
denial of service for the whole import.
"""

from __future__ import annotations

import contextlib
import io
import random
import time
import zipfile
from pathlib import Path

import docx
import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from urgent.errors import ReadError
from urgent.read import ReadOptions, read
from urgent.read.raw import read_raw

IMAGE = "image without text layer; OCR is not supported"
BINARY = "binary data, not a text document"


def make_pdf(encrypt: StandardEncryption | None = None, text: bool = True) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for page in range(2):
        if text:
            pdf.drawString(72, 720, f"URGENT ACTION page {page + 1}: fear for safety")
        else:  # what a scanner produces, minus the picture: marks, no text
            pdf.rect(72, 72, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def read_error(data: bytes, name: str | None = None) -> str:
    with pytest.raises(ReadError) as caught:
        read_raw(data, name)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_documents(tmp_path: Path, data: bytes) -> None:
    assert read_error(data, "ua.txt") == "empty document"
    path = tmp_path / "ua.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read(path)
    assert str(caught.value) == "empty document"


def test_random_binary() -> None:
    data = random.Random(1).randbytes(20_000)
    assert read_error(data, "ua.txt") == BINARY


@pytest.mark.parametrize(
    "header",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        b"GIF89a\x01\x00\x01\x00",
        b"II*\x00\x08\x00\x00\x00",
        b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    ],
    ids=["png", "jpeg", "gif", "tiff", "webp"],
)
def test_images_are_refused(header: bytes) -> None:
    assert read_error(header + bytes(200), "scan.pdf") == IMAGE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x7fELF\x02\x01\x01" + bytes(100), BINARY),
        (b"MZ\x90\x00\x03" + bytes(500), BINARY),
        (b"\x1f\x8b\x08\x00" + bytes(100), "unsupported format: compressed archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "unsupported format: old Microsoft"),
        (b"{\\rtf1\\ansi Urgent action}", "unsupported format: RTF"),
    ],
    ids=["elf", "exe", "gzip", "doc", "rtf"],
)
def test_other_binary_formats_are_refused(data: bytes, message: str) -> None:
    assert read_error(data, "ua.txt").startswith(message)


def test_undecodable_high_bit_bytes() -> None:
    rng = random.Random(2)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    assert read_error(data, "ua.txt").startswith("undecodable text: ")


# PDF -------------------------------------------------------------------------


def test_truncated_pdf() -> None:
    data = make_pdf()
    assert read_error(data[: len(data) // 2], "ua.pdf") == "damaged or truncated PDF"


def test_pdf_damaged_inside() -> None:
    data = bytearray(make_pdf())
    data[200:1200] = random.Random(3).randbytes(1000)
    assert read_error(bytes(data)) == "damaged or truncated PDF"


def test_encrypted_pdf() -> None:
    data = make_pdf(StandardEncryption(userPassword="secret", ownerPassword="owner"))
    assert read_error(data, "ua.pdf") == "encrypted PDF: it needs a password"


def test_pdf_with_only_an_owner_password_is_read() -> None:
    data = make_pdf(StandardEncryption(userPassword="", ownerPassword="owner"))
    assert "URGENT ACTION page 2" in read_raw(data, "ua.pdf").text


def test_scanned_pdf_without_text_layer() -> None:
    assert read_error(make_pdf(text=False)) == ("PDF has no text layer (scanned?); OCR is not supported")


# Zip and DOCX ----------------------------------------------------------------


def make_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_that_is_not_a_docx() -> None:
    data = make_zip({"notes.txt": b"URGENT ACTION", "photo.jpg": b"\xff\xd8\xff"})
    assert read_error(data, "ua.docx") == (
        "unsupported format: zip archive; unpack it and read the documents inside"
    )


def test_xlsx_is_named() -> None:
    data = make_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert read_error(data).startswith("unsupported format: Excel spreadsheet")


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("URGENT ACTION " * 50)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_truncated_docx() -> None:
    data = docx_bytes()
    assert read_error(data[: len(data) // 2], "ua.docx") == "damaged or truncated DOCX file"


def test_docx_with_broken_xml() -> None:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    files = {name: source.read(name) for name in source.namelist()}
    files["word/document.xml"] = b"<w:document><w:body><w:p>unclosed"
    assert read_error(make_zip(files), "ua.docx") == "damaged or truncated DOCX file"


# HTML ------------------------------------------------------------------------


def test_html_nested_100k_levels_deep() -> None:
    page = "<html><body>" + "<div>" * 100_000 + "deep text" + "</div>" * 100_000 + "</body></html>"
    start = time.perf_counter()
    try:
        text = read_raw(page.encode(), "ua.html").text
    except ReadError as exc:
        assert str(exc) == "HTML page has no text"
    else:
        assert "<" not in text
    assert time.perf_counter() - start < 5


def hostile_page(size: int) -> str:
    unit = (
        "<div onclick='steal()'><span onmouseover=\"evil()\"><b>x</b></span>"
        "<script>alert(document.cookie)</script><iframe src='https://evil.example'></iframe>"
        "<img src=x onerror=alert(1)><style>*{display:none}</style></div>"
    )
    head = "<html><head><meta charset='koi8-r'></head><body>"
    appeal = "<p>Release the prisoner of conscience held in Evin prison since 2019.</p>"
    return head + appeal + unit * (size // len(unit)) + "</body></html>"


def test_ten_megabytes_of_hostile_html_is_read_fast_and_clean() -> None:
    page = hostile_page(10_000_000)
    start = time.perf_counter()
    text = read_raw(page.encode(), "ua.html").text
    assert time.perf_counter() - start < 5
    assert "Release the prisoner of conscience" in text
    for leak in ("<", "alert", "steal", "evil", "display:none"):
        assert leak not in text


def test_small_hostile_html_goes_through_trafilatura_cleanly() -> None:
    page = hostile_page(20_000).replace("<p>Release", "<p>" + "Appeal text. " * 30 + "Release")
    text = read_raw(page.encode(), "ua.html").text
    assert "Release the prisoner of conscience" in text
    for leak in ("<", "alert", "steal", "evil", "display:none"):
        assert leak not in text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>Free him<div><td></tr></p></table><<<>>>&#xFFFFFFF;&bogus;",
        "<html><body><scr<script>ipt>alert(1)</script><p>Free him now</p>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>Free him</p></body></html>",
        "<html><body><p>Escaped markup: &lt;script&gt;alert(1)&lt;/script&gt; Free him</p>",
        "<html><head><meta charset='no-such-charset'></head><body><p>Free him</p></body></html>",
    ],
    ids=["broken", "split-script", "xml-declaration", "escaped", "unknown-charset"],
)
def test_broken_markup_reads_or_fails_cleanly(page: str) -> None:
    try:
        text = read_raw(page.encode(), "ua.html").text
    except ReadError:
        return
    assert "Free him" in text
    assert "<script" not in text and "</" not in text


def test_html_without_any_text() -> None:
    page = "<html><head><script>x()</script></head><body><img src='a.png'></body></html>"
    assert read_error(page.encode(), "ua.html") == "HTML page has no text"


# E-mail ----------------------------------------------------------------------


def test_email_without_body_or_attachment() -> None:
    data = b"From: a@example.org\nSubject: UA\nMIME-Version: 1.0\n\n\n"
    assert read_error(data, "ua.eml") == "e-mail has no text body and no readable attachment"


def test_email_with_only_an_image_attachment() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "a@example.org"
    message["Subject"] = "UA"
    message.set_content("")
    message.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(100), maintype="image", subtype="png")
    assert read_error(message.as_bytes()) == ("e-mail has no text body and no readable attachment")


def test_email_whose_only_attachment_is_encrypted_says_so() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "a@example.org"
    message["Subject"] = "UA"
    message.set_content("")
    encrypted = make_pdf(StandardEncryption(userPassword="secret", ownerPassword="owner"))
    message.add_attachment(encrypted, maintype="application", subtype="pdf", filename="ua.pdf")
    assert read_error(message.as_bytes()) == ("e-mail attachment: encrypted PDF: it needs a password")


# The dispatcher --------------------------------------------------------------


def test_unexpected_library_errors_become_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from urgent.read import raw

    def broken(data: bytes) -> raw.RawText:
        raise KeyError("word/document.xml")

    monkeypatch.setitem(raw._readers(), "text", broken)
    assert read_error(b"Urgent action", "ua.txt") == "could not read text: KeyError"


def test_library_error_messages_are_shortened(monkeypatch: pytest.MonkeyPatch) -> None:
    from urgent.read import raw

    def broken(data: bytes) -> raw.RawText:
        raise ValueError("bad value " + "x" * 300 + "\nsecond line")

    monkeypatch.setitem(raw._readers(), "text", broken)
    message = read_error(b"Urgent action", "ua.txt")
    assert message.startswith("could not read text: bad value xxx")
    assert len(message) < 150


# Inputs that make naive parsers quadratic -------------------------------------

MB = 1_000_000
HEAD = b"From: ua@example.org\nMIME-Version: 1.0\n"
SLOW_INPUTS = {
    "folded-subject": HEAD + b"Subject: x\n" + b" y\n" * (MB // 3) + b"\nbody",
    "encoded-words": HEAD + b"Subject: " + b"=?utf-8?q?abc?= " * (MB // 16) + b"\n\nbody",
    "content-type-params": HEAD + b"Content-Type: text/plain; " + b"a=b; " * (MB // 5) + b"\n\nx",
    "open-template-tags": b"{{" * MB,
    "open-comments": b"# Title\n" + b"<!--" * (MB // 4),
    "spaces-before-text": b"<html><body><p>Appeal" + b" \t" * MB + b"x</p></body></html>",
}


@pytest.mark.parametrize("data", SLOW_INPUTS.values(), ids=SLOW_INPUTS.keys())
def test_pathological_input_is_read_in_linear_time(data: bytes) -> None:
    start = time.perf_counter()
    with contextlib.suppress(ReadError):
        read_raw(data, "ua.md")
    assert time.perf_counter() - start < 2


def test_email_with_thousands_of_parts_is_refused_before_parsing() -> None:
    parts = b"--X\nContent-Type: text/plain\n\nhi\n" * 30_000
    data = HEAD + b"Content-Type: multipart/mixed; boundary=X\n\n" + parts + b"--X--\n"
    start = time.perf_counter()
    assert read_error(data) == "e-mail with over 2,000 MIME parts: not a message we can read"
    assert time.perf_counter() - start < 1


def test_paths_that_are_not_documents(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"^is a directory$"):
        read(tmp_path)
    with pytest.raises(ReadError, match=r"^cannot open: No such file or directory$"):
        read(tmp_path / "missing.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2_000)
    with pytest.raises(ReadError, match="over the 0 MB limit"):
        read(big, options=ReadOptions(max_bytes=1_000))


def test_a_device_without_a_size_is_read_only_up_to_the_limit() -> None:
    # /dev/zero states a size of 0 and never ends: the read stops past the limit
    with pytest.raises(ReadError, match="over the 0 MB limit"):
        read("/dev/zero", options=ReadOptions(max_bytes=1_000))
