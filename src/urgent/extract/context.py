"""What every field extractor sees: the cleaned text, its lines and sections."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from urgent.extract.patterns import Started
from urgent.read import Meta

T = TypeVar("T")

_LINE = re.compile(r"[^\n]+")
# Sentence ends: punctuation then space and a capital, or a paragraph break. The
# shortest run of characters (one at least) up to the first end. Written as a loop
# over characters that cannot end it, so the engine does not try every end at every
# character (four times faster than the same thing written ``[^\n]+?(?:ends)``).
_END_BEFORE_CAPITAL = r"""\s+["“‘'(]?[A-Z0-9]"""
_END_OF_LINE = r"""["”’)]?\s*$"""
_SENTENCE = re.compile(
    rf"[^\n][^\n.!?;]*"
    rf"(?:(?:;(?!{_END_BEFORE_CAPITAL})|[.!?](?!{_END_BEFORE_CAPITAL})(?!{_END_OF_LINE}))[^\n.!?;]*)*"
    rf"(?:[.!?;](?={_END_BEFORE_CAPITAL})|[.!?](?={_END_OF_LINE})|$)",
    re.MULTILINE,
)


class Line(NamedTuple):
    start: int
    end: int
    text: str  # the line as in the cleaned text (no newline)
    stripped: str  # the same without spaces around it

    @classmethod
    def of(cls, start: int, end: int, text: str) -> Line:
        return cls(start, end, text, text.strip())


class Span(NamedTuple):
    start: int
    end: int
    text: str


@dataclass
class Context:
    text: str
    meta: Meta = field(default_factory=Meta)
    name: str | None = None
    today: date | None = None
    format: str = "text"  # the reader's: text | markdown | html | pdf | docx | email
    language: str = "en"
    spans: dict[str, list[int]] = field(default_factory=dict)
    sent_to: list[str] = field(default_factory=list)  # countries people risk being sent to
    _memo: dict[int, Any] = field(default_factory=dict, repr=False)

    def first(self, pattern: Started) -> re.Match[str] | None:
        """The first match of ``pattern`` in the text, searched once per document."""
        return self.once(pattern, lambda: pattern.search(self.text, self.lower))

    def once(self, key: object, make: Callable[[], T]) -> T:
        """``make()``, worked out once per document under ``key`` (a module-level object)."""
        memo_key = id(key)
        if memo_key not in self._memo:
            self._memo[memo_key] = make()
        found: T = self._memo[memo_key]
        return found

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def spaced(self) -> str:
        """The text folded for gazetteer lookups (see `geo._spaced`)."""
        from urgent.extract.geo import _spaced, fold

        return _spaced(fold(self.text))

    @cached_property
    def lines(self) -> list[Line]:
        out = []
        for m in _LINE.finditer(self.text):
            line = m.group()
            out.append(Line(m.start(), m.end(), line, line.strip()))
        return out

    @cached_property
    def sentences(self) -> list[Span]:
        out = []
        for m in _SENTENCE.finditer(self.text):
            sentence = m.group()
            stripped = sentence.strip()
            if stripped:
                s = m.start() + len(sentence) - len(sentence.lstrip())
                out.append(Span(s, s + len(stripped), stripped))
        return out

    @cached_property
    def _country_mentions(self) -> list[Any]:
        from urgent.extract.geo import find_countries

        return find_countries(self.text, spaced=self.spaced)

    @cached_property
    def _country_starts(self) -> list[int]:
        return [m.start for m in self._country_mentions]

    def countries_in(self, start: int, end: int) -> list[Any]:
        """Country names and demonyms within text[start:end], found once per document."""
        found, starts = self._country_mentions, self._country_starts
        i = bisect_left(starts, start)
        out = []
        while i < len(found) and found[i].start < end:
            if found[i].end <= end:
                out.append(found[i])
            i += 1
        return out

    def line_at(self, offset: int) -> Line | None:
        for line in self.lines:
            if line.start <= offset < line.end:
                return line
        return None

    def mark(self, path: str, start: int, end: int) -> None:
        """Record where the value at ``path`` came from (trimmed of spaces)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start:  # an empty span shows nothing: better none
            self.spans[path] = [start, end]

    def find(self, value: str, start: int = 0, end: int | None = None) -> int:
        return self.text.find(value, start, len(self.text) if end is None else end)
