"""Text that remembers where each character came from.

Cleaning rewrites the raw text many times (re-flow, boilerplate, markdown
marks). `MappedText` applies each rewrite as a list of edits and composes the
offset maps, so a span of the final text still points back into the raw text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Edit = tuple[int, int, str]  # replace text[start:end] with the string


@dataclass(frozen=True)
class Run:
    """``length`` characters at ``start`` copied unchanged from ``source``."""

    start: int
    source: int
    length: int


class MappedText:
    def __init__(self, text: str, runs: list[Run] | None = None) -> None:
        self.text = text
        self.runs = runs if runs is not None else [Run(0, 0, len(text))] if text else []

    def __len__(self) -> int:
        return len(self.text)

    def to_source(self, offset: int) -> int:
        """Raw offset of ``offset``; inserted characters map to the next copied one."""
        if not self.runs:
            return 0
        i = bisect_right([r.start for r in self.runs], offset) - 1
        if i < 0:
            return self.runs[0].source
        run = self.runs[i]
        if offset < run.start + run.length:
            return run.source + offset - run.start
        if i + 1 < len(self.runs):
            return self.runs[i + 1].source
        return run.source + run.length

    def apply(self, edits: Iterable[Edit]) -> MappedText:
        """Apply non-overlapping edits (any order); unchanged text keeps its map."""
        out: list[str] = []
        runs: list[Run] = []
        old = self.runs
        k = 0  # first old run that may overlap what is kept next
        pos = new_pos = 0

        def keep(a: int, b: int) -> None:
            nonlocal k, new_pos
            if b <= a:
                return
            out.append(self.text[a:b])
            while k < len(old) and old[k].start + old[k].length <= a:
                k += 1
            j = k
            while j < len(old) and old[j].start < b:
                r = old[j]
                lo, hi = max(a, r.start), min(b, r.start + r.length)
                if hi > lo:
                    runs.append(Run(new_pos + lo - a, r.source + lo - r.start, hi - lo))
                j += 1
            new_pos += b - a

        for start, end, repl in sorted(edits):
            if start < pos:
                continue  # overlapping edit: the earlier one wins
            keep(pos, start)
            out.append(repl)
            new_pos += len(repl)
            pos = end
        keep(pos, len(self.text))
        return MappedText("".join(out), _merge(runs))

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> MappedText:
        """Like ``pattern.sub`` but keeping the map."""
        edits = []
        for m in pattern.finditer(self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new != m.group(0):
                edits.append((m.start(), m.end(), new))
        return self.apply(edits) if edits else self


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for r in runs:
        if merged:
            p = merged[-1]
            if p.start + p.length == r.start and p.source + p.length == r.source:
                merged[-1] = Run(p.start, p.source, p.length + r.length)
                continue
        merged.append(r)
    return merged
