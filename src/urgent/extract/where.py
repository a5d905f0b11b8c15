"""Where: the countries a case is about and the places people are held.

A country counts when the document gives evidence that the case is about it:
named in the title or a country heading, the state whose officials are
asked to act, where people are held, or where they risk being sent. A bare
mention ("90 countries, including …", a related-article list) does not.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from urgent.extract import geo
from urgent.extract.context import Context
from urgent.extract.dates import find_dates
from urgent.extract.patterns import DATELINE, Started, Words
from urgent.extract.sections import Layout
from urgent.read.lowered import Lowered

# "returned to Eritrea", "deported back to Laos", "extradition to Iran".
_SENT_TO = re.compile(
    r"\b(?:return|repatriat|deport|extradit|expel|expuls|refoul|sen[dt]|forc|transfer)\w*"
    r"(?:\s+(?!to\b)[\w'’-]+){0,8}?\s+(?:back\s+)?(?:to|into|vers|en|a|hacia)\s+$",
    re.IGNORECASE,
)
# "detained in China", "held in Egypt", "custody in Iran".
_HELD_IN = re.compile(
    r"\b(?:detain|held|hold|holding|arrest|custody|imprison|jail|incarcerat|captur|abduct|stopped|"
    r"detenid|arrêt|d[ée]tenu)\w*(?:\s+(?!in\b)[\w'’-]+){0,8}?\s+(?:in|at|en|au|à)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The last letters of the prepositions that end those patterns, in either case ("ſ"
# is an "s" to a case-blind pattern); "" when the text before is only spaces.
_SENT_TO_LAST = frozenset("oOaAnNsSſ") | {""}
_HELD_IN_LAST = frozenset("nNtTuUàÀeE") | {""}
# Words about detention, for places ("detainees" names people, not an event).
_DETENTION = re.compile(
    r"\b(?:detain(?!ees?\b)\w*|detention|held|holding|arrest\w*|custody|imprison\w*|prison|jail\w*|"
    r"incarcerat\w*|captur\w*|abduct\w*|police station|stopped|apprehend\w*|camp|transferr?ed|moved to|"
    r"taken to|released from|death row|detenid\w*|detenci[oó]n|d[ée]tenu\w*|d[ée]tention|arr[êe]t[ée]\w*|"
    r"detid[oa]s?|deten[çc][ãa]o|trasladad\w*|recluid\w*|transferid\w*|transf[ée]r[ée]\w*|encarcel\w*|"
    r"encarcerad\w*|incarc[ée]r[ée]\w*|interpell[ée]\w*|gard[ée]e?s? à vue|garde à vue|"
    r"关押|拘留|羁押|看守所|监狱|带走|구금|수감|체포)",
    re.IGNORECASE,
)
_DETENTION_FAST = Lowered(_DETENTION)
_DETENTION_AT = Started(
    _DETENTION_FAST,
    "det|dét|held|hold|arr|custody|imprison|prison|jail|incarcerat|captur|abduct|police station|stopped|"
    "apprehend|camp|transfer|moved to|taken to|released from|death row|trasladad|recluid|transféré|"
    "encarcel|encarcer|incarcér|interpell|garde|gardé|关押|拘留|羁押|看守所|监狱|带走|구금|수감|체포",
)
_EVENT_HELD = re.compile(
    r"\b(?:to be|will be|was to be|summit|meeting|talks|conference|election|elections|session|"
    r"festival|games|trial|hearing|ceremony|rally|forum)\s+(?:\w+\s+){0,2}held\b",
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|to|from|en|à|au|a|de)\s+(?:the\s+)?(?:city of\s+|province of\s+)?|city of\s+|,\s+|在)$",
    re.IGNORECASE,
)
_PLACE_NOUN_AFTER = re.compile(
    r"^\s*(?:city|province|prefecture|county|district|region|municipality|prison|detention|police|"
    r"jail|camp|state|governorate|oblast|某处|的)\b",
    re.IGNORECASE,
)
# Where a place is not where someone is held: a home, a court.
_NOT_HELD_THERE = re.compile(
    r"\b(?:home|house|room|apartment|flat|residence|court|tribunal|embassy|university)\b[^.,;]{0,25}$|"
    r"\b(?:court|tribunal)\s+(?:of|in)\s+$",
    re.IGNORECASE,
)
# Named places of detention: "Evin Prison", "B14 detention centre", "the Yunusabad district police station".
_FACILITY = re.compile(
    r"(?P<f>(?:\b(?:al-|el-)?[A-Z][\w'’.-]*\s+|\b[A-Z]?\d{1,5}(?:st|nd|rd|th)?\s+)"
    r"(?:(?:[A-Z][\w'’.-]*|district|city|provincial|military|central|state|police|security|detention|female|"
    r"male|women's|juvenile|high|maximum|correctional|immigration|infantry|special)\s+){0,5}?"
    r"(?:[Pp]rison|[Jj]ail|[Gg]aol|[Hh]eadquarters|[Pp]olice [Ss]tation|[Dd]etention (?:[Cc]ent(?:re|er)|[Ff]acility)|"
    r"[Mm]ilitary (?:[Cc]ommand|[Bb]ase|[Cc]amp)|[Cc]amp|[Bb]arracks|[Pp]enitentiary|[Cc]olony|[Bb]attalion|"
    r"[Rr]emand [Cc]ent(?:re|er)|[Cc]ent(?:re|er)|Unit|[Cc]ompound))\b"
    r"|(?:detention cent(?:re|er)|prison|colony)\s+(?P<code>(?=[\w-]*\d)[A-Z][\w-]*\d[\w-]*)"
)
# The last word of every name `_FACILITY` finds ("Evin Prison", "Police Station") and the
# words its other form starts with ("prison B14"), lower-cased.
_FACILITY_NOUNS = Words(
    "prison", "jail", "gaol", "headquarters", "station", "centre", "center", "facility", "command", "base",
    "camp", "barracks", "penitentiary", "colony", "battalion", "unit", "compound",
)  # fmt: skip
_CHUNKS_BACK = re.compile(r"\s+(?:\S+\s+){0,6}\S+")  # over the reversed text: 7 chunks back
_TWO_CHUNKS = re.compile(r"\S*\s+\S*")
_FACILITY_LEAD = re.compile(r"\b(?:in|at|to|from|into|inside|of)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_FACILITY_HEAD = re.compile(
    r"^(?:The|A|An|His|Her|Their|This|That|In|At|To|From|On|For|Since|After|When|While)\s",
)


# Named places of detention in French, Spanish and Portuguese put the noun first:
# "Cadeia Civil de Cabinda", "Centro Penitenciario de La Ceiba", "Maison d'arrêt de Bamako".
_FACILITY_FIRST = re.compile(
    r"\b(?:Centro|C[áa]rcel|Cadeia|Pris[ãa]o|Prisi[óo]n|Penitenci[áa]ri[ao]|Penitenciar[íi]a|Reclusorio|"
    r"Maison d['’]arr[êe]t|Prison|Centre|Comando|Comisar[íi]a|Esquadra|Quartel|Cuartel|Estaci[óo]n|"
    r"Establecimiento|Complexo|Complejo)"
    r"(?:[ \t]+(?:de|del|da|do|dos|das|des|du|la|le|d['’](?=[A-ZÀ-Þ]))?[ \t]*(?:[A-ZÀ-Þ][\w'’.-]*|No\.\s*\d+|\d+)){1,6}"
    # in lower case before a town's name: "la prison centrale de Mpimba", "la cárcel de La Modelo"
    r"|\b(?:prison|maison d['’]arr[êe]t|centre de d[ée]tention|commissariat(?: de police)?|"
    r"brigade de gendarmerie|c[áa]rcel|cadeia|pris[ãa]o|penitenciar[íi]a|comisar[íi]a)"
    r"(?:[ \t]+(?:centrale?|civile?|militaire|p[ée]nitentiaire|central|civil|militar|p[úu]blica|municipal|"
    r"de (?:haute )?s[ée]curit[ée]))?"
    r"[ \t]+(?:de|du|del|da|do|d['’])[ \t]*(?:la[ \t]+|La[ \t]+)?[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
)
_FACILITY_FIRST_LEAD = re.compile(
    r"\b(?:en|na|no|em|dans|à|au|al|para|ao|del?|da|do|desde)\s+(?:el\s+|la\s+|le\s+|l['’]|o\s+|a\s+)?$",
    re.IGNORECASE,
)
_ROMANCE = frozenset(("es", "fr", "pt", "it"))
_TWO_CAPITALS = re.compile(r"[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’-]+[ \t]+[A-ZÀ-Þ][a-zà-ÿ]")


def _starts_name(text: str, at: int, people: tuple[str, ...]) -> bool:
    """Whether a person's name starts at ``at`` ("Hassan al-Khatib" for "Hassan al-KHATIB")."""
    for name in people:
        words = name.split()
        if len(words) >= 2:
            head = " ".join(words[:2])
            if text[at : at + len(head)].lower() == head.lower():
                return True
    return False


# What may stand between the countries of a heading line: "A / B", "A and B".
_ONLY_JOINERS = re.compile(r"(?:[\W_]|\b(?:and|et|y|the)\b)*", re.IGNORECASE)


def countries(
    ctx: Context,
    layout: Layout,
    title: tuple[int, int] | None,
    target_countries: list[tuple[str, tuple[int, int] | None]],
    place_codes: list[tuple[str, tuple[int, int]]],
) -> list[str]:
    found: dict[str, tuple[int, int] | None] = {}
    sent_to: list[str] = []

    def add(code: str, span: tuple[int, int] | None) -> None:
        if code not in found or found[code] is None:
            found[code] = span

    # 1. the title: "THREE ERITREANS AT RISK…", "Thailand: Don't Deport…"
    if title:
        for m in ctx.countries_in(*title):
            add(m.code, (m.start, m.end))
    # 2. a heading line naming the countries: "REPUBLIC OF UZBEKISTAN / RUSSIAN FEDERATION"
    for line in ctx.lines[:15]:
        mentions = ctx.countries_in(line.start, line.end)
        rest = line.text
        for m in mentions:
            rest = rest.replace(m.text, "")
        if mentions and _ONLY_JOINERS.fullmatch(rest):
            for m in mentions:
                add(m.code, (m.start, m.end))
    # 3. states whose officials receive the appeals
    for code, span in target_countries:
        add(code, span)
    # 4. where people are held and where they risk being sent
    for sentence in _case_sentences(ctx, layout):
        for m in ctx.countries_in(sentence[0], sentence[1]):
            if m.kind != "country":
                continue
            before = ctx.text[max(sentence[0], m.start - 90) : m.start]
            # both patterns end with a preposition and a space: most text before a
            # country does not, and the patterns then need not be tried at every word
            last = before.rstrip()[-1:] if before[-1:].isspace() else None
            sent = last in _SENT_TO_LAST and _SENT_TO.search(before) is not None
            if sent or (last in _HELD_IN_LAST and _HELD_IN.search(before)):
                add(m.code, (m.start, m.end))
            if sent and m.code not in sent_to:
                sent_to.append(m.code)
    # 5. the countries of the places of detention
    for code, span in place_codes:
        if code:
            add(code, span)
    for i, (_code, span) in enumerate(found.items()):
        if span:
            ctx.mark(f"countries[{i}]", *span)
    ctx.sent_to = sent_to
    return list(found)


def _is_caption(sentence: str) -> bool:
    """A photo caption ends with ", <date>.": "… in Kachin State, May 2, 2019."."""
    tail = sentence.rstrip(" .")
    if not tail[-1:].isdigit():
        return False
    found = find_dates(tail, max(0, len(tail) - 30))
    return bool(found) and found[-1][1] == len(tail) and tail[: found[-1][0]].rstrip().endswith(",")


def title_countries(ctx: Context, title: tuple[int, int] | None) -> list[geo.Mention]:
    return ctx.countries_in(*title) if title else []


def _case_sentences(ctx: Context, layout: Layout) -> list[tuple[int, int]]:
    """Sentences of running text: not addressee blocks, captions or web furniture
    (worked out once per document)."""
    return ctx.once(
        _case_sentences,
        lambda: [
            (s.start, s.end)
            for s in ctx.sentences
            if not layout.in_blocks(s.start) and not _is_caption(s.text)
        ],
    )


def places(
    ctx: Context, layout: Layout, prefer: frozenset[str] = frozenset(), people: tuple[str, ...] = ()
) -> list[tuple[str, str, tuple[int, int]]]:
    """(name as written, country code, span) of places where people are or were held;
    ``people``: the names of the people at risk, whose first names are not places."""
    text = ctx.text
    sentences = [sp for sp in _case_sentences(ctx, layout) if not layout.in_background(sp[0])]
    starts = [a for a, _ in sentences]
    # Whole-text passes, then each match goes to its sentence.
    hits: list[list[int]] = [[] for _ in sentences]
    only_held: set[int] = set()  # sentences whose only detention word is "held"
    for m in _DETENTION_AT.finditer(text, ctx.lower):
        k = _sentence_of(starts, sentences, m.start())
        if k is not None:
            held = m.group().lower() == "held"
            if held and not hits[k]:
                only_held.add(k)
            elif not held:
                only_held.discard(k)
            hits[k].append(m.start())
    for k in only_held:
        a, b = sentences[k]
        if _EVENT_HELD.search(text[a:b]):
            hits[k] = []  # "a summit to be held in Hanoi": an event's, not a detention
    near = [k for k in range(len(sentences)) if _near_detention(text, sentences, hits, k)]
    facilities: list[re.Match[str]] = []
    found: list[geo.Mention] = []
    for a, b in _merge([sentences[k] for k in near]):  # only where people are said to be held
        facilities += _facilities(text, ctx.lower, ctx.once(_facilities, lambda: text[::-1]), a, b)
        found += geo.find_places(text, a, b, prefer, ctx.countries_in(a, b), ctx.spaced)
    out: list[tuple[str, str, tuple[int, int]]] = []
    seen: set[str] = set()

    def add(name: str, code: str, s: int, e: int) -> None:
        key = name.lower()
        if key not in seen and not any(key in k or k in key for k in seen if len(k) > 6 and len(key) > 6):
            seen.add(key)
            out.append((name, code, (s, e)))

    def near_detention(k: int) -> bool:
        return _near_detention(text, sentences, hits, k)

    for m in facilities:
        k = _sentence_of(starts, sentences, m.start())
        if k is None or not near_detention(k):
            continue
        a = sentences[k][0]
        name_start = m.start("code") if m.group("code") else m.start()
        raw = text[name_start : m.end()]
        raw = _NOT_FACILITY_HEAD.sub("", raw) if not m.group("code") else raw
        lead = text[max(a, m.end() - len(raw) - 14) : m.end() - len(raw)]
        if not m.group("code") and not _FACILITY_LEAD.search(lead):
            continue  # "Political prison camps are…": a kind of place, not a named one
        if (raw and raw[0].isupper()) or raw[:1].isdigit() or raw.startswith(("al-", "el-")):
            add(raw, "", m.end() - len(raw), m.end())
    if ctx.language in _ROMANCE:
        for a, b in _merge([sentences[k] for k in near]):
            for m in _FACILITY_FIRST.finditer(text, a, b):
                if _FACILITY_FIRST_LEAD.search(text[max(a, m.start() - 14) : m.start()]):
                    add(m.group(), "", m.start(), m.end())
    named = [span for _n, _c, span in out]
    for p in found:
        k = _sentence_of(starts, sentences, p.start)
        if k is None or not near_detention(k) or p.end > sentences[k][1]:
            continue
        if any(a <= p.start and p.end <= b for a, b in named):
            continue  # "Cobán" in "Centro Preventivo de Cobán": part of a facility's name
        a = sentences[k][0]
        dateline = DATELINE.match(text, a, sentences[k][1])
        if dateline and p.start < dateline.end():
            continue
        if hits[k] and min(_words_between(text, h, p.start) for h in hits[k]) > 15:
            continue  # a detention word, but far from this place
        before = text[max(a, p.start - 40) : p.start]
        after = text[p.end : p.end + 25]
        if not (_LOCATIVE_BEFORE.search(before) or _PLACE_NOUN_AFTER.match(after)):
            continue
        if _NOT_HELD_THERE.search(before):
            continue
        if re.match(r"^\s*(?:should|must|has|have|is|was|said|says)\b", after):
            continue  # "Moscow should…": the government, not a place
        if _TWO_CAPITALS.match(after) or _starts_name(text, p.start, people):
            continue  # "de Arão Zacarias Buco", "Hassan al-Khatib": a person's first name, not a town
        add(p.text, p.code, p.start, p.end)
    out.sort(key=lambda o: o[2][0])
    for i, (_name, _code, span) in enumerate(out):
        ctx.mark(f"places[{i}]", *span)
    return out


def _facilities(text: str, lower: str, backwards: str, start: int, end: int) -> list[re.Match[str]]:
    """``_FACILITY.finditer(text, start, end)``, tried only around the nouns its matches
    end with (``lower``: the text lower-cased; ``backwards``: the text reversed).

    A match is a run of whitespace-separated chunks: one word each, the first perhaps
    begun inside its chunk, and at most 7 chunks before its last word, a noun; or a
    noun and the chunk after it ("prison B14"). So it starts between 7 chunks before
    a noun and the noun, and ends by the end of the chunk after the noun. Searching
    up to one character past that chunk (a space: no match can end there) finds what
    a search of the whole part finds.
    """
    if len(lower) != len(text):
        return list(_FACILITY.finditer(text, start, end))
    spans: list[tuple[int, int, int]] = []  # (first start, last start, search end) per noun
    for q in _FACILITY_NOUNS.offsets(lower, start, end):
        first = q
        if q > start and text[q - 1].isspace():
            back = _CHUNKS_BACK.match(backwards, len(text) - q)
            first = max(start, len(text) - back.end()) if back else q
        after = _TWO_CHUNKS.match(text, q, end)
        spans.append((first, q, min(end, after.end() + 1) if after else end))
    windows: list[tuple[int, int, int]] = []
    for first, last, stop in sorted(spans):
        if windows and first <= windows[-1][1]:
            a, b, c = windows[-1]
            windows[-1] = (a, max(b, last), max(c, stop))
        else:
            windows.append((first, last, stop))
    found: list[re.Match[str]] = []
    pos = start
    for first, last, stop in windows:
        pos = max(pos, first)
        while pos <= last:
            m = _FACILITY.search(text, pos, stop)
            if m is None or m.start() > last:
                break
            found.append(m)
            pos = m.end()
    return found


def _near_detention(text: str, sentences: list[tuple[int, int]], hits: list[list[int]], k: int) -> bool:
    # no detention word in this sentence: the one before, in the same paragraph, may carry it
    return bool(hits[k]) or (
        k > 0 and bool(hits[k - 1]) and not _new_paragraph(text, sentences[k - 1][1], sentences[k][0])
    )


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 2:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _sentence_of(starts: list[int], sentences: list[tuple[int, int]], offset: int) -> int | None:
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < sentences[k][1] else None


def _words_between(text: str, a: int, b: int) -> int:
    lo, hi = (a, b) if a < b else (b, a)
    return len(text[lo:hi].split())


def _new_paragraph(text: str, end_prev: int, start: int) -> bool:
    return text[end_prev:start].count("\n") >= 2
