"""The recommended actions ("asks"), each with its kinds and the group it is addressed to.

Three sources, in order of trust:
1. the listed actions of an Urgent Action (bullets under "Please write …" or
   "APPEALS TO … AUTHORITIES:");
2. requests in a letter or an UA's model letter: "We write to request that
   you stop X, and allow Y" gives two asks;
3. demands reported in a press release: "China should …", "HRW calls on
   China to …" (the whole sentence, without dateline and attribution;
   quotations from spokespeople are not asks).
"""

from __future__ import annotations

import re

from urgent.extract.context import Context
from urgent.extract.patterns import ASK_VERBS, ATTRIBUTION, BULLET, CALLS_ON, DATELINE, REQUEST_LEAD, SHOULD
from urgent.extract.sections import Layout
from urgent.extract.taxonomy import ASK_RULES, kinds_with_spans
from urgent.record import Ask

_VERB_ALT = "|".join(sorted(ASK_VERBS, key=len, reverse=True))
# Where one requested action ends and the next starts: ", and allow …", ", abide …".
_SPLIT = re.compile(
    rf",\s+(?:and\s+|or\s+)?(?:to\s+)?(?:(?:immediately|urgently|also|publicly)\s+)?(?=(?:{_VERB_ALT})\b)"
)
_ACTOR = re.compile(
    r"\b(?:authorities|government|officials|police|president|prime minister|minister|ministry|state|"
    r"governments|courts?|prosecutors?|army|military|UNHCR|Council|Commission|Congress|Parliament|"
    r"parliament|legislature|lawmakers|Senate|National Assembly|judiciary|King|Emir)\b",
)
_QUOTES = re.compile(r"“[^”]{10,}?”|\"[^\"\n]{10,}?\"")


def extract(ctx: Context, layout: Layout, doc_kind: str) -> list[Ask]:
    found: list[tuple[int, int, str | None]] = []
    for line in layout.asks:
        a, b = _trim_item(ctx.text, line.start, line.end)
        if b - a >= 8:
            found.append((a, b, line.group))
    if layout.model_letter:
        found += [(a, b, None) for a, b in _requests(ctx, *layout.model_letter)]
    if not found and doc_kind in ("letter", "urgent_action", "further_information"):
        start = layout.opening.end if layout.opening else 0
        end = layout.closing.start if layout.closing else len(ctx.text)
        found += [(a, b, None) for a, b in _requests(ctx, start, end)]
    if doc_kind == "press_release" and found:
        # a press release states demands in its sentences as well as under "X calls on … to:"
        found += [
            (a, b, None) for a, b in _demands(ctx, layout) if not any(a < e and s < b for s, e, _g in found)
        ]
        found.sort()
    if not found and doc_kind in ("press_release", "other", "letter"):
        found += [(a, b, None) for a, b in _demands(ctx, layout)]
    asks: list[Ask] = []
    for i, (a, b, group) in enumerate(found):
        text = ctx.text[a:b]
        ctx.mark(f"asks[{i}].text", a, b)
        kinds: list[str] = []
        for kind, s, e in kinds_with_spans(ASK_RULES, ctx.text, a, b, ctx.lower):
            ctx.mark(f"asks[{i}].kinds[{len(kinds)}]", s, e)
            kinds.append(kind)
        if group:
            at = ctx.lower.rfind(group.lower(), 0, a)
            if at >= 0:
                ctx.mark(f"asks[{i}].addressed_to", at, at + len(group))
        asks.append(Ask(text=text, kinds=kinds or ["other"], addressed_to=group))
    return asks


def _trim_item(text: str, start: int, end: int) -> tuple[int, int]:
    """An ask without its bullet and the list's trailing "; and"."""
    s = text[start:end]
    m = BULLET.match(s)
    a = start + (m.end() if m else 0)
    while a < end and text[a].isspace():
        a += 1
    b = end
    while b > a and text[b - 1] in " \t;,":
        b -= 1
    if text[max(a, b - 4) : b].lower() in (" and", "; or") or text[max(a, b - 4) : b] == " and":
        b -= 4
        while b > a and text[b - 1] in " ;,":
            b -= 1
    return a, b


def _requests(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """Requested actions in letter sentences, split at each new verb."""
    out = []
    for s in ctx.sentences:
        if s.start < start or s.end > end:
            continue
        m = REQUEST_LEAD.search(s.text)
        if not m:
            continue
        body_start = s.start + m.end()
        body_end = s.end
        while body_end > body_start and ctx.text[body_end - 1] in ".;:! ":
            body_end -= 1
        cuts = [body_start] + [body_start + c.end() for c in _SPLIT.finditer(ctx.text[body_start:body_end])]
        for a, b in zip(cuts, [*cuts[1:], body_end], strict=False):
            piece_end = b
            if b != body_end:
                piece_end = a + ctx.text[a:b].rfind(",")
            a2, b2 = _strip(ctx.text, a, piece_end)
            if b2 - a2 >= 10:
                out.append((a2, b2))
    return out


def _demands(ctx: Context, layout: Layout) -> list[tuple[int, int]]:
    """Whole sentences in which an organisation demands that a state act."""
    text = ctx.text
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    quoted_text = {_key(text[a:b]) for a, b in quoted}
    out = []
    title = ctx.spans.get("title")
    for s in ctx.sentences:
        if layout.in_blocks(s.start) or any(a <= s.start < b for a, b in quoted):
            continue
        if title and s.start < title[1] and title[0] < s.end:
            continue  # the headline ("Kyrgyzstan must not extradite …") sums up the demands below
        a, b = s.start, s.end
        d = DATELINE.match(text, a, b) or _DATED_PLACE.match(text, a, b)
        if d:
            a = d.end()
        body = text[a:b]
        should = SHOULD.search(body)
        calls = CALLS_ON.search(body)
        if (
            should
            and _ACTOR.search(body[: should.start()] + " ") is None
            and not _names_state(body[: should.start()])
        ):
            should = None
        if not (should or calls):
            continue
        if any(_key(body) in q for q in quoted_text):
            continue  # a pull quote repeating a spokesperson
        attribution = ATTRIBUTION.search(body)
        if attribution:
            b = a + attribution.start()
        a2, b2 = _strip(text, a, b)
        if b2 - a2 >= 20:
            out.append((a2, b2))
    return out


# "New York, March 14, 2022 — ", "(Bangkok, October 4, 2022) – ": a press release's dateline
_DATED_PLACE = re.compile(
    r"\s*(?P<open>\()?[A-Z][\w .'’-]{1,40},\s+(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
    r"(?(open)\))\s*[–—-]\s*"
)


def _names_state(subject: str) -> bool:
    from urgent.extract.geo import find_countries

    words = subject.split()
    return 0 < len(words) <= 8 and bool(find_countries(subject))


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,;:–—-":
        a += 1
    while b > a and text[b - 1] in " ,;:.":
        b -= 1
    return a, b


def _key(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()
