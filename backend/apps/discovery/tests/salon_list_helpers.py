"""Helpers of the salon list's API tests: ask for the list, read its ids, check a field error."""

from django.urls import reverse

LIST_URL = reverse("discovery:salon-list")


def list_salons(api_client, language="ar", **params):
    return api_client.get(LIST_URL, params, HTTP_ACCEPT_LANGUAGE=language)


def result_ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [salon["id"] for salon in response.json()["results"]]


def assert_field_error(response, field: str, code: str) -> None:
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["errors"])) == (code, [field])
