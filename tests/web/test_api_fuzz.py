"""schemathesis against the published OpenAPI schema: every operation, generated inputs
(valid and not), anonymous and with a campaigner's token, on the real database with
the seed cases published. No request may end in a server error, and every answer
must match what the schema promises (status codes, content types, response bodies)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from urgent.web.accounts.models import ApiToken


def _schema() -> schemathesis.schemas.BaseSchema:
    from django.core.wsgi import get_wsgi_application

    # pytest-django has set Django up before collection; the schema view reads no table
    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


schema = _schema()


@pytest.fixture(autouse=True)
def connection_kept_open():
    """The WSGI handler closes the database connection after each request; inside a test's
    transaction that would end the test's own connection (Django's test client does the same)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Some schema-valid requests are refused on purpose with a readable 422: a target that
# belongs to another case, a publish without a public summary. A schema cannot say that.
RULES_BEYOND_THE_SCHEMA = [positive_data_acceptance]

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same inputs on every run: CI fails only on a change to the code
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@schema.parametrize()
@FUZZ
def test_no_anonymous_input_makes_a_server_error(case, published) -> None:
    case.call_and_validate(excluded_checks=RULES_BEYOND_THE_SCHEMA)


@schema.parametrize()
@FUZZ
def test_no_campaigner_input_makes_a_server_error(case, published, campaigner) -> None:
    key = ApiToken.issue(campaigner, "fuzz")[1]
    case.call_and_validate(
        headers={"Authorization": f"Bearer {key}"}, excluded_checks=RULES_BEYOND_THE_SCHEMA
    )
