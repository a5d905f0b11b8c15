"""Format readers: each supported format and encoding, generated in tmp_path.

Binary fixtures are built here (reportlab, python-docx, email) so nothing
opaque is committed.
"""

from __future__ import annotations

import io
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas

from urgent.read import read
from urgent.read.raw import RawText, read_raw
from urgent.read.sniff import sniff

APPEAL = (
    "URGENT ACTION\n"
    "EIGHT NORTH KOREANS AT RISK OF FORCIBLE RETURN\n"
    "\n"
    "Eight North Korean refugees have been detained in China since mid-March 2017.\n"
    "If forcibly returned, they are at risk of torture and enforced disappearance.\n"
)


def make_pdf(pages: list[list[str]], title: str = "UA 123/17") -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setTitle(title)
    for lines in pages:
        for number, line in enumerate(lines):
            pdf.drawString(72, 720 - 16 * number, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def read_file(tmp_path: Path, name: str, data: bytes) -> RawText:
    """Write ``data`` as a real file and read it back the way the CLI does."""
    path = tmp_path / name
    path.write_bytes(data)
    return read_raw(path.read_bytes(), path.name)


# Plain text ----------------------------------------------------------------


def test_utf8_text_is_read_as_is(tmp_path: Path) -> None:
    raw = read_file(tmp_path, "ua.txt", APPEAL.encode())
    assert (raw.text, raw.format, raw.encoding) == (APPEAL, "text", "utf-8")


def test_crlf_and_cr_become_newlines_and_nuls_go(tmp_path: Path) -> None:
    data = b"URGENT ACTION\r\nFear for safety\rDetained\x00 since May\r\n"
    raw = read_file(tmp_path, "ua.txt", data)
    assert raw.text == "URGENT ACTION\nFear for safety\nDetained since May\n"


def test_c1_controls_from_a_bad_conversion_become_cp1252_quotes(tmp_path: Path) -> None:
    data = "the authorities\u0092 response".encode()
    assert read_file(tmp_path, "ua.txt", data).text == "the authorities’ response"


FRENCH = (
    "Action urgente : Amnesty International demande la libération immédiate de "
    "Jean-Pierre Étienne, défenseur des droits humains arrêté le 12 février à Bamako. "
    "Il est détenu au secret et risque d'être torturé ou soumis à d'autres mauvais "
    "traitements. Écrivez aux autorités pour qu'elles garantissent qu'il soit protégé "
    "et qu'il puisse consulter l'avocat de son choix. Envoyez vos appels avant le "
    "30 mars « au plus tard ».\n"
)
SPANISH = (
    "Acción urgente: La defensora de derechos humanos María José Núñez fue detenida "
    "el 3 de junio en Tegucigalpa. Amnistía Internacional teme que sufra tortura. "
    "Escriban a las autoridades pidiéndoles que garanticen su seguridad y que la "
    "pongan en libertad de inmediato. ¿Por qué? Porque su detención es arbitraria. "
    "Envíen sus llamamientos antes del 15 de julio de 2019 a la Señora Fiscal General.\n"
)
# Mostly English with a few accents: charset-normalizer alone calls this cp1250.
ENGLISH_ACCENTS = (
    "Amnesty International is concerned for the safety of the detained defenders. " * 20
    + "\nSeñor Presidente, please release Ms Nuñez and Mr Peña at once.\n"
)
CHINESE = (
    "紧急行动：八名朝鲜难民面临被强制遣返的危险。自2017年3月中旬以来，八名朝鲜难民一直被拘留在"
    "中国东北。如果被强制遣返，他们将面临迫害或其他严重侵犯人权行为的危险，例如任意拘留、酷刑"
    "或其他虐待、强迫失踪和处决。请立即写信给中国当局，敦促他们不要将这八人遣返朝鲜，并允许他们"
    "前往第三国。\n"
)
TRADITIONAL_CHINESE = (
    "緊急行動：八名北韓難民面臨被強制遣返的危險。自2017年3月中旬以來，八名北韓難民一直被拘留在"
    "中國東北。如果被強制遣返，他們將面臨迫害或其他嚴重侵犯人權行為的危險，例如任意拘留、酷刑或"
    "其他虐待、強迫失蹤和處決。請立即寫信給中國當局，敦促他們不要將這八人遣返北韓。\n"
)
KOREAN = (
    "긴급행동: 강제송환 위기에 처한 북한 주민 8명. 2017년 3월 중순부터 중국 동북부에 구금되어 "
    "있는 북한 난민 8명이 강제송환될 위기에 처해 있다. 강제로 송환될 경우, 이들은 박해나 자의적 "
    "구금, 고문 또는 기타 부당대우, 강제실종 및 처형과 같은 심각한 인권침해를 당할 위험이 있다. "
    "중국 당국에 서한을 보내 이들을 북한으로 송환하지 말 것을 촉구하십시오.\n"
)
JAPANESE = (
    "緊急行動：強制送還の危機にある北朝鮮の人びと。2017年3月中旬から、北朝鮮の難民8人が中国東北部"
    "で拘束されている。強制送還されれば、恣意的な拘禁、拷問その他の虐待、強制失踪、処刑などの深刻な"
    "人権侵害を受ける危険がある。中国当局に対し、8人を北朝鮮に送還しないよう求める手紙を送って"
    "ください。\n"
)
POLISH = (
    "Amnesty International wzywa do natychmiastowego uwolnienia Łukasza Wójcika, zatrzymanego "
    "w Łodzi. Pisz do władz, żądając jego zwolnienia. Grożą mu tortury i inne formy złego "
    "traktowania. Napisz list do prokuratora generalnego.\n"
)
CZECH = (
    "Amnesty International žádá okamžité propuštění obránce lidských práv Jiřího Nováka, "
    "který byl zadržen v Brně. Napište úřadům a žádejte, aby byl okamžitě a bezpodmínečně "
    "propuštěn. Hrozí mu mučení a jiné špatné zacházení.\n"
)
# A letter outside the Western fast path (ø) sends this to the detector.
ENGLISH_DANISH = (
    "Amnesty International is concerned for the safety of the detained defenders. " * 10
    + "Write to Mr Søren Østergaard, Minister, before 5 May.\n"
)
RUSSIAN = (
    "Срочная акция: правозащитник Иван Петров задержан в Москве 5 марта и содержится под "
    "стражей без связи с внешним миром. Amnesty International опасается, что ему грозят "
    "пытки и другие виды жестокого обращения. Пожалуйста, напишите властям и потребуйте "
    "немедленно освободить его, обеспечить ему доступ к адвокату по его выбору и к "
    "медицинской помощи.\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (FRENCH, "cp1252", "cp1252"),
        (SPANISH, "cp1252", "cp1252"),
        (ENGLISH_ACCENTS, "cp1252", "cp1252"),
        (CHINESE, "gb18030", "gb18030"),
        (TRADITIONAL_CHINESE, "big5", "big5"),
        (KOREAN, "euc-kr", "cp949"),  # cp949 is the superset Windows uses
        (JAPANESE, "shift_jis", "cp932"),  # likewise
        (RUSSIAN, "koi8-r", "koi8_r"),
        (RUSSIAN, "cp1251", "cp1251"),
        # Not required, but seen: the detector alone reads this Polish as Shift_JIS.
        (POLISH, "cp1250", "cp1250"),
        (CZECH, "cp1250", "cp1250"),
        (ENGLISH_DANISH, "cp1252", "cp1252"),
    ],
    ids=[
        "french",
        "spanish",
        "english",
        "chinese",
        "big5",
        "korean",
        "japanese",
        "koi8r",
        "cp1251",
        "polish",
        "czech",
        "danish",
    ],
)
def test_legacy_encodings_decode_right(tmp_path: Path, text: str, codec: str, reported: str) -> None:
    raw = read_file(tmp_path, "ua.txt", text.encode(codec))
    assert raw.text == text
    assert raw.encoding == reported


@pytest.mark.parametrize(
    ("prefix", "codec", "reported"),
    [
        (b"\xef\xbb\xbf", "utf-8", "utf-8"),
        (b"\xff\xfe", "utf-16-le", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
        (b"", "utf-16-le", "utf-16-le"),  # Notepad "Unicode" without its BOM
        (b"", "utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_with_and_without_bom(tmp_path: Path, prefix: bytes, codec: str, reported: str) -> None:
    text = FRENCH + KOREAN
    raw = read_file(tmp_path, "ua.txt", prefix + text.encode(codec))
    assert (raw.text, raw.encoding, raw.format) == (text, reported, "text")


def test_utf16_chinese_with_bom_is_not_taken_for_binary(tmp_path: Path) -> None:
    raw = read_file(tmp_path, "ua.txt", b"\xff\xfe" + CHINESE.encode("utf-16-le"))
    assert (raw.text, raw.encoding) == (CHINESE, "utf-16-le")


def test_utf8_with_a_stray_cp1252_byte_keeps_both(tmp_path: Path) -> None:
    data = "Libérez José Núñez, détenu à Bogotá ".encode() + b"\x93now\x94.\n"
    raw = read_file(tmp_path, "ua.txt", data)
    assert raw.text == "Libérez José Núñez, détenu à Bogotá “now”.\n"
    assert raw.encoding == "utf-8"


# PDF -------------------------------------------------------------------------


def two_page_pdf() -> bytes:
    return make_pdf(
        [
            ["URGENT ACTION", "EIGHT NORTH KOREANS AT RISK OF FORCIBLE RETURN   "],
            ["PLEASE SEND APPEALS BEFORE 4 AUGUST 2017", "Minister of Foreign Affairs — Beijing"],
        ],
        title="Microsoft Word - UA 123/17",
    )


def test_pdf_pages_in_order_with_a_form_feed_between(tmp_path: Path) -> None:
    raw = read_file(tmp_path, "ua.pdf", two_page_pdf())
    assert raw.format == "pdf"
    assert raw.text == (
        "URGENT ACTION\nEIGHT NORTH KOREANS AT RISK OF FORCIBLE RETURN"
        "\n\f\n"
        "PLEASE SEND APPEALS BEFORE 4 AUGUST 2017\nMinister of Foreign Affairs — Beijing"
    )


def test_pdf_metadata_title_and_creation_date(tmp_path: Path) -> None:
    meta = read_file(tmp_path, "ua.pdf", two_page_pdf()).meta
    assert meta.title == "UA 123/17"  # Word's "Microsoft Word - " prefix dropped
    assert meta.date is not None and len(meta.date) == 10 and meta.date[4] == "-"


@pytest.mark.parametrize("name", [None, "ua", "ua.txt", "download.html"])
def test_pdf_is_sniffed_from_its_bytes_whatever_the_name(name: str | None) -> None:
    assert read_raw(two_page_pdf(), name).format == "pdf"


def test_pdf_header_after_junk_within_the_first_kilobyte() -> None:
    data = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n" + two_page_pdf()
    assert "URGENT ACTION" in read_raw(data, None).text


def test_pdf_padded_with_nuls_after_its_end_is_read() -> None:
    assert "URGENT ACTION" in read_raw(two_page_pdf() + bytes(4096), "ua.pdf").text


def test_read_gives_cleaned_pdf_text(tmp_path: Path) -> None:
    path = tmp_path / "ua.pdf"
    path.write_bytes(two_page_pdf())
    document = read(path)
    assert document.format == "pdf"
    assert document.name == "ua.pdf"
    assert "PLEASE SEND APPEALS BEFORE 4 AUGUST 2017" in document.text
    assert "\f" not in document.text


# DOCX ------------------------------------------------------------------------


def make_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "UA 45/20 Iran"
    document.sections[0].header.paragraphs[0].text = "AI Index: MDE 13/1234/2020"
    document.add_paragraph("URGENT ACTION")
    paragraph = document.add_paragraph("Narges ")
    paragraph.add_run("Mohammadi").bold = True
    paragraph.add_run(" is at risk of torture.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Salutation"
    table.cell(0, 1).text = "Your Excellency"
    table.cell(1, 0).text = "Head of the Judiciary\nGholamhossein Mohseni Ejei"
    table.cell(1, 1).text = "Copies to:\nEmbassy of Iran"
    document.add_paragraph("PLEASE SEND APPEALS BEFORE 1 MAY 2020")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_tables_and_header_in_order(tmp_path: Path) -> None:
    raw = read_file(tmp_path, "ua.docx", make_docx())
    assert raw.format == "docx"
    assert raw.text == (
        "AI Index: MDE 13/1234/2020\n"
        "URGENT ACTION\n"
        "Narges Mohammadi is at risk of torture.\n"
        "Salutation\tYour Excellency\n"
        "Head of the Judiciary\nGholamhossein Mohseni Ejei\n\nCopies to:\nEmbassy of Iran\n"
        "\n"
        "PLEASE SEND APPEALS BEFORE 1 MAY 2020"
    )


def test_docx_title_and_date_from_core_properties() -> None:
    meta = read_raw(make_docx(), "ua.docx").meta
    assert meta.title == "UA 45/20 Iran"
    assert meta.date is not None and len(meta.date) == 10


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_BOX = f"""
<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <mc:AlternateContent>
    <mc:Choice Requires="wps"><w:drawing><w:txbxContent>
      <w:p><w:r><w:t>Text box: PLEASE SEND APPEALS BEFORE 1 MAY</w:t></w:r></w:p>
    </w:txbxContent></w:drawing></mc:Choice>
    <mc:Fallback><w:pict><w:txbxContent>
      <w:p><w:r><w:t>Text box: PLEASE SEND APPEALS BEFORE 1 MAY</w:t></w:r></w:p>
    </w:txbxContent></w:pict></mc:Fallback>
  </mc:AlternateContent>
</w:r>
"""
TRACKED = f"""
<w:p xmlns:w="{W_NS}">
  <w:r><w:t xml:space="preserve">Detained in </w:t></w:r>
  <w:del><w:r><w:delText>Tehran</w:delText></w:r></w:del>
  <w:ins><w:r><w:t>Evin prison</w:t></w:r></w:ins>
  <w:hyperlink><w:r><w:t xml:space="preserve"> (details)</w:t></w:r></w:hyperlink>
</w:p>
"""


def test_docx_text_boxes_once_and_tracked_changes_as_accepted() -> None:
    from lxml import etree

    document = docx.Document()
    paragraph = document.add_paragraph("Anchor paragraph")
    paragraph._p.append(etree.fromstring(TEXT_BOX))
    paragraph._p.addnext(etree.fromstring(TRACKED))
    buffer = io.BytesIO()
    document.save(buffer)
    raw = read_raw(buffer.getvalue(), "ua.docx")
    assert raw.text == (
        "Anchor paragraph\nText box: PLEASE SEND APPEALS BEFORE 1 MAY\nDetained in Evin prison (details)"
    )


def test_docx_without_extension() -> None:
    assert read_raw(make_docx(), None).format == "docx"


# E-mail ----------------------------------------------------------------------


def make_email(body: str | None = None, html: str | None = None) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Amnesty UA Team <uateam@example.org>"
    message["To"] = "network@example.org"
    message["Subject"] = "UA 123/17: Eight North Koreans at risk"
    message["Date"] = "Fri, 23 Jun 2017 10:15:00 +0100"
    message["MIME-Version"] = "1.0"
    if body is not None:
        message.set_content(body)
    if html is not None:
        if body is None:
            message.set_content(html, subtype="html")
        else:
            message.add_alternative(html, subtype="html")
    return message


def test_email_with_empty_body_reads_its_pdf_attachment(tmp_path: Path) -> None:
    message = make_email(body="Please find the UA attached.\n")
    message.add_attachment(two_page_pdf(), maintype="application", subtype="pdf", filename="UA12317.pdf")
    raw = read_file(tmp_path, "ua.eml", message.as_bytes())
    assert raw.format == "email"
    assert "PLEASE SEND APPEALS BEFORE 4 AUGUST 2017" in raw.text
    assert "Please find" not in raw.text
    assert raw.meta.title == "UA 123/17: Eight North Koreans at risk"
    assert raw.meta.date == "2017-06-23"
    assert raw.meta.author == "Amnesty UA Team <uateam@example.org>"


def test_email_attachment_sent_as_octet_stream_is_sniffed() -> None:
    message = make_email(body="")
    message.add_attachment(make_docx(), maintype="application", subtype="octet-stream", filename="ua")
    assert "Head of the Judiciary" in read_raw(message.as_bytes(), None).text


def test_email_prefers_the_plain_body_and_decodes_quoted_printable() -> None:
    body = SPANISH * 2
    message = make_email(body=body, html="<html><body><p>HTML version</p></body></html>")
    plain = message.get_body(("plain",))
    assert plain is not None
    plain.set_content(body, charset="iso-8859-1", cte="quoted-printable")
    data = message.as_bytes()
    assert b"N=FA=F1ez" in data  # really quoted-printable Latin-1 on the wire
    raw = read_raw(data, None)
    assert (raw.format, raw.text, raw.encoding) == ("email", body, "cp1252")


def test_email_with_only_an_html_body_goes_through_the_html_reader() -> None:
    html = f"<html><body><nav><a href='/'>Home</a></nav><p>{FRENCH}</p><script>track()</script></body></html>"
    raw = read_raw(make_email(html=html).as_bytes(), "ua.eml")
    assert FRENCH.strip() in raw.text
    assert "track()" not in raw.text and "<p>" not in raw.text


def test_email_with_a_long_body_ignores_attachments() -> None:
    message = make_email(body=APPEAL * 3)
    message.add_attachment(two_page_pdf(), maintype="application", subtype="pdf", filename="x.pdf")
    raw = read_raw(message.as_bytes(), None)
    assert raw.text.startswith("URGENT ACTION\nEIGHT NORTH KOREANS")
    assert "PLEASE SEND APPEALS" not in raw.text


def test_email_with_a_wrong_declared_charset_falls_back_to_detection() -> None:
    raw_message = (
        b"From: ua@example.org\r\nSubject: =?utf-8?q?Acci=C3=B3n_urgente?=\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + SPANISH.encode("cp1252")
    )
    raw = read_raw(raw_message, None)
    assert raw.text.strip() == SPANISH.strip()
    assert raw.meta.title == "Acción urgente"


# HTML ------------------------------------------------------------------------

ARTICLE = [
    "Human rights defender Ahmed Mansoor has been held in solitary confinement since 2017.",
    "He is a prisoner of conscience, detained solely for peacefully expressing his views.",
    "Write to the authorities and urge them to release him immediately and unconditionally.",
    "Ensure that, pending his release, he is protected from torture and other ill-treatment.",
]


def make_page(charset: str = "utf-8") -> str:
    menu = "".join(f"<li><a href='/{n}'>Menu entry {n}</a></li>" for n in range(12))
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE * 2)
    return (
        "<!DOCTYPE html><html lang='en'><head>"
        f"<meta charset='{charset}'>"
        "<title>UAE: Free Ahmed Mansoor | Amnesty International</title>"
        "<meta property='og:title' content='UAE: Free Ahmed Mansoor'>"
        "<meta property='og:site_name' content='Amnesty International'>"
        "<meta property='og:url' content='https://www.example.org/ua/mansoor'>"
        "<meta name='author' content='Amnesty UA Team'>"
        "<meta property='article:published_time' content='2021-03-04T09:00:00Z'>"
        "<style>body { color: red }</style><script>var tracking = 1;</script>"
        "</head><body>"
        f"<header><nav class='main-menu'><ul>{menu}</ul></nav></header>"
        "<div class='share'><a href='#'>Share on Facebook</a><a href='#'>Share on Twitter</a></div>"
        f"<main><article><h1>UAE: Free Ahmed Mansoor</h1>{paragraphs}"
        "<table><tr><td>Salutation</td><td>Your Highness</td></tr></table>"
        "</article></main>"
        "<footer><p>© Amnesty International. Privacy policy. Cookie settings.</p></footer>"
        "</body></html>"
    )


def test_html_main_text_survives_and_navigation_goes(tmp_path: Path) -> None:
    raw = read_file(tmp_path, "ua.html", make_page().encode())
    assert raw.format == "html"
    for paragraph in ARTICLE:
        assert paragraph in raw.text
    assert "Salutation" in raw.text and "Your Highness" in raw.text
    for furniture in ("Menu entry", "Share on Facebook", "tracking", "color: red", "<"):
        assert furniture not in raw.text


def test_html_metadata(tmp_path: Path) -> None:
    meta = read_file(tmp_path, "ua.html", make_page().encode()).meta
    assert meta.title == "UAE: Free Ahmed Mansoor"
    assert meta.date == "2021-03-04"
    assert meta.url == "https://www.example.org/ua/mansoor"
    assert meta.sitename == "Amnesty International"
    assert meta.author == "Amnesty UA Team"


def test_html_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    assert read_file(tmp_path, "page.txt", make_page().encode()).format == "html"


def test_html_fragment_without_doctype_is_sniffed_by_tag_density() -> None:
    fragment = "".join(f"<div class='x'><p><b>{p}</b></p></div>" for p in ARTICLE)
    assert sniff(fragment.encode(), None) == "html"


def test_html_meta_charset_is_honoured() -> None:
    page = make_page("windows-1252").replace(ARTICLE[0], FRENCH.strip())
    raw = read_raw(page.encode("cp1252"), "ua.html")
    assert FRENCH.strip() in raw.text
    assert raw.encoding == "cp1252"


def test_html_wrongly_declared_latin1_but_utf8_reads_as_utf8() -> None:
    page = make_page("iso-8859-1").replace(ARTICLE[0], KOREAN.strip())
    raw = read_raw(page.encode(), "ua.html")
    assert KOREAN.strip() in raw.text


def test_tiny_html_page_falls_back_to_body_text() -> None:
    page = (
        "<html><head><title>t</title><style>p{}</style></head><body>"
        "<p>Release Ahmed Mansoor</p><script>alert(1)</script><div>now</div></body></html>"
    )
    raw = read_raw(page.encode(), "ua.html")
    assert "Release Ahmed Mansoor" in raw.text
    assert "alert" not in raw.text and "<" not in raw.text


# Markdown and template pages -------------------------------------------------

MARKDOWN = """---
title: "Free the eight North Korean refugees"
date: 2017-06-23T10:00:00+01:00
tags: [china, refoulement]
---
{% include "banner.html" %}
# URGENT ACTION

<!-- editors: update the deadline -->
Eight North Korean refugees are **at risk** of forcible return.

{{< share-buttons >}}
Write to {{ official.name }} before 4 August 2017.
{# internal note #}
"""


def test_markdown_with_front_matter_saved_as_txt(tmp_path: Path) -> None:
    raw = read_file(tmp_path, "ua.txt", MARKDOWN.encode())
    assert raw.format == "markdown"
    assert raw.meta.title == "Free the eight North Korean refugees"
    assert raw.meta.date == "2017-06-23"
    assert raw.text == (
        "\n# URGENT ACTION\n\n\n"
        "Eight North Korean refugees are **at risk** of forcible return.\n\n\n"
        "Write to  before 4 August 2017.\n\n"
    )


def test_toml_front_matter() -> None:
    page = '+++\ntitle = "Free them"\ndate = 2020-05-01\n+++\nRelease them now.\n'
    raw = read_raw(page.encode(), "index.md")
    assert (raw.format, raw.meta.title, raw.meta.date) == ("markdown", "Free them", "2020-05-01")
    assert raw.text == "Release them now.\n"


def test_template_tags_alone_make_a_markdown_page() -> None:
    assert sniff(b"Dear {{ salutation }},\nPlease release him.\n", "letter.txt") == "markdown"


def test_text_starting_with_a_dash_rule_is_not_front_matter() -> None:
    text = "---\nURGENT ACTION\n---\nDetained since May.\n"
    raw = read_raw(text.encode(), "ua.txt")
    assert (raw.format, raw.text) == ("text", text)


# Sniffing --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (APPEAL.encode(), "text"),
        (b"Subject: UA 12/20\n\nDear friends, an appeal follows.\n", "text"),
        (b"To: the Minister\nFrom: Amnesty\n\nDear Minister,\n", "text"),
        (b"Received: from mx\nFrom: a@b.org\nSubject: UA\n\nBody\n", "email"),
        (b"From: a@b.org\nMIME-Version: 1.0\n\nBody\n", "email"),
        (b"From MAILER-DAEMON Fri Jun 23\nFrom: a@b.org\nMessage-ID: <1@b>\n\nBody\n", "email"),
        (b"<!DOCTYPE html>\n<title>x</title><p>Appeal</p>", "html"),
        (b"  <html><body><p>Appeal</p></body></html>", "html"),
        (b"Write to Mr Ahmed <ahmed@example.org> today.\n", "text"),
    ],
)
def test_sniff_without_a_name(data: bytes, expected: str) -> None:
    assert sniff(data, None) == expected


def test_eml_extension_with_a_single_header() -> None:
    assert sniff(b"Subject: UA\n\nBody text\n", "ua.eml") == "email"


@pytest.mark.parametrize(
    "furniture",
    [
        "We use cookies to improve your experience.",
        "Copyright 2024 Example. All rights reserved.",
        "Please donate now: your gift keeps us going.",
        "Sign up for our newsletter",
        "Registered charity number 12345",
    ],
)
def test_a_line_of_web_furniture_is_dropped_and_the_case_kept(furniture: str) -> None:
    text = read(
        f"URGENT ACTION\nHe was detained on 3 May.\n{furniture}\nWrite to the minister.\n".encode()
    ).text
    assert text == "URGENT ACTION\nHe was detained on 3 May.\nWrite to the minister."


def test_a_page_saved_without_line_ends_is_cut_at_its_word_junctions() -> None:
    menu = "HomeNewsCampaignsDonateShareTweet" * 40  # 1,320 characters run together
    paragraph = ("The men were detained without charge and are held in a police station. " * 16).strip()
    doc = read(f"{menu}\n{paragraph}\nEnd of page\n".encode())
    # cut at its junctions, the menu is one short word a line: navigation, dropped
    assert "Donate" not in doc.text
    assert doc.text.split("\n")[0] == paragraph  # a long paragraph of prose is left whole
    assert doc.raw[doc.to_source(0) : doc.to_source(0) + 12] == "The men were"  # offsets map back
    # a long line that is prose, not words run together, is not cut
    assert read(f"{paragraph}\n".encode()).text == paragraph


def test_run_together_words_are_cut_where_they_join_on_any_line() -> None:
    from urgent.read.clean import _split_run_together
    from urgent.read.mapped import MappedText

    text = "Short first line\n" + "HomeNewsDonate" * 80 + "\nLast"
    cut, found = _split_run_together(MappedText(text))
    assert found
    assert cut.text.split("\n")[:4] == ["Short first line", "Home", "News", "Donate"]
    assert cut.text.endswith("Donate\nLast")
