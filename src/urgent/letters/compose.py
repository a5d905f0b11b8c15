"""Compose one letter for one target of a case, in one language.

    letter = compose(facts, target=0, language="zh", sender=Sender("Ana", "Porto", "Portugal"), seed=7)
    letter.text()                        # the letter as plain text
    letter.gloss                         # its meaning, sentence by sentence, in another language

A letter to an appeal target covers every ask addressed to that target's
group and no other; a copies-to target gets a short cover note. Wording is
chosen among variants by the seed, so thousands of supporters do not send
identical text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date

from babel import Locale
from babel.dates import format_date

from urgent.letters.bank import Bank, bank
from urgent.letters.facts import Facts, asks_for
from urgent.record import ASK_KINDS, RISKS, Target

EXCELLENCY = frozenset({"president", "premier", "prime_minister", "minister", "ambassador"})
_TITLE_WORDS = [
    ("prime_minister", r"\bprime minister\b"),
    ("president", r"\bpresident\b|\bpr[ée]sident|\bpresidente\b"),
    ("premier", r"\bpremier\b"),
    ("ambassador", r"\bambassador\b|\bembajador|\bambassadeur"),
    ("prosecutor", r"\bprosecutor|\bprocurator|\bfiscal\b|\bprocureur"),
    ("minister", r"\bminist(?:er|re|ro)\b"),
    ("governor", r"\bgovernor\b|\bgobernador|\bgouverneur"),
    ("head", r"\bhead of the judiciary\b"),
    ("judge", r"\bjudge\b|\bjustice\b|\bjuez\b|\bjuge\b"),
    ("mayor", r"\bmayor\b|\balcalde\b|\bmaire\b"),
    ("commissioner", r"\bcommissioner\b"),
    ("chair", r"\bchair(?:man|woman|person)?\b"),
    ("king", r"\bking\b|\bqueen\b|\bemir\b|\bsultan\b"),
    ("director", r"\bdirector|\bdirecteur|\bhead\b|\bchief\b"),
]


@dataclass(frozen=True)
class Sender:
    name: str = ""
    town: str = ""
    country: str = ""
    occupation: str = ""

    @classmethod
    def parse(cls, text: str) -> Sender:
        """ "Name, City, Country" as typed on the command line."""
        parts = [p.strip() for p in text.split(",")]
        parts += [""] * (4 - len(parts))
        return cls(*parts[:4])


@dataclass
class Sentence:
    key: str  # the phrase bank key, or "personal" for the supporter's own words
    variant: int
    text: str
    kind: str | None = None  # the ask kind this sentence expresses


@dataclass
class Letter:
    language: str
    role: str  # appeal | copy
    target: Target
    date: str
    salutation: str
    paragraphs: list[list[Sentence]]
    signoff: str
    signature: list[str]
    subject: str
    warning: str | None = None  # the deadline has passed: for the sender, not the addressee
    gloss: Letter | None = None  # the same letter in the supporter's language

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p]

    @property
    def kinds(self) -> set[str]:
        return {s.kind for s in self.sentences if s.kind}

    def body(self) -> str:
        joiner = "" if self.language in ("zh",) else " "
        paragraphs = [joiner.join(s.text for s in p) for p in self.paragraphs]
        return "\n\n".join([self.salutation, *paragraphs, "\n".join([self.signoff, *self.signature])])

    def text(self) -> str:
        """The whole letter: date, addressee block, body."""
        lines = [self.date, "", *addressee_lines(self.target), "", self.body()]
        return "\n".join(lines).strip() + "\n"

    def words(self) -> int:
        """Words, counting each Chinese character as one (Chinese writes no spaces)."""
        return len(re.findall(r"[\u4e00-\u9fff]|[^\W\d_\u4e00-\u9fff]+", self.body()))


def addressee_lines(target: Target) -> list[str]:
    first = " ".join(p for p in (target.title, target.name) if p) if target.name else (target.title or "")
    lines = [first] if first else []
    if target.organisation:
        lines.append(target.organisation)
    return lines + list(target.address)


def compose(
    facts: Facts,
    target: int,
    language: str = "en",
    sender: Sender | None = None,
    personal: str = "",
    seed: int = 0,
    today: date | None = None,
    gloss: str | None = None,
    short: bool = False,
) -> Letter:
    b = bank(language)
    t = facts.targets[target]
    today = today or date.today()
    pick = _picker(seed, target)
    slots = _slots(facts, t, b)
    # a copy note needs someone the appeal went to; with copies only, each copy is an appeal
    as_copy = t.role == "copy" and any(x.role == "appeal" for x in facts.targets)
    letter = Letter(
        language=language,
        role="copy" if as_copy else "appeal",
        target=t,
        date=format_date(today, format="long", locale=b.locale),
        salutation=salutation(t, b, facts.language),
        paragraphs=[],
        signoff=pick(b, "sentences", "signoff", slots).text,
        signature=[x for x in ((sender.name if sender else ""), _place_line(sender)) if x],
        subject=pick(b, "sentences", "subject", slots).text,
    )
    if as_copy:
        letter.paragraphs = [
            [pick(b, "sentences", "copy_note", slots), pick(b, "sentences", "copy_request", slots)]
        ]
    else:
        letter.paragraphs = _appeal(facts, t, b, slots, pick, sender, personal, short)
    if facts.deadline and facts.deadline < today:
        deadline = format_date(facts.deadline, format="long", locale=b.locale)
        letter.warning = b.variants("sentences", "deadline_passed")[0].format(deadline=deadline)
    if gloss and gloss != language:
        letter.gloss = compose(facts, target, gloss, sender, personal, seed, today, None, short)
    return letter


def _appeal(
    facts: Facts,
    t: Target,
    b: Bank,
    slots: dict[str, str],
    pick: _Pick,
    sender: Sender | None,
    personal: str,
    short: bool,
) -> list[list[Sentence]]:
    one = facts.count == 1
    first: list[Sentence] = []
    if sender and sender.town and not short:
        key = "sender_intro" if sender.occupation else "sender_place"
        mine = {
            **slots,
            "occupation": sender.occupation,
            "sender_place": b.sender_place(sender.town, _country_name(sender.country, b)),
        }
        first.append(pick(b, "sentences", key, mine))
    first.append(pick(b, "sentences", "opening" if slots["place"] else "opening_free", slots, one))
    if slots["risks"]:
        first.append(pick(b, "sentences", "facing", slots, one))
    asks: list[Sentence] = [] if short else [pick(b, "sentences", "ask_intro", slots)]
    kinds, quoted = asks_for(facts, t)
    for kind in kinds:
        key = kind
        if kind == "halt_return" and not slots["destination"]:
            key = "halt_return_anywhere"
        s = pick(b, "asks", key, slots, one)
        s.kind = kind
        asks.append(s)
    for text in quoted:
        bare = text.strip().rstrip(".。;；:：")  # the sentence around the quote ends it
        asks.append(pick(b, "sentences", "quoted", {**slots, "quote": b.quote(bare)}))
    if quoted and facts.language != b.language:
        language = Locale.parse(b.locale).languages.get(facts.language, facts.language)
        asks.append(pick(b, "sentences", "quoted_note", {**slots, "language": language}))
    last: list[Sentence] = []
    if personal.strip():
        last.append(Sentence("personal", 0, personal.strip()))
    if not short:
        last.append(pick(b, "sentences", "obligations", slots))
    last.append(pick(b, "sentences", "closing", slots))
    return [p for p in (first, asks, last) if p]


class _Pick:
    def __init__(self, seed: int, target: int) -> None:
        self.seed, self.target = seed, target

    def __call__(self, b: Bank, section: str, key: str, slots: dict[str, str], one: bool = False) -> Sentence:
        variants = b.variants(section, key, one)
        # the same seed picks the same variant in every language: glosses line up
        index = random.Random(f"{self.seed}:{self.target}:{key}").randrange(len(variants))
        return Sentence(key, index, variants[index].format_map(_Slots(slots)))


def _picker(seed: int, target: int) -> _Pick:
    return _Pick(seed, target)


class _Slots(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _slots(facts: Facts, t: Target, b: Bank) -> dict[str, str]:
    locale = Locale.parse(b.locale)
    held_in = facts.held_in(t)
    place = facts.places[0] if facts.places else ""
    where = ""
    if place:
        where = b.get("places", "in_place").format(place=facts.localise_place(place, b.language))
    elif held_in:
        where = b.get("places", "in_country").format(country=locale.territories.get(held_in, held_in))
    destination = facts.destination(t)
    risks = [r for r in RISKS if r in facts.risks and r != "other"][:3]
    appeal_targets = [x for x in facts.targets if x.role == "appeal"]
    return {
        "people": people_phrase(facts, b),
        "place": where,
        "country": locale.territories.get(held_in, held_in) if held_in else "",
        "destination": locale.territories.get(destination, destination) if destination else "",
        "risks": b.join([b.get("risks", r) for r in risks]),
        "targets": b.join([addressee_name(x, b) for x in appeal_targets]),
        "title": title_of(t, b),
        "them": b.get(
            "people", "them_one" if facts.count == 1 and "them_one" in b.data["people"] else "them"
        ),
    }


def addressee_name(t: Target, b: Bank) -> str:
    """ "President Hassan ALI", "Hassan ALI 대통령": the office in the letter's language and the name."""
    if not t.name:
        return t.organisation or title_of(t, b)
    form = b.data["meta"].get("title_name", "{title} {name}")
    return str(form.format(title=title_of(t, b), name=t.name)) if t.title else t.name


def _country_name(name: str, b: Bank) -> str:
    """The sender's country in the letter's language, when we recognise it."""
    from urgent.extract.geo import country_of

    code = country_of(name) if name else None
    return str(Locale.parse(b.locale).territories.get(code, name)) if code else name


def _place_line(sender: Sender | None) -> str:
    if not sender:
        return ""
    return ", ".join(p for p in (sender.town, sender.country) if p)


def people_phrase(facts: Facts, b: Bank) -> str:
    if facts.names and len(facts.names) <= 3:
        return b.join(facts.names)
    count = facts.count
    if not count:
        return b.get("people", "unknown")
    if count == 1:
        return b.get("people", "one")
    words = b.data["people"]["count_words"]
    spelled = words[count] if count < len(words) else str(count)
    return b.get("people", "at_least" if facts.at_least else "counted").format(count=spelled)


def title_key(title: str | None, organisation: str | None = None) -> str | None:
    if not title:
        # an embassy is written to through its head
        return (
            "ambassador"
            if organisation and re.search(r"\bembass|\bembajada|\bambassade", organisation, re.I)
            else None
        )
    low = title.lower()
    return next((key for key, pattern in _TITLE_WORDS if re.search(pattern, low)), None)


def title_of(t: Target, b: Bank) -> str:
    """The office in the letter's language; a bank may name it for one country ("president_CN")."""
    key = title_key(t.title, t.organisation)
    if not key:
        return t.title or b.get("titles", "official")
    titles = b.data["titles"]
    return str(titles.get(f"{key}_{t.country}", titles[key]))


def salutation(t: Target, b: Bank, document_language: str) -> str:
    """The document's own salutation when writing in its language, else the one for the office."""
    end = b.data["meta"].get("salutation_end", {"zh": "：", "ko": ""}.get(b.language, ","))
    if t.salutation and b.language == document_language:
        return t.salutation.rstrip(" ,:;：，") + end
    key = title_key(t.title, t.organisation)
    title = title_of(t, b)
    if key == "king":
        table = b.data["salutation"]
        return str(table.get("royal") or table["excellency"]).format(title=title)
    if key in EXCELLENCY:
        return b.get("salutation", "excellency").format(title=title)
    if key:
        return b.get("salutation", "titled").format(title=title)
    return b.get("salutation", "generic")


__all__ = ["ASK_KINDS", "Letter", "Sender", "Sentence", "compose", "people_phrase", "salutation", "title_of"]
