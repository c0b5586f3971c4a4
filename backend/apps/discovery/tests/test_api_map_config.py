"""`GET /api/map-config/`: where the SPA's maps take their tiles from; the CSP lets those tiles in."""

import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_map_config_gives_the_tile_server_and_its_attribution(api_client):
    # When
    with override_settings(MAP_TILE_URL="https://tiles.example.com/{z}/{x}/{y}.png", MAP_MAX_ZOOM=18):
        response = api_client.get("/api/map-config/")

    # Then
    assert response.status_code == 200
    assert response.json() == {
        "tile_url": "https://tiles.example.com/{z}/{x}/{y}.png",
        "attribution": "© OpenStreetMap contributors",
        "max_zoom": 18,
    }


@pytest.mark.django_db
def test_the_content_security_policy_allows_the_tile_servers_images(client):
    # When
    policy = client.get("/").headers["Content-Security-Policy"]

    # Then
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "https://tile.openstreetmap.org" in img_src
