"""The JSON API as its users meet it: anyone reading published cases, supporters logging
letters, campaigners writing with a token. Real database, seed documents."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from typer.testing import CliRunner

from tests.conftest import seed
from urgent.web.accounts.models import ApiToken
from urgent.web.cases.models import AuditLog, Case, Document, Person
from urgent.web.cases.public import WITHHELD

HIDDEN = "Pak Sol-hui"
SHOWN = "Choi Min-jun"


def case_of(prefix: str) -> Case:
    """The case a seed document (by file-name prefix) belongs to."""
    doc = Document.objects.get(name__startswith=prefix)
    case = doc.case
    while case.merged_into_id:
        case = case.merged_into
    return case


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def key(campaigner) -> str:
    return ApiToken.issue(campaigner, "test script")[1]


@pytest.fixture
def supporter_key(supporter) -> str:
    return ApiToken.issue(supporter, "not a campaigner")[1]


# -- reading: list, filters, order -------------------------------------------------------


def test_the_list_shows_published_cases_only_most_urgent_first(published, client: Client) -> None:
    soon, later, passed, closed = (case_of(p) for p in ("000_", "001_", "002_", "003_"))
    hidden = Case.objects.create(title="Not yet published", public_summary="Draft.")
    today = date.today()
    Case.objects.filter(pk=soon.pk).update(deadline=today + timedelta(days=2), status="open")
    Case.objects.filter(pk=later.pk).update(deadline=today + timedelta(days=9), status="open")
    Case.objects.filter(pk=passed.pk).update(deadline=today - timedelta(days=3), status="deadline_passed")
    Case.objects.filter(pk=closed.pk).update(deadline=today + timedelta(days=1), status="closed")

    body = client.get("/api/cases").json()

    assert [c["id"] for c in body["items"]] == [soon.pk, later.pk, passed.pk, closed.pk]
    assert body["count"] == 4 and hidden.pk not in [c["id"] for c in body["items"]]
    assert body["items"][0]["url"] == f"/cases/{soon.pk}/"
    assert body["items"][0]["summary"] == f"Public summary of case {soon.pk}."


def test_filters_country_risk_status_and_words(published, client: Client) -> None:
    fi, letter = case_of("001_"), case_of("002_")
    Case.objects.filter(pk=letter.pk).update(countries=["IR"], risks=["unfair_trial"], status="closed")

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/cases?{query}")
        assert response.status_code == 200, response.content
        return [c["id"] for c in response.json()["items"]]

    assert ids("country=ir") == [letter.pk]
    assert letter.pk not in ids("country=KP")
    assert ids("risk=unfair_trial") == [letter.pk]
    assert ids("status=closed") == [letter.pk]
    assert ids("q=Pyongyang") == [fi.pk]  # a word only the further information uses
    Case.objects.filter(pk=fi.pk).update(published=False)
    assert ids("q=Pyongyang") == []  # full-text search keeps to published cases too


def test_pages(published, client: Client) -> None:
    first = client.get("/api/cases?per_page=3&page=1").json()
    second = client.get("/api/cases?per_page=3&page=2").json()
    assert first["count"] == 4 and first["pages"] == 2
    assert len(first["items"]) == 3 and len(second["items"]) == 1
    assert not {c["id"] for c in first["items"]} & {c["id"] for c in second["items"]}
    assert client.get("/api/cases?per_page=3&page=9").json()["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=x",
        "per_page=1000",
        "country=KOR",
        "country=%00a",
        "risk=boredom",
        "status=x",
        "q=" + "a" * 300,
    ],
)
def test_bad_query_parameters_are_a_readable_422(published, client: Client, query: str) -> None:
    response = client.get(f"/api/cases?{query}")
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str) and query.split("=")[0] in response.json()["detail"]


# -- reading: one case ---------------------------------------------------------------------


def test_detail_withholds_names_not_made_public(published, client: Client) -> None:
    case = case_of("000_")
    Person.objects.create(case=case, name=HIDDEN)
    Person.objects.create(case=case, name=SHOWN, public=True)
    Case.objects.filter(pk=case.pk).update(
        title=f"{HIDDEN} at risk of forcible return", public_summary=f"{HIDDEN} and {SHOWN} were detained."
    )
    case.asks.filter(position=0).update(text=f"Release {HIDDEN} immediately")

    response = client.get(f"/api/cases/{case.pk}")

    text = response.content.decode()
    assert response.status_code == 200
    assert "Pak" not in text and "Sol-hui" not in text
    body = response.json()
    assert body["people"] == [SHOWN]
    assert body["title"] == f"{WITHHELD} at risk of forcible return"
    assert body["asks"][0]["text"] == f"Release {WITHHELD} immediately"
    assert SHOWN in body["summary"]


def test_detail_has_asks_targets_with_contacts_and_the_action_count(published, client: Client) -> None:
    case = case_of("000_")
    body = client.get(f"/api/cases/{case.pk}").json()
    assert body["asks"] and body["targets"]
    xi = next(t for t in body["targets"] if "Xi" in t["name"] or "XI" in t["name"])
    assert xi["address"] and xi["role"] == "appeal"
    assert body["actions"] == 0 and body["ua_numbers"] == ["163/17"]


@pytest.mark.parametrize("path", ["/api/cases/{id}", "/api/cases/{id}/documents", "/api/cases/{id}/actions"])
def test_unpublished_merged_and_missing_cases_are_not_found(published, client: Client, path: str) -> None:
    draft = Case.objects.create(title="Draft case")
    gone = Case.objects.filter(merged_into__isnull=False).first()
    for pk in (draft.pk, gone.pk, 999_999):
        response = client.get(path.format(id=pk))
        assert response.status_code == 404
        assert response.json() == {"detail": "No such case."}
        assert "Draft case" not in response.content.decode()
    for bad in ("abc", "-1", "0", str(2**70), "1%C2%85", "%201"):  # int() would strip Unicode spaces
        response = client.get(path.format(id=bad))
        assert response.status_code == 422, (bad, response.content)
        assert "detail" in response.json()


def test_documents_list_metadata_and_never_text(published, client: Client) -> None:
    case = case_of("000_")
    response = client.get(f"/api/cases/{case.pk}/documents")
    docs = response.json()
    assert response.status_code == 200
    assert {d["name"][:4] for d in docs} == {"000_", "004_"}
    assert set(docs[0]) == {"id", "kind", "organisation", "ua_number", "issued", "name", "format", "size"}
    assert "Shenyang" not in response.content.decode()  # in both documents' text
    assert client.get(f"/api/documents/{docs[0]['id']}").status_code == 401


def test_every_other_path_under_api_is_a_json_404(client: Client) -> None:
    response = client.get("/api/nothing/here")
    assert response.status_code == 404 and response.json()["detail"]


def test_schema_and_docs_are_served(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert {"/api/cases", "/api/cases/{id}", "/api/documents", "/api/officials"} <= set(schema["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"/api/openapi.json" in docs.content
    assert b"cdn.jsdelivr" not in docs.content  # supporters' browsers ask no third party


# -- officials ----------------------------------------------------------------------------


def test_officials_are_those_of_published_cases(published, client: Client) -> None:
    old = case_of("003_")  # targets HU Jintao, WEN Jiabao, YANG Jiechi
    Case.objects.filter(pk=old.pk).update(published=False)

    body = client.get("/api/officials?per_page=100").json()

    names = {o["name"].casefold() for o in body["items"]}
    assert "xi jinping" in names and "hu jintao" not in names
    hu = old.targets.get(name__iexact="HU Jintao").official
    assert client.get(f"/api/officials/{hu.pk}").status_code == 404
    xi = next(o for o in body["items"] if o["name"].casefold() == "xi jinping")
    assert xi["offices"] and any(c["kind"] in ("postal", "fax", "email") for c in xi["contacts"])
    assert case_of("000_").pk in xi["cases"] and old.pk not in xi["cases"]
    assert client.get(f"/api/officials/{xi['id']}").json()["name"] == xi["name"]


def test_official_contacts_show_when_stale(published, client: Client) -> None:
    xi = case_of("000_").targets.get(name__iexact="XI Jinping").official
    xi.contacts.update(stale=True)
    body = client.get(f"/api/officials/{xi.pk}").json()
    assert body["stale"] is True and all(c["stale"] for c in body["contacts"])


# -- supporters' actions -------------------------------------------------------------------


def test_logging_an_action_counts_once_and_needs_no_csrf_token(published) -> None:
    case = case_of("000_")
    client = Client(enforce_csrf_checks=True, headers={"User-Agent": "test browser"})
    target = case.targets.first()

    def log(**body: object):
        return client.post(f"/api/cases/{case.pk}/actions", body, content_type="application/json")

    first = log(target=target.pk, language="zh", channel="fax")
    again = log(target=target.pk, language="zh", channel="fax")
    other = log(channel="email")

    assert first.status_code == 200 and first.json() == {"count": 1, "new": True, "limited": False}
    assert again.json() == {"count": 1, "new": False, "limited": False}
    assert other.json()["count"] == 2
    stats = Client().get(f"/api/cases/{case.pk}/actions").json()
    assert stats["total"] == 2
    assert stats["by_language"] == {"en": 1, "zh": 1}
    assert stats["by_channel"] == {"email": 1, "fax": 1}
    assert stats["by_day"] == [{"date": date.today().isoformat(), "count": 2}]
    assert client.get(f"/api/cases/{case.pk}").json()["actions"] == 2


def test_logging_is_rate_limited_per_client(published, monkeypatch) -> None:
    monkeypatch.setattr("urgent.web.actions.service.RATE_PER_MINUTE", 2)
    case = case_of("000_")
    client = Client(headers={"User-Agent": "busy script"})
    url = f"/api/cases/{case.pk}/actions"
    codes = [
        client.post(url, {"channel": ch}, content_type="application/json").status_code
        for ch in ("email", "fax", "post")
    ]
    assert codes == [200, 200, 429]
    assert (
        Client(headers={"User-Agent": "someone else"})
        .post(url, {}, content_type="application/json")
        .status_code
        == 200
    )


@pytest.mark.parametrize(
    "body",
    [{"channel": "pigeon"}, {"language": "xx"}, {"target": "abc"}, {"target": 2**70}, {"target": 999_999}],
)
def test_bad_actions_are_refused(published, client: Client, body: dict) -> None:
    response = client.post(f"/api/cases/{case_of('000_').pk}/actions", body, content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"]
    assert case_of("000_").actions.count() == 0


def test_an_action_names_no_one(published, supporter_client: Client) -> None:
    """Even a supporter logged in on the site logs an anonymous action through the API."""
    case = case_of("000_")
    supporter_client.post(f"/api/cases/{case.pk}/actions", {}, content_type="application/json")
    assert case.actions.get().user is None


# -- campaigners' writes -------------------------------------------------------------------


def test_publishing_with_a_token_is_audit_logged(
    seeds_ingested, client: Client, key: str, campaigner
) -> None:
    case = case_of("001_")
    change = {"published": True, "public_summary": "Refugees returned by force."}

    response = client.patch(
        f"/api/cases/{case.pk}", change, content_type="application/json", headers=auth(key)
    )

    assert response.status_code == 200, response.content
    assert response.json()["published"] is True and response.json()["published_at"]
    assert client.get(f"/api/cases/{case.pk}").json()["summary"] == "Refugees returned by force."
    logged = {(a.action, a.field, a.new_value) for a in AuditLog.objects.filter(user=campaigner)}
    assert logged == {
        ("publish", "published", True),
        ("edit", "public_summary", "Refugees returned by force."),
    }
    assert ApiToken.objects.get().last_used is not None

    client.patch(
        f"/api/cases/{case.pk}", {"published": False}, content_type="application/json", headers=auth(key)
    )
    assert client.get(f"/api/cases/{case.pk}").status_code == 404
    assert AuditLog.objects.filter(action="unpublish", object_id=str(case.pk)).exists()


def test_publishing_needs_a_public_summary(seeds_ingested, client: Client, key: str) -> None:
    case = case_of("001_")
    response = client.patch(
        f"/api/cases/{case.pk}", {"published": True}, content_type="application/json", headers=auth(key)
    )
    assert response.status_code == 422 and "public summary" in response.json()["detail"]
    assert not Case.objects.get(pk=case.pk).published
    assert not AuditLog.objects.filter(action__in=["publish", "edit"]).exists()


def test_status_and_outcome(published, client: Client, key: str) -> None:
    case = case_of("001_")
    change = {"status": "closed", "outcome": "released"}
    client.patch(f"/api/cases/{case.pk}", change, content_type="application/json", headers=auth(key))
    assert client.get(f"/api/cases/{case.pk}").json()["outcome"] == "released"
    assert AuditLog.objects.get(field="status").new_value == "closed"


@pytest.mark.parametrize("who", ["nobody", "bad key", "session only", "supporter's key"])
def test_writes_need_a_campaigners_token(
    seeds_ingested, campaigner_client: Client, supporter_key: str, who: str
) -> None:
    case = case_of("001_")
    headers = {
        "nobody": {},
        "bad key": auth("not-a-key"),
        "session only": {},
        "supporter's key": auth(supporter_key),
    }[who]
    client = campaigner_client if who == "session only" else Client()
    doc = Document.objects.first()

    patch = client.patch(
        f"/api/cases/{case.pk}",
        {"published": True, "public_summary": "x"},
        content_type="application/json",
        headers=headers,
    )
    read = client.get(f"/api/documents/{doc.pk}", headers=headers)
    upload = client.post("/api/documents", {"file": seed("000_").open("rb")}, headers=headers)

    expected = 403 if who == "supporter's key" else 401
    assert [patch.status_code, read.status_code, upload.status_code] == [expected] * 3
    assert all(r.json()["detail"] for r in (patch, read, upload))
    assert not Case.objects.get(pk=case.pk).published
    assert not AuditLog.objects.filter(action__in=["publish", "edit"]).exists()


def test_a_campaigner_reads_a_document_whole(seeds_ingested, client: Client, key: str) -> None:
    doc = Document.objects.get(name__startswith="000_")
    body = client.get(f"/api/documents/{doc.pk}", headers=auth(key)).json()
    assert "Shenyang" in body["text"]
    assert body["record"]["ua_number"] == "163/17" and body["case"] == doc.case_id
    assert client.get("/api/documents/999999", headers=auth(key)).status_code == 404


def test_upload_ingests_a_document(seeds_ingested, client: Client, key: str, tmp_path) -> None:
    text = seed("000_").read_text().replace("163/17", "999/17")
    path = tmp_path / "new-ua.txt"
    path.write_text(text)

    created = client.post("/api/documents", {"file": path.open("rb")}, headers=auth(key))
    again = client.post("/api/documents", {"file": path.open("rb")}, headers=auth(key))

    assert created.status_code == 201, created.content
    body = created.json()
    doc = Document.objects.get(pk=body["document"])
    assert doc.name == "new-ua.txt" and doc.case_id == body["case"] and doc.ua_number == "999/17"
    assert again.status_code == 200 and again.json()["new"] is False and again.json()["document"] == doc.pk
    assert AuditLog.objects.filter(action="upload", object_id=str(doc.pk)).count() == 1


@pytest.mark.parametrize(
    ("content", "status"),
    [(b"", 400), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 3, 415), (b"x" * 2048, 413)],
    ids=["empty", "binary", "too big"],
)
def test_bad_uploads_are_refused(
    db, client: Client, key: str, settings, tmp_path, content: bytes, status: int
) -> None:
    settings.MAX_UPLOAD_MB = 1 / 1024  # one kilobyte
    path = tmp_path / "upload.bin"
    path.write_bytes(content)
    response = client.post("/api/documents", {"file": path.open("rb")}, headers=auth(key))
    assert response.status_code == status, response.content
    assert response.json()["detail"] and not Document.objects.exists()


def test_upload_without_a_file(db, client: Client, key: str) -> None:
    response = client.post("/api/documents", {}, headers=auth(key))
    assert response.status_code == 422 and "file" in response.json()["detail"]


# -- tokens from the command line ----------------------------------------------------------


def test_token_create_prints_a_key_that_works(seeds_ingested, campaigner, client: Client) -> None:
    from urgent.cli import app

    result = CliRunner().invoke(app, ["token", "create", "campaigner", "intake script"])

    assert result.exit_code == 0, result.output
    key = result.output.strip()
    assert ApiToken.objects.get().key_hash == ApiToken.digest(key) != key
    doc = Document.objects.first()
    assert client.get(f"/api/documents/{doc.pk}", headers=auth(key)).status_code == 200


def test_token_create_refuses_unknown_users_and_supporters(supporter) -> None:
    from urgent.cli import app

    unknown = CliRunner().invoke(app, ["token", "create", "nobody", "x"])
    not_campaigner = CliRunner().invoke(app, ["token", "create", "supporter", "x"])
    assert unknown.exit_code == 2 and "no user 'nobody'" in unknown.output
    assert not_campaigner.exit_code == 2 and "not an active campaigner" in not_campaigner.output
    assert not ApiToken.objects.exists()
