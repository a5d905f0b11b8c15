"""The take-action page from the keyboard alone (WCAG 2.1.1, 2.4.7) and with every field
labelled (WCAG 1.3.1, 4.1.2): choose whom to write to and in which language, log the letter."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import unlabelled


def tab_to(page: Page, target: Locator, limit: int = 60) -> int:
    """Press Tab until ``target`` has the focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if target.evaluate("e => e === document.activeElement"):
            return presses
    raise AssertionError(f"{target} not reached with {limit} presses of Tab")


def focus_shows(target: Locator) -> bool:
    return target.evaluate("e => getComputedStyle(e).outlineStyle !== 'none'")


def test_a_supporter_acts_with_the_keyboard_alone(page: Page, live_server, published) -> None:
    case = next(c for c in published if c.targets.count() >= 2)  # a choice of whom to write to
    page.goto(live_server.url + f"/cases/{case.pk}/act/")
    assert unlabelled(page) == []

    write_to, language = page.get_by_label("Write to"), page.get_by_label("Letter language")
    tab_to(page, write_to)
    assert focus_shows(write_to)
    page.keyboard.press("ArrowDown")  # the next official, without opening the list
    official = write_to.input_value()
    assert official != "0"
    person = write_to.locator("option:checked").inner_text()
    tab_to(page, language)
    before = language.input_value()
    page.keyboard.press("ArrowDown")
    chosen = language.input_value()
    assert chosen != before
    update = page.get_by_role("button", name="Update the letter")
    tab_to(page, update)
    page.keyboard.press("Enter")

    expect(write_to).to_have_value(official)  # the letter is now to the chosen official
    expect(language).to_have_value(chosen)
    expect(page.get_by_label("Letter text (select and copy)")).to_have_attribute("lang", chosen)
    assert unlabelled(page) == []
    sent = page.get_by_role("button", name="I sent it")
    tab_to(page, sent)
    assert focus_shows(sent)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    expect(page.get_by_role("status")).to_have_text("Your action is counted.")
    expect(page.locator("#count")).to_contain_text("1 action for this case")
    action = case.actions.get()
    assert action.language == chosen and action.target.name in person


def test_the_pages_around_it_label_every_field(page: Page, live_server, published) -> None:
    for path in ("/", f"/cases/{published[0].pk}/", "/accounts/login/", "/accounts/signup/"):
        page.goto(live_server.url + path)
        assert unlabelled(page) == [], path
