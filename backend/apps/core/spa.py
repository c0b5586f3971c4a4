"""Serving the built SPA's index.html for every client-side route.

The built files beside it (`/assets/…`, hashed) are WhiteNoise's: it sends the Brotli or gzip
sibling the build wrote (`npm run build` precompresses dist/) with `Content-Encoding` and
`Vary: Accept-Encoding`. index.html is answered here, compressed the same way.

A page may come with a *first screen*: HTML the server renders for the route (its main heading and
its largest picture, in both languages), put in index.html's `<!--first-screen-->` placeholder. The
browser paints it as soon as the HTML and the stylesheet arrive, long before the JavaScript on a
slow network; index.html's inline script removes it once the SPA has rendered the page (see
docs/frontend.md, "Performance").
"""

import gzip
import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from .csp import allow_inline_scripts_of

FIRST_SCREEN_PLACEHOLDER = "<!--first-screen-->"
# Precompressed siblings in order of preference (smallest first).
_ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
_CODING = re.compile(r"^\s*([\w*-]+)\s*(?:;\s*q\s*=\s*([\d.]+))?\s*$")


def accepted_encodings(request: HttpRequest) -> set[str]:
    """The content codings `Accept-Encoding` allows (`q=0` refuses one)."""
    accepted = set()
    for part in request.headers.get("Accept-Encoding", "").split(","):
        match = _CODING.match(part)
        if not match:
            continue
        try:
            quality = float(match.group(2) or 1)
        except ValueError:
            continue
        if quality > 0:
            accepted.add(match.group(1).lower())
    return accepted


def _html_response(body: bytes, encoding: str | None) -> HttpResponse:
    response = HttpResponse(body, content_type="text/html; charset=utf-8")
    if encoding:
        response["Content-Encoding"] = encoding
    # The HTML names the current hashed assets: always ask whether it changed.
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def spa_response(request: HttpRequest, first_screen: str = "") -> HttpResponse:
    """index.html, with `first_screen` in its placeholder when given, compressed when the browser accepts
    it; the Content-Security-Policy allows exactly its own inline scripts (by hash)."""
    index = settings.SPA_DIST_DIR / "index.html"
    if not index.is_file():
        return render(request, "core/no_spa.html", status=200)
    template = index.read_text(encoding="utf-8")
    response = _index_response(index, template, first_screen, accepted_encodings(request))
    allow_inline_scripts_of(response, template)
    return response


def _index_response(index, template: str, first_screen: str, accepted: set[str]) -> HttpResponse:
    if first_screen:
        html = template.replace(FIRST_SCREEN_PLACEHOLDER, first_screen, 1).encode()
        if "gzip" in accepted:
            return _html_response(gzip.compress(html, compresslevel=6), "gzip")
        return _html_response(html, None)
    for encoding, suffix in _ENCODINGS:
        sibling = index.with_name(index.name + suffix)
        if encoding in accepted and sibling.is_file():
            return _html_response(sibling.read_bytes(), encoding)
    return _html_response(index.read_bytes(), None)
