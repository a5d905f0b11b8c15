"""Who is at risk: how many ("at least 21", "eight") and their names."""

from __future__ import annotations

import re

from urgent.extract import geo
from urgent.extract.context import Context
from urgent.extract.dates import MONTH_NUMBER
from urgent.extract.sections import Layout
from urgent.record import People

NUMBER_WORDS = {
    w: i
    for i, words in enumerate(
        [
            "", "one a an un une uno una", "two deux dos", "three trois tres", "four quatre cuatro",
            "five cinq cinco", "six seis", "seven sept siete", "eight huit ocho", "nine neuf nueve",
            "ten dix diez", "eleven onze once", "twelve douze doce", "thirteen treize trece",
            "fourteen quatorze catorce", "fifteen quinze quince", "sixteen seize dieciséis",
            "seventeen dix-sept diecisiete", "eighteen dix-huit dieciocho", "nineteen dix-neuf diecinueve",
            "twenty vingt veinte",
        ]
    )
    for w in words.split()
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "trente": 30, "quarante": 40, "cinquante": 50,
                     "treinta": 30, "cuarenta": 40, "cincuenta": 50, "dozen": 12})
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"

PEOPLE_NOUNS = frozenset("""
people persons men women refugees asylum-seekers migrants detainees prisoners activists students
journalists workers children minors members defenders lawyers protesters demonstrators individuals
relatives villagers farmers monks nuns christians muslims uighurs uyghurs rohingya defectors bloggers
unionists brothers sisters siblings sons daughters teenagers boys girls youths nationals citizens
soldiers conscripts fishermen dissidents critics pastors believers practitioners
personas hombres mujeres refugiados migrantes detenidos presos activistas estudiantes periodistas
personnes hommes femmes réfugiés détenus prisonniers militants étudiants journalistes
""".split()) | {"asylum seekers", "human rights defenders", "family members", "trade unionists"}

_NUMBER = re.compile(
    r"(?P<al>\b(?:at least|more than|over|no fewer than|not less than|au moins|plus de|al menos|m[aá]s de)\s+)?"
    rf"(?<![\w-])(?P<n>\d{{1,5}}|(?:{_TENS})-(?:{_UNITS})|[^\W\d_]+)(?![\w-])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\s,.;:()]+")
_BREAK = frozenset("of in from and at to who were was are is had have with for by on or".split())

NAME_LABEL = re.compile(r"^\W*(?:names?|nombres?|noms?)\s*:\s*(?P<v>.+)$", re.IGNORECASE | re.MULTILINE)
GENDER_MARK = re.compile(r"\s*\((?:m|f|male|female|h|hombre|mujer|homme|femme)\)", re.IGNORECASE)
# "Ali Hassan (m)", "Mehmet ALKAN, aged 34": a name with a gender or an age.
MARKED_NAME = re.compile(
    r"(?P<name>\b[A-Z][\w'’-]+(?:[ \t]+(?:al-|el-|bin |ibn |de |da |del |van |von )?[A-Z][\w'’-]+){1,4})"
    r"(?:\s*\((?:m|f)\)|,\s*(?:aged\s+)?\d{1,2}(?:,|\s+years))"
)


def people(ctx: Context, layout: Layout, title: tuple[int, int] | None) -> People:
    names = _names(ctx)
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
        for m in NAME_LABEL.finditer(ctx.text):
            found = _first_count(ctx, m.start("v"), m.end("v"))
            if found:
                break
    if found:
        n, at_least, a, b = found
        ctx.mark("people.count", a, b)
        return People(count=n, at_least=at_least, names=names)
    if names:
        return People(count=len(names), at_least=False, names=names)
    return People()


def _lead(ctx: Context, layout: Layout) -> tuple[int, int]:
    """The first paragraphs of running text: where a document says who is at risk."""
    text = ctx.text
    end = layout.action_start if layout.action_start else len(text)
    first = next((s.start for s in ctx.sentences if len(s.text.split()) >= 8), 0)
    paragraphs = [m.end() for m in re.finditer(r"\n\s*\n", text[first:end])]
    stop = first + paragraphs[1] if len(paragraphs) >= 2 else end
    return first, min(end, max(stop, first + 600))


def _first_count(ctx: Context, start: int, end: int) -> tuple[int, bool, int, int] | None:
    """The first "N <people>" in text[start:end]: (count, at least?, span)."""
    text = ctx.text
    for m in _NUMBER.finditer(text, start, end):
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else _word_number(raw)
        if not n or n > 100000 or raw.lower() in ("a", "an", "un", "une", "una", "uno"):
            continue
        words = [w for w in _WORD.finditer(text, m.end("n"), min(end, m.end("n") + 80))][:5]
        for k, w in enumerate(words[:4]):
            between = text[m.end("n") : w.start()]
            if w.group().lower() in _BREAK or "\n" in between or re.search(r"[,.;:()]", between):
                break
            if w.group().lower() in MONTH_NUMBER:
                break  # "8 March": a date
            two = f"{w.group()} {words[k + 1].group()}" if k + 1 < len(words) else ""
            for noun, noun_end in ((two, words[k + 1].end() if two else 0), (w.group(), w.end())):
                if noun and (noun.lower() in PEOPLE_NOUNS or _demonym_plural(noun)):
                    return n, bool(m.group("al")), m.start("n"), noun_end
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
    from urgent.extract.geo import countries

    hit = countries().get(noun.lower().replace("’", "'"))
    return bool(hit and hit[1] == "demonym")


def _names(ctx: Context) -> list[str]:
    names: list[str] = []
    # 1. "Name: Ali Hassan Mahmoud (m)" / "Names: …, … and …"
    for m in NAME_LABEL.finditer(ctx.text):
        value = m.group("v")
        if _first_count(ctx, m.start("v"), m.end("v")) or re.search(r"\d", GENDER_MARK.sub("", value)):
            continue  # "Name: At least 21 North Koreans" describes a group
        for part in re.finditer(r"[^,;]+?(?=\s*(?:,|;|\band\b|\by\b|\bet\b|$))", value):
            raw = GENDER_MARK.sub("", part.group()).strip(" .")
            if raw and raw[:1].isupper() and len(raw.split()) <= 6:
                start = m.start("v") + part.start() + part.group().find(raw)
                ctx.mark(f"people.names[{len(names)}]", start, start + len(raw))
                names.append(raw)
    if names:
        return names
    # 2. names marked with a gender or an age: "Ali Hassan (m)", "Mehmet ALKAN, aged 34"
    for m in MARKED_NAME.finditer(ctx.text):
        start, end = m.start("name"), m.end("name")
        for c in geo.find_countries(ctx.text, start, end):
            if c.start == start:  # "TURKEY Mehmet ALKAN": the country column of a network UA
                start = c.end
                while start < end and ctx.text[start].isspace():
                    start += 1
        raw = ctx.text[start:end]
        if len(raw.split()) >= 2 and raw not in names and not _is_place_or_org(raw):
            ctx.mark(f"people.names[{len(names)}]", start, end)
            names.append(raw)
    return names


def _is_place_or_org(raw: str) -> bool:
    from urgent.extract.addressee import word_kind

    return any(word_kind(w) in ("org", "title", "street") for w in raw.split()) or bool(geo.country_of(raw))
