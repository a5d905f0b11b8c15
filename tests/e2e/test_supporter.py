"""A supporter, in a real browser: finds a case, writes in Chinese, logs the letter."""

from __future__ import annotations

import re
from datetime import date, timedelta

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot


def test_a_supporter_acts_on_a_case_in_chinese_and_the_count_rises(
    page: Page, live_server, published
) -> None:
    case = published[0]
    case.deadline = date.today() + timedelta(days=4)
    case.save()
    page.goto(live_server.url + "/")
    page.get_by_label("Language").select_option("zh-hans")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    screenshot(page, "home")

    page.locator(f'a[href="/cases/{case.pk}/"]').first.click()
    expect(page.locator("h1")).to_have_text(case.title)
    screenshot(page, "case")

    page.locator(f'a[href="/cases/{case.pk}/act/"]').first.click()
    page.locator("#lang").select_option("zh")
    page.locator("#name").fill("李明")
    page.locator("#town").fill("首尔")
    page.locator(".letter-options button[type=submit]").focus()
    page.keyboard.press("Enter")  # the form works from the keyboard
    letter = page.locator("#letter-text")
    expect(letter).to_have_value(re.compile("尊敬的"))
    expect(letter).to_have_value(re.compile("李明"))
    screenshot(page, "take-action")

    count = page.locator("#count")
    expect(count).to_contain_text("0")
    page.locator("#channel").select_option("post")
    page.locator("#sent").click()
    expect(page.locator("#count")).to_contain_text("1")
    assert case.actions.get().language == "zh"
    page.goto(live_server.url + f"/cases/{case.pk}/")
    expect(page.locator(".count").first).to_contain_text("1")
