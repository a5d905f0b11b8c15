"""Case-insensitive patterns run case-sensitively over lower-cased text.

Python's re runs an alternation of many words about three times slower with
IGNORECASE. A pattern written in lower case finds the same matches in
``text.lower()``, at the same offsets whenever lower-casing keeps the text's
length (it does not for a few rare letters: then the IGNORECASE pattern runs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Lowered:
    def __init__(self, pattern: re.Pattern[str]) -> None:
        # an upper-case escape (\S, \W, \D, \B…) or group name would change once lower-cased
        if re.search(r"\\[A-Z]", pattern.pattern) or any(n != n.lower() for n in pattern.groupindex):
            raise ValueError(f"cannot be lower-cased: {pattern.pattern[:60]}")
        source = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
        self.pattern = pattern
        self.fast = re.compile(source, pattern.flags & ~re.IGNORECASE)

    def finditer(
        self, text: str, lower: str | None = None, start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches in text[start:end] (``lower``: text.lower(), if at hand). Their groups may
        be of the lower-cased text; their offsets are always the text's."""
        lower = text.lower() if lower is None else lower
        end = len(text) if end is None else end
        if len(lower) != len(text):
            return self.pattern.finditer(text, start, end)
        return self.fast.finditer(lower, start, end)


class Needled:
    """A pattern tried only where a cheaper pattern it needs occurs.

    Every match of ``pattern`` holds a match of ``needle``. The needle starts with a
    literal or a character class, which the regex engine skips to at C speed, while the
    pattern (a word boundary or a capital first) is tried at every position. Most texts
    lack the needle, and then the pattern is not run at all.
    """

    def __init__(self, pattern: re.Pattern[str], needle: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needle = needle

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else endpos
        return self.pattern.search(text, pos, endpos) if self.needle.search(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(text) if endpos is None else endpos
        return self.pattern.finditer(text, pos, endpos) if self.needle.search(text, pos, endpos) else iter(())
