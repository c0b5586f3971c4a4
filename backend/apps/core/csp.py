"""Content-Security-Policy: the policy lives in settings.CONTENT_SECURITY_POLICY (django-csp); this module
holds what the policy needs from the code.

- `inline_script_hashes(html)`: the SPA's index.html carries two tiny inline scripts (the remembered
  language before the first paint, the hand-over from the server-rendered first screen); instead of
  allowing inline scripts, the SPA view allows exactly these by their SHA-256.
- `csp_report`: browsers report violations here (`report-uri`); each is logged (the page without its
  query string, the directive, the blocked origin) and counted in `salon_csp_violations_total`.
"""

import base64
import hashlib
import json
import logging
import re
from functools import lru_cache
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from prometheus_client import Counter

logger = logging.getLogger(__name__)

CSP_VIOLATIONS = Counter(
    "salon_csp_violations_total", "Content-Security-Policy violations reported by browsers.", ["directive"]
)
MAX_REPORT_BYTES = 64 * 1024
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


@lru_cache(maxsize=8)
def inline_script_hashes(html: str) -> tuple[str, ...]:
    """`'sha256-…'` sources for every inline script of the page, in the form CSP wants."""
    return tuple(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in _INLINE_SCRIPT.findall(html)
    )


def allow_inline_scripts_of(response, html: str) -> None:
    """Let the browser run this page's own inline scripts and no others."""
    hashes = inline_script_hashes(html)
    if hashes:
        response._csp_update = {"script-src": list(hashes)}


def _origin(uri: str) -> str:
    if not uri or "://" not in uri:
        return uri[:32]  # "inline", "eval", "data", …
    parts = urlsplit(uri)
    return f"{parts.scheme}://{parts.netloc}"


@csrf_exempt
@require_POST
def csp_report(request):
    """Accepts `application/csp-report` (report-uri) and `application/reports+json` (report-to) bodies."""
    if len(request.body) > MAX_REPORT_BYTES:
        return HttpResponse(status=413)
    try:
        payload = json.loads(request.body or b"null")
    except ValueError:
        return HttpResponse(status=400)
    reports = payload if isinstance(payload, list) else [payload]
    for report in reports:
        if not isinstance(report, dict):
            continue
        body = report.get("csp-report") or report.get("body") or {}
        if not isinstance(body, dict):
            continue
        directive = str(
            body.get("effective-directive")
            or body.get("effectiveDirective")
            or body.get("violated-directive")
            or "unknown"
        )
        directive = directive.split(" ", 1)[0][:40]
        page = str(body.get("document-uri") or body.get("documentURL") or "")
        blocked = str(body.get("blocked-uri") or body.get("blockedURL") or "")
        CSP_VIOLATIONS.labels(directive).inc()
        logger.warning(
            "CSP violation: %s blocked %s on %s",
            directive,
            _origin(blocked),
            urlsplit(page).path,
            extra={"directive": directive, "blocked": _origin(blocked), "page": urlsplit(page).path},
        )
    return HttpResponse(status=204)
