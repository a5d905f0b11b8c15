"""`urgent search` and `urgent.web.cases.search`: ranking, filters, phrases, accents,
hostile queries, merged cases, index upkeep and the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DOCS, SEEDS
from urgent.extract import extract
from urgent.read import read
from urgent.record import Record

pytestmark = pytest.mark.django_db


@functools.cache
def _extracted() -> tuple[tuple[bytes, str, Record, str], ...]:
    """The test documents and seeds, read and extracted once for the whole module."""
    out = []
    for path in sorted([*DOCS.iterdir(), *SEEDS.iterdir()]):
        doc = read(path)
        out.append((path.read_bytes(), path.name, extract(doc), doc.text))
    return tuple(out)


@pytest.fixture
def store(db: None) -> dict[str, Any]:
    """Every test document and seed ingested; their Documents by file stem."""
    from urgent.web.cases.ingest import ingest_document

    docs: dict[str, Any] = {}
    for data, name, record, text in _extracted():
        outcome = ingest_document(data, name, record, text)
        docs[Path(name).stem] = outcome.document
    return docs


def search(query: str, **options: object) -> list:
    from urgent.web.cases.search import search as run

    return run(query, **options)  # type: ignore[arg-type]


def names(hits: list) -> list[str]:
    from urgent.web.cases.models import Document

    by_id = dict(Document.objects.values_list("id", "name"))
    return [Path(by_id[h.document_id]).stem for h in hits]


# -- ranking ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("execution", "06_ai_ua_2015_iran"),  # "IMMINENT EXECUTION" in the title; others in the text
        ("insulin", "20_ai_ua_2022_russia"),  # the Bahrain letter mentions insulin in its text
    ],
)
def test_the_document_whose_title_matches_ranks_first(store: dict, query: str, first: str) -> None:
    hits = search(query)
    assert len(hits) > 1
    assert names(hits)[0] == first
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def test_a_hit_says_what_it_found(store: dict) -> None:
    [hit] = search("musician")
    doc = store["20_ai_ua_2022_russia"]
    assert (hit.document_id, hit.case_id, hit.kind) == (doc.pk, doc.case_id, "urgent_action")
    assert hit.title == "ANTI-WAR MUSICIAN DENIED INSULIN IN DETENTION"
    assert hit.issued == date(2022, 8, 3)
    assert "musician" in hit.snippet.lower()
    assert "<" not in hit.snippet and "\x1f" not in hit.snippet
    assert hit.to_dict()["issued"] == "2022-08-03"


def test_all_words_must_match(store: dict) -> None:
    assert names(search("musician insulin")) == ["20_ai_ua_2022_russia"]
    assert search("musician bogota") == []


def test_one_hit_per_case_unless_every_document_is_asked_for(store: dict) -> None:
    from urgent.web.cases.models import Document

    case = store["000_7070691397e3d56c"].case_id
    together = Document.objects.filter(case_id=case).count()
    assert together > 1  # the UA and the release about the same eight refugees
    hits = search("North Korea", limit=100)
    assert [h.case_id for h in hits].count(case) == 1
    every = search("North Korea", limit=100, per_case=False)
    assert [h.case_id for h in every].count(case) == together


def test_limit(store: dict) -> None:
    assert len(search("torture", limit=3)) == 3


# -- filters ---------------------------------------------------------------------------


def _cases_of(hits: list) -> set[int]:
    return {h.case_id for h in hits}


def test_country_filter(store: dict) -> None:
    from urgent.web.cases.models import Case

    everything = search("torture", limit=100)
    turkish = {c.pk for c in Case.objects.filter(pk__in=_cases_of(everything)) if "TR" in c.countries}
    assert turkish
    assert _cases_of(search("torture", country="TR", limit=100)) == turkish
    assert _cases_of(search("torture", country="tr", limit=100)) == turkish


def test_kind_filter(store: dict) -> None:
    everything = search("detention", limit=100, per_case=False)
    letters = [h for h in everything if h.kind == "letter"]
    assert letters and len(letters) < len(everything)
    assert search("detention", kind="letter", limit=100, per_case=False) == letters


def test_status_filter(store: dict) -> None:
    from urgent.web.cases.models import Case

    Case.objects.update(status=Case.Status.OPEN)
    Case.objects.filter(pk=store["01_ai_ua_1994_turkey"].case_id).update(status=Case.Status.CLOSED)
    assert _cases_of(search("torture", status="closed")) == {store["01_ai_ua_1994_turkey"].case_id}
    assert store["01_ai_ua_1994_turkey"].case_id not in _cases_of(search("torture", status="open", limit=100))


def test_risk_filter(store: dict) -> None:
    from urgent.web.cases.models import Case

    everything = search("torture", limit=100)
    facing = {c.pk for c in Case.objects.filter(pk__in=_cases_of(everything)) if "death_penalty" in c.risks}
    assert facing and facing != _cases_of(everything)
    assert _cases_of(search("torture", risk="death_penalty", limit=100)) == facing


def test_since_filter_keeps_documents_issued_that_day_or_later(store: dict) -> None:
    everything = search("torture", limit=100, per_case=False)
    recent = [h for h in everything if h.issued and h.issued >= date(2016, 3, 15)]
    assert recent and len(recent) < len(everything)
    assert search("torture", since=date(2016, 3, 15), limit=100, per_case=False) == recent


def test_published_only(store: dict) -> None:
    from urgent.web.cases.models import Case

    assert search("torture", published_only=True) == []
    Case.objects.filter(pk=store["03_ai_ua_1998_indonesia"].case_id).update(published=True)
    assert names(search("torture", published_only=True)) == ["03_ai_ua_1998_indonesia"]


# -- query syntax ----------------------------------------------------------------------


def test_phrases_match_words_in_a_row(store: dict) -> None:
    found = set(names(search('"fear of torture"', limit=100)))
    assert "01_ai_ua_1994_turkey" in found
    assert found < set(names(search("fear of torture", limit=100)))
    assert search('"torture of fear"') == []


def test_typographic_quotes_make_a_phrase(store: dict) -> None:
    assert names(search("“fear of torture”", limit=100)) == names(search('"fear of torture"', limit=100))


def test_a_ua_number_is_found_as_written(store: dict) -> None:
    assert "001_d0065fa6c5efd158" in names(search("105/00"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Bogota", "10_ai_ua_es_2018_colombia"),  # the text has "Bogotá"
        ("lideres indigenas", "10_ai_ua_es_2018_colombia"),  # "LÍDERES INDÍGENAS"
        ("BOGOTÁ", "10_ai_ua_es_2018_colombia"),
        ("prodemocratie", "09_ai_ua_fr_2016_rdc"),  # "PRODÉMOCRATIE"
    ],
)
def test_accents_do_not_matter(store: dict, query: str, expected: str) -> None:
    if not _folds_accents():
        pytest.skip("PostgreSQL without the unaccent extension: accents are not folded")
    assert names(search(query)) == [expected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("律师", "13_hrw_letter_zh_2016_china_gb18030"),  # inside a run of Chinese without spaces
        ("刘向东", "13_hrw_letter_zh_2016_china_gb18030"),
        ("선원", "19_apil_pr_ko_2021_korea_euckr"),
        ("인도네시아", "19_apil_pr_ko_2021_korea_euckr"),
    ],
)
def test_chinese_and_korean_words_are_found_inside_longer_runs(
    store: dict, query: str, expected: str
) -> None:
    hits = search(query)
    assert names(hits) == [expected]
    assert query in hits[0].snippet.replace(" ", "")


HOSTILE = [
    "",
    " ",
    '"',
    '""',
    '"""',
    "*",
    "torture*",
    "NEAR(",
    "NEAR(torture execution, 3)",
    "AND OR",
    "AND",
    "NOT torture",
    "torture OR",
    "-torture",
    "title:torture",
    "^torture",
    "' OR 1=1 --",
    "'; DROP TABLE cases_document; --",
    "%",
    "_",
    "\\",
    "\x00",
    "torture\x00execution",
    "(((",
    ")",
    "{}",
    "&|!<->:*",
    '"unclosed phrase',
    'torture "',
    "\u0301",
    "\x1f",
    "a" * 5000,
    " ".join(["torture"] * 100),
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(store: dict, query: str) -> None:
    hits = search(query)
    assert isinstance(hits, list)


def test_a_query_of_operators_only_finds_nothing(store: dict) -> None:
    for query in ('"', "*", "(((", "&|!<->:*", "\\", "%"):
        assert search(query) == []


def test_operators_are_read_as_words(store: dict) -> None:
    assert names(search("NEAR(musician")) == []  # "near" is not in that document
    assert names(search("musician*")) == ["20_ai_ua_2022_russia"]
    assert names(search('"musician')) == ["20_ai_ua_2022_russia"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_any_text_is_a_query(store: dict, query: str) -> None:
    assert isinstance(search(query), list)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(max_size=20),
    country=st.one_of(st.none(), st.text(max_size=4)),
    risk=st.one_of(st.none(), st.text(max_size=8)),
)
def test_any_filter_value_is_a_filter(store: dict, query: str, country: str | None, risk: str | None) -> None:
    assert isinstance(search(f"torture {query}", country=country, risk=risk, kind=risk, status=country), list)


# -- merged cases ----------------------------------------------------------------------


def test_a_merge_moves_hits_to_the_case_that_stays_without_reindexing(store: dict) -> None:
    from urgent.web.cases import linking
    from urgent.web.cases.models import LinkProposal

    keep, gone = store["01_ai_ua_1994_turkey"].case, store["02_ai_ua_1996_peru"].case
    proposal = LinkProposal.objects.create(case=keep, other=gone, score=1.0, reasons=["test"])
    linking.merge(proposal)
    assert [h.case_id for h in search("Peru")] == [keep.pk]
    assert gone.pk not in {h.case_id for h in search("torture", limit=100, per_case=False)}
    linking.undo(proposal)
    assert [h.case_id for h in search("Peru")] == [gone.pk]


def test_a_case_merged_into_another_is_never_a_hit(store: dict) -> None:
    from urgent.web.cases.models import Case

    peru = store["02_ai_ua_1996_peru"].case
    Case.objects.filter(pk=peru.pk).update(merged_into=store["01_ai_ua_1994_turkey"].case)
    assert search("Peru") == []


# -- index upkeep ----------------------------------------------------------------------


def test_removed_documents_are_not_found(store: dict) -> None:
    from urgent.web.cases import search as index

    index.remove_document(store["20_ai_ua_2022_russia"].pk)
    assert search("musician") == []


def test_indexing_again_replaces_what_a_document_had(store: dict) -> None:
    from urgent.web.cases import search as index

    doc = store["20_ai_ua_2022_russia"]
    assert names(search("Petersburg")) == ["20_ai_ua_2022_russia"]  # in the text, not the title
    doc.text = doc.text.replace("Petersburg", "Leningrad")
    doc.save()
    index.index_document(doc)
    assert names(search("Leningrad")) == ["20_ai_ua_2022_russia"]
    assert search("Petersburg") == []


def test_rebuild_indexes_every_document(store: dict) -> None:
    from urgent.web.cases import search as index
    from urgent.web.cases.models import Document

    before = search("torture", limit=100)
    index.remove_document(store["20_ai_ua_2022_russia"].pk)
    assert index.rebuild() == Document.objects.count()
    assert search("torture", limit=100) == before
    assert names(search("musician")) == ["20_ai_ua_2022_russia"]


def test_query_parsing() -> None:
    from urgent.web.cases.search import parse

    assert parse('detained "hunger strike" Tehran') == ["detained", "hunger strike", "Tehran"]
    assert parse('"unclosed phrase') == ["unclosed", "phrase"]
    assert parse("* ( ) \" ' -- ;") == []
    assert parse("律师") == ["律 师"]  # one phrase of two characters
    assert parse("torture\x00execution\x1f") == ["torture", "execution"]  # control characters are spaces
    assert parse("Torture torture") == ["Torture"]


def _folds_accents() -> bool:
    from django.db import connection

    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        return cursor.fetchone() is not None


# -- the command line ------------------------------------------------------------------


def _urgent(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "URGENT_DATA_DIR": str(data_dir)}
    env.pop("URGENT_DATABASE_URL", None)  # the command line on a SQLite store of its own
    return subprocess.run(
        [sys.executable, "-m", "urgent", *args], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("urgent-data")
    files = [
        DOCS / "10_ai_ua_es_2018_colombia.txt",
        DOCS / "20_ai_ua_2022_russia.txt",
        DOCS / "06_ai_ua_2015_iran.txt",
    ]
    done = _urgent("ingest", "--workers", "1", *map(str, files), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    return data_dir


def test_cli_search_json(cli_store: Path) -> None:
    done = _urgent("search", "Bogota", "--json", data_dir=cli_store)
    assert done.returncode == 0, done.stderr
    [hit] = json.loads(done.stdout)
    assert hit["title"] == "LÍDERES INDÍGENAS AMENAZADOS DE MUERTE EN EL CAUCA"
    assert set(hit) == {"case_id", "document_id", "title", "snippet", "rank", "kind", "issued"}
    assert hit["issued"] == "2018-07-06"


def test_cli_search_filters(cli_store: Path) -> None:
    done = _urgent(
        "search", "detention", "--country", "ru", "--since", "2020-01-01", "--json", data_dir=cli_store
    )
    assert done.returncode == 0, done.stderr
    assert [h["title"] for h in json.loads(done.stdout)] == ["ANTI-WAR MUSICIAN DENIED INSULIN IN DETENTION"]


def test_cli_search_table(cli_store: Path) -> None:
    done = _urgent("search", "insulin", data_dir=cli_store)
    assert done.returncode == 0, done.stderr
    assert "MUSICIAN" in done.stdout and "urgent_action" in done.stdout


def test_cli_search_no_match(cli_store: Path) -> None:
    done = _urgent("search", "zzyzx", data_dir=cli_store)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "no matches\n")
    done = _urgent("search", '"', "--json", data_dir=cli_store)
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2018-13-01"], "urgent: --since: not a date (YYYY-MM-DD): '2018-13-01'"),
        (["--since", "yesterday"], "urgent: --since: not a date (YYYY-MM-DD): 'yesterday'"),
        (["--country", "Peru"], "urgent: --country: an ISO 3166-1 alpha-2 code (CN, KP…), not 'Peru'"),
        (["--status", "shut"], "urgent: --status: one of open, deadline_passed, closed, not 'shut'"),
        (["--limit", "0"], "urgent: --limit: at least 1, not 0"),
    ],
)
def test_cli_search_refuses_bad_options(cli_store: Path, args: list[str], message: str) -> None:
    done = _urgent("search", "torture", *args, data_dir=cli_store)
    assert (done.returncode, done.stderr) == (2, message + "\n")
