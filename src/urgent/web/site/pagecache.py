"""Public pages from the cache, for anonymous visitors.

Thousands of supporters open the same few pages when an appeal goes out. An
anonymous visitor's home and case pages are kept, rendered, in the shared cache
(settings.CACHES) for up to a minute, under a version that changes whenever a
case, its people, events or action count change, so a new count or a correction
shows at once. The CSRF token in a cached page's forms is the visitor's own: it
is put in when the page is served. Logged-in visitors, and visitors with a
session (who may have messages waiting), always get a freshly rendered page.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

TTL = 60  # seconds: a change missed by a race shows within this at worst
VERSION_KEY = "urgent:public-pages:version"
TOKEN = "\x00csrf\x00"
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')

View = Callable[..., HttpResponse]


def public_page(view: View) -> View:
    @wraps(view)
    def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        kept = cache.get(key)
        if kept is not None:
            content_type, body = kept
            return HttpResponse(body.replace(TOKEN, get_token(request)), content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            body = _TOKEN_FIELD.sub(rf"\g<1>{TOKEN}\g<2>", response.content.decode(response.charset))
            cache.set(key, (response["Content-Type"], body), TTL)
        return response

    return serve


def changed() -> None:
    """Public pages may show something else now: those cached are not served again.

    Called at once (the change is visible to this connection) and again after the
    commit (a page rendered meanwhile from the old rows is not kept either)."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request: HttpRequest) -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    # today's date: "3 days left" changes at midnight even when nothing else does
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"urgent:page:{version}:{get_language()}:{date.today().isoformat()}:{path}"
