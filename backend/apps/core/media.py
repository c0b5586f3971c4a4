"""Serving uploaded files from this process: development and single-host set-ups only.

In production the web server, a CDN or the object storage serves MEDIA_URL (DJANGO_SERVE_MEDIA=0, the
default with DEBUG off; docs/runbooks/deployment.md gives the headers to set there). Whoever serves
them, an upload must never run as a page of our origin: raster images go out inline, anything else as
an attachment, always with `nosniff` and a sandboxing Content-Security-Policy.
"""

import mimetypes
from pathlib import PurePosixPath

from django.conf import settings
from django.views.static import serve

INLINE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"}


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    content_type, _ = mimetypes.guess_type(path)
    disposition = "inline" if content_type in INLINE_TYPES else "attachment"
    name = PurePosixPath(path).name.replace('"', "")
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
