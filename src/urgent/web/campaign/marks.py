"""A document's text as HTML with `<mark>` around the spans extracted values came from.

Every piece of document text is escaped here, one piece at a time; only the
`<mark>` tags are ours. Spans may nest or overlap (an ask inside its heading, a
name inside a title), so the text is cut at every span boundary and each piece
is wrapped in one mark per span that covers it, the longest outermost. The
first piece of a span carries its anchor, ``id="span-N"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@dataclass
class Marked:
    html: SafeString
    ids: dict[str, int] = field(default_factory=dict)  # record path -> span number
    paths: dict[int, list[str]] = field(default_factory=dict)  # span number -> record paths

    def sources(self, path: str) -> list[int]:
        """Span numbers of a field: its own span, or those of its items ("places" -> "places[0]"...)."""
        found = [n for p, n in self.ids.items() if p == path or p.startswith(path + "[")]
        return list(dict.fromkeys(found))


def mark_text(text: str, spans: dict[str, list[int]]) -> Marked:
    unique = sorted({(a, b) for a, b in (s[:2] for s in spans.values()) if 0 <= a < b <= len(text)})
    number = {span: i + 1 for i, span in enumerate(unique)}
    ids = {p: number[(s[0], s[1])] for p, s in spans.items() if (s[0], s[1]) in number}
    paths: dict[int, list[str]] = {}
    for p, n in ids.items():
        paths.setdefault(n, []).append(p)
    cuts = sorted({0, len(text), *(x for span in unique for x in span)})
    out = []
    for start, end in pairwise(cuts):
        piece = escape(text[start:end])
        covering = sorted((s for s in unique if s[0] <= start and end <= s[1]), key=lambda s: s[0] - s[1])
        for span in reversed(covering):  # innermost first, so the outermost ends up outside
            piece = _mark(piece, number[span], first=span[0] == start, paths=paths[number[span]])
        out.append(piece)
    return Marked(mark_safe("".join(out)), ids, paths)  # every piece of text escaped above


def _mark(inner: str, n: int, first: bool, paths: list[str]) -> str:
    anchor = f' id="span-{n}" tabindex="-1"' if first else ""
    title = escape(", ".join(paths))
    return f'<mark data-span="{n}" title="{title}"{anchor}>{inner}</mark>'
