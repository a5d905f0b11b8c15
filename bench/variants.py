"""Surface variations that turn one document into another case of the same kind.

Each function takes a text and a `random.Random` and returns a new text. None of
them understands the document: they rewrite names, numbers, dates, places,
paragraph order and sentences the way another Urgent Action of the same style
would read, so the benchmark corpus is realistic without being byte-identical.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import cycle

# Replacement names. Invented; mixed origins so a swap stays plausible anywhere.
GIVEN = (
    "Amina Bakhyt Carlos Dilnoza Emeka Farida Gulnara Hamid Ines Jamal Karim Leila Marta Nasser Olga "
    "Pedro Rania Samir Tamara Umar Vera Walid Yusuf Zainab Aziz Beatriz Daniel Esra Fatou Goran Ana "
    "Bilal Chipo Dmitri Elif Hassan Irina Joseph Lucia Mariam Nodira"
).split()
FAMILY = (
    "Abdullaev Barzani Castro Diallo Espinoza Farahani Guseinov Hakimi Ibrahim Jaber Karimova Lopez Mensah "
    "Nazarov Okonkwo Petrova Qureshi Rahman Santos Toure Usmanov Vargas Wanjiru Yildiz Zapata Haddad "
    "Mwangi Salazar Kowalski Omondi Ndlovu Rostami Aydin Morales Quispe Chowdhury"
).split()
HAN_NAMES = "王建国 李秀英 张伟 陈静 杨明 黄丽 周强 吴芳 徐海 孙玉兰".split()
# Kept as written inside a name: they are not the part that identifies the person.
ALONE_MIN = 4  # letters: a shorter family name alone ("Ali", "Lan") is too likely another word
PARTICLES = frozenset("al el bin bint ibn de del la las los da das do dos van von y".split())

# name, adjective (swapped only before "authorities" and the like), cities
COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Turkey", "Turkish", ("Ankara", "Diyarbakir", "Istanbul")),
    ("Peru", "Peruvian", ("Lima", "Ayacucho")),
    ("Indonesia", "Indonesian", ("Jakarta", "Medan")),
    ("Uzbekistan", "Uzbek", ("Tashkent", "Samarkand")),
    ("Bangladesh", "Bangladeshi", ("Dhaka", "Chittagong")),
    ("Iran", "Iranian", ("Tehran", "Tabriz")),
    ("Egypt", "Egyptian", ("Cairo", "Alexandria")),
    ("Viet Nam", "Vietnamese", ("Hanoi", "Ho Chi Minh City")),
    ("Bahrain", "Bahraini", ("Manama",)),
    ("Thailand", "Thai", ("Bangkok", "Chiang Mai")),
    ("Zimbabwe", "Zimbabwean", ("Harare", "Bulawayo")),
    ("Saudi Arabia", "Saudi", ("Riyadh", "Jeddah")),
    ("Mexico", "Mexican", ("Mexico City", "Tijuana")),
    ("Sudan", "Sudanese", ("Khartoum", "Omdurman")),
    ("Russia", "Russian", ("Moscow", "St Petersburg")),
    ("Colombia", "Colombian", ("Bogotá", "Cali")),
    ("Kenya", "Kenyan", ("Nairobi", "Mombasa")),
    ("Nigeria", "Nigerian", ("Abuja", "Lagos")),
    ("Pakistan", "Pakistani", ("Islamabad", "Lahore")),
    ("Belarus", "Belarusian", ("Minsk", "Gomel")),
    ("China", "Chinese", ("Beijing", "Shenyang", "Changchun")),
    ("North Korea", "North Korean", ("Pyongyang",)),
)
_COUNTRY_OF = {w.casefold(): name for name, _adj, cities in COUNTRIES for w in (name, *cities)}
_PLACE = re.compile(
    r"\b(?=(?-i:[A-Z]))(?:"
    + "|".join(re.escape(w) for w in sorted(_COUNTRY_OF, key=len, reverse=True))
    + r")\b",
    re.I,
)
ADJECTIVE_CONTEXT = r"(?=\s+(?:authorities|government|police|officials|security forces|courts?)\b)"

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
_MONTH_OF = {m.casefold(): (lang, i + 1) for lang, names in MONTHS.items() for i, m in enumerate(names)}
_MONTH = "|".join(sorted(_MONTH_OF, key=len, reverse=True))
DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?P<s1>\s+(?:de\s+)?)(?P<m>{_MONTH})\b(?:(?P<s2>,?\s+(?:de\s+)?)(?P<y>\d{{4}})\b)?"
    # a word then a number: a cheap test before trying the 36 month names
    rf"|\b(?=[^\W\d_]+\s+(?:de\s+)?\d)(?:"
    rf"(?P<m2>{_MONTH})(?P<s3>\s+)(?P<d2>\d{{1,2}})\b(?:(?P<s4>,\s+)(?P<y2>\d{{4}})\b)?"
    rf"|(?P<m3>{_MONTH})(?P<s5>\s+(?:de\s+)?)(?P<y3>\d{{4}})\b)"
    r"|(?P<cy>\d{4})(?P<cs1>年|년\s*)(?P<cm>\d{1,2})(?P<cs2>月|월\s*)(?:(?P<cd>\d{1,2})(?P<cs3>日|일))?"
    r"|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b",
    re.IGNORECASE,
)

AGES = (
    re.compile(r"(?<=\baged )\d{1,2}\b"),
    re.compile(r"\b\d{1,2}(?=-year-old\b)"),
    re.compile(r"\b\d{1,2}(?= años\b)"),
    re.compile(r"(?<=\bâgée de )\d{1,2}\b|(?<=\bâgé de )\d{1,2}\b"),
)
UA_NUMBER = re.compile(r"\b(?P<label>UA|AU|AA)(?P<sep>:?\s+)(?P<num>\d{1,3})/(?P<year>\d{2})\b")
AI_INDEX = re.compile(r"\b(?P<region>[A-Z]{3}) (?P<country>\d{2})/(?P<num>\d{2,4})/(?P<year>\d{2}|\d{4})\b")
PHONE_LABEL = re.compile(
    r"\b(?=(?-i:[FTPft]))(?:fax|faxes|tel|tél|telephone|téléphone|phone|teléfono)\b|传真|电话", re.I
)
PHONE_GROUP = re.compile(r"\b\d{4}\b")

# Neutral sentences a researcher adds to a case; none names a person, place or date.
FILLERS = {
    "en": (
        "Their relatives have not been informed of any charges against them.",
        "Lawyers who tried to visit them were turned away at the gate.",
        "The authorities have not responded to repeated requests for information.",
        "Local human rights groups have documented similar cases in the region over the past year.",
        "Witnesses said the arrests took place without a warrant.",
        "Family members fear that they may be transferred to another facility without notice.",
    ),
    "fr": (
        "Leurs proches n’ont été informés d’aucune charge retenue contre eux.",
        "Les avocats qui ont tenté de leur rendre visite ont été refoulés.",
        "Les autorités n’ont pas répondu aux demandes d’information répétées.",
    ),
    "es": (
        "Sus familiares no han sido informados de ningún cargo en su contra.",
        "Los abogados que intentaron visitarlos no fueron autorizados a entrar.",
        "Las autoridades no han respondido a las reiteradas solicitudes de información.",
    ),
}
PROSE_MIN = 200  # characters: shorter blocks are headings, address lines or list items
_BULLET = re.compile(r"^\s*(?:[-•*]|\d+[.)]|[一二三四五六七八九十]+、)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


@dataclass(frozen=True)
class Shift:
    """One time shift for a whole document, so the dates keep their order and spacing."""

    days: int
    years: int

    def apply(self, d: date) -> date:
        moved = d + timedelta(days=self.days)
        try:
            return moved.replace(year=moved.year + self.years)
        except ValueError:  # 29 February in a year that has none
            return moved.replace(year=moved.year + self.years, day=28)

    def year(self, written: str) -> str:
        """Shift a written year, keeping two-digit years two digits."""
        if len(written) == 2:
            return f"{(int(written) + self.years) % 100:02d}"
        return str(int(written) + self.years)


def like(word: str, model: str) -> str:
    """`word` in the letter case of `model` (CAPS, lower or Title)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model.islower():
        return word.lower()
    return word[:1].upper() + word[1:]


# Names -------------------------------------------------------------------------------------


def vary_names(text: str, names: Iterable[str], rng: random.Random) -> str:
    """Give each listed person another name, consistently across the whole text."""
    folded = text.lower()
    names = [n for n in names if n and n.lower() in folded]
    text = _swap_han(text, [n for n in names if _is_han(n)], rng)
    latin = [n for n in names if not _is_han(n)]
    tokens, family = _token_map(latin, rng)
    if not tokens:
        return text
    # Whole names first, then a part used alone ("Mr Alkan", "Bounthanh, 36") when long
    # enough not to be a common word.
    whole = [r"\s+".join(re.escape(t) for t in n.split()) for n in latin]
    alone = [re.escape(t) for t in tokens if len(t) >= ALONE_MIN + 2 or (t in family and len(t) >= ALONE_MIN)]
    pattern = re.compile(r"\b(?:" + "|".join(sorted(whole + alone, key=len, reverse=True)) + r")\b", re.I)
    return pattern.sub(lambda m: _rename(m.group(), tokens), text)


def _is_han(name: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in name)


def _swap_han(text: str, names: list[str], rng: random.Random) -> str:
    pool = [n for n in HAN_NAMES if n not in text]
    for old, new in zip(names, rng.sample(pool, len(names)), strict=True):
        text = text.replace(old, new)
    return text


def _token_map(names: list[str], rng: random.Random) -> tuple[dict[str, str], list[str]]:
    """Lower-cased name token → replacement, and which tokens are family names.

    The family part is written in CAPS, hyphenated, or last. Particles and
    initials ("T.") stay as written.
    """
    out: dict[str, str] = {}
    family: list[str] = []
    given_pool, family_pool = cycle(rng.sample(GIVEN, len(GIVEN))), cycle(rng.sample(FAMILY, len(FAMILY)))
    for name in names:
        parts = name.split()
        for i, part in enumerate(parts):
            key = part.lower()
            if key in out or key in PARTICLES or len(part) < 2 or part.endswith("."):
                continue
            is_family = (part.isupper() and len(part) > 2) or i == len(parts) - 1 or "-" in part
            out[key] = next(family_pool if is_family else given_pool)
            if is_family:
                family.append(key)
    return out, family


def _rename(found: str, tokens: dict[str, str]) -> str:
    return re.sub(r"\S+", lambda m: like(tokens.get(m.group().lower(), m.group()), m.group()), found)


# Numbers -------------------------------------------------------------------------------------


def vary_numbers(text: str, shift: Shift, rng: random.Random) -> str:
    """Ages moved a few years, new UA and index serials (years shifted with the dates), phone digits."""
    for ages in AGES:
        text = ages.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-6, 6))), text)
    text = UA_NUMBER.sub(
        lambda m: f"{m['label']}{m['sep']}{rng.randint(1, 399)}/{shift.year(m['year'])}",
        text,
    )
    text = AI_INDEX.sub(
        lambda m: f"{m['region']} {m['country']}/{_digits(len(m['num']), rng)}/{shift.year(m['year'])}",
        text,
    )
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if PHONE_LABEL.search(line):
            lines[i] = PHONE_GROUP.sub(lambda _m: _digits(4, rng), line)
    return "\n".join(lines)


def _digits(n: int, rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


# Dates ---------------------------------------------------------------------------------------


def vary_dates(text: str, shift: Shift) -> str:
    """Move every written date by the same shift and write it back in its own style."""
    return DATE.sub(lambda m: _redate(m, shift) or m.group(), text)


def _redate(m: re.Match[str], shift: Shift) -> str | None:
    if m["m"] or m["m2"] or m["m3"]:
        return _redate_words(m, shift)
    if m["cy"]:
        return _redate_cjk(m, shift)
    new = _moved(int(m["iy"]), int(m["im"]), int(m["id"]), shift)
    return new.isoformat() if new else None


def _redate_words(m: re.Match[str], shift: Shift) -> str | None:
    month_word = m["m"] or m["m2"] or m["m3"]
    lang, month = _MONTH_OF[month_word.casefold()]
    if lang == "en" and month_word.islower():
        return None  # "they may face": a verb, not a month
    day, year = m["d"] or m["d2"] or "15", m["y"] or m["y2"] or m["y3"]
    new = _moved(int(year) if year else 2000, month, int(day), shift)  # 2000: leap, so 29 Feb is valid
    if new is None:
        return None
    word = like(MONTHS[lang][new.month - 1], month_word)
    new_year = str(new.year) if year else ""
    if m["m"]:
        return f"{_day(new.day, m['d'])}{m['s1']}{word}{(m['s2'] or '') + new_year if year else ''}"
    if m["m2"]:
        return f"{word}{m['s3']}{_day(new.day, m['d2'])}{(m['s4'] or '') + new_year if year else ''}"
    return f"{word}{m['s5']}{new_year}"


def _day(day: int, written: str) -> str:
    return f"{day:02d}" if written.startswith("0") else str(day)


def _redate_cjk(m: re.Match[str], shift: Shift) -> str | None:
    new = _moved(int(m["cy"]), int(m["cm"]), int(m["cd"] or 15), shift)
    if new is None:
        return None
    day = f"{new.day}{m['cs3']}" if m["cd"] else ""
    return f"{new.year}{m['cs1']}{new.month}{m['cs2']}{day}"


def _moved(year: int, month: int, day: int, shift: Shift) -> date | None:
    try:
        return shift.apply(date(year, month, day))
    except ValueError:  # not a real date ("31 June"): leave it as written
        return None


# Places --------------------------------------------------------------------------------------


def vary_countries(text: str, rng: random.Random) -> str:
    """Move the case to other countries from the list, with their cities and adjectives."""
    found = {_COUNTRY_OF[m.group().casefold()] for m in _PLACE.finditer(text)}
    present = [c for c in COUNTRIES if c[0] in found]
    others = [c for c in COUNTRIES if c not in present]
    if not present or len(others) < len(present):
        return text
    swaps: dict[str, str] = {}
    for old, new in zip(present, rng.sample(others, len(present)), strict=True):
        swaps[old[0].casefold()] = new[0]
        swaps[old[1].casefold()] = new[1]
        for i, city in enumerate(old[2]):
            swaps[city.casefold()] = new[2][i % len(new[2])]
    return _swap_words(text, swaps, adjectives={old[1].casefold() for old in present})


def _swap_words(text: str, swaps: dict[str, str], adjectives: set[str]) -> str:
    words = sorted(swaps, key=len, reverse=True)
    plain = [re.escape(w) for w in words if w not in adjectives]
    adjective = [re.escape(w) + ADJECTIVE_CONTEXT for w in words if w in adjectives]
    pattern = re.compile(r"\b(?=(?-i:[A-Z]))(?:" + "|".join(plain + adjective) + r")\b", re.I)
    return pattern.sub(lambda m: like(swaps[m.group().casefold()], m.group()), text)


# Paragraphs and sentences --------------------------------------------------------------------


def shuffle_background(text: str, rng: random.Random) -> str:
    """Reorder runs of three or more prose paragraphs, keeping the first of each run in place."""
    blocks = text.split("\n\n")
    for run in prose_runs(blocks):
        if len(run) >= 3:
            tail = [blocks[i] for i in run[1:]]
            rng.shuffle(tail)
            for i, block in zip(run[1:], tail, strict=True):
                blocks[i] = block
    return "\n\n".join(blocks)


def drop_sentence(text: str, rng: random.Random) -> str:
    """Remove one sentence (never the first) from a prose paragraph of three or more."""
    return _edit_paragraph(text, rng, _without_sentence, min_sentences=3)


def add_sentence(text: str, language: str, rng: random.Random) -> str:
    """Append a neutral sentence to a prose paragraph, in the document's language."""
    fillers = FILLERS.get(language)
    if not fillers:
        return text
    filler = rng.choice(fillers)
    return _edit_paragraph(text, rng, lambda para, _rng: f"{para} {filler}", min_sentences=1)


def _edit_paragraph(
    text: str, rng: random.Random, edit: Callable[[str, random.Random], str], min_sentences: int
) -> str:
    blocks = text.split("\n\n")
    fit = [
        i for i in range(len(blocks)) if _is_prose(blocks[i]) and _count_sentences(blocks[i]) >= min_sentences
    ]
    if fit:
        i = rng.choice(fit)
        blocks[i] = edit(blocks[i], rng)
    return "\n\n".join(blocks)


def _without_sentence(para: str, rng: random.Random) -> str:
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(para)), len(para)]
    k = rng.randrange(1, len(starts) - 1)
    return (para[: starts[k]] + para[starts[k + 1] :]).rstrip()


def _count_sentences(para: str) -> int:
    return 1 + len(_SENTENCE_END.findall(para))


def _is_prose(block: str) -> bool:
    stripped = block.strip()
    return (
        len(stripped) >= PROSE_MIN
        and not any(_BULLET.match(line) for line in stripped.splitlines())
        and stripped[-1:] in ".!?”\"')。"
        and not stripped.isupper()
    )


def prose_runs(blocks: list[str]) -> list[list[int]]:
    """Indexes of consecutive prose paragraphs, one list per run."""
    runs: list[list[int]] = []
    for i, block in enumerate(blocks):
        if not _is_prose(block):
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
