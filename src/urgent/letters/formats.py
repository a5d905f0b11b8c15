"""A letter as plain text, as an e-mail (RFC 5322), as a mailto: link."""

from __future__ import annotations

from collections.abc import Callable
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


def mailto(letter: Letter, shorter: Callable[[], Letter] | None = None) -> str:
    """A mailto: link under the limit: the letter, or a shorter one (never a cut one)."""
    for candidate in (letter, shorter() if shorter else None):
        if candidate is None:
            continue
        to = candidate.target.emails[0] if candidate.target.emails else ""
        link = (
            f"mailto:{quote(to, safe='@')}?subject={quote(candidate.subject)}&body={quote(candidate.body())}"
        )
        if len(link) <= MAILTO_LIMIT:
            return link
    raise TooLong(f"the letter does not fit in a {MAILTO_LIMIT}-character mailto: link; copy it instead")
