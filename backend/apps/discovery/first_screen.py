"""The first screens of the home page and of a salon's page, rendered by the server into index.html
(`apps.core.spa`): the brand bar, the page's heading and its largest picture (the first salons'
covers on the home page, the salon's cover and first photos on its page), in Arabic and in English; index.html shows
the one of the remembered language. On a slow phone network they paint as soon as the HTML and the
stylesheet arrive, seconds before the app's JavaScript; the app then takes over (docs/frontend.md,
"Performance"). The words come from the SPA's own catalogues (`dist/first-screen.json`, written by
the build), the salons from the same selectors as the API, so the app shows the same thing after.
"""

import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from apps.core.spa import spa_response
from apps.salons.models import Salon
from apps.salons.renditions import picture_candidates

from .selectors import salon_list

LANGUAGES = (("ar", "rtl"), ("en", "ltr"))
# The home page's first cards (a phone shows one, a desktop a row of three); the first is the
# largest picture on a phone, fetched at high priority.
HOME_CARDS = 3
GALLERY_PHOTOS = 2


@lru_cache(maxsize=4)
def _strings_of_build(path: Path, modified: float) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def spa_strings() -> dict | None:
    """The SPA's strings for first screens, per language; None without a build that wrote them."""
    path = Path(settings.SPA_DIST_DIR) / "first-screen.json"
    try:
        modified = path.stat().st_mtime
    except OSError:
        return None
    return _strings_of_build(path, modified)


def _place(template: str, *, district: str, city: str) -> str:
    return template.replace("{{district}}", district).replace("{{city}}", city)


def _srcset(file) -> str:
    return ", ".join(f"{url} {width}w" for url, width in picture_candidates(file))


def _render(template: str, strings: dict, build_context) -> str:
    blocks = []
    for language, direction in LANGUAGES:
        with translation.override(language):
            words = strings[language]
            context = {"language": language, "direction": direction, "t": words, **build_context(words)}
            blocks.append(render_to_string(template, context))
    return "".join(blocks)


def home_page(request: HttpRequest) -> HttpResponse:
    """`/`: the hero and the first salons as the app lists them without a search."""
    strings = spa_strings()
    if strings is None or request.GET:
        # A search or a filter in the address: the app's results differ from the default list.
        return spa_response(request)

    def context(words: dict) -> dict:
        salons = [
            {
                "id": salon.id,
                "name": salon.name,
                "place": _place(words["place"], district=salon.district, city=salon.get_city_display()),
                "cover_url": salon.cover_photo.url if salon.cover_photo else "",
                "cover_srcset": _srcset(salon.cover_photo),
            }
            for salon in salon_list()[:HOME_CARDS]
        ]
        return {"salons": salons}

    return spa_response(request, _render("discovery/first_screen_home.html", strings, context))


def salon_page(request: HttpRequest, salon_id: int) -> HttpResponse:
    """`/salons/<id>`: the salon's cover, name and place and its first photos; the app alone when there is no such active salon."""
    strings = spa_strings()
    salon = Salon.objects.filter(id=salon_id, is_active=True).first()
    if strings is None or salon is None:
        return spa_response(request)
    # The gallery's first photos are on a phone's first screen too.
    photos = [
        {"url": photo.image.url, "srcset": _srcset(photo.image)}
        for photo in salon.photos.all()[:GALLERY_PHOTOS]
        if photo.image
    ]

    def context(words: dict) -> dict:
        return {
            "salon": {
                "name": salon.name,
                "place": _place(words["place"], district=salon.district, city=salon.get_city_display()),
                "cover_url": salon.cover_photo.url if salon.cover_photo else "",
                "cover_srcset": _srcset(salon.cover_photo),
            },
            "photos": photos,
        }

    return spa_response(request, _render("discovery/first_screen_salon.html", strings, context))
