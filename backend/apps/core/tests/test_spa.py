"""The built SPA goes out compressed: WhiteNoise sends a hashed asset's Brotli or gzip sibling, the
SPA view sends index.html's, each with `Vary: Accept-Encoding`, and the file itself otherwise."""

import gzip

import pytest
from django.test import Client, override_settings

ASSET = "/assets/index-3f9a2c1b.js"
SCRIPT = b"console.log('salon');\n" * 200
INDEX = "<!doctype html><html><body><div id=first-screen><!--first-screen--></div><div id=root></div></body></html>"


@pytest.fixture
def dist(tmp_path):
    """A dist/ as `npm run build` leaves it: files with their precompressed siblings."""
    (tmp_path / "assets").mkdir()
    asset = tmp_path / ASSET.lstrip("/")
    asset.write_bytes(SCRIPT)
    # The contents tell the variants apart (a real .br is Brotli; WhiteNoise does not decode it).
    asset.with_name(asset.name + ".br").write_bytes(b"brotli bytes")
    asset.with_name(asset.name + ".gz").write_bytes(gzip.compress(SCRIPT))
    index = tmp_path / "index.html"
    index.write_text(INDEX)
    index.with_name("index.html.br").write_bytes(b"brotli index")
    index.with_name("index.html.gz").write_bytes(gzip.compress(INDEX.encode()))
    # WhiteNoise reads its root when the middleware is built: a new client builds it again.
    with override_settings(WHITENOISE_ROOT=str(tmp_path), SPA_DIST_DIR=tmp_path):
        yield tmp_path


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("accept_encoding", "encoding", "body"),
    [
        ("gzip, deflate, br, zstd", "br", b"brotli bytes"),
        ("gzip, deflate", "gzip", gzip.compress(SCRIPT)),
        ("", None, SCRIPT),
        ("identity", None, SCRIPT),
    ],
)
def test_a_hashed_asset_is_sent_in_the_encoding_the_browser_accepts(dist, accept_encoding, encoding, body):
    response = Client().get(ASSET, headers={"Accept-Encoding": accept_encoding})

    assert response.status_code == 200
    assert response.get("Content-Encoding") == encoding
    assert response["Vary"] == "Accept-Encoding"
    assert response["Content-Type"].startswith("text/javascript")
    assert "immutable" in response["Cache-Control"]
    if encoding == "gzip":
        assert gzip.decompress(_body(response)) == SCRIPT
    else:
        assert _body(response) == body


@pytest.mark.parametrize(
    ("accept_encoding", "encoding"),
    [("br, gzip", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip"), ("", None)],
)
def test_the_spa_page_is_sent_in_the_encoding_the_browser_accepts(dist, accept_encoding, encoding):
    response = Client().get("/bookings/12", headers={"Accept-Encoding": accept_encoding})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in response["Vary"]
    assert response["Cache-Control"] == "no-cache"
    if encoding == "gzip":  # a gzip stream carries its time of making: compare what it holds
        assert gzip.decompress(response.content) == INDEX.encode()
    else:
        assert response.content == {"br": b"brotli index", None: INDEX.encode()}[encoding]
