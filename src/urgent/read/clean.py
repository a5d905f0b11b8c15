"""Raw text → the cleaned text every span indexes into.

Steps, in order: characters (newlines, spaces, invisible marks), splitting a
web page saved as one run-together line, markdown marks, per-line
whitespace, web furniture, re-flow of wrapped lines, blank-line runs.
Each step is a `MappedText` edit, so offsets map back to the raw text.
"""

from __future__ import annotations

import re

from urgent.read import boilerplate
from urgent.read.mapped import Edit, MappedText
from urgent.read.raw import RawText
from urgent.read.reflow import reflow

# One character class first, so the regex engine skips ordinary text at C speed;
# "\r\n" is one match.
_CHARS = re.compile(
    "[\r\f\v\u2028\u2029\x85\u00a0\u2000-\u200a\u202f\u205f\u3000\t"
    "\u200b\u00ad\ufeff\u2060\uf0b7\uf0a7\uf076\uf0d8\uf0fc](?:(?<=\r)\n)?"
)
_CHAR_MAP = {
    "\f": "\n\n",
    "\v": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\x85": "\n",
    "\u200b": "",
    "\u00ad": "",
    "\ufeff": "",
    "\u2060": "",
}

# Markdown that carries no meaning for extraction.
_MD = re.compile(
    r"^[ \t]*#{1,6}[ \t]+"  # heading marks
    r"|^[ \t]*#{1,6}[ \t]*$"  # an empty heading
    r"|^[ \t]*(?:[-*_][ \t]*){3,}$"  # horizontal rules
    r"|\*\*|__(?=\S)|(?<=\S)__"  # bold
    r"|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])"  # italics (not list bullets)
    r"|!?\[([^\]\n]{1,300})\]\([^)\s]{1,500}\)",  # links and images keep their text
    re.MULTILINE,
)

# Where a page saved as text runs words together: "shareShare", "EDTAvailable".
_CAMEL_WORDS = re.compile(
    r"WhatsApp|LinkedIn|YouTube|TikTok|iPhone|iPad|PayPal|GitHub|JavaScript|WordPress|"
    r"SoundCloud|WeChat|McDonald\w*|Mc[A-Z]\w+|Mac[A-Z]\w+|O'[A-Z]\w+|DeSantis|PhD|"
    r"iOS|eBay|FaceTime|SpaceX|OpenAI|BlackRock|HarperCollins"
)
_JUNCTION = re.compile(
    r"(?<=[a-z\u00df-\u00ff.!?)\]\u201d\u2019%$])(?=[A-Z\u00c0-\u00de\u201c©])"
    r"|(?<=[0-9])(?=[A-Z][a-z]{2})|(?<=[a-z])(?=\([A-Z])"
    r"|(?<=[A-Z]{2})(?=[A-Z][a-z])"
    # a change of script: "Watchالعربية", "العربية简中", "日本語Русский"
    r"|(?<=[A-Za-z.!?])(?=[\u0600-\u06ff\u0400-\u04ff\u3040-\u9fff\uac00-\ud7af])"
    r"|(?<=[\u0600-\u06ff\u0400-\u04ff\u3040-\u9fff\uac00-\ud7af])(?=[A-Za-z])"
    r"|(?<=[\u0600-\u06ff])(?=[\u0400-\u04ff\u3040-\u9fff\uac00-\ud7af])"
    r"|(?<=[\u3040-\u9fff\uac00-\ud7af])(?=[\u0600-\u06ff\u0400-\u04ff])"
)
_MD_MARKS = re.compile(r"^[ \t]*#|\*|__|\]\(|^[ \t]*[-_]{3}", re.MULTILINE)  # any markdown at all?
_CAMEL = re.compile(r"[a-z][A-Z]")
# Runs of spaces that may need rewriting (`_space_run` decides): two or more, or one
# at the start or the end of a line.
_SPACES = re.compile(r"[ \t](?:[ \t]+|(?=\n|\Z)|(?<![^\n][ \t]))")
_BLANK_RUNS = re.compile(r"\n\n\n+")  # a literal start: the engine skips to it


def clean(raw: RawText) -> MappedText:
    text = MappedText(raw.text)
    text = text.sub(_CHARS, _char)
    text, run_together = _split_run_together(text)
    if _may_have_markdown(text.text) and _MD_MARKS.search(text.text):
        text = text.sub(_MD, lambda m: m.group(1) or "")
    if _may_have_space_runs(text.text):
        text = text.sub(_SPACES, _space_run)
    text = _drop_furniture(text, web=raw.format == "html" or run_together, menus=run_together)
    text = reflow(text)
    text = text.sub(_BLANK_RUNS, "\n\n")
    return _strip(text)


def _may_have_markdown(t: str) -> bool:
    """False when `_MD_MARKS` cannot match: a few substring tests are far cheaper."""
    return "#" in t or "*" in t or "__" in t or "](" in t or "---" in t


def _may_have_space_runs(t: str) -> bool:
    return "  " in t or " \n" in t or "\n " in t or "\t" in t or t[:1] == " " or t[-1:] == " "


def _space_run(m: re.Match[str]) -> str:
    """Spaces at the start or end of a line go; two or more between words become one."""
    t, s, e = m.string, m.start(), m.end()
    if s == 0 or t[s - 1] == "\n" or e == len(t) or t[e] == "\n":
        return ""
    if e - s >= 2 and not t[s - 1].isspace() and not t[e].isspace():
        return " "
    return m.group()


def _strip(text: MappedText) -> MappedText:
    """White space at both ends of the text goes."""
    t = text.text
    head, tail = len(t) - len(t.lstrip()), len(t.rstrip())
    if head == len(t):
        return text.apply([(0, len(t), "")]) if t else text
    edits = [e for e in ((0, head, ""), (tail, len(t), "")) if e[1] > e[0]]
    return text.apply(edits) if edits else text


def _char(m: re.Match[str]) -> str:
    c = m.group()
    if c.startswith("\r"):
        return "\n"
    if c in _CHAR_MAP:
        return _CHAR_MAP[c]
    if "\uf000" <= c <= "\uf0ff":  # bullets from a Symbol font, private use area
        return "•"
    return " "


def _split_run_together(text: MappedText) -> tuple[MappedText, bool]:
    """Break a page saved with no line ends at its word junctions."""
    edits: list[Edit] = []
    lines = text.text.split("\n")
    if max(map(len, lines), default=0) < 1000:
        return text, False
    at = 0  # where the line starts (not a regex: "[^\n]{1000,}" tries every offset of every line)
    for s in lines:
        start, at = at, at + len(s) + 1
        if len(s) < 1000 or len(_CAMEL.findall(s)) * 1000 < len(s):
            continue  # a short line, or a long paragraph, not words run together
        protected = [(m.start(), m.end()) for m in _CAMEL_WORDS.finditer(s)]
        cuts = [m.start() for m in _JUNCTION.finditer(s) if not any(a < m.start() < b for a, b in protected)]
        if len(cuts) * 1000 < len(s) * 2:  # ordinary long paragraph
            continue
        edits.extend((start + c, start + c, "\n") for c in cuts)
    return (text.apply(edits), True) if edits else (text, False)


_MENU_ITEM = re.compile(r"^[^\W\d_][^.,;:!?\d\n]{0,40}$")


def _drop_furniture(text: MappedText, web: bool, menus: bool) -> MappedText:
    edits: list[Edit] = []
    t = text.text
    lines = list(re.finditer(r"[^\n]*(?:\n|$)", t))
    dropped = 0
    lower = t.lower()
    furniture = boilerplate.lines_re(lower if len(lower) == len(t) else None)
    for m in furniture.finditer(t, lower):  # furniture lines, in one pass
        edits.append((m.start(), m.end() + (1 if t[m.end() : m.end() + 1] == "\n" else 0), ""))
        dropped += 1
    for m in lines:
        line = m.group().strip()
        short = len(line) <= 40 or (len(line) <= 80 and not line.isascii())
        if line and short and _is_language_menu(line) and not any(e[0] == m.start() for e in edits):
            edits.append((m.start(), m.end(), ""))
            dropped += 1
    if menus:  # runs of three or more short word-only lines are navigation
        edits.extend(_menu_runs(lines, {e[0] for e in edits}))
    # Related articles, tags and footer follow the article on a web page.
    if web or dropped >= 3:
        floor = len(t) * 0.3
        for m in lines:
            if m.start() > floor and boilerplate.TAIL_MARKERS.match(m.group()):
                edits = [e for e in edits if e[0] < m.start()] + [(m.start(), len(t), "")]
                break
    return text.apply(edits) if edits else text


# Language names, longest first; each repetition takes the first that fits and
# never gives it back (possessive), as reading the line from the left would.
_LANGUAGE_MENU = re.compile(
    "(?:"
    + "|".join(
        re.escape(n.replace(" ", "")) for n in sorted(boilerplate.LANGUAGE_NAMES, key=len, reverse=True)
    )
    + ")++"
)


_MENU_SEPARATORS = re.compile(r"[\s|/]+")


def _is_language_menu(line: str) -> bool:
    """A line made only of language names ("EnglishFrançais", "简中繁中", "English | Español")."""
    lower = line.lower()
    rest = _MENU_SEPARATORS.sub("", lower) if "|" in lower or "/" in lower else lower.replace(" ", "")
    return bool(rest) and _LANGUAGE_MENU.fullmatch(rest) is not None


def _menu_runs(lines: list[re.Match[str]], dropped: set[int]) -> list[Edit]:
    edits: list[Edit] = []
    run: list[re.Match[str]] = []
    for m in [*lines, None]:
        if m is not None and (m.start() in dropped or not m.group().strip()):
            continue  # already dropped or blank: does not break a run
        if m is not None and len(m.group().split()) <= 4 and _MENU_ITEM.match(m.group().strip()):
            run.append(m)
            continue
        if len(run) >= 3:
            edits.extend((r.start(), r.end(), "") for r in run)
        run = []
    return edits
