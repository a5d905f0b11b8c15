"""Public pages from this process's memory, before Django's middleware runs.

When an appeal goes out, most requests are anonymous visitors opening the same
few pages, and most of the time a cached page takes is spent in the middleware
chain around it. The layer here answers such a request itself when, and only
when, the full chain would give the same answer:

- a GET with no session or messages cookie (an anonymous visitor with nothing
  waiting), for a host the settings allow, not one the https redirect would send
  elsewhere;
- the page is in this process's memory (`pagecache`) under the version this
  process trusts now, in the visitor's language, and the full chain has served
  it once already: its headers (security headers, CSP, Vary, Content-Language)
  were noted then and are given again;
- the visitor gets their own CSRF token and cookie, as CsrfViewMiddleware
  would give them.

Anything else, including every first request for a page, goes to Django.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CSRF_TOKEN_LENGTH
from django.utils.translation import get_language_from_request

from urgent.web.site import pagecache

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

# Headers the full chain adds to every response: given again, not noted.
_PER_RESPONSE = {"set-cookie", "content-length"}


class EarlyPublicPages:
    def __init__(self, django: WSGIApp) -> None:
        self.django = django
        self.headers: dict[tuple[str, bool], list[tuple[str, str]]] = {}
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "GET" or not _anonymous(environ):
            return self.django(environ, start_response)
        request = WSGIRequest(environ)
        answer = self._answer(request)
        if answer is not None:
            headers, body = answer
            start_response("200 OK", headers)
            return [body]
        return self.django(environ, self._noting(environ, request.is_secure(), start_response))

    def _answer(self, request: WSGIRequest) -> tuple[list[tuple[str, str]], bytes] | None:
        version = pagecache.trusted_version()
        if version is None:
            return None
        try:
            request.get_host()  # a host the settings do not allow: Django answers 400
        except DisallowedHost:
            return None
        secure = request.is_secure()
        if settings.SECURE_SSL_REDIRECT and not secure:
            return None
        key = pagecache.page_key(request, get_language_from_request(request), version)
        noted = self.headers.get((key, secure))
        page = pagecache.local_page(key) if noted is not None else None
        if page is None or noted is None:
            return None
        _, content_type, text = page
        request.META["CSRF_COOKIE"] = _secret(request.COOKIES.get(settings.CSRF_COOKIE_NAME))
        body = pagecache.with_token(text, request).encode(_charset(content_type))
        cookie = HttpResponse()
        cookie.set_cookie(  # as CsrfViewMiddleware sets it on every page that has a form
            settings.CSRF_COOKIE_NAME,
            request.META["CSRF_COOKIE"],
            max_age=settings.CSRF_COOKIE_AGE,
            domain=settings.CSRF_COOKIE_DOMAIN,
            path=settings.CSRF_COOKIE_PATH,
            secure=settings.CSRF_COOKIE_SECURE,
            httponly=settings.CSRF_COOKIE_HTTPONLY,
            samesite=settings.CSRF_COOKIE_SAMESITE,
        )
        headers = [*noted, ("Content-Length", str(len(body)))]
        headers += [("Set-Cookie", c.output(header="")) for c in cookie.cookies.values()]
        return headers, body

    def _noting(self, environ: dict[str, Any], secure: bool, start_response: StartResponse) -> StartResponse:
        """start_response that notes the headers of a public page served by the full chain."""

        def noting(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            key = environ.get(pagecache.PAGE_KEY)
            if key and status.startswith("200 "):
                kept = [(k, v) for k, v in headers if k.lower() not in _PER_RESPONSE]
                with self.lock:
                    if len(self.headers) >= 4 * pagecache.LOCAL_PAGES:
                        self.headers.clear()
                    self.headers[(key, secure)] = kept
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        return noting


def _anonymous(environ: dict[str, Any]) -> bool:
    cookies = environ.get("HTTP_COOKIE", "")
    return (
        settings.SESSION_COOKIE_NAME
        not in cookies  # a name seen in a value only sends the request the long way
        and "messages" not in cookies
        and not settings.CSRF_USE_SESSIONS
        and not settings.DISALLOWED_USER_AGENTS  # CommonMiddleware's refusals: left to it
    )


def _secret(cookie: str | None) -> str | None:
    """The secret in a CSRF cookie, as CsrfViewMiddleware reads it (None: a new one is made)."""
    if not cookie or any(c not in CSRF_ALLOWED_CHARS for c in cookie):
        return None
    if len(cookie) == CSRF_SECRET_LENGTH:
        return cookie
    if len(cookie) == CSRF_TOKEN_LENGTH:  # a masked cookie from an older Django
        from django.middleware.csrf import _unmask_cipher_token

        return _unmask_cipher_token(cookie)
    return None


def _charset(content_type: str) -> str:
    _, _, rest = content_type.partition("charset=")
    return rest.split(";")[0].strip() or settings.DEFAULT_CHARSET
