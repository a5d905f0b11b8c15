"""One addressee block → a target: who, which office, where, how to reach them.

A block is a few lines ("Governor" / "ZHANG Wei Shengzhang" / "Provincial
People's Government" / "12 Renmin Lu" / … / "Fax: …" / "Salutation: …") or
one flattened line from a web page ("Minister Hasan Demir Ministry of the
Interior Bakanliklar 06644 Ankara Turkey Fax: …"). Lines are read
as typed pieces; a piece that mixes title, name, organisation and address is
split word by word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from urgent.extract import contacts, geo
from urgent.extract.lexicon import (
    CJK_ORG_SUFFIXES,
    CJK_TITLES,
    NOT_NAME,
    ORG_WORDS,
    PINYIN_TITLES,
    PINYIN_WORDS,
    STREET_WORDS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)
from urgent.extract.patterns import (
    BULLET,
    CJK_CONTACT,
    CONTACT_LABEL,
    FAX_LABELS,
    HONORIFIC,
    PHONE_LABELS,
    SALUTATION_LABEL,
)

_WORD = re.compile(r"[^\s,;]+")
_CONNECTOR = {
    "of",
    "the",
    "for",
    "and",
    "on",
    "de",
    "du",
    "des",
    "del",
    "da",
    "do",
    "dos",
    "das",
    "e",
    "la",
    "le",
    "los",
    "las",
    "y",
    "et",
    "&",
    "in",
    "für",
    "der",
    "d'",
    "l'",
    "général",
    "general",
    "to",
    "at",
}
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4,6}(?:-\d{3,4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|"
    r"C\.?P\.?\s*\d{4,5}|\d{3}-\d{4})\b"
)
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")
_US_ZIP = re.compile(r"\b(?:[A-Z]{2}|Washington,? D\.?C\.?)\s+\d{5}(?:-\d{4})?\b")
_ADDRESS_START = re.compile(
    r"^(?:\d|No\.|N[°º]|P\.?\s?O\.?\b|Box\b|Apartado\b|Casilla\b|c/o\b|BP\b)", re.IGNORECASE
)

# "1.  Attorney General:", "Ministre de l'Intérieur :": a network UA names the office,
# with a colon, above the official's name.
_OFFICE_HEADING = re.compile(r"^\s*(?:\(?\d{1,2}[.)]\s+)?(?P<h>[^:：\n]{3,140}?)\s*[:：]\s*$")


def office_heading(line: str) -> re.Match[str] | None:
    """The office above an addressee ("2.  Commissioner of Police:"), else None."""
    if not line.rstrip().endswith((":", "：")):
        return None  # most lines: not worth the pattern
    m = _OFFICE_HEADING.match(line)
    if not m:
        return None
    h = m.group("h")
    first = h.split()[0]
    return m if is_title_phrase(h) or word_kind(first) == "title" else None


@dataclass
class Piece:
    start: int
    end: int
    text: str


@dataclass
class Parsed:
    """A target as read from its block, with the span of each value."""

    name: Piece | None = None
    title: Piece | None = None
    title_value: str | None = None  # a title written in pinyin, translated
    organisation: Piece | None = None
    address: list[Piece] = field(default_factory=list)
    emails: list[tuple[int, int, str]] = field(default_factory=list)
    faxes: list[tuple[int, int, str]] = field(default_factory=list)
    phones: list[tuple[int, int, str]] = field(default_factory=list)
    salutation: Piece | None = None
    country: str | None = None
    country_span: tuple[int, int] | None = None
    honorific: str | None = None

    @property
    def has_details(self) -> bool:
        return bool(self.address or self.emails or self.faxes or self.phones)

    @property
    def has_identity(self) -> bool:
        return bool(self.name or self.title or self.organisation)


def word_kind(word: str) -> str:
    w = word.lower().strip(".,;:()'’")
    if w in TITLE_WORDS:
        return "title"
    if w in TITLE_MODIFIERS:
        return "modifier"
    if w in ORG_WORDS:
        return "org"
    if w in PINYIN_WORDS:
        return "pinyin"
    if w in STREET_WORDS:
        return "street"
    return "word"


ACRONYMS = frozenset("UN UNHCR OHCHR ICRC EU AU OSCE OAS UK USA US PRC DPRK ROK UAE NGO".split())


def has_family_name(words: list[str], text: str) -> bool:
    """An Amnesty-style upper-case family name ("ZHANG Wei") in a mixed-case line."""
    if text.isupper():
        return False
    return any(w.isupper() and w.isalpha() and len(w) >= 2 and w not in ACRONYMS for w in words[1:])


# The words an office's complement starts with: "Minister of …", "Presidente da República"
_COMPLEMENT_STARTS = frozenset("of for de del du des da do dos das général general".split())


def is_title_phrase(text: str) -> bool:
    """ "President", "Minister of Foreign Affairs", "Foreign Minister"."""
    words = text.replace(",", " ").split()
    if not words or len(words) > 10 or has_family_name(words, text):
        return False
    if any(word_kind(w) == "pinyin" for w in words):
        return False
    kinds = [word_kind(w) for w in words]
    i = 0
    while i < len(kinds) and kinds[i] == "modifier":
        i += 1
    if i == len(kinds):
        return False
    if kinds[i] != "title":
        return False
    rest = words[i + 1 :]
    if not rest:
        return True
    if any(c.isdigit() for c in " ".join(rest)) or "@" in text:
        return False
    if rest[0].lower() in _COMPLEMENT_STARTS or rest[0].lower() in ("für", "responsible", "in"):
        # "Minister of State responsible for Human Rights", "Presidente de la Republica"
        return len(rest) <= 9
    return all(word_kind(w) in ("title", "modifier") for w in rest)


def is_org_phrase(text: str) -> bool:
    words = _WORD.findall(text)
    if not words or any(c.isdigit() for c in text) or len(words) > 14:
        return False
    if has_family_name(words, text) or any(word_kind(w) == "pinyin" for w in words):
        return False
    if not any(word_kind(w) == "org" for w in words) or words[0].lower() in _STREET_EDGES:
        return False  # "Avenue de la Mission": a street
    if word_kind(words[0]) == "org" and len(words) <= 8 and words[0][:1].isupper():
        # French and Spanish names keep their adjectives in lower case:
        # "Agence nationale de renseignements", "Ministère de la Justice et Droits humains"
        return True
    return all(
        w[:1].isupper()
        or w.lower() in _CONNECTOR
        or not w[:1].isalpha()
        or (w[:2].lower() in _ELIDED and w[2:3].isupper())  # "Ministère de l'Intérieur"
        for w in words
    )


_ELIDED = frozenset(("l'", "d'", "l’", "d’"))


_PARTICLES = frozenset("bin ibn bint al el de da das dos di del della van von der le la ben abu".split())


def name_words(words: list[str]) -> int:
    """How many leading words form a person's name (0 if none)."""
    n = 0
    for i, w in enumerate(words[:6]):
        bare = w.strip(".,;:()")
        low = bare.lower()
        if (
            n
            and low in _PARTICLES
            and i + 1 < len(words)
            and words[i + 1][:1].isupper()
            and not w.endswith(",")
        ):
            n += 1  # "Salman bin Faisal", "Ana de la Cruz"
            continue
        if not bare or not bare[0].isupper() or any(c.isdigit() for c in bare):
            break
        if low in NOT_NAME or word_kind(bare) != "word" or geo.country_of(bare):
            break
        n += 1
        if w.endswith((",", ";")):
            break
    # Lowercase particles inside a name ("Ali bin Hassan", "Ana de la Cruz") are allowed.
    return n


def is_name_line(text: str) -> bool:
    body = strip_honorific(text)[0]
    words = body.replace(",", " , ").split()
    if not words:
        return False
    n = name_words(words)
    if n == 0 or n > 4:
        return False
    rest = words[n:]
    if not rest:
        return n >= 2 or body.isupper() or bool(HONORIFIC.match(text))
    # "ZHANG Wei Shengzhang", "LI Na Buzhang, Sifabu"
    return all(word_kind(w) == "pinyin" or w == "," for w in rest[:2]) and len(rest) <= 4


def strip_honorific(text: str) -> tuple[str, int, str | None]:
    """Text without leading honorifics, how many characters were cut, the honorific."""
    cut = 0
    found = None
    while True:
        m = HONORIFIC.match(text[cut:])
        if not m:
            break
        found = found or m.group().strip()
        cut += m.end()
    return text[cut:], cut, found


_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$|^[\uac00-\ud7af]{2,4}$")


def classify_cjk(s: str) -> str | None:
    """Lines of a Chinese or Korean addressee block: "中华人民共和国公安部", "周建华 部长"."""
    if not re.search(r"[\u4e00-\u9fff\uac00-\ud7af]", s):
        return None
    words = s.split()
    if len(words) == 2 and _HAN_NAME.match(words[0]) and words[1] in CJK_TITLES:
        return "name"
    if len(words) == 2 and words[0] in CJK_TITLES and _HAN_NAME.match(words[1]):
        return "name"
    if not re.search(r"\d", s) and s.endswith(CJK_ORG_SUFFIXES) and len(s) <= 30:
        return "org"
    return "address"


# Words that start a street's name in French, Spanish and Portuguese
_STREET_STARTS = frozenset(
    "avenue av. avenida rue boulevard calle carrera rua travessa chemin place plaza".split()
)
# Words that end a street's name (and no title or body's name)
_STREET_ENDS = frozenset(
    "street st road rd avenue ave boulevard blvd lane drive strasse straße ulitsa prospekt lu jie dajie".split()
)
_STREET_EDGES = _STREET_STARTS | _STREET_ENDS


@lru_cache(maxsize=4096)
def classify(text: str) -> str:
    """title | org | name | address | mixed for one line without contacts."""
    s = text.strip().rstrip(",")
    if not s:
        return "empty"
    cjk = classify_cjk(s)
    if cjk:
        return cjk
    if len(s) <= 40 and geo.country_of(s):
        return "address"  # "Russian Federation": the last line of an address, not an organisation
    if re.search(r"\w['’]s\s+\S+$", s) and word_kind(s.split()[-1]) == "org" and len(s.split()) <= 6:
        return "org"  # "Prosecutor General's Office", "Chief Minister's Secretariat"
    if s.split()[-1].lower().strip(".,") in _STREET_ENDS:
        return "address"  # "Sheikh Abdolmajid Keshk-e Mesri Avenue": a street named after someone
    if is_title_phrase(s):
        return "title"
    if is_name_line(s):
        return "name"
    first = s.split()[0]
    if (
        word_kind(first) in ("title", "modifier")
        and word_kind(s.split()[1] if len(s.split()) > 1 else "") != "org"
    ):
        return "mixed"  # "Governor of the … Government ZHANG Wei": a title, then more
    if is_org_phrase(s) and not _ADDRESS_START.match(s):
        return "org"
    words = s.split()
    if HONORIFIC.match(s) or word_kind(words[0]) in ("title", "modifier"):
        return "mixed"
    if (
        len(words) >= 6
        and not _ADDRESS_START.match(s)
        and name_words(words) >= 2
        and any(word_kind(w) == "title" for w in words)
    ):
        return "mixed"  # "Hasan Demir Minister of the Interior No. 14, …"
    return "address"


class BlockReader:
    """Reads the lines of one block into a `Parsed` target."""

    def __init__(self, text: str, region: str | None = None) -> None:
        self.text = text
        self.region = region
        self.p = Parsed()

    def read(self, lines: list[tuple[int, int]]) -> Parsed:
        self.pending: list[tuple[str, int, int]] = []  # numbers wait for the country
        for start, end in lines:
            self._line(start, end)
        self._country()
        region = self.p.country or self.region
        for kind, start, end in self.pending:
            self._numbers(kind, start, end, region)
        if self.p.country is None:
            # no country in the address: the country code of its numbers
            for _a, _b, num in self.p.faxes + self.p.phones:
                code = contacts.region_of(num)
                if code:
                    self.p.country = code
                    break
        return self.p

    def _numbers(self, kind: str, start: int, end: int, region: str | None) -> None:
        for a, b, num in contacts.numbers(self.text[start:end], region):
            item = (start + a, start + b, num)
            for k in kind.split("+"):
                target = getattr(self.p, k)
                if num not in [x[2] for x in target]:
                    target.append(item)

    # -- one line -------------------------------------------------------------
    def _line(self, start: int, end: int) -> None:
        s = self.text[start:end]
        bullet = BULLET.match(s)
        if bullet and not HONORIFIC.match(s.lstrip()):  # "1) Ing. …" is read with the name
            start += bullet.end()
            s = s[bullet.end() :]
        m = SALUTATION_LABEL.match(s)
        if m:
            # "(Salutation: Dear Attorney General)": the brackets go with the label
            strip = " ,.:)" if s.lstrip().startswith("(") else " ,.:"
            piece = _piece(self.text, start + m.end(), end, strip=strip)
            if piece.text:
                self.p.salutation = piece
            return
        labels = list(CONTACT_LABEL.finditer(s))
        head_end = labels[0].start() if labels else len(s)
        for i, lab in enumerate(labels):
            value_end = labels[i + 1].start() if i + 1 < len(labels) else len(s)
            label = lab.group("label") or CJK_CONTACT[lab.group("cjk")]
            self._contact(label.lower(), start + lab.end(), start + value_end)
        if not labels:
            office = office_heading(s)
            if office:
                if not self.p.title:
                    self.p.title = _piece(self.text, start + office.start("h"), start + office.end("h"))
                return
            head_end = self._unlabelled_contacts(start, end)
        head = self.text[start : start + head_end]
        if head.strip() and not re.fullmatch(r"\s*\(.*\)\s*", head):
            segments = _segments(head)
            if segments:
                # "Mr. A B, Minister of X, 7 Y Street, Baku AZ 1001, Azerbaijan. Fax: …": an
                # addressee on one line, its fields separated by commas, read as lines
                for a, b in segments:
                    self._head(start + a, start + b)
            else:
                self._head(start, start + head_end)

    def _unlabelled_contacts(self, start: int, end: int) -> int:
        """Trailing e-mails and numbers without labels ("…, 020 7946 0321, x@y.org")."""
        s = self.text[start:end]
        cut = len(s)
        for a, _b, mail in contacts.emails(s):
            self.p.emails.append((start + a, start + _b, mail))
            cut = min(cut, a)
        tail = s[:cut].rstrip(" ,;")
        parts = list(re.finditer(r"[^,;]+", tail))
        while parts:
            part = parts[-1].group().strip()
            if re.fullmatch(r"[+()\d][\d \t().\-/+]{5,}\d", part):
                self.pending.append(("phones", start + parts[-1].start(), start + parts[-1].end()))
                cut = parts[-1].start()
                parts.pop()
            else:
                break
        return cut

    def _contact(self, label: str, start: int, end: int) -> None:
        if label.startswith(("telegr", "télégr", "telex", "télex")):
            return  # telegram and telex addresses are not numbers we keep
        if label.startswith(("e-mail", "email", "courriel", "correo")):
            self.p.emails += [(start + a, start + b, v) for a, b, v in contacts.emails(self.text[start:end])]
            return
        kind = "phones"
        if any(label.startswith(f) for f in FAX_LABELS):
            kind = "faxes"
        elif not any(label.startswith(p) for p in PHONE_LABELS):
            return  # telegrams, telex, web sites: not contact points we keep
        if "/" in label:
            kind = "phones+faxes"  # "Tel/Fax:"
        self.pending.append((kind, start, end))

    # -- the part of a line before any contact label --------------------------
    def _head(self, start: int, end: int) -> None:
        kind = classify(self.text[start:end])
        if self.p.address and kind != "address":
            kind = "address"  # once the address started, everything is address
        if kind == "title":
            if not self.p.title:
                self.p.title = _piece(self.text, start, end, strip=" ,")
        elif kind == "org" and not self.p.organisation:
            self.p.organisation = _piece(self.text, start, end, strip=" ,")
        elif kind == "name" and not self.p.name:
            self._name_line(start, end)
        elif kind == "mixed":
            self._mixed(start, end)
        else:
            self._address(start, end)

    def _honorific_title(self, start: int, honorific: str | None) -> None:
        """ "Ambassador Eduardo MEDINA", "General Rudi HARTANTO": the rank is the title if none is given."""
        if honorific and not self.p.title and word_kind(honorific.split()[-1]) == "title":
            at = self.text.find(honorific, start)
            self.p.title = Piece(at, at + len(honorific), honorific) if at >= 0 else None

    def _name_line(self, start: int, end: int) -> None:
        line = self.text[start:end]
        if classify_cjk(line.strip()) == "name":
            words = list(re.finditer(r"\S+", line))
            name, title = (words[0], words[1]) if words[1].group() in CJK_TITLES else (words[1], words[0])
            self.p.name = Piece(start + name.start(), start + name.end(), name.group())
            if not self.p.title:
                self.p.title = Piece(start + title.start(), start + title.end(), title.group())
            return
        body, cut, honorific = strip_honorific(self.text[start:end])
        self.p.honorific = self.p.honorific or honorific
        self._honorific_title(start, honorific)
        words = list(re.finditer(r"[^\s,]+", body))
        n = name_words([w.group() for w in words])
        if n == 0:
            n = len(words)
        a = start + cut
        self.p.name = _piece(self.text, a + words[0].start(), a + words[n - 1].end(), strip=" ,")
        rest = words[n:]
        pinyin = [w for w in rest if word_kind(w.group()) == "pinyin"]
        if pinyin:
            phrase = " ".join(w.group() for w in pinyin).lower()
            self.p.title_value = PINYIN_TITLES.get(phrase) or PINYIN_TITLES.get(pinyin[-1].group().lower())
        after = [w for w in rest if word_kind(w.group()) != "pinyin"]
        if after and not self.p.organisation and "," in body[words[n - 1].end() :]:
            self.p.organisation = _piece(self.text, a + after[0].start(), a + after[-1].end(), strip=" ,")

    def _mixed(self, start: int, end: int) -> None:
        """Split a line holding several fields, word by word."""
        body, cut, honorific = strip_honorific(self.text[start:end])
        self.p.honorific = self.p.honorific or honorific
        self._honorific_title(start, honorific)
        base = start + cut
        words = [(base + m.start(), base + m.end(), m.group()) for m in re.finditer(r"[^\s]+", body)]
        i = 0
        # title phrase: modifiers + title word + "of …" complement
        j = i
        while j < len(words) and word_kind(words[j][2]) == "modifier":
            j += 1
        if j < len(words) and word_kind(words[j][2]) == "title":
            j += 1
            while j < len(words) and word_kind(words[j][2]) == "title":
                j += 1
            title_end = j
            comp_end = self._complement(words, j)
            if comp_end > j:
                comp = self.text[words[j][0] : words[comp_end - 1][1]]
                bare = re.sub(
                    r"^(?:of|for|de|del|du|des|da|do|dos|das)\s+(?:the\s+|la\s+|l')?", "", comp, flags=re.I
                )
                if geo.country_of(bare.strip(" ,")):
                    pass  # "President of the Republic of Uzbekistan": the state, not a body
                elif any(word_kind(w[2]) == "org" for w in words[j:comp_end]):
                    if not self.p.organisation:
                        k = j + 1
                        while k < comp_end and words[k][2].lower() in ("the", "la", "le", "l'"):
                            k += 1
                        self.p.organisation = _piece(
                            self.text, words[k][0], words[comp_end - 1][1], strip=" ,"
                        )
                else:
                    title_end = comp_end
                j = comp_end
            if not self.p.title:
                self.p.title = _piece(self.text, words[i][0], words[title_end - 1][1], strip=" ,")
            i = j
        # "Director, Osaka Detention Centre": the body the title is held in, not a name
        if i < len(words) and not self.p.organisation and i > 0 and words[i - 1][2].endswith(","):
            tail = self.text[words[i][0] : words[-1][1]].strip(" ,.")
            if is_org_phrase(tail):
                self.p.organisation = _piece(self.text, words[i][0], words[-1][1], strip=" ,.")
                return
        # name
        rest = [w[2] for w in words[i:]]
        n = name_words(rest)
        if n and not self.p.name:
            self.p.name = _piece(self.text, words[i][0], words[i + n - 1][1], strip=" ,")
            i += n
            k = i
            while k < len(words) and word_kind(words[k][2]) == "pinyin":
                k += 1
            if k > i:
                phrase = " ".join(w[2] for w in words[i:k]).lower()
                self.p.title_value = PINYIN_TITLES.get(phrase) or PINYIN_TITLES.get(words[k - 1][2].lower())
                i = k
        elif n:
            i += n
        # a title after the name: "Hasan Demir Minister of the Interior"
        if i < len(words) and not self.p.title and word_kind(words[i][2]) in ("title", "modifier"):
            j = i
            while j < len(words) and word_kind(words[j][2]) in ("title", "modifier"):
                j += 1
                if words[j - 1][2].endswith(","):
                    break  # "Ambassador, Permanent Mission of …"
            if any(word_kind(w[2]) == "title" for w in words[i:j]):
                comp_end = self._complement(words, j)
                has_org = any(word_kind(w[2]) == "org" for w in words[j:comp_end])
                end_title = j if has_org else comp_end
                self.p.title = _piece(self.text, words[i][0], words[end_title - 1][1], strip=" ,")
                i = end_title
        # organisation: capitalised phrase with an organisation word
        i = self._organisation(words, i)
        if i < len(words):
            self._address(words[i][0], end)

    def _complement(self, words: list[tuple[int, int, str]], j: int) -> int:
        """End of an "of the …" complement after a title, before a name or address."""
        if j >= len(words) or words[j][2].lower() not in _COMPLEMENT_STARTS:
            return j
        k = j + 1
        last_good = j
        while k < len(words):
            w = words[k][2]
            bare = w.strip(",")
            if bare.lower() in _CONNECTOR:
                k += 1
                continue
            if not bare[:1].isupper() or _ADDRESS_START.match(bare):
                break
            if (
                bare.isupper()
                and len(bare) > 1
                and k + 1 < len(words)
                and words[k + 1][2][:1].isupper()
                and word_kind(words[k + 1][2]) == "word"
                and not geo.country_of(bare)
            ):
                break  # "ZHANG Wei": an Amnesty-style family name starts here
            k += 1
            last_good = k
            if w.endswith(","):
                break
            # the complement ends at a country name unless more of the body follows
            at_country = geo.country_of(
                " ".join(x[2] for x in words[j + 1 : k]).strip(",")
            ) or geo.country_of(bare)
            if at_country and k < len(words) and word_kind(words[k][2]) != "org":
                break
        return last_good if last_good > j else j

    def _organisation(self, words: list[tuple[int, int, str]], i: int) -> int:
        if i >= len(words) or self.p.organisation:
            return i
        k = i
        last_org = -1
        while k < len(words):
            w = words[k][2].strip(",")
            if _ADDRESS_START.match(w) or not (w[:1].isupper() or w.lower() in _CONNECTOR):
                break
            if word_kind(w) == "org":
                last_org = k
            if word_kind(w) == "street":
                break
            k += 1
            if words[k - 1][2].endswith(","):
                break
            if (
                last_org >= 0
                and geo.country_of(w)
                and k < len(words)
                and words[k][2][:1].isupper()
                and words[k][2].lower() not in _CONNECTOR
            ):
                break  # "…Party of Viet Nam Ba Dinh": the body ends at the country
        if last_org < 0:
            return i
        end = k
        self.p.organisation = _piece(self.text, words[i][0], words[end - 1][1], strip=" ,")
        return end

    def _address(self, start: int, end: int) -> None:
        """Address text; a long flattened one is cut before its country and after its postcode."""
        s = self.text[start:end]
        if len(s) < 60 or "\n" in s:
            self.p.address.append(_piece(self.text, start, end, strip=" ,;"))
            if self.p.address[-1].text.endswith(".") and not re.search(
                r"\b\w{1,4}\.$", self.p.address[-1].text
            ):
                last = self.p.address[-1]
                self.p.address[-1] = Piece(last.start, last.end - 1, last.text[:-1])
            return
        cuts = {0, len(s)}
        for m in _POSTCODE.finditer(s):
            nxt = s[m.end() :].lstrip(" ,")
            if nxt[:1].isupper():
                cuts.add(m.end())
        for mention in geo.find_countries(s):
            if mention.kind == "country" and mention.end >= len(s.rstrip(" ,.")) - 1:
                cuts.add(mention.start)
        for m in re.finditer(r"\b(?:Street|Road|Avenue|Lu|Jie|Dajie|Boulevard|Rue|Calle)\b,?", s):
            cuts.add(m.end())
        bounds = sorted(cuts)
        for a, b in itertools.pairwise(bounds):
            if s[a:b].strip(" ,;."):
                self.p.address.append(_piece(self.text, start + a, start + b, strip=" ,;."))

    # -- country --------------------------------------------------------------
    def _country(self) -> None:
        # from the last line up: "India House, Aldwych / London WC2B 4NA" is in Britain
        for piece in reversed(self.p.address):
            found = [m for m in geo.find_countries(piece.text) if m.kind == "country"]
            if found:
                m = found[-1]
                self.p.country = m.code
                self.p.country_span = (piece.start + m.start, piece.start + m.end)
                return
            if _UK_POSTCODE.search(piece.text):
                self.p.country = "GB"
                return
            if _US_ZIP.search(piece.text):
                self.p.country = "US"
                return


def _segments(head: str) -> list[tuple[int, int]]:
    """The comma-separated fields of a long one-line addressee, or [] for a line of
    one field. Only a line that starts with a person's name or a body, and that has a
    street number or postcode, is split: "Ambassador, Permanent Mission" stays one."""
    if len(head) < 60 or head.count(",") < 2 or not re.search(r"\d", head):
        return []
    first = head.split(",", 1)[0].strip()
    if classify(first) not in ("name", "org") and not HONORIFIC.match(first):
        return []
    out = []
    for m in re.finditer(r"[^,]+", head):
        a, b = m.start(), m.end()
        while a < b and head[a].isspace():
            a += 1
        while b > a and head[b - 1] in " .;":
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _piece(text: str, start: int, end: int, strip: str = " ") -> Piece:
    while start < end and text[start] in strip + "\n\t":
        start += 1
    while end > start and text[end - 1] in strip + "\n\t":
        end -= 1
    return Piece(start, end, text[start:end])
