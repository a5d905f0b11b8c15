"""Who is at risk: how many ("at least 30", "three") and their names."""

from __future__ import annotations

import itertools
import re

from urgent.extract import geo
from urgent.extract.context import Context
from urgent.extract.dates import MONTH_NUMBER
from urgent.extract.patterns import Started
from urgent.extract.sections import Layout
from urgent.read.lowered import Lowered, Needled
from urgent.record import People

NUMBER_WORDS = {
    w: i
    for i, words in enumerate(
        [
            "",
            "one a an un une uno una",
            "two deux dos",
            "three trois tres",
            "four quatre cuatro",
            "five cinq cinco",
            "six seis",
            "seven sept siete",
            "eight huit ocho",
            "nine neuf nueve",
            "ten dix diez",
            "eleven onze once",
            "twelve douze doce",
            "thirteen treize trece",
            "fourteen quatorze catorce",
            "fifteen quinze quince",
            "sixteen seize dieciséis",
            "seventeen dix-sept diecisiete",
            "eighteen dix-huit dieciocho",
            "nineteen dix-neuf diecinueve",
            "twenty vingt veinte",
        ]
    )
    for w in words.split()
}
NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "dozen": 12,
    }
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"

PEOPLE_NOUNS = frozenset(
    """
people persons men women refugees asylum-seekers migrants detainees prisoners activists students
journalists workers children minors members defenders lawyers protesters demonstrators individuals
relatives villagers farmers monks nuns christians muslims uighurs uyghurs rohingya defectors bloggers
unionists brothers sisters siblings sons daughters teenagers boys girls youths nationals citizens
soldiers conscripts fishermen dissidents critics pastors believers practitioners
personas hombres mujeres refugiados migrantes detenidos presos activistas estudiantes periodistas
personnes hommes femmes réfugiés détenus prisonniers militants étudiants journalistes
leaders líderes lideresas dirigentes defensores defensoras militantes indígenas campesinos
défenseurs défenseures manifestants opposants
""".split()
) | {"asylum seekers", "human rights defenders", "family members", "trade unionists"}
# "선원 7명", "七名", "二人": counts in Korean and Chinese.
CJK_COUNT = Needled(
    re.compile(r"(?P<n>\d{1,5}|[一二三四五六七八九十两]{1,3})\s*(?P<noun>명|名|人)(?![권])"),
    re.compile("[명名人]"),
)
CJK_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

# "a", "an", "un", "una"…: articles far more often than a count of people, so not counts
_ARTICLES = frozenset(("a", "an", "un", "une", "una", "uno"))
_NUMBER_WORDS = "|".join(
    sorted((re.escape(w) for w in NUMBER_WORDS if w not in _ARTICLES), key=len, reverse=True)
)
_AT_LEAST = "at least|more than|over|no fewer than|not less than|au moins|plus de|al menos|más de|mas de"
_NUMBER = re.compile(
    rf"(?P<al>\b(?:{_AT_LEAST})\s+)?"
    rf"(?<![\w-])(?P<n>\d{{1,5}}|(?:{_TENS})-(?:{_UNITS})|{_NUMBER_WORDS})(?![\w-])",
    re.IGNORECASE,
)
# Tried where a count can start: "at least", a digit, a number word.
_NUMBER_FAST = Started(
    Lowered(_NUMBER),
    "|".join(
        sorted(
            {
                *_AT_LEAST.split("|"),
                *_TENS.split("|"),
                *(w for w in NUMBER_WORDS if w not in _ARTICLES),
            }
        )
    ),
    runs=re.compile(r"\d+"),  # a count in digits starts a run of them ("(?<![\w-])")
)
_WORD = re.compile(r"[^\s,.;:()/]+")
_BREAK = frozenset("of in from and at to who were was are is had have with for by on or".split())

NAME_LABEL = Needled(
    re.compile(
        r"^\W*(?:names?(?: and pronouns?)?|nombres?|noms?)\s*:\s*(?P<v>.+)$", re.IGNORECASE | re.MULTILINE
    ),
    re.compile("[Nn][AaOo][Mm]"),  # "name", "nombre", "nom" in any case
)
GENDER_MARK = re.compile(
    r"\s*\((?:m|f|male|female|h|hombre|mujer|homme|femme|él|ella|elle|il|he|she|they|"
    r"[a-zé]+/[a-zé]+(?:/[a-z]+)?)\)",
    re.IGNORECASE,
)
_NAME_END = re.compile(rf"{GENDER_MARK.pattern}|\s+(?:gender|sex|género|sexo|genre|sexe)\b", re.IGNORECASE)
# "Ali Hassan (m)", "Mehmet ALKAN, aged 34": a name with a gender or an age.
_MARK = r"\((?:m|f)\)|,\s*(?:aged\s+)?\d{1,2}(?:,|\s+(?:years|ans|años|anos)\b)"
MARKED_NAME = Needled(
    re.compile(
        r"(?P<name>[A-Z](?<!\w.)[\w'’-]+(?:[ \t]+(?:al-|el-|bin |ibn |de |da |del |van |von )?[A-Z][\w'’-]+){1,4})"
        rf"(?:\s*{_MARK})"
    ),
    re.compile(_MARK),
)


def people(ctx: Context, layout: Layout, title: tuple[int, int] | None) -> People:
    names = _names(ctx, layout)
    found = None
    scopes = []
    if title:
        scopes.append(title)
    scopes.append(_lead(ctx, layout))
    for start, end in scopes:
        found = _first_count(ctx, start, end)
        if found:
            break
    if found is None:
        for m in _name_labels(ctx):
            found = _first_count(ctx, m.start("v"), m.end("v"))
            if found:
                break
    if found:
        n, at_least, a, b = found
        ctx.mark("people.count", a, b)  # "at least 30 people": the qualifier with the number
        if at_least:
            ctx.mark("people.at_least", a, b)
        return People(count=n, at_least=at_least, names=names)
    if names:
        return People(count=len(names), at_least=False, names=names)
    return People()


def _name_labels(ctx: Context) -> list[re.Match[str]]:
    """The "Name: …" lines, found once per document."""
    return ctx.once(NAME_LABEL, lambda: list(NAME_LABEL.finditer(ctx.text)))


def _lead(ctx: Context, layout: Layout) -> tuple[int, int]:
    """The first paragraphs of running text: where a document says who is at risk."""
    text = ctx.text
    end = layout.action_start if layout.action_start else len(text)
    # not a network UA's header of names ("Mehmet ALKAN, aged 34 / and at least three others")
    first = next(
        (
            s.start
            for s in ctx.sentences
            if len(s.text.split()) >= 8
            and not MARKED_NAME.search(text, _paragraph_start(text, s.start), s.end)
        ),
        0,
    )
    paragraphs = [m.end() for m in itertools.islice(_PARAGRAPH_BREAK.finditer(text, first, end), 2)]
    stop = paragraphs[1] if len(paragraphs) >= 2 else end
    return first, min(end, max(stop, first + 600))


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _paragraph_start(text: str, offset: int) -> int:
    at = text.rfind("\n\n", 0, offset)
    return 0 if at < 0 else at + 2


def _first_count(ctx: Context, start: int, end: int) -> tuple[int, bool, int, int] | None:
    """The first "N <people>" in text[start:end]: (count, at least?, span)."""
    text = ctx.text
    for m in CJK_COUNT.finditer(text, start, end):
        raw = m.group("n")
        n = int(raw) if raw.isdecimal() else _cjk_number(raw)
        if n:
            return n, False, m.start("n"), m.end("noun")
    for m in _NUMBER_FAST.finditer(text, ctx.lower, start, end):
        raw = m.group("n")
        if text[m.end("n") : m.end("n") + 1] == "/" or text[max(0, m.start("n") - 1) : m.start("n")] == "/":
            continue  # part of an index or a date: "EUR 46/5934/2022"
        n = int(raw) if raw.isdecimal() else _word_number(raw)
        if not n or n > 100000:
            continue
        words = [w for w in _WORD.finditer(text, m.end("n"), min(end, m.end("n") + 80))][:5]
        for k, w in enumerate(words[:4]):
            between = text[m.end("n") : w.start()]
            if w.group().lower() in _BREAK or "\n" in between or re.search(r"[,.;:()/]", between):
                break
            if w.group().lower() in MONTH_NUMBER:
                break  # "8 March": a date
            two = f"{w.group()} {words[k + 1].group()}" if k + 1 < len(words) else ""
            for noun, noun_end in ((two, words[k + 1].end() if two else 0), (w.group(), w.end())):
                if noun and (noun.lower() in PEOPLE_NOUNS or _demonym_plural(noun)):
                    return n, bool(m.group("al")), m.start("al") if m.group("al") else m.start("n"), noun_end
    return None


def _cjk_number(raw: str) -> int | None:
    if raw in CJK_DIGITS:
        return CJK_DIGITS[raw]
    if len(raw) == 2 and raw[0] == "十":
        return 10 + CJK_DIGITS.get(raw[1], 0)
    if len(raw) >= 2 and raw[1] == "十":
        return CJK_DIGITS.get(raw[0], 0) * 10 + (CJK_DIGITS.get(raw[2], 0) if len(raw) == 3 else 0)
    return None


def _word_number(raw: str) -> int | None:
    raw = raw.lower()
    if raw in NUMBER_WORDS:
        return NUMBER_WORDS[raw]
    if "-" in raw:
        tens, _, unit = raw.partition("-")
        if tens in NUMBER_WORDS and unit in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return None


def _demonym_plural(noun: str) -> bool:
    """ "Eritreans", "Uzbeks": people of a country (the adjective "Russian" is not)."""
    key = noun.lower().replace("’", "'")
    hit = geo.countries().get(key)
    return bool(hit and hit[1] == "demonym" and (key.endswith("s") or key in _INVARIANT_DEMONYMS))


_INVARIANT_DEMONYMS = frozenset(
    "chinese japanese vietnamese burmese sudanese lebanese congolese "
    "togolese senegalese taiwanese nepalese sri lankan swiss".split()
)


def _names(ctx: Context, layout: Layout) -> list[str]:
    names: list[str] = []
    # 1. "Name: Ali Hassan Mahmoud (m)" / "Names: …, … and …"
    for m in _name_labels(ctx):
        value = m.group("v")
        if _first_count(ctx, m.start("v"), m.end("v")) or re.search(r"\d", GENDER_MARK.sub("", value)):
            continue  # "Name: At least 30 farmers" describes a group
        for part in re.finditer(r"[^,;]+?(?=\s*(?:,|;|\band\b|\by\b|\bet\b|$))", value):
            # the name ends where its gender mark or a "Gender: m" label begins
            cut = _NAME_END.search(part.group())
            raw = part.group()[: cut.start() if cut else None].strip(" .")
            raw = re.sub(r"^(?:and|y|et)\s+", "", raw)  # "…, B and C": the last one
            if raw and raw[:1].isupper() and len(raw.split()) <= 6:
                start = m.start("v") + part.start() + part.group().find(raw)
                ctx.mark(f"people.names[{len(names)}]", start, start + len(raw))
                names.append(raw)
    if names:
        return names
    # 2. names marked with a gender or an age: "Ali Hassan (m)", "Mehmet ALKAN, aged 34",
    #    with the other names of their list ("KENYA: Peter MWANGI KAMAU, advocate /
    #    Grace WANJIRU NDUNGU (f), secretary": only the woman's is marked)
    spans = _marked_names(ctx)
    if spans:
        spans = _with_listed(ctx, spans)
        for start, end in spans:
            ctx.mark(f"people.names[{len(names)}]", start, end)
            names.append(ctx.text[start:end])
        return names
    # 3. Amnesty writes the family name of people at risk in capitals: "Luz Marina YATACUÉ"
    found = _capital_names(ctx, layout, names)
    if found:
        return found
    # 4. who is to be released, or who the document is about: "release A, B and C",
    #    "human rights defender Mr Hussain Jaffar Al-Sayegh"
    return _names_in_context(ctx, layout, names)


def _marked_names(ctx: Context) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    for m in MARKED_NAME.finditer(ctx.text):
        start, end = _after_country(ctx, m.start("name"), m.end("name"))
        raw = ctx.text[start:end]
        if len(raw.split()) >= 2 and raw not in seen and not _is_place_or_org(raw):
            spans.append((start, end))
            seen.add(raw)
    return spans


def _after_country(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """ "TURKEY Mehmet ALKAN": the name without the country column of a network UA."""
    for c in geo.find_countries(ctx.text, start, end, ctx.spaced):
        if c.start == start:
            start = c.end
            while start < end and ctx.text[start].isspace():
                start += 1
    return start, end


def _with_listed(ctx: Context, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The marked names and the names in capitals that start the other lines of their
    list: the lines of a network UA's header, before its first blank line."""
    text = ctx.text
    out = list(spans)
    seen = {text[a:b] for a, b in spans}
    for para_start in sorted({_paragraph_start(text, a) for a, _b in spans}):
        para_end = text.find("\n\n", para_start)
        para_end = len(text) if para_end < 0 else para_end
        for m in _CAPS_NAME.finditer(text, para_start, para_end):
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[line_start : m.start()]
            if before.strip() and not geo.country_of(before.strip(" :\t")):
                continue  # a name that does not start its line is not a list entry
            start, end = _after_country(ctx, m.start("name"), m.end("name"))
            raw = text[start:end]
            if raw not in seen and len(raw.split()) >= 2 and not _is_place_or_org(raw):
                out.append((start, end))
                seen.add(raw)
    return sorted(out)


def _is_place_or_org(raw: str) -> bool:
    from urgent.extract.addressee import word_kind

    words = raw.split()
    return any(word_kind(w) in ("org", "title", "street") or w.lower() in _NOT_NAMES for w in words) or bool(
        geo.country_of(raw)
    )


# Words of a document's furniture that read like a name in capitals ("For Immediate Release")
_NOT_NAMES = frozenset(
    "release immediate urgent action appeal statement news press update download"
    " human rights defender defenders activist journalist lawyer".split()
)


# Both name patterns start with the capital itself and look behind it for the word
# boundary ("[A-Z](?<![\w-].)", not "(?<![\w-])[A-Z]"): the regex engine then skips
# to the next capital at C speed instead of trying the pattern at every character.
_CAPS_NAME = re.compile(
    r"(?P<name>[A-Z](?<![\w-].)[a-zà-ÿ'’-]+[ \t]+(?:[A-Z][a-zà-ÿ'’-]+[ \t]+){0,2}"
    r"(?:(?:al-|el-|de |del |da )?[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)"
    r"(?:[ \t-]+[A-ZÀ-Þ][A-ZÀ-Þ'’]+){0,2})(?![\w-])"
)
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")  # "(FIDH)", "(AMDH)": acronyms a text defines
_OFFICIAL_BEFORE = re.compile(
    r"\b(?:president|minister|governor|director|prosecutor|ambassador|general|judge|"
    r"presidente|ministro|ministre|gobernador|fiscal|juez)\s+$",
    re.IGNORECASE,
)


def _capital_names(ctx: Context, layout: Layout, names: list[str]) -> list[str]:
    end = layout.action_start if layout.action_start is not None else len(ctx.text)
    defined = ctx.once(_ACRONYM, lambda: frozenset(_ACRONYM.findall(ctx.text)))
    for m in _CAPS_NAME.finditer(ctx.text, 0, end):
        raw = m.group("name")
        caps = [w for w in re.split(r"[ \t-]+", raw) if w.isupper() and len(w) >= 2]
        if not caps or any(w in ("UA", "AI", "UN", "ASA", "AMR", "EUR", "AFR", "MDE") for w in caps):
            continue
        if all(w in defined for w in caps):
            continue  # "La FIDH": an organisation the text spells out as "(FIDH)"
        if layout.in_blocks(m.start()) or _OFFICIAL_BEFORE.search(
            ctx.text[max(0, m.start() - 25) : m.start()]
        ):
            continue
        if _is_place_or_org(raw) or raw in names:
            continue
        ctx.mark(f"people.names[{len(names)}]", m.start("name"), m.end("name"))
        names.append(raw)
    return names


_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]+)"  # "Ávila", "Ángel"
_PERSON = (
    rf"{_NAME_TOKEN}(?:[ \t]+(?:(?:bin|ibn|al|el|de|da|del|van|von|ben|abu)[ \t]+)?{_NAME_TOKEN}){{1,3}}"
)
_RELEASE_LIST = Started(
    re.compile(
        rf"\b(?i:release|free|releasing|freeing|libérer|liberar|liberen)\s+(?:immediately\s+(?:and\s+unconditionally\s+)?)?"
        rf"(?P<list>{_PERSON}(?:\s*,\s*{_PERSON})*(?:,?\s+(?:and|et|y)\s+{_PERSON})?)"
    ),
    "releas|free|libérer|liberar|liberen",
)
_GROUP_LIST = Needled(
    re.compile(
        rf"\b(?i:two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(?:[a-z-]+\s+){{0,2}}[a-z-]+s,\s+"
        rf"(?P<list>{_PERSON}(?:\s*,\s*{_PERSON})*,?\s+(?:and|et|y)\s+{_PERSON}),"
    ),
    re.compile(r"s,\s+[A-Z]"),  # "… students, Ali Hassan, …"
)
# "Four of them are Md. Shafiqul Islam Rony, Abdur Rahim Bhuiyan and …", "They are A and B."
_THEY_ARE = re.compile(
    rf"\b(?:[Tt]hey|(?i:two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}}) of them)\s+"
    rf"(?:are|were|include|included|are named as)\s+(?:(?:Md|Mr|Ms|Mrs|Dr)\.?\s+)?"
    rf"(?P<list>{_PERSON}(?:\s*,\s*(?:(?:Md|Mr|Ms|Mrs|Dr)\.?\s+)?{_PERSON})*,?\s+(?:and|et|y)\s+"
    rf"(?:(?:Md|Mr|Ms|Mrs|Dr)\.?\s+)?{_PERSON})"
)
# Every match holds one of these, each with a literal start the regex engine finds at C
# speed: "they were" is common, so the pattern is tried only around them.
_THEY_ARE_NEEDLES = (re.compile(r"hey\s+(?:are|were|incl)"), re.compile(r"of them\s+(?:are|were|incl)"))
_CAPITAL_NEXT = re.compile(r"\w*(?:\s+named as)?\s+[A-ZÀ-Þ]")


def _they_are(text: str) -> list[re.Match[str]]:
    """``_THEY_ARE.finditer(text)``, tried only at the word starts up to 12 characters
    before each needle ("Four of them", "T" + "hey were")."""
    out: list[re.Match[str]] = []
    needles = sorted((n for p in _THEY_ARE_NEEDLES for n in p.finditer(text)), key=lambda n: n.start())
    for n in needles:
        if not _CAPITAL_NEXT.match(text, n.end()):
            continue  # "they were arrested": no name follows
        for at in range(max(0, n.start() - 12), n.start() + 1):
            if (at and text[at - 1].isalnum()) or not text[at].isalnum():
                continue  # only where a word starts
            m = _THEY_ARE.match(text, at)
            if m and (not out or m.start() >= out[-1].end()):
                out.append(m)
                break
    return out


_OCCUPATIONS = (
    "human rights defender|defender|activist|journalist|lawyer|blogger|student|poet|writer|teacher|"
    "pastor|trade unionist|prisoner of conscience|musician|artist|doctor|academic|reporter"
)
_OCCUPATION = rf"(?:{_OCCUPATIONS})"
_APPOSITIVE = Started(
    re.compile(
        rf"\b{_OCCUPATION}(?:\s+and\s+{_OCCUPATION})?\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?P<name>{_PERSON})"
    ),
    _OCCUPATIONS,
)
_CJK_PERSON = re.compile(
    r"(?:律师|维权人士|活动人士|记者|牧师|人权捍卫者)(?P<a>[\u4e00-\u9fff]{2,3})(?=[，。、和及与的被]|$)|"
    r"(?P<b>[\u4e00-\u9fff]{2,3})(?:律师|女士|先生|牧师|记者)"
)


# "the arbitrary detention of Mr. Tofig Huseynli": a person with an honorific. The pattern
# starts with the capital and looks behind it for the word boundary, so the engine skips
# to the next "M" or "S" instead of trying the pattern at every character.
_HONOURED = re.compile(rf"[MS](?<![\w-].)(?:r|s|rs|me|lle|ra)\b\.?[ \t]+(?P<name>{_PERSON})")


def _most_named(ctx: Context, layout: Layout) -> re.Match[str] | None:
    """The person with an honorific whom the running text names most often, at least
    twice: whom an appeal in the Observatory's style is about."""
    end = layout.action_start if layout.action_start is not None else len(ctx.text)
    seen: dict[str, list[re.Match[str]]] = {}
    for m in _HONOURED.finditer(ctx.text, 0, end):
        raw = m.group("name")
        if not layout.in_blocks(m.start()) and not _is_place_or_org(raw):
            seen.setdefault(raw, []).append(m)
    ranked = sorted(seen.values(), key=lambda ms: (-len(ms), ms[0].start()))
    return ranked[0][0] if ranked and len(ranked[0]) >= 2 else None


def _names_in_context(ctx: Context, layout: Layout, names: list[str]) -> list[str]:
    text = ctx.text
    for m in (
        *_RELEASE_LIST.finditer(text, ctx.lower),
        *_GROUP_LIST.finditer(text),
        *_they_are(text),
    ):
        if layout.in_blocks(m.start()):
            continue
        for part in re.finditer(_PERSON, m.group("list")):
            raw = part.group()
            if raw not in names and not _is_place_or_org(raw) and raw.split()[0] not in ("The", "All"):
                a = m.start("list") + part.start()
                ctx.mark(f"people.names[{len(names)}]", a, a + len(raw))
                names.append(raw)
    if names:
        return names
    # the person the document is about, named first; a later, fuller form of the same name wins
    best: re.Match[str] | None = None
    for m in _APPOSITIVE.finditer(text, ctx.lower):
        raw = m.group("name")
        if layout.in_blocks(m.start()) or _is_place_or_org(raw):
            continue
        if best is None:
            best = m
        else:
            old, new = best.group("name").split(), raw.split()
            if old[0] == new[0] and old[-1] == new[-1] and len(new) > len(old):
                best = m
    if best is None:
        best = _most_named(ctx, layout)
    if best:
        ctx.mark("people.names[0]", best.start("name"), best.end("name"))
        names.append(best.group("name"))
    if names or ctx.language != "zh":
        return names
    for m in _CJK_PERSON.finditer(text):
        key = "a" if m.group("a") else "b"
        start, end = m.start(key), m.end(key)
        while start < end - 1 and text[start] not in CHINESE_SURNAMES:
            start += 1  # "和赵敏" → "赵敏"
        raw = text[start:end]
        if (
            len(raw) >= 2
            and raw[0] in CHINESE_SURNAMES
            and raw not in names
            and not layout.in_blocks(m.start())
        ):
            ctx.mark(f"people.names[{len(names)}]", start, end)
            names.append(raw)
    return names


# The commonest Chinese family names: a Chinese personal name starts with one.
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
