"""Label vocabularies of Urgent Actions, letters and press releases.

Logic reads these; it does not hide them. English first, then the French,
Spanish and German forms of the same labels. All are matched
case-insensitively unless a name says otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from urgent.read.lowered import Lowered, Needled


def rx(*alternatives: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One pattern from alternatives (each wrapped in a group), case-insensitive by default."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives), flags)


def longest_first(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of lower-case ``words`` that prefers the longest word (as
    sorting them longest first does), written as a tree of shared prefixes:
    "ju(?:l(?:y|io)?|n…)". The engine then reads each letter once, where a flat
    list tries every word at every position."""
    tree: dict[str, dict] = {}
    for word in words:
        if not word or word != word.lower():
            raise ValueError(f"words must be lower-case and not empty: {word!r}")
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}
    return _branches(tree)


def by_first_letter(alternatives: tuple[str, ...]) -> str:
    """The alternation of ``alternatives`` (each starting with a lower-case or uncased
    letter), grouped by that letter: "t(?:el|ax)|f(?:ax)". The engine tries one group
    at a position, not every alternative; alternatives with different first letters
    never match at the same place, and each group keeps its alternatives' order, so
    the match is the flat alternation's."""
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        c = a[:1]
        # "ſ" is lower-case too, and matches "s" when case is ignored: not grouped apart
        if not (c.isalpha() and c.upper().lower() == c) or a[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"an alternative must start with a lower-case letter: {a!r}")
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(
        f"{letter}(?:{'|'.join(rest)})" if len(rest) > 1 else letter + (f"(?:{rest[0]})" if rest[0] else "")
        for letter, rest in groups.items()
    )


def _branches(node: dict[str, dict]) -> str:
    """The alternation below one node: longer words first (a greedy optional group),
    then the word that ends here."""
    children = [re.escape(c) + _branches(node[c]) for c in node if c]
    if not children:
        return ""
    inner = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    if "" not in node:
        return inner
    return (inner if len(children) > 1 else "(?:" + inner + ")") + "?"


_LEADING = re.compile(r"^(?:\\b|\^|\\W\*|\(\?<!?[^)]*\)|\(\?i:)+")


def _starts(head: str) -> list[str]:
    """The fixed words one alternative can start with ([] if it cannot tell): its
    literal start, written out every way where a letter is optional or one of a few
    ("re-?trial": "re-trial" and "retrial"; "d[ée]tenu": "detenu" and "détenu"),
    and through a group of alternatives ("(?:and|or) death": "and death", "or death")."""
    variants, _whole = _prefixes(head)
    words = list(dict.fromkeys(v.lower() for v in variants))
    if not all(len(w) >= 2 for w in words):
        return []
    # "monitors?": "monitor" alone, so one match is not tried (and found) twice at one offset
    return [w for w in words if not any(w != v and w.startswith(v) for v in words)]


def _prefixes(head: str) -> tuple[list[str], bool]:
    """The literal texts a match of ``head`` starts with, and whether they are all of it."""
    if head.startswith("(?:"):
        close = _closing(head)
        if close < 0 or head[close + 1 : close + 2] in ("?", "*", "{", "+"):
            return [""], False  # an optional or repeated group
        starts: list[str] = []
        whole = True
        for alternative in _alternatives(head[3:close]):
            found, all_of_it = _prefixes(_LEADING.sub("", alternative))
            starts += found
            whole = whole and all_of_it
        if not whole or len(starts) > _MAX_VARIANTS:
            return starts, False
        rest, whole = _prefixes(head[close + 1 :])
        if len(starts) * len(rest) > _MAX_VARIANTS:
            return starts, False
        return [a + b for a in starts for b in rest], whole
    variants = [""]
    i = 0
    while i < len(head):
        letters, after = _letters_at(head, i)
        quantifier = head[after : after + 1]
        if not letters or quantifier in ("*", "{") or len(variants) * (len(letters) + 1) > _MAX_VARIANTS:
            return variants, False  # the literal start ends ("tortur(e)?", "detain\\w*")
        grown = [v + c for v in variants for c in letters]
        if quantifier == "+":
            return grown, False
        if quantifier == "?":
            if head[after + 1 : after + 2] in ("?", "+"):
                return variants, False  # a lazy or possessive "?"
            grown += variants
            after += 1
        variants, i = grown, after
    return variants, True


_MAX_VARIANTS = 8
_CLASS_OF_LETTERS = re.compile(r"\[(\w+)\]")


def _letters_at(head: str, i: int) -> tuple[str, int]:
    """The letters one may find at ``head[i]`` (a letter, or a class of letters such as
    "[ée]") and where what follows them starts; "" where no letter is fixed."""
    c = head[i]
    if c.isalnum() or c in "_'- ":
        return c, i + 1
    m = _CLASS_OF_LETTERS.match(head, i)
    return (m.group(1), m.end()) if m else ("", i)


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    out, begin = [], 0
    for at, c, depth in _structure(source):
        if c == "|" and depth == 0:
            out.append(source[begin:at])
            begin = at + 1
    out.append(source[begin:])
    return out


def _closing(source: str) -> int:
    """The offset of the ")" closing the group that opens ``source`` (-1 if none)."""
    return next((at for at, c, depth in _structure(source) if c == ")" and depth == 0), -1)


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """The "(", ")" and "|" of a pattern (not escaped, not in a character class), each
    with its offset and the depth of groups after it."""
    depth, i = 0, 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 1
        elif c == "[":
            i = _class_end(source, i)
        elif c in "()|":
            depth += 1 if c == "(" else -1 if c == ")" else 0
            yield i, c, depth
        i += 1


def _class_end(source: str, at: int) -> int:
    """The offset of the "]" closing the character class opened at ``at``."""
    i = at + 1
    if source[i : i + 1] == "^":
        i += 1
    if source[i : i + 1] == "]":
        i += 1  # a "]" first in a class is a literal
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i


def _required(pattern: str) -> str:
    """A word every match must contain, outside groups and classes ("" if none)."""
    depth, plain = 0, []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            plain.append(" ")
            i += 2
            continue
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
            plain.append(" ")
        elif depth == 0:
            nxt = pattern[i + 1 : i + 2]
            plain.append(" " if nxt in ("?", "*", "{") or c in "?*+{}|.^$" else c)
        i += 1
    words = [w for w in "".join(plain).lower().split() if w.isalpha() and len(w) >= 4]
    return max(words, key=len) if words else ""


class _Vocabulary:
    """The fixed words that gate the patterns below, found in a text in one pass
    (Aho-Corasick): a pattern is then tried only where one of its words occurs."""

    def __init__(self) -> None:
        self.words: dict[str, None] = {}
        self._matcher: _Matcher | None = None
        self._last: tuple[_Matcher, str, _Index] | None = None

    def add(self, *words: str) -> None:
        for word in words:
            if word and word not in self.words:
                self.words[word] = None
                self._matcher = None  # rebuilt with the new word when next needed

    def _current(self) -> _Matcher:
        matcher = self._matcher
        if matcher is None:
            matcher = self._matcher = _Matcher(tuple(self.words))
        return matcher

    def present(self, lower: str) -> frozenset[str]:
        """The words that occur in ``lower`` (lower-cased text)."""
        return self._current().present(lower)

    def index(self, lower: str) -> _Index:
        """Word → every offset where it occurs in ``lower`` (lower-cased text), ascending."""
        matcher = self._current()
        last = self._last
        if last is not None and last[0] is matcher and last[1] is lower:
            return last[2]  # the same text as the call before: most calls
        # a whole document is indexed once, however many patterns and parts ask
        index = _cached_index(matcher, lower) if len(lower) >= _CACHE_FROM else matcher.index(lower)
        self._last = (matcher, lower, index)
        return index


_CACHE_FROM = 1000  # characters: shorter texts (lines, sentences) are indexed afresh


class _Matcher:
    def __init__(self, words: tuple[str, ...]) -> None:
        import ahocorasick_rs

        self.words = words
        # a DFA: some hundreds of words make a small one, scanned 1.6 times as fast as the default
        self.automaton = ahocorasick_rs.AhoCorasick(
            words, store_patterns=True, implementation=ahocorasick_rs.Implementation.DFA
        )

    def present(self, lower: str) -> frozenset[str]:
        """The words that occur in ``lower``."""
        return frozenset(self.automaton.find_matches_as_strings(lower, overlapping=True))

    def index(self, lower: str) -> _Index:
        out = _Index()
        words = self.words
        for i, start, _end in self.automaton.find_matches_as_indexes(lower, overlapping=True):
            word = words[i]
            if word in out:
                out[word].append(start)
            else:
                out[word] = [start]
        for offsets in out.values():
            offsets.sort()
        out.words = frozenset(out)
        return out


class _Index(dict[str, list[int]]):
    """Word → its offsets, ascending; ``words``: the words, as a set."""

    words: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def _cached_index(matcher: _Matcher, lower: str) -> _Index:
    return matcher.index(lower)


_VOCABULARY = _Vocabulary()


class Wording:
    """Alternative phrasings of one thing. Each is tried only where its first
    word occurs (or only if a word it must contain occurs): one pass finds every
    such word in the text (`_Vocabulary`), far cheaper than trying dozens of
    alternatives at every position."""

    def __init__(self, *alternatives: str) -> None:
        self.parts: list[tuple[list[str], str, re.Pattern[str]]] = []
        self._by_word: dict[str, list[int]] = {}  # first word → the parts it may start
        self._always: list[int] = []  # parts with no first word: tried wherever their required word is
        for a in alternatives:
            starts = _starts(_LEADING.sub("", a))
            required = "" if starts else _required(a)
            for word in starts:
                self._by_word.setdefault(word, []).append(len(self.parts))
            if not starts:
                self._always.append(len(self.parts))
            self.parts.append((starts, required, re.compile(a, re.IGNORECASE)))
            _VOCABULARY.add(*starts, required)
        self._words = frozenset(self._by_word)

    def finditer(
        self, text: str, start: int = 0, end: int | None = None, lower: str | None = None
    ) -> list[re.Match[str]]:
        """All matches in text[start:end], in order (``lower``: text.lower(), if at hand)."""
        end = len(text) if end is None else end
        lower = text.lower() if lower is None else lower
        if len(lower) != len(text):  # lower-casing changed lengths (rare letters): no shortcut
            return self._everywhere(text, start, end)
        index = _VOCABULARY.index(lower)
        hits: list[re.Match[str]] = []
        for k in self._tried(index):  # in the order of the parts, as ties keep it
            starts, required, pattern = self.parts[k]
            if not starts:
                if not required or _occurs(index.get(required), len(required), start, end):
                    hits.extend(pattern.finditer(text, start, end))
                continue
            for literal in starts:
                offsets = index.get(literal)
                if not offsets:
                    continue
                last = end - len(literal)  # the word must lie inside text[start:end]
                for i in range(bisect_left(offsets, start), len(offsets)):
                    at = offsets[i]
                    if at > last:
                        break
                    m = pattern.match(text, at, end)  # tried only where its first word occurs
                    if m:
                        hits.append(m)
        return sorted(hits, key=lambda m: m.start())

    def _everywhere(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """The same matches found without the word index: each alternative with a first
        word at every offset where it matches, as if tried at each of its first words."""
        hits: list[re.Match[str]] = []
        for starts, _required, pattern in self.parts:
            if not starts:
                hits.extend(pattern.finditer(text, start, end))
                continue
            pos = start
            while m := pattern.search(text, pos, end):
                hits.append(m)
                pos = m.start() + 1
        return sorted(hits, key=lambda m: m.start())

    def search(
        self, text: str, start: int = 0, end: int | None = None, lower: str | None = None
    ) -> re.Match[str] | None:
        """The first of `finditer`'s matches, found without the others: each alternative
        is tried only before the best match so far (an earlier alternative wins a tie)."""
        end = len(text) if end is None else end
        lower = text.lower() if lower is None else lower
        if len(lower) != len(text):
            found = self._everywhere(text, start, end)
            return found[0] if found else None
        index = _VOCABULARY.index(lower)
        best: re.Match[str] | None = None
        for k in self._tried(index):
            starts, required, pattern = self.parts[k]
            before = best.start() if best else end + 1  # a match must start before this to win
            if not starts:
                if not required or _occurs(index.get(required), len(required), start, end):
                    m = pattern.search(text, start, end)
                    if m and m.start() < before:
                        best = m
                continue
            for literal in starts:
                offsets = index.get(literal)
                if not offsets:
                    continue
                last = min(end - len(literal), before - 1)
                for i in range(bisect_left(offsets, start), len(offsets)):
                    at = offsets[i]
                    if at > last:
                        break
                    m = pattern.match(text, at, end)
                    if m:
                        best, before = m, at
                        break
        return best

    def _tried(self, index: _Index) -> list[int]:
        """The alternatives that may match a text with this word index, in order."""
        if not self._always and self._words.isdisjoint(index.words):
            return []  # none of its first words occurs: most wordings in most texts
        tried = set(self._always)
        for word in self._words.intersection(index.words):
            tried.update(self._by_word[word])
        return sorted(tried)

    def absent(self, present: frozenset[str]) -> bool:
        """True when no alternative can match a text holding only the words ``present``
        (see `words_in`)."""
        return not self._always and self._words.isdisjoint(present)


class Words:
    """Fixed words, found in a text in the same one pass as the wordings' first words."""

    def __init__(self, *words: str) -> None:
        if any(w != w.lower() or not w for w in words):
            raise ValueError(f"words must be lower-case: {words}")
        self.words = words
        _VOCABULARY.add(*words)

    def offsets(self, lower: str, start: int = 0, end: int | None = None) -> list[int]:
        """Where one of the words starts in lower[start:end] (``lower``: a lower-cased
        text), ascending."""
        end = len(lower) if end is None else end
        index = _VOCABULARY.index(lower)
        found: list[int] = []
        for word in self.words:
            offsets = index.get(word)
            if offsets:
                found += offsets[bisect_left(offsets, start) : bisect_left(offsets, end)]
        return sorted(found)


def words_in(lower: str) -> frozenset[str]:
    """The wordings' first words that occur in ``lower`` (lower-cased text)."""
    return _VOCABULARY.present(lower)


def _occurs(offsets: list[int] | None, length: int, start: int, end: int) -> bool:
    if not offsets:
        return False
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] + length <= end


class Started:
    """A whole-text pattern whose every match starts with one of a few fixed words.

    It is tried only at the offsets where one of those words occurs (found with
    the wordings' first words, in one pass per document), not at every position:
    a pattern that starts with a word boundary gives the regex engine nothing to
    skip ahead to. The matches are those of ``pattern.finditer``: leftmost first,
    none overlapping. ``starts``: the words, lower-cased, "|"-separated; a match
    may start with any letter case of one of them. A `Lowered` pattern runs over
    the lower-cased text, as it would by itself. ``runs``: a pattern for runs of
    characters a match may also start with (runs of digits), tried at the first of each
    run only: the pattern must not match from inside a run (it looks behind for
    a boundary). Digits are too common to index one by one.
    """

    def __init__(
        self, pattern: re.Pattern[str] | Lowered, starts: str, runs: re.Pattern[str] | None = None
    ) -> None:
        self.pattern = pattern.pattern if isinstance(pattern, Lowered) else pattern
        self.fast = pattern.fast if isinstance(pattern, Lowered) else None  # run over the lower-cased text
        self.starts = tuple(starts.split("|"))
        self.runs = runs
        if any(w != w.lower() or not w for w in self.starts):
            raise ValueError(f"starting words must be lower-case: {starts}")
        _VOCABULARY.add(*self.starts)

    def finditer(
        self, text: str, lower: str | None = None, start: int = 0, end: int | None = None
    ) -> list[re.Match[str]]:
        """Matches in text[start:end] (``lower``: text.lower(), if at hand)."""
        return list(self._matches(text, lower, start, end))

    def search(
        self, text: str, lower: str | None = None, start: int = 0, end: int | None = None
    ) -> re.Match[str] | None:
        return next(self._matches(text, lower, start, end), None)

    def _matches(self, text: str, lower: str | None, start: int, end: int | None) -> Iterator[re.Match[str]]:
        end = len(text) if end is None else end
        lower = text.lower() if lower is None else lower
        if len(lower) != len(text):  # offsets of the lower-cased text would not be the text's
            yield from self.pattern.finditer(text, start, end)
            return
        index = _VOCABULARY.index(lower)
        candidates: list[int] = []
        for word in self.starts:
            offsets = index.get(word)
            if offsets:
                candidates += offsets if start == 0 else offsets[bisect_left(offsets, start) :]
        if self.runs is not None:
            candidates += [m.start() for m in self.runs.finditer(lower, start, end)]
        candidates.sort()
        match = self.fast.match if self.fast is not None else self.pattern.match
        subject = lower if self.fast is not None else text
        pos = start
        for at in candidates:
            if at < pos:
                continue  # inside the last match, or the same offset again
            if at >= end:
                break
            m = match(subject, at, end)
            if m:
                yield m
                pos = max(m.end(), at + 1)


class Gated:
    """A pattern tried only when one of its words occurs in the (lower-cased) text.

    Its top-level alternatives are then tried one by one, each only when one of the
    words it starts with occurs too: a search for sixteen alternatives, most with a
    word boundary first, otherwise tries all sixteen at every position of the line.
    The match is the whole pattern's (leftmost, then the first alternative)."""

    def __init__(self, pattern: re.Pattern[str], words: str) -> None:
        self.pattern = pattern
        self.words = tuple(words.split("|"))
        self._words = frozenset(self.words)
        _GATE_WORDS.add(*self.words)
        sources = _alternatives(pattern.pattern)
        self._parts = [re.compile(a, pattern.flags) for a in sources] if len(sources) > 1 else []
        self._by_word: dict[str, list[int]] = {}
        self._always: list[int] = []  # parts whose first words cannot be told
        for i, source in enumerate(sources if self._parts else []):
            starts = _starts(source)
            for word in starts:
                self._by_word.setdefault(word, []).append(i)
            if not starts:
                self._always.append(i)
            _GATE_WORDS.add(*starts)
        # An alternative's own first words open the gate too: the words given may miss
        # one ("urging" is not "urge"), and a wider gate never loses a match.
        self._words = frozenset(self.words) | frozenset(self._by_word)

    def match(self, text: str) -> re.Match[str] | None:
        for part in self._tried(text):
            m = part.match(text)
            if m:
                return m
        return None

    def search(self, text: str) -> re.Match[str] | None:
        best = None
        for part in self._tried(text):  # each over the whole line: "$" and lookarounds see all of it
            m = part.search(text)
            if m and (best is None or m.start() < best.start()):
                best = m
        return best

    def _tried(self, text: str) -> list[re.Pattern[str]]:
        """The patterns to try on ``text``, in order: none when the gate is shut, else the
        alternatives whose words occur (the whole pattern when it cannot tell)."""
        last = _LAST_PRESENT
        present = last[1] if last[0] is text else _present(text)
        if self._words.isdisjoint(present):
            return []
        if not self._parts or not (text.isascii() or len(text.lower()) == len(text)):
            return [self.pattern]  # one alternative, or lower-casing moved the words
        tried = set(self._always)
        for word in present.intersection(self._by_word):
            tried.update(self._by_word[word])
        return [self._parts[i] for i in sorted(tried)]


_GATE_WORDS = _Vocabulary()
_LAST_PRESENT: tuple[str, frozenset[str]] = ("", frozenset())


def _present(text: str) -> frozenset[str]:
    """The gate words in ``text``: a line is looked up once for all the headings
    tried on it one after another."""
    global _LAST_PRESENT
    last = _LAST_PRESENT
    if last[0] is text:
        return last[1]
    present = _GATE_WORDS.present(text.lower())
    _LAST_PRESENT = (text, present)
    return present


class Headings(NamedTuple):
    urgent_action: Gated
    further_information: Gated
    stop_action: Gated
    action: Gated
    appeals_to: Gated
    copies_to: Gated
    background: Gated
    action_end: Gated


HEADINGS = Headings(
    urgent_action=Gated(
        rx(
            r"^\W*urgent action\W*$",
            r"^\W*action urgente\W*$",
            r"^\W*acci[oó]n urgente\W*$",
            r"^\W*a[çc][ãa]o urgente\W*$",
            r"^\W*urgent(?:e)? (?:action|appeal)s?\b",
            r"^\W*eilaktion\W*$",
            r"^\W*UA\s*(?:No\.?\s*)?\d{1,4}/\d{2,4}\b",
        ),
        "urgent|acci|eilaktion|ua|ação|acao",
    ),
    further_information=Gated(
        rx(
            r"\bfurther information on (?:UA|urgent action)\b",
            r"\bUA\s+update\b",
            r"\bupdate(?:d)? (?:to|on) (?:UA|urgent action)\b",
            r"\bcompl[ée]ment d'information\b",
            r"\bcompl[ée]ment d.informations? sur l'AU\b",
            r"\binformaci[oó]n complementaria\b",
            r"\bm[aá]s informaci[oó]n sobre (?:la )?AU\b",
            r"\bweitere informationen zu\b",
            r"\bFU\s*\d{1,4}/\d{2}\b",
        ),
        "further|update|follow|compl|informaci|weitere|fu",
    ),
    stop_action=Gated(
        rx(
            r"\bno further (?:appeals|action) (?:is|are)? ?(?:requested|needed|required)\b",
            r"\bstop action\b",
            r"\bplease stop (?:sending )?appeals\b",
            r"\bno se requieren m[aá]s (?:acciones|llamamientos)\b",
            r"\baucune action compl[ée]mentaire n'est requise\b",
            r"\bplus aucune action\b",
        ),
        "no further|stop|no se requieren|aucune|plus aucune",
    ),
    # Where the recommended actions start.
    action=Gated(
        rx(
            r"^\W*(?:further )?(?:recommended|suggested) action\b",
            r"^\W*what (?:you can|to) do\b",
            r"\bplease (?:write|send|email|fax|call|tweet)\b[^.\n]{0,160}(?::|\bto:?\s*$)",
            r"\b(?:write|send) (?:appeals|letters|faxes|emails)\b[^.\n]{0,120}:\s*$",
            r"^\W*(?:acci[oó]n recomendada|acciones recomendadas)\b",
            r"\bescriban? (?:inmediatamente )?en\b",
            r"^\W*action recommand[ée]e\b",
            r"\b[ée]crivez (?:imm[ée]diatement )?en\b",
            r"\bescrevam? (?:imediatamente )?em\b",
            r"^\W*a[çc][ãa]o recomendada\b",
            r"\bbitte schreiben sie\b",
            r"^\W*empfohlene aktion\b",
            r"^\W*take action\b",
            # "Front Line Defenders urges the authorities in Bahrain to:", "we urge you to:"
            r"\b(?:urges?|urging|calls? (?:on|upon)|calling on|requests?|asks?|appeals? to)\b[^.\n]{0,100}\bto\s*:\s*$",
            r"(?:敦促|呼吁|要求|促请|吁请)[^\n]{0,20}[：:]\s*$",
            r"(?:촉구|요구|촉구한다|요청)[^\n]{0,20}[:.]?\s*$",
            r"\b(?:demand(?:e|ent|ons)|appel(?:le|lent|ons)|exhort(?:e|ent|ons))\b[^.\n]{0,100}:\s*$",
            r"\b(?:pide|pedimos|insta|instamos)\b[^.\n]{0,100}:\s*$",
        ),
        "recommended|suggested|what |please|write|send|escri|crivez|acci|action|escrev|ação|acao|bitte|aktion|urge|urging|call|request|ask|appeal|demand|appel|pide|insta|敦促|呼吁|要求|促请|吁请|촉구|요구|요청",
    ),
    # "PLEASE SEND APPEALS BEFORE 3 MARCH 2019 TO:", "APPEALS TO TURKISH AUTHORITIES:".
    appeals_to=Gated(
        rx(
            r"^\W*(?:please )?send (?:your )?appeals\b.{0,80}\bto\s*:?\s*$",
            r"^\W*appeals? to\b[^.\n]{0,80}:?\s*$",
            r"^\W*(?:please )?(?:write|send) to\s*:\s*$",
            r"^\W*(?:please )?(?:send|write|address|direct) (?:your )?(?:letters|faxes|e-?mails)\b[^.\n]{0,60}\bto\s*:?\s*$",
            r"^\W*(?:env[ií]en|env[ií]e) (?:sus )?llamamientos\b.{0,80}\ba\s*:?\s*$",
            r"^\W*llamamientos a\b[^.\n]{0,80}:?\s*$",
            r"^\W*(?:merci d'envoyer|envoyez) vos appels\b.{0,80}\b[àa]\s*:?\s*$",
            r"^\W*appels? [àa]\b[^.\n]{0,80}:?\s*$",
            r"^\W*(?:por favor,? )?envie(?:m)? (?:os (?:seus )?)?apelos\b.{0,80}\bpara\s*:?\s*$",
            r"^\W*apelos para\b[^.\n]{0,80}:?\s*$",
            r"^\W*(?:postal )?addresses(?: of the authorities)?\s*:\s*$",
            r"^\W*adresses?\s*:\s*$",
            r"^\W*direcciones\s*:\s*$",
            r"^\W*bitte schicken sie ihre appelle\b.{0,80}\ban\s*:?\s*$",
        ),
        "appeal|llamamiento|appel|write to|send to|addresses|adresse|direcciones|apelos|letters|faxes|mails",
    ),
    copies_to=Gated(
        rx(
            r"^\W*(?:and |also |please )?(?:send )?(?:a )?cop(?:y|ies) to\b",
            r"^\W*cc\s*[:：]",
            r"^\W*抄送\s*[:：]",
            r"^\W*참조\s*[:：]",
            r"^\W*(?:y |e )?(?:env[ií]en )?copias a\b",
            r"^\W*(?:et )?copies? [àa]\b",
            r"^\W*(?:e )?(?:envie(?:m)? )?(?:tamb[ée]m )?c[óo]pias para\b",
            r"^\W*kopien an\b",
        ),
        "cop|cc|抄送|참조|kopien|cópias|copias|send",
    ),
    background=Gated(
        rx(
            r"^\W*(?:additional|background) information\W*$",
            r"^\W*background\W*$",
            r"^\W*informaci[oó]n (?:adicional|complementaria)\W*$",
            r"^\W*(?:informations? (?:g[ée]n[ée]rales?|compl[ée]mentaires?)|compl[ée]ment d'information)\W*$",
            r"^\W*hintergrundinformationen\W*$",
            r"^\W*informa[çc](?:[ãa]o|[õo]es) adiciona(?:l|is)\W*$",
        ),
        "information|background|informaci|compl|hintergrund|informação|informações|informacao|informacoes",
    ),
    action_end=Gated(
        rx(
            r"\bcheck with\b.{0,80}\bif sending appeals after\b",
            r"^\W*please send appeals immediately\b",
            r"\bconsult(?:ez|en)?\b.{0,80}\b(?:apr[eè]s|despu[ée]s)\b",
            r"^\W*(?:pri[eè]re d['’]intervenir|intervenez) imm[ée]diatement\b",
            r"^\W*env[ií]en (?:sus )?llamamientos inmediatamente\b",
        ),
        "check|appeals|consult|prière|priere|intervenez|envíen|envien",
    ),
)

# The same headings looked for in a whole text.
FURTHER_INFORMATION_ANYWHERE = Started(
    HEADINGS.further_information.pattern,
    "further information on|ua|update|compl|informaci|más|mas|weitere informationen zu|fu",
)
STOP_ACTION_ANYWHERE = Started(
    HEADINGS.stop_action.pattern,
    "no further|stop action|please stop|no se requieren|aucune action|plus aucune",
)

# "Salutation: Your Excellency" and its translations.
SALUTATION_LABEL = rx(
    r"^\W*(?:salutations?|formules? d['’]appel|formule de politesse|tratamiento|tratamento|saludo|anrede|称呼|호칭)\s*[:：]\s*"
)

# Contact labels inside an addressee block.
CONTACT_LABELS = (
    r"t[ée]l(?:ephone|[ée]phone|[ée]fono)?\.?\s*/\s*fax",
    r"fax\s*/\s*t[ée]l(?:ephone)?\.?",
    r"faxe?s?",
    r"fax(?:es)? (?:number|no\.?)",
    r"t[ée]l[ée]copie(?:ur)?",
    r"telefax",
    r"telegrams?",
    r"t[ée]l[ée]grammes?",
    r"telegramas?",
    r"telex(?:es)?",
    r"t[ée]lex",
    r"t[ée]l(?:ephone|[ée]phone|[ée]fono)?s?\.?",
    r"phones?",
    r"mobile",
    r"m[oó]vil",
    r"cell",
    r"e-?mails?",
    r"courriel",
    r"correo(?:[- ]e(?:lectr[oó]nico)?)?",
    r"twitter",
    r"facebook",
    r"web ?site",
    r"website",
    r"web",
    r"site web",
    r"sitio web",
    r"instagram",
)
_CONTACT_LABEL = rx(
    rf"(?<![\w/])(?P<label>{by_first_letter(CONTACT_LABELS)})"
    r"\s*(?::|：|\.(?=\s*[+(\d])|(?=\s*[+(]\d))"
    rf"|(?P<cjk>{by_first_letter(('电话', '傳真', '传真', '电子邮件', '电邮', '邮箱', '전화', '팩스', '이메일', '전자우편'))})\s*[:：]"
)
# Every label ends at one of these characters (or just before "+" or "(" and a digit).
CONTACT_LABEL = Needled(_CONTACT_LABEL, re.compile("[:：.+(]"))
CJK_CONTACT = {
    "电话": "tel",
    "传真": "fax",
    "傳真": "fax",
    "电子邮件": "email",
    "电邮": "email",
    "邮箱": "email",
    "전화": "tel",
    "팩스": "fax",
    "이메일": "email",
    "전자우편": "email",
}
FAX_LABELS = ("fax", "telefax", "télécopie", "telecopie")
PHONE_LABELS = (
    "tel",
    "tél",
    "phone",
    "mobile",
    "móvil",
    "movil",
    "cell",
    "téléphone",
    "telephone",
    "teléfono",
)

# Sentences that hand over to diplomats rather than name a target.
DIPLOMATS = rx(
    r"\bdiplomatic representatives?\b",
    r"\brepresentantes? diplom[aá]tic",
    r"\brepr[ée]sentants? diplomatiques?\b",
)

# Section office reminders and similar closing lines; never a target line.
NON_TARGET_LINE = rx(
    r"\bcheck with\b",
    r"\bif sending appeals after\b",
    r"\bplease send appeals\b",
    r"\baccredited to your country\b",
    r"\bacreditad[oa]s en su pa[ií]s\b",
    r"\bacreditad[oa]s no seu pa[ií]s\b",
    r"\bverifique junto da sua sec[çc][ãa]o\b",
    r"\baccr[ée]dit[ée]s dans votre pays\b",
)

# Kind cues.
LETTER_CLOSING = rx(
    r"^\W*(?:yours )?(?:sincerely|faithfully|respectfully|truly)(?: yours)?\W*$",
    r"^\W*(?:with )?(?:best|kind) regards\W*$",
    r"^\W*respectfully submitted\W*$",
    r"^\W*(?:cordialement|veuillez agr[ée]er\b.*)\W*$",
    r"^\W*(?:atentamente|cordialmente)\W*$",
    r"^\W*mit freundlichen gr[üu](?:ß|ss)en\W*$",
    r"^\W*此致\W*$",
    r"^\W*敬礼\W*$",
)
LETTER_OPENING = rx(
    r"^\W*(?:dear|estimad[oa]s?|monsieur|madame|sehr geehrte[rn]?)\b.{0,100}[,:]?\s*$",
    r"^\W*(?:your (?:excellency|honou?r|majesty|highness)|excellency|excelencia|excellence|sir|madam)\s*[,:]\s*$",
    r"^\W*(?:尊敬的|존경하는).{1,30}$",
)
RE_LINE = rx(r"^\W*(?:re|subject|objet|asunto|betreff)\s*:\s*\S", r"^\W*(?:事由|主题|关于|제목)\s*[:：]\s*\S")
PRESS_CUES = rx(
    r"\b(?:said|says|stated) (?:today|on \w+day)\b",
    r"\btoday said\b",
    r"^\W*\([A-Z][\w .'-]{1,40}\)\s*[–—-]",
    r"\b(?:news|press) release\b",
    r"\bfor immediate release\b",
    r"\bdijo hoy\b",
    r"\ba d[ée]clar[ée] aujourd'hui\b",
    r"\bsagte heute\b",
    r"^\W*(?:보도자료|新闻稿|新闻发布|新聞稿|communiqu[ée] de presse|comunicado de prensa|nota de prensa|"
    r"comunicado (?:à|de) imprensa)\W*$",
    flags=re.IGNORECASE | re.MULTILINE,  # the cues with "^" start a line anywhere in the text
)
PRESS_LABEL = rx(
    r"^\W*(?:for immediate release|press release|news release|media release|보도자료|新闻稿|新闻发布|"
    r"communiqu[ée] de presse|comunicado de prensa)\W*$"
)

# Numbers of UAs and document indexes.
UA_NUMBER = re.compile(
    r"\b(?:UA|AU|EA|Urgent Action|Acci[oó]n Urgente|Action Urgente)\s*(?:No\.?|N[°º]|number|#)?\s*:?\s*"
    r"(?P<n>\d{1,4})\s*/\s*(?P<y>\d{2}(?:\d{2})?)\b",
    re.IGNORECASE,
)
# The same, run over a whole lower-cased text (its groups are digits, as in the text).
UA_NUMBER_ANYWHERE = Started(Lowered(UA_NUMBER), "ua|au|ea|urgent action|acci|action urgente")
FOLLOWS_UA = re.compile(
    r"\b(?:further information on|update (?:to|on)|follow-?up to|compl[ée]ment d'information sur l'|"
    r"informaci[oó]n complementaria sobre la |weitere informationen zu)\s*"
    r"(?:UA|AU|EA|urgent action)\s*:?\s*(?P<n>\d{1,4})\s*/\s*(?P<y>\d{2}(?:\d{2})?)\b"
    r"(?:\s*\((?P<index>[A-Z]{3}\s*\d{2}/\d{2,5}/\d{2,4})\))?",
    re.IGNORECASE,
)
# The same, over a whole text.
FOLLOWS_UA_ANYWHERE = Started(
    FOLLOWS_UA, "further information on|update|follow|compl|informaci|weitere informationen zu"
)
INDEX_LABELLED = Started(
    re.compile(
        r"\b(?:AI\s+)?(?:Index|Índice|Indice)(?:\s+(?:AI|No\.?|number))?\s*:?\s*(?:AI\s*:?\s*)?"
        r"(?P<index>[A-Z]{3}\s*\d{2}\s*/\s*\d{2,5}\s*/\s*\d{2,4})\b",
    ),
    "ai|index|índice|indice",
)
_INDEX_SERIES = r"(?:AFR|AMR|ASA|EUR|MDE|ACT|POL|IOR|ORG|NWS|FIN)\s*\d{2}\s*/"
INDEX_BARE = Needled(
    re.compile(rf"\b(?P<index>{_INDEX_SERIES}\s*\d{{2,5}}\s*/\s*\d{{2,4}})\b"),
    re.compile(_INDEX_SERIES),
)

# Dates a document states about itself.
ISSUE_LABEL = Wording(
    r"\bissue date\s*:?\s*",
    r"\bissued(?: on)?\s*:?\s*",
    r"\bpublished(?: on)?\s*:?\s*",
    r"\bpublication date\s*:?\s*",
    r"\bfecha(?: de (?:emisi[oó]n|publicaci[oó]n))?\s*:?\s*",
    r"\bdatum\s*:?\s*",
    r"\bdate (?:of issue|issued|d['’](?:[ée]mission|publication))\s*:?\s*",
    r"(?<![\w-])date\s*:\s*",
    r"(?:배포일|발표일|날짜|日期|发布日期|發布日期)\s*[:：]\s*",
)
# Each alternative starts with a fixed word (see `Wording`).
DEADLINE_BEFORE = Wording(
    r"take action\b[^.\n]{0,40}?\buntil\s*:?\s*",
    r"take action before\s*:?\s*",  # "PLEASE TAKE ACTION BEFORE: 30 June 2023"
    r"write to [^.\n]{1,60}?\b(?:before|by)\s+",  # "Write to the Belarusian authorities before 10 December"
    r"until\s*:\s*",
    r"send(?:ing)? (?:your )?appeals\b[^.\n]{0,40}?\b(?:before|by|until|no later than)\s+",
    r"appeals? (?:should|must) (?:be )?(?:sent|received|arrive)\b[^.\n]{0,20}?\b(?:before|by)\s+",
    r"before the deadline(?: of)?\s+",
    r"by the deadline(?: of)?\s+",
    r"deadline(?: for appeals)?\s*:\s*",
    r"envoy(?:er|ez) vos appels avant (?:le )?",
    r"avant le\s+(?=\d)",
    r"llamamientos antes del?\s+",
    r"antes del?\s+(?=\d)",
    r"appelle (?:vor|bis zum)\s+",
    r"apelos (?:at[ée]|antes de)\s+(?:ao? )?",  # "POR FAVOR ENVIE APELOS ATÉ 10 DE JUNHO DE 2016"
)
DEADLINE_AFTER = Wording(
    r"if sending appeals after\s+(?:the\s+)?",
    r"si (?:vous )?envoy(?:ez|er) (?:des|vos) appels apr[eè]s (?:le\s+)?",
    r"si env[ií]an? (?:los )?(?:llamamientos )?despu[ée]s del?\s+",
    r"enviarlos despu[ée]s del?\s+",  # "si van a enviarlos después del 15 de mayo de 2004"
    # "APRÈS LE 17 AVRIL 1998, VÉRIFIEZ AUPRÈS DE VOTRE SECTION S'IL FAUT ENCORE INTERVENIR"
    r"apr[eè]s le\s+(?=[^,.\n]{6,30},\s*v[ée]rifiez)",
)

# "in English, Chinese or your own language".
LANGUAGE_REQUEST = Started(
    rx(
        r"\b(?:[Ww]rite|WRITE|appeals?|letters?|faxes|emails?|telegrams?)\b[^.\n]{0,120}?\bin\s+(?:either\s+)?"
        r"(?P<list>(?:[A-Z][a-z]+(?:,\s*|\s+(?:or|and)\s+))*[A-Z][a-z]+)"
        r"(?:,?\s+(?:or|and)\s+(?:in\s+)?your own(?: language)?)?",
        r"(?i:\bpreferred languages? (?:to address|for) (?:the )?targets?\s*:\s*)(?P<list_pref>[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)*)",
        r"(?i:\b(?:[ée]crivez|lettres|t[ée]l[ée]copies|appels)\b[^.]{0,120}?\ben\s+)(?P<list_fr>[\w ,]+?)(?i:\s+ou dans votre (?:propre )?langue)",
        r"(?i:\b(?:escriban?|env[ií]en|cartas|llamamientos)\b[^.]{0,120}?\ben\s+)(?P<list_es>[\w ,]+?)(?i:\s+o en su (?:propio )?idioma)",
        r"(?i:\b(?:escrevam?|envie|cartas|apelos)\b[^.]{0,120}?\bem\s+)(?P<list_pt>[\w ,]+?)(?i:\s+ou na sua (?:pr[óo]pria )?l[íi]ngua)",
        flags=0,
    ),
    "write|appeal|letter|faxes|email|telegram|preferred language|écrivez|ecrivez|escriba"
    "|lettres|télécopies|telecopies|appels|envíen|envien|cartas|llamamientos|escreva|escrevam|envie|apelos",
)
OWN_LANGUAGE = rx(
    r"your own language",
    r"votre (?:propre )?langue",
    r"su (?:propio )?idioma",
    r"sua (?:pr[óo]pria )?l[íi]ngua",
)

# Group headings under which asks sit: "urging the Iranian authorities to:".
ASK_GROUP = rx(
    r"\b(?:urging|calling on|asking|urges|calls on|call on|write to|writing to)\s+the\s+(?P<group5>(?:authorities|government)\s+(?:in|of)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})",
    r"\b(?:urging|calling on|asking|to|appeals? to|urges|calls on)\s+(?:the\s+)?(?P<group>(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,4}\s+"
    r"(?:authorities|government|officials|police|president|prosecutor|authority))\b",
    r"\b(?:urging|calling on|asking|urges|calls on|call on)\s+(?:the\s+)?(?P<group7>(?-i:[A-Z]{3,8}))\s+to\b",  # "urging UNHCR to:"
    r"\b(?:aux|à l[ae'’]\s?|a las?|a los|às|aos)\s*(?P<group6>(?:autorités|autoridades|gouvernement|gobierno|governo)\s+[\w-]+)",
    r"^\W*appeals? to\s+(?:the\s+)?(?P<group2>[^:\n]{2,60}?)\s*:\s*$",
    r"^\W*llamamientos a\s+(?:las?\s+)?(?P<group3>[^:\n]{2,60}?)\s*:\s*$",
    r"^\W*appels? [àa]\s+(?:l[ae]s?\s+|l')?(?P<group4>[^:\n]{2,60}?)\s*:\s*$",
    flags=re.IGNORECASE,
)

# Bullets and list marks before an ask.
BULLET = re.compile(
    r"^\s*(?:(?:[-*•·▪◦‣●○■□➢➤►–—]|\(?\d{1,2}[.)]|\(?[a-hA-H][.)]|\(?(?:i{1,3}|iv|vi{0,3}|ix|x)[.)])\s+"
    r"|[（(]?[一二三四五六七八九十]{1,3}[、.）)]\s*)"
)

# Verbs that open a recommended action (imperative or participle).
ASK_VERBS = (
    "que de "
    "abide allow bring call calling cease commute conduct demand disclose do drop end ensure "
    "establish express expressing free give grant guarantee halt hold immediately investigate "
    "lift let make not note noting overturn permit prevent protect provide publicly put quash "
    "ratify refrain release reveal respect return revoke seek set stop take treat uphold urge "
    "urging ask asking abolish adapt amend repeal request requesting reconsider acknowledge allowing"
).split()

# Who demands what in press releases: "X should …", "HRW calls on X to …".
SHOULD = re.compile(
    r"\b(?:should|must|needs? to|ought to)\s+(?:immediately\s+|urgently\s+|also\s+|not\s+)?[a-z]"
)
# "…the two women must be given access to medical care": a demand whatever the subject
SHOULD_PASSIVE = re.compile(
    r"\b(?:should|must)\s+(?:immediately\s+|urgently\s+)?be\s+(?:immediately\s+)?(?:given|granted|released|"
    r"allowed|freed|protected|provided|permitted|transferred|investigated|dropped|quashed)\b"
)
CALLS_ON = re.compile(
    r"\b(?:calls?|calling|called|urges?|urging|urged|appeals?) (?:on|upon)?\s*(?:the\s+)?[A-Z][\w'’ ]{1,60}?\s+to\s+[a-z]"
)
REQUEST_LEAD = re.compile(
    r"\b(?:we|I)\s+(?:(?:respectfully|strongly|urgently|therefore|also|further|again)\s+)*"
    r"(?:write to (?:request|urge|ask)|request|urge|ask|call on|appeal to|implore)\s+"
    r"(?:that\s+)?(?:you(?:r (?:government|excellency|office))?|the [A-Z][\w ]{1,50}?)\s+(?:to\s+)?"
    # "Please ensure that his family is protected": a request in a model letter
    r"|(?<![\w,] )\bplease\s+(?=(?:ensure|release|stop|halt|guarantee|allow|grant|order|investigate|"
    r"take|drop|quash|commute|end)\b)",
    re.IGNORECASE,
)
ATTRIBUTION = re.compile(
    r",?\s*(?:[A-Z][\w'’&. -]{2,60}?|the group|the organi[sz]ation)\s+(?:said|says|stated)(?: today| on \w+| in [^.]{1,40})?\s*[.!]?\s*$"
    r"|,?\s*(?:said|says)\s+[A-Z][\w'’ .-]{2,60}?\s*[.!]?\s*$"
)
# MULTILINE: matched at a sentence's start inside the text, "^" must hold after a newline
DATELINE = re.compile(r"^\s*\((?P<place>[A-Z][\w .'-]{1,40})\)\s*[–—-]\s*", re.MULTILINE)

# Organisations we know by several names.
ORGANISATIONS = {
    "Amnesty International": [
        r"amnesty international",
        r"amnist[ií]a internacional",
        r"amnistie internationale",
        r"AI Index",
        r"\bAI\s+Index",
        r"국제앰네스티",
        r"国际特赦组织",
    ],
    "Human Rights Watch": [r"human rights watch", r"\bHRW\b", r"휴먼라이츠워치", r"人权观察"],
    "International Federation for Human Rights": [
        r"\bFIDH\b",
        r"international federation for human rights",
        r"f[ée]d[ée]ration internationale pour les droits humains",
    ],
    "World Organisation Against Torture": [r"\bOMCT\b", r"world organi[sz]ation against torture"],
    "Front Line Defenders": [r"front line defenders"],
    "International Commission of Jurists": [r"international commission of jurists", r"\bICJ\b"],
    "Reporters Without Borders": [r"reporters without borders", r"reporters sans fronti[eè]res", r"\bRSF\b"],
    "Committee to Protect Journalists": [r"committee to protect journalists", r"\bCPJ\b"],
    "PEN International": [r"\bPEN International\b"],
    "Article 19": [r"\bARTICLE 19\b"],
    "Freedom House": [r"\bfreedom house\b"],
    "Human Rights First": [r"\bhuman rights first\b"],
    "CIVICUS": [r"\bCIVICUS\b"],
    "Asian Human Rights Commission": [r"asian human rights commission", r"\bAHRC\b"],
    "Physicians for Human Rights": [r"physicians for human rights"],
    "Redress": [r"\bREDRESS\b"],
    "Reprieve": [r"\bReprieve\b"],
    "Protection International": [r"\bprotection international\b"],
    "Peace Brigades International": [r"peace brigades international", r"\bPBI\b"],
    "Minority Rights Group": [r"minority rights group"],
    "Human Rights in China": [r"human rights in china\b(?! \w)"],
    "Chinese Human Rights Defenders": [r"chinese human rights defenders", r"\bCHRD\b"],
}
ORGANISATION_RES = {
    name: re.compile("|".join(p), re.IGNORECASE if name not in ("Article 19",) else 0)
    for name, p in ORGANISATIONS.items()
}
_SPACE = r"[ \t\n]+"  # a name may wrap across lines ("AMNESTY\nINTERNATIONAL")
ORGANISATION_WORDINGS = {
    name: Wording(*(a.replace(" ", _SPACE) for a in p)) for name, p in ORGANISATIONS.items()
}
# A generic organisation name: "<Capitalised words> (Centre|Coalition|…) for/of …".
ORG_NAME = re.compile(
    r"\b(?:[A-Z][\w'’&-]+\s+){0,5}(?:Network|Centre|Center|Coalition|Alliance|Association|Foundation|Institute|"
    r"Commission|Committee|Federation|League|Union|Society|Watch|Project|Initiative|Council|Forum|Defenders)"
    r"(?:\s+(?:for|of|on|against)\s+(?:the\s+)?(?:[A-Z][\w'’&-]+\s*){1,5})?"
)

# Honorifics before a name.
HONORIFIC = re.compile(
    r"^(?:(?:his|her|their|your) (?:excellency|excellencies|majesty|highness|honou?r)|h\.?\s?e\.?|"
    r"the (?:right )?hon(?:ou?rable|\.)?|hon\.?|mr\.?|mrs\.?|ms\.?|miss|mme\.?|mlle\.?|m\.|dr\.?|prof\.?|"
    r"sr\.?|sra\.?|srta\.?|don|doña|dña\.?|herrn?|frau|monsieur|madame|señor|señora|general|gen\.|"
    r"colonel|col\.|datu|comisionad[oa](?: general)?|comissári[oa]|commissaire|judge|justice|sheikh|shaikh|imam|ayatollah|hojjatoleslam|hojatoleslam|shri|smt\.?|king|queen|prince|sultan|emir|"
    r"sua excel[êe]ncia|exmo\.?|exma\.?|dra\.|abog\.|abogad[oa]|ing\.|lic\.|licda\.|lcd[oa]\.|licenciad[oa]|excmo\.?|excma\.?|ilmo\.?|gral\.|div\.|lt\.?|lieutenant|major|brigadier|"
    r"captain|capt\.|counsell?or|ambassador|rev\.|reverend|father|bishop|me\.|ma[iî]tre|dott\.|"
    r"\d{1,2}[.)]|\(\d{1,2}\)|[a-h]\))\s+",
    re.IGNORECASE,
)

# Month names by language, for the date parser.
MONTHS = {
    "en": "january february march april may june july august september october november december",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janv": 1,
    "févr": 2,
    "fevr": 2,
    "avr": 4,
    "juil": 7,
    "déc": 12,
    "ene": 1,
    "abr": 4,
    "ago": 8,
    "dic": 12,
    "setiembre": 9,
    "fév": 2,
    "mär": 3,
    "okt": 10,
    "dez": 12,
}
