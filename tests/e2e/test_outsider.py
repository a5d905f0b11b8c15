"""Outsiders, in a real browser: a visitor without an account and a supporter without the
campaigner role neither see campaigner pages nor change anything by posting to them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import log_in

PAGES = ["/campaign/", "/campaign/upload/", "/campaign/review/", "/campaign/review/{doc}/", "/admin/"]


@pytest.fixture
def unpublished(seeds_ingested):
    """A stored document whose case is not published yet."""
    from urgent.web.cases.models import Document

    return Document.objects.filter(case__published=False).order_by("id").first()


def snapshot() -> tuple:
    """What an outsider must not be able to change."""
    from urgent.web.cases.models import AuditLog, Case, Correction, Document

    return (
        list(Case.objects.order_by("id").values("id", "title", "published", "public_summary", "deadline")),
        list(Document.objects.order_by("id").values_list("id", "record")),
        Correction.objects.count(),
        AuditLog.objects.count(),
    )


def forge(page: Page, url: str, form: dict) -> tuple[int, str]:
    """POST a form from this browser as a page of the site would (with the CSRF token):
    the status and where it redirects, without following."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(url, form={**form, "csrfmiddlewaretoken": token}, max_redirects=0)
    assert "CSRF" not in response.text()  # refused for who is asking, not for a missing token
    return response.status, response.headers.get("location", "")


def test_a_visitor_without_an_account_is_asked_to_log_in(page: Page, live_server, unpublished) -> None:
    before = snapshot()
    for path in PAGES:
        page.goto(live_server.url + path.format(doc=unpublished.pk))
        expect(page.get_by_label("Password")).to_be_visible()  # the login form, not the page
        expect(page.get_by_role("heading", name="Upload documents")).to_have_count(0)
        expect(page.get_by_text("Extracted values")).to_have_count(0)
        expect(page.get_by_text("Site administration")).to_have_count(0)

    page.goto(live_server.url + "/accounts/login/")  # a visitor of the site has a CSRF token
    url = live_server.url + f"/campaign/cases/{unpublished.case_id}/publish/"
    status, location = forge(page, url, {"public_summary": "Published by a stranger."})
    assert status == 302 and location.startswith("/accounts/login/?next=")
    url = live_server.url + f"/campaign/review/{unpublished.pk}/correct/"
    status, location = forge(page, url, {"field": "title", "value": "Changed by a stranger"})
    assert status == 302 and location.startswith("/accounts/login/?next=")
    assert snapshot() == before
    page.goto(live_server.url + "/")
    expect(page.get_by_text("Published by a stranger.")).to_have_count(0)


def test_a_supporter_is_refused_campaigner_pages(page: Page, live_server, unpublished, supporter) -> None:
    before = snapshot()
    log_in(page, live_server.url, supporter)
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Campaign")).to_have_count(0)
    for path in PAGES[:-1]:
        response = page.goto(live_server.url + path.format(doc=unpublished.pk))
        assert response is not None and response.status == 403, path
        expect(page.get_by_role("navigation", name="Campaign")).to_have_count(0)
        expect(page.get_by_text("Extracted values")).to_have_count(0)
    page.goto(live_server.url + "/admin/")
    expect(page.get_by_text("not authorized to access this page")).to_be_visible()
    expect(page.get_by_text("Site administration")).to_have_count(0)

    url = live_server.url + f"/campaign/cases/{unpublished.case_id}/publish/"
    assert forge(page, url, {"public_summary": "Published by a supporter."})[0] == 403
    url = live_server.url + f"/campaign/review/{unpublished.pk}/correct/"
    assert forge(page, url, {"field": "title", "value": "Changed by a supporter"})[0] == 403
    assert snapshot() == before
