"""What every field extractor sees: the cleaned text, its lines and sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from urgent.read import Meta

_LINE = re.compile(r"[^\n]+")
# Sentence ends: punctuation then space and a capital, or a paragraph break.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?;](?=\s+[\"“‘'(]?[A-Z0-9])|[.!?](?=[\"”’)]?\s*$)|$)", re.MULTILINE)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # the line as in the cleaned text (no newline)

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass
class Context:
    text: str
    meta: Meta = field(default_factory=Meta)
    name: str | None = None
    today: date | None = None
    language: str = "en"
    spans: dict[str, list[int]] = field(default_factory=dict)

    @cached_property
    def lines(self) -> list[Line]:
        return [Line(m.start(), m.end(), m.group()) for m in _LINE.finditer(self.text)]

    @cached_property
    def sentences(self) -> list[Span]:
        out = []
        for m in _SENTENCE.finditer(self.text):
            s, e = m.start(), m.end()
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and self.text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Span(s, e, self.text[s:e]))
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
        self.spans[path] = [start, end]

    def find(self, value: str, start: int = 0, end: int | None = None) -> int:
        return self.text.find(value, start, len(self.text) if end is None else end)
