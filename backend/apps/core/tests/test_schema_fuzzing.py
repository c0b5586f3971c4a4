"""Schema fuzzing: every operation of the API, called with data generated from its OpenAPI schema
(schemathesis, a fixed seed, a few examples each), anonymous and signed in as a customer, must
answer without a server error, with a status, content type and body the schema documents."""

from pathlib import Path

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as hypothesis_seed
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

SCHEMA_PATH = Path(__file__).resolve().parents[4] / "frontend" / "openapi.json"
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]

# Three examples an operation, no shrinking (a failure prints the curl line anyway): about a minute a run.
FUZZING = settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    phases=[Phase.explicit, Phase.generate],
)

schema = schemathesis.openapi.from_path(str(SCHEMA_PATH))
schema.app = get_wsgi_application()

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI handler closes the database connection after each request (close_old_connections),
    which would close the test's transaction; Django's test client disconnects it the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def customer_headers():
    from apps.accounts.models import User
    from apps.accounts.sessions import session_start

    user = User.objects.create_user(phone_number="+966500000091")
    return {"Authorization": f"Bearer {session_start(user).access_token}"}


@schema.parametrize()
@hypothesis_seed(20261207)
@FUZZING
def test_anonymous(case):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@hypothesis_seed(20261208)
@FUZZING
def test_signed_in_as_a_customer(case, customer_headers):
    case.call_and_validate(headers=customer_headers, checks=CHECKS)
