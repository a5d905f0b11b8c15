"""A campaigner, in a real browser: uploads a new Urgent Action, checks a value against the
source, corrects the title, publishes; an anonymous visitor then finds the corrected case."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import log_in, screenshot, unlabelled

# An Urgent Action of our own writing, with a typo in the title for the campaigner to fix;
# its deadline is always seven weeks ahead, so the case is open whenever the test runs.
DEADLINE = date.today() + timedelta(days=49)
UA = f"""URGENT ACTION

UA: 41/26 Index: AMR 97/5521/2026 Osterlich Date: 18 November 2026

LAWYER HELD INCOMUNICADO AFTER DEFENDING FARMERS

Human rights lawyer Tomas Brandt was arrested at his office in Grunwald on 12 November 2026 and is \
held incommunicado at Kessel Detention Centre. He is at risk of torture and other ill-treatment.

Tomas Brandt represents farming families who refused to leave land claimed by a mining company. \
Police officers searched his office and took his clients' files. His wife has not been allowed to see him.

Please write immediately in English or your own language urging the Osterlich authorities to:

- Release Tomas Brandt immediately and unconditionally;
- Ensure he is protected from torture and other ill-treatment and has access to a lawyer of his choosing;
- Return his clients' files and stop harassing lawyers for their work.

PLEASE SEND APPEALS BEFORE {DEADLINE.day} {DEADLINE.strftime("%B %Y").upper()} TO:

Minister of the Interior
Hedda Vogel
Ministry of the Interior
8 Lindenstrasse
Grunwald 4410, Osterlich
Fax: +44 20 7946 0555
Email: minister@interior.example.org
Salutation: Dear Minister

And copies to:

Ambassador Konrad Falk
Embassy of Osterlich
40 Carlton Terrace, London SW1Y 5AA
Email: embassy@osterlich.example.org
"""
TYPO = "LAWYER HELD INCOMUNICADO AFTER DEFENDING FARMERS"
FIXED = "LAWYER HELD INCOMMUNICADO AFTER DEFENDING FARMERS"
SUMMARY = "A lawyer who defends farming families is held without contact with his family."


def run_task_worker() -> None:
    """What `python -m django db_worker` does in production, for the tasks queued so far."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def test_a_campaigner_uploads_corrects_and_publishes_a_new_case(
    page: Page, browser: Browser, live_server, published, campaigner, restore_signals
) -> None:
    blocked = []  # scripts or styles the Content-Security-Policy refused: a feature silently off
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    log_in(page, live_server.url, campaigner)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Campaign").click()
    page.get_by_role("navigation", name="Campaign").get_by_role("link", name="Upload").click()

    page.get_by_label("Documents").set_input_files(
        files=[{"name": "osterlich-ua.txt", "mimeType": "text/plain", "buffer": UA.encode()}]
    )
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_role("status").first).to_contain_text("1 file queued")
    row = page.get_by_role("row").filter(has_text="osterlich-ua.txt")
    expect(row).to_contain_text("Queued")

    run_task_worker()
    page.get_by_role("link", name="Check again").click()
    expect(row).to_contain_text("Done")
    screenshot(page, "upload")
    assert unlabelled(page) == []
    row.get_by_role("link", name="review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review: {TYPO}")
    assert unlabelled(page) == []  # every correction form, closed or open

    # Where did the title come from? The link marks it in the document text and moves there.
    title = page.locator("#field-title")
    title.get_by_role("link", name="show in text").click()
    text = page.locator("#doc-text")
    expect(text.locator("mark:focus")).to_be_in_viewport()
    # the whole title stands out in the colour of the focused piece, and nothing else does
    assert highlighted(text) == TYPO, blocked
    screenshot(page, "review", full_page=False)  # the page is long: what is on screen
    page.keyboard.press("Escape")  # back to the field, as the hint above the text promises
    expect(title.get_by_role("link", name="show in text")).to_be_focused()

    title.get_by_text("Correct Title", exact=True).click()  # opens the form
    title.get_by_label("Title", exact=True).fill(FIXED)
    title.get_by_role("button", name="Save correction").click()
    expect(page.get_by_role("status")).to_contain_text("Corrected: Title.")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Review: {FIXED}")
    expect(title).to_contain_text("corrected")
    expect(page.locator(".history")).to_contain_text(f"title: {TYPO} → {FIXED}")

    page.get_by_label("Public summary").fill(SUMMARY)
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Published")
    expect(page.get_by_role("button", name="Unpublish")).to_be_visible()
    assert blocked == [], blocked

    visitor = browser.new_context(locale="en-GB")  # no cookies: an anonymous visitor
    try:
        home = visitor.new_page()
        home.goto(live_server.url + "/")
        card = home.locator(".case-card").filter(has_text=FIXED)
        expect(card).to_have_count(1)
        expect(card).to_contain_text("49 days left")
        expect(home.get_by_text(TYPO)).to_have_count(0)
        card.get_by_role("link", name=FIXED).click()
        expect(home.get_by_role("heading", level=1)).to_have_text(FIXED)
        expect(home.get_by_role("main")).to_contain_text(SUMMARY)
        expect(home.get_by_role("main")).not_to_contain_text("Tomas Brandt")  # not marked public
    finally:
        visitor.close()


def highlighted(text) -> str:
    """The text shown in the colour of the focused mark. The title is cut into several marks
    (a risk word inside it is marked too): all of them must light up, not only the first."""
    return text.evaluate(
        """text => {
          const colour = m => getComputedStyle(m).backgroundColor;
          const shown = el => {  // the colour a piece of text is seen in: its innermost opaque mark
            for (let m = el.closest("mark"); m && text.contains(m); m = m.parentElement.closest("mark")) {
              if (colour(m) !== "rgba(0, 0, 0, 0)") { return colour(m); }
            }
            return null;
          };
          const current = shown(document.activeElement);
          const walk = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
          let out = "";
          while (walk.nextNode()) {
            if (shown(walk.currentNode.parentElement) === current) { out += walk.currentNode.data; }
          }
          return out;
        }"""
    )
