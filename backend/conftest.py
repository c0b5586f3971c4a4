import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttles count in the cache: each test starts with none of another test's requests (ids are reused)."""
    cache.clear()
    yield
    cache.clear()
