"""What a document says about itself: kind, organisation, title, numbers, dates.

Each extractor is an ordered list of fallbacks; the comment on each step
says what it matches. A value without evidence stays empty.
"""

from __future__ import annotations

import re
from datetime import date

from urgent.extract.context import Context
from urgent.extract.dates import find_dates
from urgent.extract.patterns import (
    DATELINE,
    DEADLINE_AFTER,
    DEADLINE_BEFORE,
    FOLLOWS_UA,
    HEADINGS,
    INDEX_BARE,
    INDEX_LABELLED,
    ISSUE_LABEL,
    LANGUAGE_REQUEST,
    LETTER_CLOSING,
    ORG_NAME,
    ORGANISATION_RES,
    PRESS_CUES,
    RE_LINE,
    UA_NUMBER,
)
from urgent.extract.sections import Layout
from urgent.record import Follows

# -- kind ---------------------------------------------------------------------


def kind(ctx: Context, layout: Layout) -> str:
    head = ctx.text[:1500]
    # 1. "Further information on UA 105/00", "UA update", a stop-action notice
    m = HEADINGS.further_information.search(head)
    if m:
        ctx.mark("kind", m.start(), m.end())
        return "further_information"
    m = HEADINGS.stop_action.search(ctx.text)
    if m and UA_NUMBER.search(ctx.text):
        ctx.mark("kind", m.start(), m.end())
        return "further_information"
    # 2. an "URGENT ACTION" heading or an UA number near the top
    for line in ctx.lines[:15]:
        m = HEADINGS.urgent_action.match(line.stripped)
        if m:
            ctx.mark("kind", line.start, line.end)
            return "urgent_action"
    m = UA_NUMBER.search(ctx.text)
    if m and (m.start() < 600 or layout.action_start is not None):
        ctx.mark("kind", m.start(), m.end())
        return "urgent_action"
    # 3. a letter: "Dear …," and a closing, or a "Re:" line above the opening
    if layout.opening and (layout.closing or any(RE_LINE.match(ln.stripped) for ln in ctx.lines[:40])):
        ctx.mark("kind", layout.opening.start, layout.opening.end)
        return "letter"
    # 4. a press release: "(City) –", "said today", "news release"
    m = PRESS_CUES.search(ctx.text[:4000])
    if m:
        ctx.mark("kind", m.start(), m.end())
        return "press_release"
    if layout.action_start is not None and layout.blocks:
        line = ctx.line_at(layout.action_start)
        if line:
            ctx.mark("kind", line.start, line.end)
        return "urgent_action"
    return "other"


# -- organisation -------------------------------------------------------------


def organisation(ctx: Context, doc_kind: str) -> str | None:
    text = ctx.text
    n = len(text)
    best: tuple[float, str, int, int] | None = None
    for name, pattern in ORGANISATION_RES.items():
        score = 0.0
        first: re.Match[str] | None = None
        for m in pattern.finditer(text):
            first = first or m
            score += 1
            if m.start() < 400:
                score += 3  # a masthead
            if m.start() > n - 600:
                score += 2  # a footer or signature
            if re.match(r"AI\s+Index", m.group(), re.I):
                score += 5
        if first is None:
            continue
        if name == "Amnesty International" and doc_kind in ("urgent_action", "further_information"):
            score += 3  # the Urgent Action format is Amnesty's
        if best is None or score > best[0]:
            best = (score, name, first.start(), first.end())
    if best:
        ctx.mark("organisation", best[2], best[3])
        return best[1]
    # an organisation that "said today" or signs the letter
    m = re.search(r"\b(?P<org>(?:[A-Z][\w'’&-]+\s+){1,6}?(?:[A-Z][\w'’&-]+))\s+(?:said|says|stated) today", text)
    if m and ORG_NAME.fullmatch(m.group("org")):
        ctx.mark("organisation", m.start("org"), m.end("org"))
        return m.group("org")
    if ctx.meta.sitename:
        return ctx.meta.sitename
    return None


# -- title --------------------------------------------------------------------

_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def title(ctx: Context, doc_kind: str) -> str | None:
    lines = ctx.lines
    if doc_kind == "further_information":
        # 1. the "Further information on UA …" line itself
        for line in lines[:20]:
            if FOLLOWS_UA.search(line.text):
                return _title(ctx, line.start, line.end)
    if doc_kind in ("urgent_action", "further_information"):
        # 2. a network UA's header line: "UA 123/94  Fear of torture / Disappearance  18 May 1994"
        for line in lines[:12]:
            m = UA_NUMBER.match(line.stripped)
            found = find_dates(line.text)
            if m and found and found[-1][1] >= len(line.text.rstrip()) - 1:
                a = line.start + line.text.find(line.stripped) + m.end()
                b = line.start + found[-1][0]
                if len(ctx.text[a:b].strip(" -–,")) >= 4:
                    return _title(ctx, a, b)
        # 3. the first capitalised line after the "URGENT ACTION" heading
        for i, line in enumerate(lines[:25]):
            if HEADINGS.urgent_action.match(line.stripped):
                for nxt in lines[i + 1 : i + 4]:
                    s = nxt.stripped
                    if UA_NUMBER.fullmatch(s) or not s:
                        continue
                    if _headline(s):
                        return _title(ctx, nxt.start, nxt.end)
                    break
        # 4. an upper-case headline near the top
        for line in lines[:12]:
            s = line.stripped
            if _headline(s) and s.isupper() and not HEADINGS.urgent_action.match(s) and len(s) > 12:
                return _title(ctx, line.start, line.end)
    if doc_kind == "letter":
        # 5. the letter's "Re:" line
        for line in lines[:60]:
            if RE_LINE.match(line.stripped):
                return _title(ctx, line.start, line.end)
    # 6. the page title from HTML metadata, without the site name
    if ctx.meta.title:
        wanted = _SITE_SUFFIX.sub("", ctx.meta.title).strip()
        at = ctx.find(wanted)
        if at >= 0:
            return _title(ctx, at, at + len(wanted))
        return wanted
    # 7. the first line that reads like a headline
    for line in lines[:15]:
        s = line.stripped
        if _headline(s) and not DATELINE.match(s):
            end = line.end
            m = _SITE_SUFFIX.search(line.text)
            if m and ("|" in m.group() or ORG_NAME.search(m.group())):
                end = line.start + m.start()
            return _title(ctx, line.start, end)
    return None


def _headline(s: str) -> bool:
    if not (4 <= len(s) <= 200) or s.endswith((".", ",", ";")) or "@" in s:
        return False
    if find_dates(s) and len(s) < 40:
        return False
    return sum(c.isalpha() for c in s) > len(s) * 0.6


def _title(ctx: Context, start: int, end: int) -> str:
    while end > start and ctx.text[end - 1] in " \t-–,":
        end -= 1
    ctx.mark("title", start, end)
    a, b = ctx.spans["title"]
    return ctx.text[a:b]


# -- numbers ------------------------------------------------------------------


def ua_number(ctx: Context, doc_kind: str) -> tuple[str | None, Follows | None]:
    # 1. the UA a further-information document follows
    m = FOLLOWS_UA.search(ctx.text)
    if m:
        number = f"{m.group('n')}/{m.group('y')}"
        ctx.mark("ua_number", m.start("n"), m.end("y"))
        index = re.sub(r"\s+", " ", m.group("index")) if m.group("index") else None
        return number, Follows(number, index)
    # 2. the document's own number: "UA: 163/17", "UA 123/94"
    m = UA_NUMBER.search(ctx.text)
    if m:
        ctx.mark("ua_number", m.start("n"), m.end("y"))
        return f"{m.group('n')}/{m.group('y')}", None
    return None, None


def index(ctx: Context) -> str | None:
    follows = FOLLOWS_UA.search(ctx.text)
    skip = (follows.start("index"), follows.end("index")) if follows and follows.group("index") else (-1, -1)
    # 1. "AI Index: ASA 24/01/00", "Index: ASA 17/6652/2017"
    for m in INDEX_LABELLED.finditer(ctx.text):
        if m.start("index") != skip[0]:
            return _index(ctx, m)
    # 2. a bare index that is not the followed UA's
    for m in INDEX_BARE.finditer(ctx.text):
        if m.start("index") != skip[0]:
            return _index(ctx, m)
    return None


def _index(ctx: Context, m: re.Match[str]) -> str:
    ctx.mark("index", m.start("index"), m.end("index"))
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", m.group("index")))


# -- dates --------------------------------------------------------------------

_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/")


def issued(ctx: Context) -> date | None:
    text = ctx.text
    # 1. a labelled date: "Issue Date: 6 July 2016", "Date: …"
    for m in ISSUE_LABEL.finditer(text):
        found = find_dates(text, m.end(), min(len(text), m.end() + 40))
        if found and found[0][0] - m.end() < 4:
            return _date(ctx, "issued", found[0])
    # 2. a date alone on one of the first lines (or after an UA number)
    for line in ctx.lines[:10]:
        found = find_dates(text, line.start, line.end)
        if not found:
            continue
        s, e, d = found[0]
        rest = (text[line.start : s] + text[e : line.end]).strip(" ,.-–")
        if len(rest) <= 12 or UA_NUMBER.search(rest) or PRESS_CUES.match(rest):
            return _date(ctx, "issued", found[0])
    # 3. the date in the page's metadata
    if ctx.meta.date:
        try:
            return date.fromisoformat(ctx.meta.date[:10])
        except ValueError:
            pass
    # 4. a date in the page's address: ".../news/2015/11/24/..."
    m = _URL_DATE.search(text[:2000])
    if m:
        try:
            d = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            d = None
        if d:
            ctx.mark("issued", m.start() + 1, m.end() - 1)
            return d
    # 5. a letter's date line above "Dear …"
    for line in ctx.lines[:40]:
        if LETTER_CLOSING.match(line.stripped):
            break
        found = find_dates(text, line.start, line.end)
        if found and found[0][1] - found[0][0] >= len(line.stripped) - 14:
            return _date(ctx, "issued", found[0])
    return None


def deadline(ctx: Context) -> date | None:
    text = ctx.text
    for pattern in (DEADLINE_BEFORE, DEADLINE_AFTER):
        for m in pattern.finditer(text):
            found = find_dates(text, m.end(), min(len(text), m.end() + 40))
            if found and found[0][0] - m.end() < 3:
                return _date(ctx, "deadline", found[0])
    return None


def _date(ctx: Context, path: str, found: tuple[int, int, date]) -> date:
    ctx.mark(path, found[0], found[1])
    return found[2]


# -- appeal languages ---------------------------------------------------------

LANGUAGE_NAMES = {
    "en": "english anglais inglés ingles englisch 영어 英文 英语",
    "zh": "chinese mandarin chinois chino chinesisch 중국어 中文 汉语",
    "ko": "korean coréen coreano koreanisch 한국어 韩语",
    "fr": "french français francais francés frances französisch",
    "es": "spanish espagnol español espanol spanisch",
    "de": "german allemand alemán aleman deutsch",
    "ar": "arabic arabe árabe arabisch",
    "ru": "russian russe ruso russisch",
    "pt": "portuguese portugais portugués portugues portugiesisch",
    "fa": "persian farsi persan persa",
    "tr": "turkish turc turco türkisch",
    "ja": "japanese japonais japonés",
    "vi": "vietnamese vietnamien vietnamita",
    "th": "thai thaï tailandés",
    "id": "indonesian indonésien indonesio bahasa",
    "my": "burmese birman birmano",
    "ur": "urdu ourdou",
    "hi": "hindi",
    "bn": "bengali bangla",
    "it": "italian italien italiano",
    "nl": "dutch néerlandais neerlandés",
    "he": "hebrew hébreu hebreo",
    "am": "amharic amharique amárico",
    "sw": "swahili",
    "ta": "tamil tamoul",
    "uz": "uzbek ouzbek",
    "kk": "kazakh",
    "be": "belarusian biélorusse bielorruso",
    "uk": "ukrainian ukrainien ucraniano",
    "az": "azerbaijani azeri",
    "ka": "georgian géorgien",
    "hy": "armenian arménien",
    "km": "khmer",
    "ne": "nepali népalais",
    "si": "sinhala sinhalese",
    "ms": "malay malais",
    "tl": "tagalog filipino",
    "el": "greek grec griego",
    "pl": "polish polonais polaco",
    "sr": "serbian serbe serbio",
    "ky": "kyrgyz kirghiz",
    "tg": "tajik tadjik",
}
LANGUAGE_CODE = {name: code for code, names in LANGUAGE_NAMES.items() for name in names.split()}
_LANG_WORD = re.compile(r"[^\W\d_]+")


def appeal_languages(ctx: Context, layout: Layout) -> list[str]:
    scope = [(ln.start, ln.end) for ln in layout.action_lines] or [(0, len(ctx.text))]
    for start, end in scope:
        for m in LANGUAGE_REQUEST.finditer(ctx.text, start, end):
            group = next(g for g in ("list", "list_fr", "list_es") if m.group(g) is not None)
            codes: list[str] = []
            for w in _LANG_WORD.finditer(ctx.text, m.start(group), m.end(group)):
                code = LANGUAGE_CODE.get(w.group().lower())
                if code and code not in codes:
                    ctx.mark(f"appeal_languages[{len(codes)}]", w.start(), w.end())
                    codes.append(code)
            if codes:
                return codes
    return []
