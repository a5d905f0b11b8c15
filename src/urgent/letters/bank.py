"""Phrase banks: the wording of letters, one TOML file per language.

Every bank has the same keys and the same number of variants per key as the
English one, so a sentence rendered from (key, variant) in one language has
an exact counterpart in every other: that is how a supporter gets the meaning
of a letter in their own language, sentence by sentence.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "zh", "ko", "fr", "es", "de")
OPTIONAL = frozenset(
    {"royal", "salutation_end", "title_name"}
)  # keys a bank may add where its language needs them


class BankError(Exception):
    """A phrase bank that does not match the English one."""


@dataclass(frozen=True)
class Bank:
    language: str
    data: dict[str, Any]

    @property
    def locale(self) -> str:
        return str(self.data["meta"]["locale"])

    def variants(self, section: str, key: str, one: bool = False) -> list[str]:
        table = self.data[section]
        if one and f"{key}_one" in table:
            return list(table[f"{key}_one"])
        return list(table[key])

    def get(self, section: str, key: str) -> str:
        return str(self.data[section][key])

    def join(self, items: list[str]) -> str:
        meta = self.data["meta"]
        if len(items) <= 1:
            return "".join(items)
        return meta["list_separator"].join(items[:-1]) + meta["list_last"] + items[-1]

    def quote(self, text: str) -> str:
        meta = self.data["meta"]
        return f"{meta['quote_open']}{text}{meta['quote_close']}"

    def sender_place(self, town: str, country: str) -> str:
        """Where the sender lives, as this language writes it ("Porto, Portugal", "首尔（韩国）")."""
        if not country:
            return town
        return str(self.data["meta"]["sender_place"]).format(town=town, country=country)


@cache
def bank(language: str) -> Bank:
    if language not in LANGUAGES:
        raise BankError(f"no phrase bank for {language!r}; available: {', '.join(LANGUAGES)}")
    path = resources.files("urgent.letters") / "phrases" / f"{language}.toml"
    with path.open("rb") as f:
        return Bank(language, tomllib.load(f))


def check(language: str) -> list[str]:
    """How a bank differs from the English one (empty when it matches)."""
    ref, other = bank("en").data, bank(language).data
    problems = []
    for section, table in ref.items():
        if section not in other:
            problems.append(f"[{section}] missing")
            continue
        for key, value in table.items():
            if key not in other[section]:
                if not key.endswith("_one") and key not in OPTIONAL:  # agreement forms only where needed
                    problems.append(f"[{section}] {key} missing")
                continue
            counted = isinstance(value, list) and section in ("sentences", "asks")
            if counted and len(other[section][key]) != len(value):
                problems.append(
                    f"[{section}] {key}: {len(other[section][key])} variants, English has {len(value)}"
                )
        for key in other[section]:
            base = re.sub(r"_(?:one|[A-Z]{2})$", "", key)  # agreement forms, titles for one country
            if base not in table and key not in OPTIONAL:
                problems.append(f"[{section}] {key} is not in the English bank")
            elif (
                key.endswith("_one")
                and isinstance(table.get(base), list)
                and len(other[section][key]) != len(table[base])
            ):
                problems.append(f"[{section}] {key}: not as many variants as {base}")
    return problems
