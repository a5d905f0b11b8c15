"""Print-ready PDF letters: one letter per page, addressee placed for a window
envelope, TrueType fonts embedded (ReportLab's built-in CJK fonts are not
embedded and show blank on other machines), and a fax cover page on demand.

Fonts come from Debian's packages (fonts-dejavu-core, fonts-wqy-zenhei,
fonts-nanum), installed by `.ci/run` and `make fonts`. Each run of text is set
in a font that has its glyphs: Han and kana in WenQuanYi Zen Hei, Hangul in
Nanum Gothic, everything else in DejaVu Sans.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from urgent.letters.compose import Letter, addressee_lines

FONT_DIRS = [Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts")]
FONTS = {
    "latin": ("UrgentSans", ["dejavu/DejaVuSans.ttf"], 0),
    "han": ("UrgentHan", ["wqy/wqy-zenhei.ttc"], 0),
    "hangul": ("UrgentHangul", ["nanum/NanumGothic.ttf"], 0),
}
_HAN = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\uf900-\ufaff]+")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+")


class FontMissing(Exception):
    """A font urgent needs for PDF letters is not installed."""


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    margin: float = 20 * mm
    window_top: float = 45 * mm  # DIN 5008 form B: the window of a DL/C5/6 envelope
    window_height: float = 40 * mm
    window_width: float = 85 * mm


def page_size(name: str) -> tuple[float, float]:
    return {"a4": A4, "letter": LETTER}[name.lower()]


@cache
def fonts() -> dict[str, str]:
    """Register the embedded fonts once; their ReportLab names by script."""
    names = {}
    for script, (name, candidates, index) in FONTS.items():
        path = next((d / c for d in FONT_DIRS for c in candidates if (d / c).exists()), None)
        if path is None:
            raise FontMissing(f"font for {script} text not found ({candidates[0]}); run `make fonts`")
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
        names[script] = name
    return names


def marked_up(text: str) -> str:
    """Paragraph markup with each script run in a font that has its glyphs."""
    f = fonts()
    out = []
    pos = 0
    runs = sorted(
        [(m.start(), m.end(), f["han"]) for m in _HAN.finditer(text)]
        + [(m.start(), m.end(), f["hangul"]) for m in _HANGUL.finditer(text)]
    )
    for start, end, font in runs:
        out.append(escape(text[pos:start]))
        out.append(f'<font name="{font}">{escape(text[start:end])}</font>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out).replace("\n", "<br/>")


def missing_glyphs(text: str) -> set[str]:
    """Characters that the font chosen for them cannot draw (should be none)."""
    f = fonts()
    faces = {name: pdfmetrics.getFont(name).face.charToGlyph for name in f.values()}
    missing = set()
    for ch in set(text):
        if ch.isspace():
            continue
        font = f["han"] if _HAN.match(ch) else f["hangul"] if _HANGUL.match(ch) else f["latin"]
        if ord(ch) not in faces[font]:
            missing.add(ch)
    return missing


def render(
    letters: list[Letter], size: str = "A4", fax: bool = False, sender_lines: list[str] | None = None
) -> bytes:
    """All letters in one PDF, one letter per page (a fax cover page before each, if asked)."""
    width, height = page_size(size)
    layout = Layout(width, height)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(width, height), pageCompression=1)
    canvas.setTitle("Appeal letters")
    canvas.setCreator("urgent")
    for letter in letters:
        if fax:
            _fax_cover(canvas, layout, letter, sender_lines or letter.signature)
            canvas.showPage()
        _letter_page(canvas, layout, letter)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _style(size: float, leading: float | None = None) -> ParagraphStyle:
    return ParagraphStyle(
        "body",
        fontName=fonts()["latin"],
        fontSize=size,
        leading=leading or size * 1.35,
        spaceAfter=size * 0.6,
        wordWrap="CJK",
    )


def _letter_page(canvas: Canvas, layout: Layout, letter: Letter) -> None:
    m = layout.margin
    # sender, top right
    y = layout.height - 18 * mm
    canvas.setFont(fonts()["latin"], 9)
    for line in letter.signature:
        _draw(canvas, layout.width - m, y, line, 9, right=True)
        y -= 11
    if letter.warning:
        _draw(canvas, m, layout.height - 12 * mm, letter.warning, 8)
    # addressee, in the envelope window
    window = Frame(
        m,
        layout.height - layout.window_top - layout.window_height,
        layout.window_width,
        layout.window_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    window.addFromList([Paragraph(marked_up("\n".join(addressee_lines(letter.target))), _style(10))], canvas)
    _draw(
        canvas,
        layout.width - m,
        layout.height - layout.window_top - layout.window_height - 8 * mm,
        letter.date,
        10,
        right=True,
    )
    # the letter, shrunk until it fits the page
    top = layout.height - layout.window_top - layout.window_height - 16 * mm
    for size in (11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5, 7):
        story = [Paragraph(marked_up(block), _style(size)) for block in letter.body().split("\n\n")]
        frame = Frame(
            m, m, layout.width - 2 * m, top - m, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
        )
        if _fits(frame, story, canvas):
            frame.addFromList(story, canvas)
            return
    raise ValueError("letter too long for one page")


def _fits(frame: Frame, story: list[Paragraph], canvas: Canvas) -> bool:
    height = sum(p.wrap(frame._aW, frame._aH)[1] + p.style.spaceAfter for p in story)
    return height <= frame._aH


def _draw(canvas: Canvas, x: float, y: float, text: str, size: float, right: bool = False) -> None:
    p = Paragraph(marked_up(text), _style(size))
    w, h = p.wrap(120 * mm, 30 * mm)
    width = min(w, max(pdfmetrics.stringWidth(text, fonts()["latin"], size), 10))
    p.drawOn(canvas, x - (width if right else 0), y - h + size)


def _fax_cover(canvas: Canvas, layout: Layout, letter: Letter, sender: list[str]) -> None:
    m = layout.margin
    canvas.setFont(fonts()["latin"], 28)
    canvas.drawString(m, layout.height - 35 * mm, "FAX")
    rows = [
        (
            "To",
            " ".join(p for p in (letter.target.title, letter.target.name) if p)
            or (letter.target.organisation or ""),
        ),
        ("Fax", ", ".join(letter.target.faxes) or "—"),
        ("From", ", ".join(sender) or "—"),
        ("Date", letter.date),
        ("Pages", "2 (this cover page and one letter)"),
        ("Subject", letter.subject),
    ]
    y = layout.height - 60 * mm
    for label, value in rows:
        _draw(canvas, m, y, label, 12)
        _draw(canvas, m + 30 * mm, y, value, 12)
        y -= 12 * mm
