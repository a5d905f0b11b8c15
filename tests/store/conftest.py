"""Helpers for tests that use the case store (a real database: SQLite or PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from urgent.extract import extract_document
from urgent.read import read


def ingest_file(path: Path):
    from urgent.web.cases.ingest import ingest_document

    doc = read(path)
    return ingest_document(path.read_bytes(), path.name, extract_document(doc), doc.text)


def ingest_text(text: str, name: str):
    from urgent.web.cases.ingest import ingest_document

    data = text.encode()
    doc = read(data, name=name)
    return ingest_document(data, name, extract_document(doc), doc.text)


@pytest.fixture
def seeds_ingested(db: None) -> None:
    from tests.conftest import SEEDS

    for path in sorted(SEEDS.iterdir()):
        ingest_file(path)
