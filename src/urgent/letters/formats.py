"""A letter as plain text, as an e-mail (RFC 5322), as a mailto: link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formatdate
from urllib.parse import quote

from urgent.letters.compose import Letter

MAILTO_LIMIT = 2000  # longer links are cut by some browsers and mail clients


class TooLong(Exception):
    """Even the shortest form of the letter does not fit in a mailto: link."""


def text(letter: Letter) -> str:
    out = letter.text()
    if letter.warning:
        out = f"[{letter.warning}]\n\n{out}"
    return out


def eml(letter: Letter, sender_email: str | None = None, now: datetime | None = None) -> bytes:
    """The letter as an e-mail to the target's first address, UTF-8, ready to send or open."""
    msg = EmailMessage()
    if letter.target.emails:
        msg["To"] = letter.target.emails[0]
    if sender_email:
        msg["From"] = sender_email
    msg["Subject"] = letter.subject
    msg["Date"] = format_datetime(now) if now else formatdate(localtime=False, usegmt=True)
    msg.set_content(letter.body() + "\n", charset="utf-8")
    msg["Content-Language"] = letter.language
    return msg.as_bytes()


@dataclass(frozen=True)
class Mailto:
    link: str
    complete: bool  # False: the letter is too long for a link; the link opens an e-mail without it


def mailto(letter: Letter, shorter: Callable[[], Letter] | None = None) -> Mailto:
    """A mailto: link under the limit: the letter, or a shorter one, never a cut one.

    Non-Latin scripts take up to nine characters per letter once escaped, so a
    Chinese or Korean letter may not fit at all: then the link carries the
    address and the subject only, and says so (``complete`` is False) so the
    page can ask the supporter to paste the letter.
    """
    for candidate in (letter, shorter() if shorter else None):
        if candidate is None:
            continue
        link = _link(candidate, candidate.body())
        if len(link) <= MAILTO_LIMIT:
            return Mailto(link, complete=True)
    link = _link(letter, None)
    if len(link) > MAILTO_LIMIT:
        raise TooLong(f"even the subject does not fit in a {MAILTO_LIMIT}-character mailto: link")
    return Mailto(link, complete=False)


def _link(letter: Letter, body: str | None) -> str:
    to = letter.target.emails[0] if letter.target.emails else ""
    link = f"mailto:{quote(to, safe='@')}?subject={quote(letter.subject)}"
    return link + (f"&body={quote(body)}" if body is not None else "")
