"""The SPA served from another origin may send its own headers (a CORS preflight allows them)."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["idempotency-key", "x-auth-cookie"])
def test_a_preflight_allows_the_spas_headers(client, header):
    response = client.options(
        "/api/payments/",
        headers={
            "Origin": "http://localhost:5173",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": f"authorization,content-type,{header}",
        },
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://localhost:5173"
    allowed = {value.strip() for value in response["Access-Control-Allow-Headers"].split(",")}
    assert {header, "authorization", "content-type"} <= allowed
