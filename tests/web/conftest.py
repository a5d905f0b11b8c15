"""Fixtures for web tests: the seed documents stored, published cases, users with roles.

Everything runs against the real database of the run (SQLite, or PostgreSQL when
URGENT_DATABASE_URL points at one)."""

from __future__ import annotations

import signal
from datetime import date, timedelta

import pytest
from django.test import Client

from tests.conftest import ROOT
from tests.store.conftest import ingest_file, ingest_text, seeds_ingested  # noqa: F401  (fixtures)

PASSWORD = "correct horse battery staple"


@pytest.fixture
def published(seeds_ingested: None) -> list:  # noqa: F811
    """The seed cases, published with a public summary; every person stays non-public."""
    from django.utils import timezone

    from urgent.web.cases.models import Case

    cases = list(Case.objects.filter(merged_into__isnull=True).order_by("id"))
    for case in cases:
        case.published = True
        case.published_at = timezone.now()
        case.public_summary = f"Public summary of case {case.pk}."
        case.save()
    return cases


@pytest.fixture
def campaigner(db: None):
    from django.contrib.auth.models import Group, User

    from urgent.web.accounts.models import CAMPAIGNER

    user = User.objects.create_user("campaigner", "campaigner@example.org", PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=CAMPAIGNER)[0])
    return user


@pytest.fixture
def supporter(db: None):
    from django.contrib.auth.models import User

    return User.objects.create_user("supporter", "supporter@example.org", PASSWORD)


@pytest.fixture
def campaigner_client(campaigner) -> Client:
    client = Client()
    client.force_login(campaigner)
    return client


@pytest.fixture
def supporter_client(supporter) -> Client:
    client = Client()
    client.force_login(supporter)
    return client


__all__ = ["PASSWORD", "ingest_file", "ingest_text"]


NAMED = ROOT / "tests" / "data" / "docs" / "06_ai_ua_2015_iran.txt"  # names the person at risk


@pytest.fixture
def named_case(published):
    """A published UA naming its person at risk; the name is not yet made public."""
    from urgent.web.cases.models import Case

    outcome = ingest_file(NAMED)
    case = Case.objects.get(pk=outcome.document.case_id)
    case.published, case.public_summary = True, "A young man faces execution."
    case.deadline = date.today() + timedelta(days=5)
    case.save()
    return case


@pytest.fixture
def restore_signals():
    """The task worker installs its own SIGINT/SIGTERM handlers; give the test run its own back."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for s, handler in saved.items():
        signal.signal(s, handler)
