"""The privacy walk: every public URL, as an anonymous visitor, leaks nothing private.

The URLs come from the URL resolver (namespaces site, feeds, api), so a page added
later is walked too; every path parameter is filled with every id in the database
(cases, published or not, documents, officials, targets) and one that does not exist.
API lists are followed page by page and searched for the private strings themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import quote_plus

import pypdfium2
import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from urgent.web.cases.models import Ask, Case, Document, Event, Person, Target
from urgent.web.officials.models import Official

PUBLIC = ("site", "feeds", "api")
PRIVATE = ("campaign", "admin")
HIDDEN = ["Pak Sol-hui", "Ri Kwang-chol"]  # people at risk, not made public
SHOWN = "Choi Min-jun"  # made public by a campaigner
DOCUMENT_TEXT = "Unique sentence of document text"  # appended to every document's text
PRIVATE_SUMMARY = "Summary extracted for campaigners"  # Case.summary: never public
PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
# public by nature: the login form of the admin
NOT_PRIVATE = {"admin:login"}
SECRETS = [
    *HIDDEN,
    *(n.split()[1] for n in HIDDEN),
    DOCUMENT_TEXT,
    PRIVATE_SUMMARY,
    "Unpublished title",
    "Unpublished public summary",
]


def walk(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, str]]:
    """(namespace, route, name) of every URL pattern; regex patterns as their plain text when they have one."""
    for p in resolver.url_patterns:
        route = _route(p.pattern)
        if route is None:
            continue  # a regular expression (the admin's app index, the API's catch-all 404)
        if isinstance(p, URLResolver):
            yield from walk(p, prefix + route, namespace or (p.namespace or ""))
        elif isinstance(p, URLPattern):
            yield namespace, prefix + route, f"{namespace}:{p.name}"


def _route(pattern: object) -> str | None:
    if hasattr(pattern, "_route"):
        return pattern._route
    regex = pattern._regex.lstrip("^").rstrip("$").replace("\\/", "/")
    return None if re.search(r"[()\[\]*+?.\\|{}]", regex) else regex


def paths(namespaces: tuple[str, ...], ids: list[int]) -> list[str]:
    """Every URL of these namespaces, each parameter filled with every id."""
    out = []
    for namespace, route, name in walk(get_resolver()):
        if namespace not in namespaces or name in NOT_PRIVATE:
            continue
        if not PARAM.search(route):
            out.append("/" + route)
            continue
        out.extend("/" + PARAM.sub(str(i), route) for i in ids)
    return sorted(set(out))


def readable(response) -> str:
    """What a response says, as text: JSON with its escapes undone, a PDF's text extracted."""
    kind = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if kind.startswith("application/pdf"):
        pdf = pypdfium2.PdfDocument(content)
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    text = content.decode("utf-8", errors="replace")
    if kind.startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


@pytest.fixture
def world(published) -> dict:
    """Two published cases whose texts name people, the others unpublished with telltale
    titles; private strings put wherever a leak could pick them up."""
    shown, other, *drafts = published
    for i, name in enumerate(HIDDEN):
        case = (shown, drafts[0])[i]
        Person.objects.create(case=case, name=name)
    Person.objects.create(case=shown, name=SHOWN, public=True)
    hidden = HIDDEN[0]
    Case.objects.filter(pk=shown.pk).update(
        title=f"{hidden} at risk of forcible return", public_summary=f"{hidden} and {SHOWN} are held."
    )
    Ask.objects.filter(case=shown).update(text=f"Release {hidden} immediately")
    Event.objects.create(case=shown, kind="detained", note=f"{hidden} was detained.")
    for doc in Document.objects.filter(case=shown):
        record = doc.record
        record["people"]["names"] = [hidden, SHOWN]
        record["title"] = f"{hidden} at risk"
        if record.get("asks"):
            record["asks"][0]["text"] = f"Release {hidden} immediately"
        Document.objects.filter(pk=doc.pk).update(record=record, name=f"ua-{hidden}.txt")
    for case in drafts:
        Case.objects.filter(pk=case.pk).update(
            published=False,
            title=f"Unpublished title {case.pk}",
            public_summary=f"Unpublished public summary {case.pk}",
        )
    for doc in Document.objects.all():
        Document.objects.filter(pk=doc.pk).update(text=f"{doc.text}\n{DOCUMENT_TEXT} {doc.pk}.")
    Case.objects.update(summary=PRIVATE_SUMMARY)
    return {"published": [shown.pk, other.pk], "unpublished": [c.pk for c in drafts]}


def ids() -> list[int]:
    found = set(Case.objects.values_list("id", flat=True))
    found |= set(Document.objects.values_list("id", flat=True))
    found |= set(Official.objects.values_list("id", flat=True))
    found |= set(Target.objects.values_list("id", flat=True))
    return sorted(found | {max(found) + 1000})


def test_no_public_url_shows_anything_private(world: dict) -> None:
    client = Client()
    must = {"/", "/cases/0/", "/feeds/cases.atom", "/feeds/deadlines.ics", "/api/cases", "/api/cases/0"}
    assert must <= set(paths(PUBLIC, [0]))  # the walk finds the pages it must
    said: dict[str, str] = {}
    for url in paths(PUBLIC, ids()):
        response = client.get(url)
        assert response.status_code < 500, url
        said[url] = readable(response)
    for n in range(1, 4):
        said[f"page {n}"] = readable(client.get("/api/cases", {"page": n, "per_page": 1}))
    for word in [*HIDDEN, "Unpublished", DOCUMENT_TEXT, PRIVATE_SUMMARY]:
        for url in ("/", "/api/cases"):
            # a search page shows what was searched for: that is not a leak
            said[f"{url}?q={word}"] = (
                readable(client.get(url, {"q": word})).replace(word, "").replace(quote_plus(word), "")
            )

    for url, text in said.items():
        for secret in SECRETS:
            assert secret.casefold() not in text.casefold(), (
                f"{secret!r} in {url}: {text[max(0, text.casefold().find(secret.casefold()) - 150) :][:300]}"
            )
    assert any(SHOWN in text for text in said.values())


def test_api_lists_lead_only_to_published_cases(world: dict) -> None:
    client = Client()
    listed = [c["id"] for c in client.get("/api/cases?per_page=100").json()["items"]]
    assert sorted(listed) == sorted(world["published"])
    for pk in listed:
        detail = client.get(f"/api/cases/{pk}").json()
        assert {p for p in detail["people"]} <= {SHOWN}
        for doc in client.get(f"/api/cases/{pk}/documents").json():
            assert client.get(f"/api/documents/{doc['id']}").status_code == 401
    for official in client.get("/api/officials?per_page=100").json()["items"]:
        assert set(official["cases"]) <= set(world["published"])


@pytest.mark.parametrize("who", ["anonymous", "supporter"])
def test_campaigner_urls_never_answer_others(world: dict, supporter_client: Client, who: str) -> None:
    client = Client() if who == "anonymous" else supporter_client
    urls = paths(PRIVATE, ids()[:3])
    assert "/admin/" in urls
    answered = {url: client.get(url).status_code for url in urls}
    assert not [url for url, status in answered.items() if status == 200]
