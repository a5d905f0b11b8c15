"""`urgent serve` in production mode: a real gunicorn on loopback, its own SQLite file.

Production mode refuses to start half-configured, and once started it answers with
the security headers, secure cookies and https redirect a deployment behind an
HTTPS proxy needs, with no debug page for anyone.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

URGENT = ROOT / ".venv" / "bin" / "urgent"
KEY = "k" * 40


def environment(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("URGENT_", "DJANGO_"))}
    env |= {
        "URGENT_PRODUCTION": "true",
        "URGENT_DATA_DIR": str(tmp),
        "URGENT_DATABASE_URL": f"sqlite:///{tmp / 'urgent.sqlite3'}",
        "URGENT_STATIC_ROOT": str(tmp / "static"),
    }
    return env | extra


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ({"URGENT_ALLOWED_HOSTS": "example.org"}, "URGENT_SECRET_KEY"),
        ({"URGENT_SECRET_KEY": "short", "URGENT_ALLOWED_HOSTS": "example.org"}, "URGENT_SECRET_KEY"),
        ({"URGENT_SECRET_KEY": KEY}, "URGENT_ALLOWED_HOSTS"),
        ({"URGENT_SECRET_KEY": KEY, "URGENT_ALLOWED_HOSTS": "x", "URGENT_DEBUG": "true"}, "URGENT_DEBUG"),
    ],
)
def test_production_mode_refuses_to_start_half_configured(tmp_path: Path, extra: dict, said: str) -> None:
    done = subprocess.run(
        [URGENT, "serve", "--bind", "127.0.0.1:1"],
        env=environment(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "urgent.sqlite3").exists()  # nothing was created before refusing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = environment(tmp, URGENT_SECRET_KEY=KEY, URGENT_ALLOWED_HOSTS="127.0.0.1")
    log = (tmp / "serve.log").open("wb")
    process = subprocess.Popen(
        [URGENT, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-worker"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail((tmp / "serve.log").read_text())
                time.sleep(0.25)
        yield base
    finally:
        process.terminate()
        process.wait(30)
        log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def get(url: str, **headers: str) -> tuple[int, dict[str, str], list[str], str]:
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers)
    try:
        response = opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    body = response.read().decode("utf-8", "replace")
    cookies = response.headers.get_all("Set-Cookie") or []
    return response.status, {k.lower(): v for k, v in response.headers.items()}, cookies, body


BEHIND_PROXY = {"X-Forwarded-Proto": "https"}


def test_plain_http_is_sent_to_https(server: str) -> None:
    status, headers, _, _ = get(server + "/")
    assert status == 301 and headers["location"].startswith("https://127.0.0.1")


def test_pages_carry_security_headers_and_secure_cookies(server: str) -> None:
    status, headers, cookies, body = get(server + "/", **BEHIND_PROXY)
    assert status == 200 and "<html" in body
    assert int(headers["strict-transport-security"].split("max-age=")[1].split(";")[0]) >= 31536000
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert cookies and all("Secure" in c and "SameSite=Lax" in c for c in cookies)


def test_no_debug_page_and_unknown_hosts_refused(server: str) -> None:
    status, _, _, body = get(server + "/no-such-page/", **BEHIND_PROXY)
    assert status == 404 and "URLconf" not in body and "Traceback" not in body
    status, _, _, body = get(server + "/", Host="evil.example", **BEHIND_PROXY)
    assert status == 400 and "DisallowedHost" not in body


def test_static_files_are_served_by_the_app_itself(server: str) -> None:
    status, headers, _, body = get(server + "/static/urgent/site.css", **BEHIND_PROXY)
    assert status == 200 and headers["content-type"].startswith("text/css") and "{" in body


def test_the_api_schema_is_published(server: str) -> None:
    status, headers, _, body = get(server + "/api/openapi.json", **BEHIND_PROXY)
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert '"openapi": "3.1' in body
