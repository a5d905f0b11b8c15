"""Browser tests: Debian's Chromium driven by Playwright against a live server on the
test database (SQLite or PostgreSQL). Screenshots go to artifacts/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web.conftest import (  # noqa: F401  (fixtures)
    PASSWORD,
    campaigner,
    ingest_file,
    published,
    restore_signals,
    seeds_ingested,
    supporter,
)

# Playwright's sync API runs an event loop in this thread; the test's own database
# set-up is still synchronous, so Django must be told that is intended here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install chromium (.ci/run does)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


def log_in(page, base_url: str, user) -> None:
    """Log in through the site's own form, as a person would."""
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Keep a picture of what the user saw (the whole page, or the window), as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def unlabelled(page) -> list[str]:
    """Form fields a screen-reader user could not tell apart: each field must be what
    page.get_by_label finds with the text of its own label. The start of each one missing."""
    missing = []
    fields = page.locator("input:not([type=hidden]), select, textarea")
    for i in range(fields.count()):
        field = fields.nth(i)
        name = field.evaluate("e => e.labels.length ? e.labels[0].textContent : e.ariaLabel || ''")
        name = " ".join(name.split())
        found = bool(name) and page.get_by_label(name, exact=True).evaluate_all(
            "(els, e) => els.includes(e)", field.element_handle()
        )
        if not found:
            missing.append(field.evaluate("e => e.outerHTML.slice(0, 100)"))
    return missing
