import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Throttle and lockout counts never leak from one test into another."""
    cache.clear()
    yield
    cache.clear()
