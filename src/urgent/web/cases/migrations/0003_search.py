"""The full-text index of `urgent.web.cases.search`: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Not a model: Django has no field for an FTS5 table, and the index is only ever
read and written through `search.py`. A database that already holds documents
is indexed here, once.
"""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError, migrations, transaction

# Letters, digits and combining marks are word characters (the default leaves marks
# out, which splits Hindi or Arabic words); accents are folded, "Bogota" finds "Bogotá".
FTS5_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"

# The vectors apart from the text: an index scan visits rows of a few dozen bytes.
POSTGRES_TABLES = (
    "CREATE TABLE cases_search (document_id bigint PRIMARY KEY, vector tsvector NOT NULL)",
    "CREATE TABLE cases_search_text (document_id bigint PRIMARY KEY, title text NOT NULL, body text NOT NULL)",
    "CREATE INDEX cases_search_vector ON cases_search USING gin (vector)",
)


def create(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            f'CREATE VIRTUAL TABLE cases_search USING fts5(title, body, tokenize = "{FTS5_TOKENIZER}")'
        )
    elif vendor == "postgresql":
        # 'simple': no stemming or stop words, the documents come in many languages
        schema_editor.execute("CREATE TEXT SEARCH CONFIGURATION urgent_search (COPY = pg_catalog.simple)")
        _fold_accents(schema_editor.connection)
        for sql in POSTGRES_TABLES:
            schema_editor.execute(sql)
    else:
        return
    Document = apps.get_model("cases", "Document")
    if Document.objects.exists():
        from urgent.web.cases import search

        search.rebuild()


def _fold_accents(connection: Any) -> None:
    """`unaccent` in the configuration when the server has the extension and lets us install it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
        if cursor.fetchone() is None:
            return
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
                cursor.execute(
                    "ALTER TEXT SEARCH CONFIGURATION urgent_search ALTER MAPPING FOR "
                    "word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple"
                )
        except DatabaseError:
            # installing an extension needs a superuser or the database's owner: without
            # it, search still works, accents are simply not folded
            pass


def drop(apps: Any, schema_editor: Any) -> None:
    schema_editor.execute("DROP TABLE IF EXISTS cases_search")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TABLE IF EXISTS cases_search_text")
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS urgent_search")


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
