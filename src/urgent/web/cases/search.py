"""Ranked full-text search over cases and documents: SQLite FTS5 or PostgreSQL full-text search.

    index_document(doc)          # add or replace one document (ingest, re-extraction)
    remove_document(doc_id)
    rebuild()                    # the whole index again, from the stored documents
    hits = search('"hunger strike" Tehran', country="IR", since=date(2020, 1, 1))

The index (created by migration 0003) holds one row per document: its title and
text. The case of a hit comes from `Document.case` at query time, so merging
cases needs no re-indexing and a merged-away case never shows. A query is words
(all must match) and "quoted phrases"; whatever else a user types is reduced to
those, so user input never reaches the database as query syntax.

Ranking (bm25 on FTS5, ts_rank_cd on PostgreSQL, the title counting ten times the
text) orders the CANDIDATES most recently stored matching documents that pass
the filters: a common word matches most of a large store, and ranking all of
them would take hundreds of milliseconds.

Multilingual: accents are folded (FTS5 `remove_diacritics 2`; PostgreSQL
`unaccent` when the server has it), the PostgreSQL configuration is `simple`
(no stemming: documents come in many languages), and Chinese, Japanese and
Korean characters are indexed one by one, since these scripts do not put spaces
between words: a word written in them is searched as a phrase of characters.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from django.db import connection, transaction
from django.db.models.fields.json import KT

from urgent.web.cases.models import Document

TABLE = "cases_search"
PG_CONFIG = "urgent_search"  # `simple`, with `unaccent` when available (see the migration)
TITLE_WEIGHT = 10.0  # FTS5 bm25 column weight; PostgreSQL gives the title weight A, the body D
MAX_BODY_CHARS = 200_000  # ~50 pages; PostgreSQL refuses a tsvector over 1 MB
MAX_QUERY_CHARS = 500
MAX_TERMS = 16
SNIPPET_TOKENS = 24
# Matches ranked per query: the most recently stored ones. Ranking every document
# with a common word ("torture" is in most) takes 200-300 ms at 100,000 documents on
# either engine; ranking 1,000 put PostgreSQL's p95 at 69 ms, 500 at 44 ms
# (`python -m bench search`).
CANDIDATES = 500
MAX_LIMIT = CANDIDATES
BATCH = 500

# Stored text gets this control character around every CJK character: both
# tokenizers split there, and snippets drop it again.
SEP = "\x1f"
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]+"
)
# PostgreSQL gets words only: its parser would otherwise read "61/19" as a file
# path and "2015-06-12" as "2015 -06 -12", unlike the words a query is cut into.
_NOT_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
_QUOTES = str.maketrans(dict.fromkeys("“”„«»＂", '"'))


@dataclass(frozen=True)
class Hit:
    """One matching document: the best one of its case, unless every document was asked for."""

    case_id: int
    document_id: int
    title: str
    snippet: str  # plain text, no markup
    rank: float  # higher is better; comparable within one result list only
    kind: str
    issued: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "document_id": self.document_id,
            "title": self.title,
            "snippet": self.snippet,
            "rank": self.rank,
            "kind": self.kind,
            "issued": self.issued.isoformat() if self.issued else None,
        }


@dataclass(frozen=True)
class Filters:
    country: str | None = None  # ISO 3166-1 alpha-2, among the case's countries
    kind: str | None = None  # of the document
    status: str | None = None  # of the case
    risk: str | None = None  # among the case's risks
    since: date | None = None  # documents issued on or after; undated documents are left out
    published_only: bool = False


# -- the interface ---------------------------------------------------------------------


def index_document(doc: Document) -> None:
    """Add one document to the index, or replace what it had there."""
    _backend().store([(doc.pk, _title(doc.record), doc.text)])


def remove_document(doc_id: int) -> None:
    _backend().delete(doc_id)


def rebuild() -> int:
    """Index every stored document again; returns how many."""
    backend = _backend()
    count = 0
    with transaction.atomic():
        backend.clear()
        last = 0
        while True:
            rows = list(
                Document.objects.filter(pk__gt=last)
                .order_by("pk")
                .values_list("pk", KT("record__title"), "text")[:BATCH]
            )
            if not rows:
                break
            backend.store([(pk, title or "", text) for pk, title, text in rows])
            count += len(rows)
            last = rows[-1][0]
        backend.optimize()
    return count


def search(
    query: str,
    *,
    country: str | None = None,
    kind: str | None = None,
    status: str | None = None,
    risk: str | None = None,
    since: date | None = None,
    published_only: bool = False,
    limit: int = 20,
    per_case: bool = True,
) -> list[Hit]:
    """Documents matching every word and phrase of ``query``, best first.

    One hit per case (its best document) unless ``per_case`` is false; cases
    merged into another are left out, their documents count for the case they
    joined. At most CANDIDATES documents are ranked (see the module's docstring).
    Never raises on what a user types: an empty or unusable query finds nothing.
    """
    terms = parse(query)
    if not terms or not all(v.isprintable() for v in (country, kind, status, risk) if v):
        return []  # no stored country, kind, status or risk holds a control character
    filters = Filters(
        country=country.strip().upper() if country else None,
        kind=kind or None,
        status=status or None,
        risk=risk or None,
        since=since,
        published_only=published_only,
    )
    return _backend().search(terms, filters, max(1, min(limit, MAX_LIMIT)), per_case)


# -- text --------------------------------------------------------------------------------


def parse(query: str) -> list[str]:
    """Words and "quoted phrases" of a query, as plain text terms that all must match.

    An unclosed quote opens no phrase; control characters are spaces; terms
    without a letter or digit are dropped, so `"`, `*`, `NEAR(` or `' OR 1=1 --`
    leave words or nothing. CJK characters are set apart by spaces, a phrase.
    """
    text = unicodedata.normalize("NFC", _printable(query[:MAX_QUERY_CHARS]).translate(_QUOTES))
    parts = text.split('"')
    terms: list[str] = []
    for i, part in enumerate(parts):
        quoted = i % 2 == 1 and i < len(parts) - 1
        for chunk in [part] if quoted else part.split():
            term = " ".join(_CJK.sub(lambda m: f" {' '.join(m.group())} ", chunk).split())
            if _has_token(term) and term.casefold() not in {t.casefold() for t in terms}:
                terms.append(term)
    return terms[:MAX_TERMS]


def _printable(text: str) -> str:
    """Control, format and surrogate characters as spaces: FTS5 reads NUL as the end of a
    string, PostgreSQL refuses it, and a lone surrogate cannot be encoded."""
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn") else ch for ch in text)


def _has_token(text: str) -> bool:
    """A letter, digit or mark: what both tokenizers keep (FTS5 categories `L* N* Co M*`)."""
    return any(ch.isalnum() or unicodedata.category(ch) in _MARK_OR_PRIVATE_USE for ch in text)


_MARK_OR_PRIVATE_USE = frozenset(("Mn", "Mc", "Me", "Co"))


def prepare(text: str) -> str:
    """Text as stored in the index: NFC, CJK characters apart, at most MAX_BODY_CHARS."""
    return _apart(unicodedata.normalize("NFC", text[:MAX_BODY_CHARS]))


def _apart(text: str) -> str:
    """SEP around every CJK character, so each is a token of its own."""
    return _CJK.sub(lambda m: SEP + SEP.join(m.group()) + SEP, text)


def words(prepared: str) -> str:
    """Prepared text as the words PostgreSQL indexes, separated by spaces."""
    return _NOT_WORD.sub(" ", prepared)


def plain(stored: str) -> str:
    """Stored text back to what a person reads: separators out, whitespace collapsed."""
    return " ".join(stored.replace(SEP, "").split())


def _title(record: Any) -> str:
    return str(record.get("title") or "") if isinstance(record, dict) else ""


# -- the two engines ---------------------------------------------------------------------


class _Backend(Protocol):
    def store(self, rows: Sequence[tuple[int, str, str]]) -> None: ...
    def delete(self, doc_id: int) -> None: ...
    def clear(self) -> None: ...
    def optimize(self) -> None: ...
    def search(self, terms: list[str], filters: Filters, limit: int, per_case: bool) -> list[Hit]: ...


def _backend() -> _Backend:
    if connection.vendor == "sqlite":
        return _Sqlite()
    if connection.vendor == "postgresql":
        return _Postgres()
    raise NotImplementedError(f"search: no full-text index for {connection.vendor}")


def _where(
    filters: Filters, contains: str, item: Callable[[str], Any], day: Callable[[date], Any]
) -> tuple[str, list[Any]]:
    """SQL conditions on the document `d` and its case `c`.

    ``contains`` tests whether a JSON list holds the parameter ``item(value)``;
    ``day`` is a date as the engine compares it.
    """
    sql = ["c.merged_into_id IS NULL"]
    params: list[Any] = []
    for column, value in (("c.countries", filters.country), ("c.risks", filters.risk)):
        if value:
            sql.append(contains.format(column=column))
            params.append(item(value))
    if filters.status:
        sql.append("c.status = %s")
        params.append(filters.status)
    if filters.kind:
        sql.append("d.kind = %s")
        params.append(filters.kind)
    if filters.since:
        sql.append("d.issued >= %s")
        params.append(day(filters.since))
    if filters.published_only:
        sql.append("c.published = %s")
        params.append(True)
    return " AND ".join(sql), params


def _fetch(sql: str, params: Iterable[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return list(cursor.fetchall())


class _Sqlite:
    """An FTS5 table whose rowid is the document's id."""

    def store(self, rows: Sequence[tuple[int, str, str]]) -> None:
        with connection.cursor() as cursor:
            # FTS5 tables have no upsert
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk, _, _ in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
                [(pk, prepare(title), prepare(text)) for pk, title, text in rows],
            )

    def delete(self, doc_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE rowid = %s", [doc_id])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
            # Statistics taken while the index was small (an ANALYZE of the whole file)
            # make every insert of a rebuild slower and slower: 100,000 documents took
            # three times as long. Without them SQLite plans FTS5's own queries well.
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone():
                cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl LIKE %s", [f"{TABLE}%"])

    def optimize(self) -> None:
        # merge the index's segments into one: faster queries after a bulk load
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")

    def search(self, terms: list[str], filters: Filters, limit: int, per_case: bool) -> list[Hit]:
        match = " AND ".join(f'"{t}"' for t in terms)  # terms hold no quote: each is one phrase
        where, params = _where(
            filters, "EXISTS (SELECT 1 FROM json_each({column}) WHERE value = %s)", str, date.isoformat
        )
        best = "ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY score, id DESC)" if per_case else "1"
        # FTS5 walks the matches newest first and stops at CANDIDATES; bm25 is computed for those only
        rows = _fetch(
            f"""
            WITH m AS (
                SELECT {TABLE}.rowid AS id, bm25({TABLE}, {TITLE_WEIGHT}, 1.0) AS score,
                       d.case_id, d.kind, d.issued, c.title AS case_title
                FROM {TABLE}
                JOIN cases_document d ON d.id = {TABLE}.rowid JOIN cases_case c ON c.id = d.case_id
                WHERE {TABLE} MATCH %s AND {where}
                ORDER BY {TABLE}.rowid DESC LIMIT {CANDIDATES}
            ), ranked AS (
                SELECT *, {best} AS n FROM m
            )
            SELECT case_id, id, kind, issued, case_title, score FROM ranked WHERE n = 1
            ORDER BY score, id DESC LIMIT %s
            """,
            [match, *params, limit],
        )
        hits = []
        for case_id, doc_id, kind, issued, case_title, score in rows:
            found = _fetch(
                f"SELECT title, snippet({TABLE}, 1, '', '', '…', {SNIPPET_TOKENS}) FROM {TABLE} "
                f"WHERE {TABLE} MATCH %s AND rowid = %s",
                [match, doc_id],
            )
            title, excerpt = found[0] if found else ("", "")
            hits.append(
                Hit(
                    case_id=case_id,
                    document_id=doc_id,
                    title=plain(title) or case_title,
                    snippet=plain(excerpt),
                    rank=-score,  # bm25 is lower for better matches
                    kind=kind,
                    issued=date.fromisoformat(issued) if isinstance(issued, str) else issued,
                )
            )
        return hits


class _Postgres:
    """Two tables keyed by the document's id: `cases_search` holds only the tsvector
    (GIN-indexed), so the rows an index scan visits are small; `cases_search_text`
    holds the title and text, for hits and snippets."""

    def store(self, rows: Sequence[tuple[int, str, str]]) -> None:
        prepared = [(pk, prepare(title), prepare(text)) for pk, title, text in rows]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"""
                INSERT INTO {TABLE} (document_id, vector)
                VALUES (%s, setweight(to_tsvector('{PG_CONFIG}', %s), 'A')
                            || setweight(to_tsvector('{PG_CONFIG}', %s), 'D'))
                ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector
                """,
                [(pk, words(title), words(body)) for pk, title, body in prepared],
            )
            cursor.executemany(
                f"""
                INSERT INTO {TABLE}_text (document_id, title, body) VALUES (%s, %s, %s)
                ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body
                """,
                prepared,
            )

    def delete(self, doc_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = %s", [doc_id])
            cursor.execute(f"DELETE FROM {TABLE}_text WHERE document_id = %s", [doc_id])

    def clear(self) -> None:
        # a GIN index built once at the end is several times faster than one kept up row by row
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}, {TABLE}_text")
            cursor.execute(f"DROP INDEX IF EXISTS {TABLE}_vector")

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            cursor.execute(f"CREATE INDEX {TABLE}_vector ON {TABLE} USING gin (vector)")
            cursor.execute(f"ANALYZE {TABLE}")
            cursor.execute(f"ANALYZE {TABLE}_text")

    def search(self, terms: list[str], filters: Filters, limit: int, per_case: bool) -> list[Hit]:
        phrases = [p for p in (" ".join(_WORD.findall(t)) for t in terms) if p]
        if not phrases:
            return []
        # GIN finds the documents with every word without reading a vector; they are
        # taken newest first, their documents and cases joined one by one (nested loops,
        # see `_gin_only`; "+ 0" keeps the planner from walking the primary key instead)
        # until CANDIDATES pass the filters and, for phrases, the check on the vector:
        # "these words in a row" needs the positions, which only the vector holds.
        every_word = " && ".join([f"plainto_tsquery('{PG_CONFIG}', %s)"] * len(phrases))
        query = " && ".join([f"phraseto_tsquery('{PG_CONFIG}', %s)"] * len(phrases))
        where, params = _where(filters, "{column} @> %s::jsonb", lambda v: json.dumps([v]), lambda d: d)
        in_a_row = any(" " in p for p in phrases)
        in_order = (
            ""
            if not in_a_row
            else f"""
                JOIN LATERAL (
                    SELECT 1 FROM {TABLE} v WHERE v.document_id = s.document_id AND v.vector @@ ({query})
                    OFFSET 0
                ) AS phrase ON true"""
        )
        matches = f"""
            ids AS MATERIALIZED (
                SELECT document_id FROM {TABLE} s WHERE s.vector @@ ({every_word})
                ORDER BY s.document_id + 0 DESC
            ), m AS MATERIALIZED (
                SELECT s.document_id AS id, d.case_id, d.kind, d.issued, c.title AS case_title
                FROM ids s
                JOIN cases_document d ON d.id = s.document_id JOIN cases_case c ON c.id = d.case_id{in_order}
                WHERE {where}
                LIMIT {CANDIDATES}
            )"""
        match_params = [*phrases, *params] if not in_a_row else [*phrases, *phrases, *params]
        distinct = "DISTINCT ON (case_id)" if per_case else ""
        order = "case_id, score DESC, id DESC" if per_case else "score DESC, id DESC"
        sql = f"""
            WITH {matches}, best AS (
                SELECT {distinct} m.*, ts_rank_cd(s.vector, {query}, 1) AS score
                FROM m JOIN {TABLE} s ON s.document_id = m.id
                ORDER BY {order}
            ), top AS (
                SELECT * FROM best ORDER BY score DESC, id DESC LIMIT %s
            )
            SELECT top.case_id, top.id, top.kind, top.issued, top.case_title, top.score, t.title,
                   t.body
            FROM top JOIN {TABLE}_text t ON t.document_id = top.id
            ORDER BY top.score DESC, top.id DESC
            """
        params = [*match_params, *phrases, limit]
        with transaction.atomic():
            rows = _gin_only(sql, params)
        return [
            Hit(
                case_id=case_id,
                document_id=doc_id,
                title=plain(title) or case_title,
                snippet=snippet(body, phrases),
                rank=float(score),
                kind=kind,
                issued=issued,
            )
            for case_id, doc_id, kind, issued, case_title, score, title, body in rows
        ]


# Planner settings for a search, local to its transaction.
_PLANNER = {
    # The planner counts reading a tsvector (~5 KB, stored out of line) as free: for
    # words it thinks common it would read the vector of row after row (a sequential
    # scan, or the primary key walked backwards), hundreds of milliseconds when the
    # words are common one by one but rare together. The GIN index answers without
    # reading a vector.
    "enable_seqscan": "off",
    # Nested loops keep the newest-first order and stop at CANDIDATES; a hash or merge
    # join would join every match first.
    "enable_hashjoin": "off",
    "enable_mergejoin": "off",
    # the ids of every document with a common word, sorted in memory rather than on disk
    "work_mem": "32MB",
}


def _gin_only(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` run with `_PLANNER`'s settings; call inside a transaction.

    The settings are local to the transaction and put back at once (a rollback
    puts them back too).
    """
    names = list(_PLANNER)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join("current_setting(%s)" for _ in names), names)
        before = cursor.fetchone()
        change = [value for name in names for value in (name, _PLANNER[name])]
        cursor.execute("SELECT " + ", ".join("set_config(%s, %s, true)" for _ in names), change)
        cursor.execute(sql, params)
        rows = list(cursor.fetchall())
        restore = [value for pair in zip(names, before, strict=True) for value in pair]
        cursor.execute("SELECT " + ", ".join("set_config(%s, %s, true)" for _ in names), restore)
    return rows


def snippet(body: str, phrases: list[str]) -> str:
    """About SNIPPET_TOKENS words of stored text around the first match of ``phrases``
    (a third of what PostgreSQL's ts_headline takes: half a millisecond a document).

    Case and Latin accents are ignored, as the index ignores them; with no match (the
    title matched), the text's beginning.
    """
    found = [m.start() for m in (_pattern(p).search(body) for p in phrases) if m]
    at = min(found, default=0)
    before = [m.start() for m in _WORD.finditer(body, max(0, at - 200), at)][-SNIPPET_TOKENS // 3 :]
    start = before[0] if before else at
    after = list(_WORD.finditer(body, start, start + 40 * SNIPPET_TOKENS))[:SNIPPET_TOKENS]
    end = after[-1].end() if after else start
    text = plain(body[start:end])
    return f"{'…' if start > 0 else ''}{text}{'…' if end < len(body.rstrip()) else ''}"


@functools.lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str]:
    """The words of ``phrase`` in a row, any case, each Latin letter with or without accents."""
    accented = _accented()
    words = [
        "".join(f"[{re.escape(accented[c])}]" if c in accented else re.escape(c) for c in w)
        for w in phrase.split()
    ]
    return re.compile(r"(?<![^\W_])" + r"[\W_]+".join(words) + r"(?![^\W_])", re.IGNORECASE)


@functools.cache
def _accented() -> dict[str, str]:
    """Each ASCII letter → itself and the Latin letters with diacritics built on it."""
    forms: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            forms[base.lower()] = forms.get(base.lower(), base.lower()) + char
    for chars in list(forms.values()):
        for char in chars:
            forms.setdefault(char, chars)  # "Bogotá" in a query finds "Bogota" too
    return forms
