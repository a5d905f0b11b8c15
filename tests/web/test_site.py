"""Supporters' pages: open cases by urgency, a case, taking action, "I sent it", My actions."""

from __future__ import annotations

from datetime import date, timedelta

import pypdfium2
from django.test import Client


def _open_deadlines(cases, *days: int | None) -> None:
    for case, d in zip(cases, days, strict=False):
        case.deadline = None if d is None else date.today() + timedelta(days=d)
        case.status = "open"
        case.save()


def test_home_lists_published_cases_nearest_deadline_first_passed_last(published) -> None:
    _open_deadlines(published, 10, -3, 2, None)
    html = Client().get("/").content.decode()
    positions = [html.index(f'href="/cases/{c.pk}/"') for c in published]
    assert positions[2] < positions[0] < positions[1] < positions[3]
    assert "2 days left" in html and "10 days left" in html and "Deadline passed" in html


def test_unpublished_and_closed_cases_stay_off_the_home_page(published) -> None:
    hidden, closed = published[0], published[1]
    hidden.published = False
    hidden.save()
    closed.status = "closed"
    closed.save()
    html = Client().get("/").content.decode()
    assert f'href="/cases/{hidden.pk}/"' not in html and f'href="/cases/{closed.pk}/"' not in html
    assert f'href="/cases/{published[2].pk}/"' in html
    assert Client().get(f"/cases/{hidden.pk}/").status_code == 404
    assert Client().get(f"/cases/{hidden.pk}/act/").status_code == 404


def test_filters_by_country_risk_and_words(named_case, published) -> None:
    client = Client()
    iran = client.get("/", {"country": "IR"}).content.decode()
    assert f'href="/cases/{named_case.pk}/"' in iran
    assert not any(f'href="/cases/{c.pk}/"' in iran for c in published)
    north_korea = client.get("/", {"country": "KP"}).content.decode()
    assert f'href="/cases/{named_case.pk}/"' not in north_korea
    execution = client.get("/", {"risk": "death_penalty", "q": "juvenile offender"}).content.decode()
    assert f'href="/cases/{named_case.pk}/"' in execution
    nothing = client.get("/", {"q": "zzzunheardofword"}).content.decode()
    assert "No open case matches." in nothing


def test_a_case_page_withholds_names_until_a_campaigner_makes_them_public(named_case) -> None:
    page = Client().get(f"/cases/{named_case.pk}/").content.decode()
    assert "Rahimpour" not in page
    assert "A young man faces execution." in page
    assert "Halt the execution of [name withheld]" in page  # the asks, masked
    assert "info@dadiran.ir" in page and "Your Excellency" in page  # officials are public figures
    for person in named_case.people.all():  # as the review screen does
        person.public = True
        person.save()
    assert "Davoud Rahimpour" in Client().get(f"/cases/{named_case.pk}/").content.decode()


def test_taking_action_in_chinese_shows_each_sentence_with_its_english_meaning(named_case) -> None:
    page = (
        Client().get(f"/cases/{named_case.pk}/act/", {"lang": "zh", "target": 0, "seed": 3}).content.decode()
    )
    assert 'lang="zh"' in page and "尊敬的" in page  # a Chinese salutation
    assert "Each sentence, with its meaning in your language" in page
    meanings = page[page.index("<caption>") : page.index("</table>")]
    assert "death penalty" in meanings and "死刑" in meanings  # each sentence beside its meaning
    assert "Rahimpour" not in page  # the letter too names only public people


def test_the_letter_carries_the_supporters_own_sentence_and_a_mailto_link(named_case) -> None:
    page = (
        Client()
        .get(
            f"/cases/{named_case.pk}/act/",
            {"lang": "en", "name": "Ana Silva", "town": "Porto", "personal": "I teach teenagers like him."},
        )
        .content.decode()
    )
    assert "I teach teenagers like him." in page and "Ana Silva" in page
    assert 'href="mailto:info@dadiran.ir?' in page


def test_the_pdf_letter_downloads_with_the_letter_text(named_case) -> None:
    response = Client().get(f"/cases/{named_case.pk}/act/letter.pdf", {"lang": "ko", "target": 0})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pypdfium2.PdfDocument(response.content)[0].get_textpage().get_text_range()
    assert "NOURIZADEH" in text and "님" in text  # Korean honorific after the official's name


def test_i_sent_it_counts_once_per_supporter_and_letter(named_case) -> None:
    client = Client(HTTP_USER_AGENT="test browser")
    target = named_case.targets.first()
    form = {"channel": "email", "lang": "en", "target_row": target.pk}
    response = client.post(f"/cases/{named_case.pk}/act/sent/", form, follow=True)
    assert "Your action is counted." in response.content.decode()
    assert "1 action for this case so far." in response.content.decode()
    again = client.post(f"/cases/{named_case.pk}/act/sent/", form, follow=True).content.decode()
    assert "already logged this letter today" in again and "1 action for this case so far." in again
    other = Client(HTTP_USER_AGENT="another browser")
    answer = other.post(f"/cases/{named_case.pk}/act/sent/", form, HTTP_ACCEPT="application/json").json()
    assert answer == {"count": 2, "new": True, "limited": False}
    assert "2 actions so far" in Client().get(f"/cases/{named_case.pk}/").content.decode()


def test_many_actions_in_a_minute_from_one_browser_are_refused(named_case, published) -> None:
    from urgent.web.actions.service import RATE_PER_MINUTE

    client = Client(HTTP_USER_AGENT="eager", HTTP_ACCEPT="application/json")
    cases = [named_case, *published]
    answers = [
        client.post(f"/cases/{cases[i % len(cases)].pk}/act/sent/", {"channel": channel, "lang": "en"})
        for i, channel in enumerate(["email", "post", "fax", "online"] * 6)
    ]
    statuses = [a.status_code for a in answers]
    assert statuses[:RATE_PER_MINUTE] == [200] * RATE_PER_MINUTE and set(statuses[RATE_PER_MINUTE:]) == {429}


def test_i_sent_it_needs_a_csrf_token(named_case) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(f"/cases/{named_case.pk}/act/sent/", {"channel": "email"}).status_code == 403
    assert named_case.actions.count() == 0


def test_a_supporter_with_an_account_sees_their_actions(named_case, supporter_client) -> None:
    supporter_client.post(f"/cases/{named_case.pk}/act/sent/", {"channel": "post", "lang": "fr"})
    page = supporter_client.get("/accounts/me/").content.decode()
    assert f'href="/cases/{named_case.pk}/"' in page
    assert Client().get("/accounts/me/").status_code == 302  # others must log in first


def test_the_interface_speaks_chinese_and_korean(published) -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "ko", "next": "/"})
    assert '<html lang="ko">' in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    assert '<html lang="zh-hans">' in client.get("/").content.decode()


def test_busy_pages_come_from_the_cache_and_still_show_every_change(
    named_case, django_assert_max_num_queries
):
    """When an appeal goes out thousands open the same page: it is rendered once, yet a new
    action, a correction or an unpublished case shows at once, and forms keep working."""
    url = f"/cases/{named_case.pk}/"
    first = Client(enforce_csrf_checks=True)
    assert "A young man faces execution." in first.get(url).content.decode()
    visitor = Client(enforce_csrf_checks=True)
    with django_assert_max_num_queries(0):
        page = visitor.get(url).content.decode()
    assert "A young man faces execution." in page

    # the language form of the cached page carries this visitor's own CSRF token
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert (
        visitor.post(
            "/i18n/setlang/", {"language": "ko", "next": "/", "csrfmiddlewaretoken": token}
        ).status_code
        == 302
    )

    Client().post(f"/cases/{named_case.pk}/act/sent/", {"channel": "email", "lang": "en"})
    assert "1 action so far" in Client().get(url).content.decode()
    named_case.public_summary = "A young man faces execution within days."
    named_case.save()
    assert "within days" in Client().get(url).content.decode()
    assert f'href="{url}"' in Client().get("/").content.decode()
    named_case.published = False
    named_case.save()
    assert Client().get(url).status_code == 404
    assert f'href="{url}"' not in Client().get("/").content.decode()


def test_a_cached_page_carries_each_visitors_own_csrf_token(named_case) -> None:
    """The token in a page from the cache opens to the secret in the visitor's cookie,
    a different mask every time, for a first visit and for a visitor who has a cookie."""
    from django.middleware.csrf import _unmask_cipher_token

    url = f"/cases/{named_case.pk}/"
    Client().get(url)  # rendered once: the next pages come from the cache

    def token_and_secret(client: Client) -> tuple[str, str]:
        response = client.get(url)
        token = response.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        return token, response.cookies["csrftoken"].value

    newcomer = Client(enforce_csrf_checks=True)
    first, secret = token_and_secret(newcomer)
    assert len(first) == 64 and _unmask_cipher_token(first) == secret
    again, same_secret = token_and_secret(newcomer)  # the cookie comes back: the same secret
    assert same_secret == secret and _unmask_cipher_token(again) == secret and again != first
    other, other_secret = token_and_secret(Client())
    assert other_secret != secret and _unmask_cipher_token(other) == other_secret
    response = newcomer.post("/i18n/setlang/", {"language": "ko", "next": "/", "csrfmiddlewaretoken": again})
    assert response.status_code == 302


def test_a_change_made_by_another_process_shows_within_a_second(named_case, monkeypatch) -> None:
    """Each process trusts the version of the public pages it read last for a second: a
    change made elsewhere (another worker, another machine) shows once that second is over."""
    import time as real_time

    from django.core.cache import cache

    from urgent.web.site import pagecache

    url = f"/cases/{named_case.pk}/"
    assert "A young man faces execution." in Client().get(url).content.decode()
    # another process edits the case: the rows and the shared version change, this process's memory does not
    type(named_case).objects.filter(pk=named_case.pk).update(public_summary="Moved to an unknown prison.")
    cache.set(pagecache.VERSION_KEY, "set-by-another-process", None)
    assert "A young man faces execution." in Client().get(url).content.decode()

    class OneSecondLater:
        @staticmethod
        def monotonic() -> float:
            return real_time.monotonic() + pagecache.VERSION_CHECK + 0.1

        @staticmethod
        def time() -> float:
            return real_time.time()

    monkeypatch.setattr(pagecache, "time", OneSecondLater)
    assert "Moved to an unknown prison." in Client().get(url).content.decode()
