"""Re-join lines that a PDF (or a PDF copied to text) broke mid-sentence.

pypdfium2 returns one line per printed line and rejoins nothing; text copied
out of a PDF often has a blank line after every printed line as well. A line
is a wrapped one when the document has a dominant line width and the line
fills most of it; it joins the next when the sentence visibly continues.
"""

from __future__ import annotations

import itertools
import re

from urgent.read.mapped import Edit, MappedText

_LINE = re.compile(r"[^\n]+")
_LIST_MARK = re.compile(r"^(?:[-*•▪◦‣●○■□➢➤►–—]|\d{1,2}[.)]|\(?[a-z][.)]\s)\s*")
_END_PUNCT = ".!?:;"


def wrap_width(lengths: list[int]) -> int | None:
    """The width lines were wrapped at, or None when lines are paragraphs."""
    long = sorted(n for n in lengths if n >= 30)
    if len(long) < 5:
        return None
    width = long[int(0.9 * (len(long) - 1))]
    if width > 200:  # one paragraph per line: nothing was wrapped
        return None
    full = sum(1 for n in long if n >= 0.75 * width)
    return width if full >= 0.35 * len(long) else None


def reflow(text: MappedText) -> MappedText:
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text.text) if m.group().strip()]
    width = wrap_width([e - s for s, e in lines])
    if width is None:
        return text
    t = text.text
    gaps = [t.count("\n", e1, s2) for (_s1, e1), (s2, _e2) in itertools.pairwise(lines)]
    # Text copied out of a PDF may have a blank line after many printed lines (a third
    # or more of them); where fewer have one, a blank line ends a paragraph.
    most = 2 if sum(g == 2 for g in gaps) >= 0.35 * len(gaps) else 1
    edits: list[Edit] = []
    for ((s1, e1), (s2, e2)), gap in zip(itertools.pairwise(lines), gaps, strict=True):
        if gap > most:  # a blank line more than between the lines of a paragraph: a real break
            continue
        joiner = _joiner(t[s1:e1].strip(), t[s2:e2].strip(), width)
        if joiner is not None:
            edits.append((e1, s2, joiner))
    return text.apply(edits)


def _joiner(line: str, nxt: str, width: int) -> str | None:
    if not line or not nxt or line.endswith(":") or _LIST_MARK.match(nxt):
        return None
    first = nxt[0]
    if line.endswith("-") and len(line) > 1 and line[-2].isalpha() and first.islower():
        return ""  # a compound split at its hyphen: "ill-" + "treatment"
    if first.islower() and len(line) >= 0.5 * width:
        return " "
    # a line well past the width was not wrapped at it: a paragraph or heading of its own
    filled = 0.8 * width <= len(line) <= 1.2 * width
    if filled and line[-1] not in _END_PUNCT and first.isalnum() and not line.isupper():
        return " "
    return None
