"""The gold gate: extraction accuracy on our own documents and the seeds, per field.

Floors live in tests/data/floors.json; a score that drops below its floor
fails the build. Scored with the shared scorer, in-process.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import DATA, DOCS, GOLD, SEED_GOLD, SEEDS
from urgent import extract

FLOORS = json.loads((DATA / "floors.json").read_text())
BREADTH = DATA.parent / "breadth"  # documents first scored blind (tests/breadth/README.md)


def _score(scorer: ModuleType, gold_dir: Path, docs_dir: Path) -> dict[str, float]:
    total = scorer.Tally()
    for gold_path in sorted(gold_dir.glob("*.json")):
        doc = next(p for p in docs_dir.iterdir() if p.stem == gold_path.stem)
        pred = extract(doc).to_dict()
        total.merge(scorer.score_doc(json.loads(gold_path.read_text()), pred))
    scores = {field: scorer.prf(*row)[2] for field, row in total.c.items()}
    scores["overall"] = total.total()[2]
    return scores


@pytest.fixture(scope="module")
def own_scores(scorer: ModuleType) -> dict[str, float]:
    return _score(scorer, GOLD, DOCS)


@pytest.fixture(scope="module")
def seed_scores(scorer: ModuleType) -> dict[str, float]:
    return _score(scorer, SEED_GOLD, SEEDS)


@pytest.mark.parametrize("field", sorted(FLOORS["own"]))
def test_own_documents_meet_their_floor(own_scores: dict[str, float], field: str) -> None:
    assert own_scores.get(field, 1.0) >= FLOORS["own"][field], f"{field}: F1 {own_scores.get(field):.3f}"


@pytest.fixture(scope="module")
def breadth_scores(scorer: ModuleType) -> dict[str, float]:
    return _score(scorer, BREADTH / "gold", BREADTH / "docs")


@pytest.mark.parametrize("field", sorted(FLOORS["breadth"]))
def test_breadth_documents_meet_their_floor(breadth_scores: dict[str, float], field: str) -> None:
    score = breadth_scores.get(field, 1.0)
    assert score >= FLOORS["breadth"][field], f"{field}: F1 {score:.3f}"


def test_seed_documents_meet_their_floor(seed_scores: dict[str, float]) -> None:
    assert seed_scores["overall"] >= FLOORS["seeds"]["overall"]


def test_own_set_is_large_and_varied() -> None:
    """At least 15 documents in the styles the issue names, each with gold."""
    docs = sorted(DOCS.iterdir())
    assert len(docs) >= 15
    assert {p.stem for p in docs} == {p.stem for p in GOLD.glob("*.json")}
    kinds = {json.loads(p.read_text())["kind"] for p in GOLD.glob("*.json")}
    assert kinds >= {"urgent_action", "further_information", "letter", "press_release"}
