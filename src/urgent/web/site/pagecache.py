"""Public pages from the cache, for anonymous visitors.

Thousands of supporters open the same few pages when an appeal goes out. An
anonymous visitor's home and case pages are kept, rendered, in the shared cache
(settings.CACHES) for up to a minute, under a version that changes whenever a
case, its people, events or action count change, so a new count or a correction
shows at once. The CSRF token in a cached page's forms is the visitor's own: it
is put in when the page is served. Logged-in visitors, and visitors with a
session (who may have messages waiting), always get a freshly rendered page.

Each process also keeps the pages it served lately in its own memory, under the
same keys, and trusts the version it last read for up to a second
(VERSION_CHECK): a hit then costs no trip to the shared cache at all (on
PostgreSQL that trip was half a hit's time). A change made in this process shows
at once in it; other processes and machines see it within that second. The
visitor who made the change is never the one kept waiting: an "I sent it" that
is not answered in JSON opens a session, and campaigners are logged in, so
their own pages are never from the cache. On an appeal day, when actions are
logged several times a second, this also keeps each page from being rendered
again after every single action.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
from django.utils.translation import get_language

TTL = 60  # seconds: a change missed by a race shows within this at worst
VERSION_KEY = "urgent:public-pages:version"
TOKEN = "\x00csrf\x00"
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')

PAGE_KEY = "urgent.page_key"  # in the WSGI environ (request.META) of a request for a public page
VERSION_CHECK = 1.0  # seconds a process trusts the version it read last
LOCAL_PAGES = 256  # pages kept in each process's memory, the least recently served dropped first

View = Callable[..., HttpResponse]
Page = tuple[float, str, str]  # (expires, as time.time(); content type; body with TOKEN in its forms)


def public_page(view: View) -> View:
    @wraps(view)
    def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(request, get_language())
        request.META[PAGE_KEY] = key  # for `early`: the page's headers are noted under this key
        kept = _local.get(key) or _shared_get(key)
        if kept is not None:
            _, content_type, body = kept
            return HttpResponse(with_token(body, request), content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            body = _TOKEN_FIELD.sub(rf"\g<1>{TOKEN}\g<2>", response.content.decode(response.charset))
            page = (time.time() + TTL, response["Content-Type"], body)
            cache.set(key, page, TTL)
            _local.put(key, page)
        return response

    return serve


class _LocalPages:
    """This process's most recently served pages, each until its shared entry expires."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pages: OrderedDict[str, Page] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> Page | None:
        with self.lock:
            page = self.pages.get(key)
            if page is None:
                return None
            if page[0] <= time.time():
                del self.pages[key]
                return None
            self.pages.move_to_end(key)
            return page

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()

    def put(self, key: str, page: Page) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


_local = _LocalPages(LOCAL_PAGES)


def trusted_version() -> str | None:
    """The version this process trusts now without asking the shared cache, if any."""
    return _version.value if time.monotonic() < _version.until else None


def local_page(key: str) -> Page | None:
    return _local.get(key)


def with_token(body: str, request: HttpRequest) -> str:
    """A kept page's body with the visitor's own CSRF token in its forms."""
    return body.replace(TOKEN, _masked_token(request))


def _shared_get(key: str) -> Page | None:
    page = cache.get(key)
    if not (isinstance(page, tuple) and len(page) == 3) or page[0] <= time.time():
        return None  # absent, expired, or kept by an older release in another shape
    _local.put(key, page)
    return page


_ALPHABET = len(CSRF_ALLOWED_CHARS)
_INDEX = {c: i for i, c in enumerate(CSRF_ALLOWED_CHARS)}


def _masked_token(request: HttpRequest) -> str:
    """The visitor's CSRF token, as django.middleware.csrf.get_token gives it, only faster.

    get_token draws its 32-character mask one character at a time (a third of a cache
    hit's time); here the mask is 32 base-62 digits of one 256-bit draw. The secret
    and the flag that makes CsrfViewMiddleware send the cookie are get_token's own."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:  # a first visit: a new secret, as get_token would make
        secret = "".join(CSRF_ALLOWED_CHARS[d] for d in _digits(CSRF_SECRET_LENGTH))
        request.META["CSRF_COOKIE"] = secret
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = _digits(CSRF_SECRET_LENGTH)
    cipher = (CSRF_ALLOWED_CHARS[(_INDEX[c] + m) % _ALPHABET] for c, m in zip(secret, mask, strict=True))
    return "".join(CSRF_ALLOWED_CHARS[m] for m in mask) + "".join(cipher)


def _digits(count: int) -> list[int]:
    """count uniformly random base-62 digits (62**32 < 2**191: 256 bits leave no bias worth the name)."""
    number = int.from_bytes(secrets.token_bytes(32))
    digits = []
    for _ in range(count):
        number, digit = divmod(number, _ALPHABET)
        digits.append(digit)
    return digits


def changed() -> None:
    """Public pages may show something else now: those cached are not served again.

    Called at once (the change is visible to this connection) and again after the
    commit (a page rendered meanwhile from the old rows is not kept either)."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    _version.remember(version)


class _Version:
    """The shared version as this process read it last, trusted for VERSION_CHECK seconds."""

    def __init__(self) -> None:
        self.value: str | None = None
        self.until = 0.0

    def current(self) -> str:
        if self.value is not None and time.monotonic() < self.until:
            return self.value
        version = cache.get(VERSION_KEY)
        if version is None:  # the first page since the cache was emptied: whoever adds first wins
            candidate = uuid.uuid4().hex
            cache.add(VERSION_KEY, candidate, None)
            version = cache.get(VERSION_KEY, candidate)
        self.remember(version)
        return version

    def remember(self, version: str) -> None:
        self.value, self.until = version, time.monotonic() + VERSION_CHECK

    def forget(self) -> None:
        self.value, self.until = None, 0.0


_version = _Version()


def forget() -> None:
    """Drop what this process keeps (tests empty the shared cache between them, and this with it)."""
    _version.forget()
    _local.clear()


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def page_key(request: HttpRequest, language: str, version: str | None = None) -> str:
    """Where a public page is kept: by version (``version``, else the one trusted now),
    language, day and full path."""
    version = version or _version.current()
    # today's date: "3 days left" changes at midnight even when nothing else does
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"urgent:page:{version}:{language}:{date.today().isoformat()}:{path}"
