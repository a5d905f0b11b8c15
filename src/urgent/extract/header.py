"""What a document says about itself: kind, organisation, title, numbers, dates.

Each extractor is an ordered list of fallbacks; the comment on each step
says what it matches. A value without evidence stays empty.
"""

from __future__ import annotations

import re
from datetime import date

from urgent.extract import geo
from urgent.extract.context import Context, Line
from urgent.extract.dates import find_dates
from urgent.extract.patterns import (
    DATELINE,
    DEADLINE_AFTER,
    DEADLINE_BEFORE,
    FOLLOWS_UA,
    FOLLOWS_UA_ANYWHERE,
    FURTHER_INFORMATION_ANYWHERE,
    HEADINGS,
    INDEX_BARE,
    INDEX_LABELLED,
    ISSUE_LABEL,
    LANGUAGE_REQUEST,
    LETTER_CLOSING,
    ORG_NAME,
    ORGANISATION_WORDINGS,
    PRESS_CUES,
    PRESS_LABEL,
    RE_LINE,
    STOP_ACTION_ANYWHERE,
    UA_NUMBER,
    UA_NUMBER_ANYWHERE,
)
from urgent.extract.sections import Layout
from urgent.record import Follows

# -- kind ---------------------------------------------------------------------


def kind(ctx: Context, layout: Layout) -> str:
    # 1. "Further information on UA 88/05", "UA update", a stop-action notice
    m = FURTHER_INFORMATION_ANYWHERE.search(ctx.text, ctx.lower, 0, min(len(ctx.text), 1500))
    if m:
        ctx.mark("kind", m.start(), m.end())
        return "further_information"
    m = ctx.first(STOP_ACTION_ANYWHERE)
    if m and ctx.first(UA_NUMBER_ANYWHERE):
        ctx.mark("kind", m.start(), m.end())
        return "further_information"
    # 2. an "URGENT ACTION" heading or an UA number near the top
    for line in ctx.lines[:15]:
        m = HEADINGS.urgent_action.match(line.stripped)
        if m:
            ctx.mark("kind", line.start, line.end)
            return "urgent_action"
    m = ctx.first(UA_NUMBER_ANYWHERE)
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
        at = ctx.line_at(layout.action_start)
        if at:
            ctx.mark("kind", at.start, at.end)
        return "urgent_action"
    return "other"


# -- outcome -------------------------------------------------------------------

_OUTCOMES = (
    (
        "released",
        re.compile(
            r"\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+){0,2}?(?:released|freed)\b|"
            r"\breleased on bail\b|\b(?:a [ée]t[ée] lib[ée]r[ée]|fue liberad)",
            re.IGNORECASE,
        ),
    ),
    (
        "returned",
        re.compile(
            r"\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+){0,2}?(?:forcibly\s+)?"
            r"(?:returned|deported|repatriated|extradited)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "transferred",
        re.compile(r"\b(?:was|were|has been|have been)\s+(?:\w+\s+){0,2}?transferred\b", re.IGNORECASE),
    ),
)


def outcome(ctx: Context, doc_kind: str) -> tuple[bool, str | None]:
    """(stop action?, outcome) of a further-information document that ends the action."""
    if doc_kind != "further_information":
        return False, None
    stop = ctx.first(STOP_ACTION_ANYWHERE) is not None
    if not stop:
        return False, None  # an update that asks for more action: the case goes on
    head = ctx.text[:1500]
    for name, pattern in _OUTCOMES:
        m = pattern.search(head)
        if m:
            ctx.mark("outcome", m.start(), m.end())
            return stop, name
    return stop, None


# -- organisation -------------------------------------------------------------


def organisation(ctx: Context, doc_kind: str) -> str | None:
    text = ctx.text
    n = len(text)
    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int]] = {}
    hits = [(m, name) for name, w in ORGANISATION_WORDINGS.items() for m in w.finditer(text, lower=ctx.lower)]
    for m, name in sorted(hits, key=lambda h: h[0].start()):
        if name == "Article 19" and not m.group().isupper():
            continue  # "article 19 of the Covenant": not the organisation
        first.setdefault(name, (m.start(), m.end()))
        score = 1.0
        if m.start() < 400:
            score += 3  # a masthead
        if m.start() > n - 600:
            score += 2  # a footer or signature
        if re.match(r"AI\s+Index", m.group(), re.I):
            score += 5
        scores[name] = scores.get(name, 0) + score
    # the page's author or site, when an organisation the text names: "author: Civil Rights Defenders"
    for named in (ctx.meta.author, ctx.meta.sitename):
        at = ctx.find(named) if named and ORG_NAME.fullmatch(named) else -1
        if named and at >= 0:
            first.setdefault(named, (at, at + len(named)))
            scores[named] = scores.get(named, 0) + 6
    if "Amnesty International" in scores and doc_kind in ("urgent_action", "further_information"):
        scores["Amnesty International"] += 3  # the Urgent Action format is Amnesty's
    if scores:
        best = max(scores, key=lambda k: scores[k])
        ctx.mark("organisation", *first[best])
        return best
    # a masthead: the first line names the organisation, and the text names it again
    top = ctx.lines[0] if ctx.lines else None
    if (
        top
        and len(top.stripped) <= 60
        and not find_dates(top.text)
        and not HEADINGS.urgent_action.match(top.stripped)  # "ACTION URGENTE" names no one
    ):
        name = re.sub(r"\s*\([A-Z]{2,8}\)$", "", top.stripped)  # "… (GCHR)"
        if len(name) >= 3 and text.count(name) >= 2 and not _headline_with_verb(name):
            ctx.mark("organisation", top.start, top.start + len(name))
            return name
    # an Urgent Action without a name on it: the format is Amnesty's
    if doc_kind in ("urgent_action", "further_information"):
        return "Amnesty International"  # inferred: no span
    # an organisation that "said today" or signs the letter
    said = re.search(
        r"\b(?P<org>(?:[A-Z][\w'’&-]+\s+){1,6}?(?:[A-Z][\w'’&-]+))\s+(?:said|says|stated) today", text
    )
    if said and ORG_NAME.fullmatch(said.group("org")):
        ctx.mark("organisation", said.start("org"), said.end("org"))
        return said.group("org")
    if ctx.meta.sitename:
        return ctx.meta.sitename
    return None


def _headline_with_verb(s: str) -> bool:
    return bool(re.search(r"\b(?:is|are|was|were|has|have|will|should|must)\b", s))


# -- title --------------------------------------------------------------------

_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def title(ctx: Context, doc_kind: str) -> str | None:
    lines = ctx.lines
    if doc_kind == "further_information":
        # 1. the "Further information on UA …" line itself
        for line in lines[:20]:
            # not "FURTHER INFORMATION ON UA: 120/14 Index: MDE 13/045/2014 Iran Date: …",
            # a header of labels above the "URGENT ACTION" heading and the headline
            if FOLLOWS_UA.search(line.text) and not _LABELS.search(line.text):
                return _title(ctx, line.start, line.end)
    if doc_kind in ("urgent_action", "further_information"):
        # 2. a network UA's header line: "UA 123/94  Fear of torture / Disappearance  18 May 1994"
        for line in lines[:12]:
            m = UA_NUMBER.match(line.stripped)
            if not m:
                continue
            found = find_dates(line.text)
            a = line.start + line.text.find(line.stripped) + m.end()
            if found and found[-1][1] >= len(line.text.rstrip()) - 1:
                b = line.start + found[-1][0]
            elif not found and _concerns(ctx.text[a : line.end]):
                # "AU 45/98   Détention au secret / Craintes de torture": the date on a line of its own
                b = line.end
            else:
                continue
            middle = ctx.text[a:b]
            # not "AU 62/19, AFR 16/0412/2019, Burundi  9 mai 2019": an index, not concerns
            if len(middle.strip(" -–,")) >= 4 and not re.search(r"\w\s*:|\d", middle):
                return _title(ctx, a, b)
        # 3. the first capitalised line after the "URGENT ACTION" heading
        for i, line in enumerate(lines[:25]):
            if HEADINGS.urgent_action.match(line.stripped):
                if re.match(r"^\W*urgent (?:action|appeal)\s*[:–—-]\s*(?:\S+\s+){2,}\S", line.stripped, re.I):
                    return _title(ctx, line.start, line.end)  # "Urgent Action: Free Human Rights Defender X"
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
    # 6. a press release: the headline after "FOR IMMEDIATE RELEASE", or above the date line
    if doc_kind in ("press_release", "other"):
        for i, line in enumerate(lines[:30]):
            if PRESS_LABEL.match(line.stripped):
                for nxt in lines[i + 1 : i + 5]:
                    if PRESS_LABEL.match(nxt.stripped):
                        continue  # "News Release" / "For Immediate Release"
                    if _headline(nxt.stripped) and not _labelled(nxt.stripped):
                        return _title(ctx, nxt.start, nxt.end)
        for i, line in enumerate(lines[1:30], 1):
            if (
                _is_date_line(line.stripped)
                and _headline(lines[i - 1].stripped)
                and len(lines[i - 1].stripped.split()) >= 4
            ):
                return _title_line(ctx, lines[i - 1])
    # 7. the page title from HTML metadata, without the site name
    if ctx.meta.title:
        wanted = _SITE_SUFFIX.sub("", ctx.meta.title).strip()
        at = ctx.find(wanted)
        if at >= 0:
            return _title(ctx, at, at + len(wanted))
        return wanted
    # 8. the first line that reads like a headline (a few words at least: not a menu)
    for line in lines[:15]:
        s = line.stripped
        if _headline(s) and not DATELINE.match(s) and (len(s.split()) >= 4 or not s.isascii()):
            return _title_line(ctx, line)
    return None


def _title_line(ctx: Context, line: Line) -> str:
    """A headline line without the site name a web page adds: "… | Human Rights Watch"."""
    end = line.end
    m = _SITE_SUFFIX.search(line.text)
    if m and ("|" in m.group() or ORG_NAME.search(m.group())):
        end = line.start + m.start()
    return _title(ctx, line.start, end)


def _is_date_line(s: str) -> bool:
    found = find_dates(s)
    return bool(found) and found[0][0] <= 2 and len(s) - (found[0][1] - found[0][0]) <= 16


_LABELS = re.compile(r"\b(?:Index|Date|Índice|Fecha|Data)\s*:", re.IGNORECASE)


def _concerns(s: str) -> bool:
    """ "Fear of torture / Legal concern": the concerns a network UA's header line names."""
    s = s.strip(" -–,\t")
    return s[:1].isupper() and not s.endswith(".") and ("/" in s or len(s.split()) <= 6)


def _labelled(s: str) -> bool:
    """ "Contact: …", "Embargo: …" (a label, not a headline); "Singapore: Stop …" is one."""
    m = re.match(r"([^:：]{1,12})[:：]\s*\S", s)
    return m is not None and not geo.country_of(m.group(1))


def _headline(s: str) -> bool:
    if not (4 <= len(s) <= 200) or s.endswith((".", ",", ";")) or "@" in s:
        return False
    if find_dates(s) and len(s) < 40:
        return False
    if sum(c.isalpha() for c in s) <= len(s) * 0.6:
        return False
    # "Home   Who We Are   Our Work   Donate": a site's menu saved on one line
    return len(_NAV_WORDS.findall(s)) < 2


_NAV_WORDS = re.compile(
    r"\b(?:Home|Donate|News|About(?: Us)?|Contact(?: Us)?|Resources|Search|Menu|Log ?in|Sign in|"
    r"Who We Are|Our Work|What We Do|Get Involved|Publications|Careers|Events|Blog|Shop)\b"
)


def _title(ctx: Context, start: int, end: int) -> str:
    while end > start and ctx.text[end - 1] in " \t-–,":
        end -= 1
    ctx.mark("title", start, end)
    a, b = ctx.spans["title"]
    return ctx.text[a:b]


# -- numbers ------------------------------------------------------------------


def ua_number(ctx: Context, doc_kind: str) -> tuple[str | None, Follows | None]:
    # 1. the UA a further-information document follows
    m = ctx.first(FOLLOWS_UA_ANYWHERE)
    if m:
        number = f"{m.group('n')}/{m.group('y')}"
        ctx.mark("ua_number", m.start("n"), m.end("y"))
        index = re.sub(r"\s+", " ", m.group("index")) if m.group("index") else None
        return number, Follows(number, index)
    # 2. the document's own number: "UA: 45/19", "UA 123/94"
    m = ctx.first(UA_NUMBER_ANYWHERE)
    if m:
        ctx.mark("ua_number", m.start("n"), m.end("y"))
        return f"{m.group('n')}/{m.group('y')}", None
    return None, None


def index(ctx: Context) -> str | None:
    follows = ctx.first(FOLLOWS_UA_ANYWHERE)
    skip = (follows.start("index"), follows.end("index")) if follows and follows.group("index") else (-1, -1)
    # 1. "AI Index: EUR 44/52/94", "Index: MDE 13/1234/2015"
    for m in INDEX_LABELLED.finditer(ctx.text, ctx.lower):
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


# "Beirut, ", "(Nairobi, ", "Paris, Nouakchott, le ": the places before a dateline's date
_DATELINE_DATE = re.compile(
    r"^\s*(?:\(?[A-Z][\w .'’-]{1,30}(?:,\s*[A-Z][\w .'’-]{1,30}){0,2}\)?,?\s+(?:le\s+|el\s+)?)?$"
)


def issued(ctx: Context) -> date | None:
    text = ctx.text
    # 1. a labelled date: "Issue Date: 6 July 2016", "Date: …", "배포일: …"
    for m in ISSUE_LABEL.finditer(text, lower=ctx.lower):
        found = find_dates(text, m.end(), min(len(text), m.end() + 40))
        if found and found[0][0] - m.end() < 4:
            return _date(ctx, "issued", found[0])
    # 2. the date in the document's metadata (HTML, PDF); an e-mail's (a mailed or posted
    #    UA) is when it was sent, later than the date its body gives, so it comes last
    meta = _meta_date(ctx)
    if meta and ctx.format != "email":
        return meta
    # 3. a date alone on one of the first lines, or after an UA number, or a dateline
    #    ("Beirut, 24 October 2013 - …", "(Nairobi, March 3, 2019) –")
    for line in ctx.lines[:12]:
        found = find_dates(text, line.start, line.end)
        if not found:
            continue
        s, e, _d = found[0]
        before, after = text[line.start : s], text[e : line.end]
        rest = (before + after).strip(" ,.-–")
        if len(rest) <= 16 or UA_NUMBER.search(before):
            return _date(ctx, "issued", found[0])
        if _DATELINE_DATE.match(before) and re.match(r"^\s*\)?\s*[-–—:]\s", after):
            return _date(ctx, "issued", found[0])
    # 4. a date in the page's address: ".../news/2019/06/27/..."
    url = _URL_DATE.search(text[:2000])
    if url:
        try:
            d = date(int(url.group("y")), int(url.group("m")), int(url.group("d")))
        except ValueError:
            d = None
        if d:
            ctx.mark("issued", url.start() + 1, url.end() - 1)
            return d
    # 5. a letter's date line above "Dear …"
    for line in ctx.lines[:40]:
        if LETTER_CLOSING.match(line.stripped):
            break
        found = find_dates(text, line.start, line.end)
        if found and found[0][1] - found[0][0] >= len(line.stripped) - 14:
            return _date(ctx, "issued", found[0])
    return meta


def _meta_date(ctx: Context) -> date | None:
    """The date the reader found in the document's metadata, if a valid one."""
    try:
        return date.fromisoformat(ctx.meta.date[:10]) if ctx.meta.date else None
    except ValueError:
        return None


def deadline(ctx: Context) -> date | None:
    text = ctx.text
    for wording in (DEADLINE_BEFORE, DEADLINE_AFTER):
        for m in wording.finditer(text, lower=ctx.lower):
            found = find_dates(text, m.end(), min(len(text), m.end() + 40))
            if found and found[0][0] - m.end() < 3:
                return _date(ctx, "deadline", found[0])
    return None


def _date(ctx: Context, path: str, found: tuple[int, int, date]) -> date:
    ctx.mark(path, found[0], found[1])
    return found[2]


# -- appeal languages ---------------------------------------------------------

LANGUAGE_NAMES = {
    "en": "english anglais inglés ingles inglês englisch 영어 英文 英语",
    "zh": "chinese mandarin chinois chino chinês chinesisch 중국어 中文 汉语",
    "ko": "korean coréen coreano koreanisch 한국어 韩语",
    "fr": "french français francais francés frances francês französisch",
    "es": "spanish espagnol español espanol espanhol spanisch",
    "de": "german allemand alemán aleman deutsch",
    "ar": "arabic arabe árabe arabisch",
    "ru": "russian russe ruso russo russisch",
    "pt": "portuguese portugais portugués portugues português portugiesisch",
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
    text = ctx.text
    # the action heading's paragraph: "ACCIÓN RECOMENDADA: Envíen telegramas, faxes, cartas
    # urgentes o por vía aérea,\nen español o en su propio idioma:"
    scope = [(ln.start, _paragraph_end(text, ln.end, ln.end + 300), False) for ln in layout.action_lines]
    # anywhere, only a labelled request: "PREFERRED LANGUAGE TO ADDRESS TARGET: Arabic, English"
    scope.append((0, len(text), bool(scope)))
    for start, end, labelled_only in scope:
        for m in LANGUAGE_REQUEST.finditer(ctx.text, ctx.lower, start, end):
            group = next(g for g, v in m.groupdict().items() if v is not None)
            if labelled_only and group != "list_pref":
                continue
            codes: list[str] = []
            for w in _LANG_WORD.finditer(ctx.text, m.start(group), m.end(group)):
                code = LANGUAGE_CODE.get(w.group().lower())
                if code and code not in codes:
                    ctx.mark(f"appeal_languages[{len(codes)}]", w.start(), w.end())
                    codes.append(code)
            if codes:
                return codes
    return []


def _paragraph_end(text: str, start: int, limit: int) -> int:
    at = text.find("\n\n", start, limit)
    return at if at >= 0 else min(limit, len(text))
