"""Markdown and template pages (Hugo, Jekyll, Jinja sources saved as text).

Front matter goes into `Meta`; template tags and HTML comments are removed;
the markdown itself stays (the cleaner removes ``#`` and ``**`` marks).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib

from urgent.read.decode import decode_text
from urgent.read.raw import Meta, RawText

_FRONT_MATTER = re.compile(
    r"\A\ufeff?\s*"
    r"(?:---[ \t]*\n(?P<yaml>.*?)\n---|\+\+\+[ \t]*\n(?P<toml>.*?)\n\+\+\+)"
    r"[ \t]*(?:\n|\Z)",
    re.S,
)
_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(.*)$", re.M)
_TOML_KEY = re.compile(r"^[A-Za-z_][\w-]*[ \t]*=", re.M)
# No braces inside a tag: keeps the search linear on hostile input ("{{{{…").
TEMPLATE_TAG = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\{#[^{}]*#\}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def front_matter(text: str) -> re.Match[str] | None:
    """The front matter block at the start of ``text``, if it looks like one.

    A text may start with a line of three dashes on its own; it is front matter
    only when the block holds ``key: value`` (YAML) or ``key = value`` (TOML).
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    if match.group("yaml") is not None and _YAML_KEY.search(match.group("yaml")):
        return match
    if match.group("toml") is not None and _TOML_KEY.search(match.group("toml")):
        return match
    return None


def read_markdown(data: bytes) -> RawText:
    text, encoding = decode_text(data)
    meta = Meta()
    match = front_matter(text)
    if match:
        meta = _yaml_meta(match["yaml"]) if match["yaml"] is not None else _toml_meta(match["toml"])
        text = text[match.end() :]
    text = TEMPLATE_TAG.sub("", _strip_comments(text))
    return RawText(text, "markdown", meta, encoding)


def _strip_comments(text: str) -> str:
    """Remove ``<!-- … -->``; str.find, not a regex: unclosed comments cost no backtracking."""
    parts: list[str] = []
    position = 0
    while (start := text.find("<!--", position)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        parts.append(text[position:start])
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def _yaml_meta(block: str) -> Meta:
    # Only flat `key: value` lines: title, date and author are all we take, and a
    # YAML parser would add a dependency for nothing.
    values = {key.lower(): _unquote(value.strip()) for key, value in _YAML_KEY.findall(block)}
    return Meta(
        title=values.get("title") or None,
        date=_iso_date(values.get("date")),
        author=values.get("author") or None,
    )


def _toml_meta(block: str) -> Meta:
    try:
        values = tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return Meta()
    title, author = values.get("title"), values.get("author")
    return Meta(
        title=title if isinstance(title, str) and title else None,
        date=_iso_date(values.get("date")),
        author=author if isinstance(author, str) and author else None,
    )


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _iso_date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = _ISO_DATE.match(value.strip())
        if match:
            try:
                return dt.date.fromisoformat(match.group()).isoformat()
            except ValueError:
                return None
    return None
