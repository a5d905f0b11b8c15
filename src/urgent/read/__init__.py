"""Readers: bytes of any supported format → clean text, metadata, offsets.

    doc = read(data, name="ua.pdf")
    doc.text        # the cleaned text every span indexes into
    doc.to_source(i)  # offset i of doc.text in the raw text the format reader produced

The format is decided from the bytes (``sniff``), not only from the name.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from urgent.errors import ReadError
from urgent.read.clean import clean
from urgent.read.mapped import MappedText
from urgent.read.raw import Meta, RawText, read_raw

__all__ = ["Document", "Meta", "ReadError", "ReadOptions", "read"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class Document:
    text: str
    format: str
    name: str | None
    sha256: str
    meta: Meta = field(default_factory=Meta)
    encoding: str | None = None
    raw: str = ""
    mapped: MappedText | None = None

    def to_source(self, offset: int) -> int | None:
        """Offset in ``raw`` (the format reader's text) of cleaned-text ``offset``."""
        return self.mapped.to_source(offset) if self.mapped else offset


def read(source: bytes | str | Path, name: str | None = None, options: ReadOptions | None = None) -> Document:
    """Read a path or bytes into a cleaned `Document`; raise `ReadError` on bad input."""
    options = options or ReadOptions()
    data = _load(source, options)
    if name is None and isinstance(source, (str, Path)):
        name = Path(source).name
    raw: RawText = read_raw(data, name)
    mapped = clean(raw)
    return Document(
        text=mapped.text,
        format=raw.format,
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        meta=raw.meta,
        encoding=raw.encoding,
        raw=raw.text,
        mapped=mapped,
    )


def _load(source: bytes | str | Path, options: ReadOptions) -> bytes:
    if isinstance(source, bytes):
        data = source
    else:
        # One open, its size from the open file, and a read that stops past the limit
        # (a device or a pipe states no size): no path objects or second lookups.
        try:
            f = open(source, "rb")  # noqa: SIM115 - closed below, whatever happens
        except IsADirectoryError:
            raise ReadError("is a directory") from None
        except OSError as exc:
            raise ReadError(f"cannot open: {exc.strerror or exc}") from None
        with f:
            try:
                size = os.fstat(f.fileno()).st_size
                if size > options.max_bytes:
                    raise ReadError(_too_big(size, options.max_bytes))
                data = f.read(options.max_bytes + 1)
            except OSError as exc:
                raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > options.max_bytes:
        raise ReadError(_too_big(len(data), options.max_bytes))
    if not data.strip():
        raise ReadError("empty document")
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit (--max-size)"
