"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("URGENT_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
SEED_GOLD = SHARED / "eval" / "dev" / "gold"
DATA = ROOT / "tests" / "data"
DOCS = DATA / "docs"
GOLD = DATA / "gold"


def load_scorer() -> ModuleType:
    """The shared scorer (read-only, outside the package)."""
    spec = importlib.util.spec_from_file_location("urgent_scorer", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["urgent_scorer"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    return load_scorer()


def seed(stem_prefix: str) -> Path:
    return next(SEEDS.glob(f"{stem_prefix}*"))


def pytest_configure(config: pytest.Config) -> None:
    """Cached public pages live in this process's memory during tests, emptied before each
    test: a page cached in one test must not be served in another (same ids, other rows)."""
    from django.conf import settings

    if settings.configured:
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}
        }


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    from django.core.cache import cache

    from urgent.web.site import pagecache

    cache.clear()
    pagecache.forget()
