"""Public pages served before the middleware chain (urgent.web.site.early), through the
real WSGI application: the same answer the full chain gives, or the full chain itself."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import _unmask_cipher_token

from urgent.web import wsgi

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


class Chain:
    """Counts the requests that reached Django's own handler."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return wsgi.django_application(environ, start_response)


@pytest.fixture
def app(monkeypatch) -> Iterator[tuple[Any, Chain]]:
    """The WSGI application, as gunicorn calls it. Like Django's test client, it keeps the
    test's database connection open at the end of a request (the test's transaction)."""
    chain = Chain()
    monkeypatch.setattr(wsgi.application, "django", chain)
    wsgi.application.headers.clear()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield wsgi.application, chain
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def get(app: Any, path: str, method: str = "GET", body: bytes = b"", **headers: str) -> tuple[str, list, str]:
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": headers.pop("host", "testserver"),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "CONTENT_LENGTH": str(len(body)),
        **{f"HTTP_{k.upper()}": v for k, v in headers.items()},
    }
    if method == "POST":
        environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
    answer: dict[str, Any] = {}

    def start_response(status: str, response_headers: list, exc_info: Any = None) -> None:
        answer["status"], answer["headers"] = status, response_headers

    result = app(environ, start_response)
    content = b"".join(result)
    getattr(result, "close", lambda: None)()
    return answer["status"], answer["headers"], content.decode()


def cookie(headers: list, name: str = "csrftoken") -> str:
    found = [v for k, v in headers if k == "Set-Cookie" and v.strip().startswith(f"{name}=")]
    return found[0].strip().split(";")[0].split("=", 1)[1] if found else ""


def test_the_second_visit_gets_the_full_chains_answer_without_the_chain(app, named_case) -> None:
    application, chain = app
    url = f"/cases/{named_case.pk}/"
    status, first_headers, first = get(application, url)  # rendered by the chain: kept, headers noted
    assert chain.calls == 1
    status, headers, page = get(application, url)
    assert chain.calls == 1 and status == "200 OK"
    # the same headers as the chain's (security, CSP, Vary, language), cookie and length aside
    same = {"set-cookie", "content-length"}
    assert sorted((k, v) for k, v in headers if k.lower() not in same) == sorted(
        (k, v) for k, v in first_headers if k.lower() not in same
    )
    assert any(k == "Content-Security-Policy" for k, _ in headers)
    assert dict(headers)["Content-Length"] == str(len(page.encode()))
    # the same page, each with its own token for the visitor's own new secret
    assert TOKEN.sub("", page) == TOKEN.sub("", first) and "A young man faces execution." in page
    secret = cookie(headers)
    assert len(secret) == 32 and _unmask_cipher_token(TOKEN.search(page).group(1)) == secret
    set_cookie = next(v for k, v in headers if k == "Set-Cookie")
    chain_cookie = next(v for k, v in first_headers if k == "Set-Cookie")
    assert set_cookie.split(";", 1)[1] == chain_cookie.split(";", 1)[1]  # same age, path, SameSite


def test_a_returning_visitor_keeps_their_secret_and_the_token_posts(app, named_case) -> None:
    application, chain = app
    url = f"/cases/{named_case.pk}/"
    for _ in range(3):
        get(application, url)
    calls = chain.calls
    _, headers, page = get(application, url)
    secret = cookie(headers)
    _, again_headers, again = get(application, url, cookie=f"csrftoken={secret}")
    assert chain.calls == calls and cookie(again_headers) == secret
    token = TOKEN.search(again).group(1)
    assert _unmask_cipher_token(token) == secret and token != TOKEN.search(page).group(1)
    body = f"language=ko&next=/&csrfmiddlewaretoken={token}".encode()
    status, _, _ = get(application, "/i18n/setlang/", "POST", body, cookie=f"csrftoken={secret}")
    assert status.startswith("302")
    # a forged cookie is not taken: a new secret, as Django would make
    _, forged_headers, _ = get(application, url, cookie="csrftoken=not-a-secret!")
    assert cookie(forged_headers) not in ("", "not-a-secret!")


def test_the_visitors_language_gets_its_own_page(app, named_case) -> None:
    application, chain = app
    url = f"/cases/{named_case.pk}/"
    for _ in range(2):
        get(application, url, accept_language="ko")
        get(application, url)
    calls = chain.calls
    assert '<html lang="ko">' in get(application, url, accept_language="ko")[2]
    assert '<html lang="en">' in get(application, url)[2]
    assert '<html lang="zh-hans">' in get(application, url, cookie="django_language=zh-hans")[2]
    assert chain.calls == calls + 1  # Chinese was not kept yet: the chain rendered it


@pytest.mark.parametrize(
    "headers",
    [
        {"cookie": "sessionid=abc"},  # someone logged in, or with messages waiting
        {"cookie": "messages=abc"},
        {"host": "evil.example"},  # a host the settings do not allow: Django's 400
    ],
)
def test_anything_else_goes_through_the_chain(app, named_case, headers) -> None:
    application, chain = app
    url = f"/cases/{named_case.pk}/"
    for _ in range(2):
        get(application, url)
    calls = chain.calls
    status, _, _ = get(application, url, **headers)
    assert chain.calls == calls + 1
    if "host" in headers:
        assert status.startswith("400")


def test_a_change_is_never_answered_from_memory(app, named_case) -> None:
    application, _ = app
    url = f"/cases/{named_case.pk}/"
    for _ in range(2):
        get(application, url)
    named_case.public_summary = "Moved to an unknown prison."
    named_case.save()
    assert "Moved to an unknown prison." in get(application, url)[2]
    named_case.published = False
    named_case.save()
    assert get(application, url)[0].startswith("404")
