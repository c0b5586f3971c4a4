"""The home page and a salon's page come with a server-rendered first screen in index.html: the
heading and the largest pictures in Arabic and in English, the words from the SPA's catalogues."""

import gzip
import json

import pytest
from django.test import override_settings

from apps.salons.models import SalonPhoto
from apps.salons.tests.factories import make_salon

pytestmark = pytest.mark.django_db

INDEX = '<html><body><div id="first-screen"><!--first-screen--></div><div id="root"></div></body></html>'
STRINGS = {
    "ar": {
        "appName": "صالون",
        "skipToContent": "تخطَّ إلى المحتوى",
        "loading": "جارٍ التحميل…",
        "homeTitle": "احجز صالونك بخطوات قليلة",
        "homeSubtitle": "ابحث عن صالون قريب منك",
        "salonsHeading": "الصالونات",
        "place": "{{district}}، {{city}}",
    },
    "en": {
        "appName": "Salon",
        "skipToContent": "Skip to content",
        "loading": "Loading…",
        "homeTitle": "Book your salon in a few taps",
        "homeSubtitle": "Find a salon near you",
        "salonsHeading": "Salons",
        "place": "{{district}}, {{city}}",
    },
}


@pytest.fixture
def dist(tmp_path):
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "first-screen.json").write_text(json.dumps(STRINGS))
    with override_settings(SPA_DIST_DIR=tmp_path):
        yield tmp_path


def _first_screen(response) -> str:
    html = response.content.decode()
    start = html.index('<div id="first-screen">') + len('<div id="first-screen">')
    return html[start : html.index('</div><div id="root">')]


def test_the_home_page_shows_the_heading_and_the_best_rated_salons_in_both_languages(client, dist):
    make_salon(name_ar="صالون الورد", name_en="Rose Salon", district_ar="العليا", district_en="Olaya",
               rating_average=4.9, cover_photo="salons/covers/rose.jpg")  # fmt: skip
    make_salon(name_ar="صالون ثان", name_en="Second Salon", rating_average=3.0)
    make_salon(name_ar="صالون مغلق", name_en="Closed Salon", is_active=False, rating_average=5)

    screen = _first_screen(client.get("/"))

    assert '<div class="first-screen app" lang="ar" dir="rtl" data-until="#results-heading">' in screen
    assert '<div class="first-screen app" lang="en" dir="ltr" data-until="#results-heading">' in screen
    assert '<h1 class="hero__title">احجز صالونك بخطوات قليلة</h1>' in screen
    assert '<h1 class="hero__title">Book your salon in a few taps</h1>' in screen
    assert "صالون الورد" in screen and "Rose Salon" in screen and "Olaya, الرياض" not in screen
    assert "العليا، الرياض" in screen and "Olaya, Riyadh" in screen
    # The best rated first, its cover the page's largest picture: sized, and fetched first.
    assert screen.index("Rose Salon") < screen.index("Second Salon")
    assert (
        'src="/media/salons/covers/rose.jpg" alt="" width="640" height="360" decoding="async" fetchpriority="high"'
        in (screen)
    )
    assert "Closed Salon" not in screen
    # The cards' headings come under a section heading, as in the app (no skipped heading level).
    assert screen.index('<h2 class="visually-hidden">Salons</h2>') < screen.index("Rose Salon</h3>")


def test_a_search_in_the_address_leaves_the_home_page_to_the_app(client, dist):
    make_salon(name_en="Rose Salon")

    response = client.get("/?q=rose")

    assert _first_screen(response) == "<!--first-screen-->"


def test_a_salon_page_shows_its_cover_name_and_first_photos_in_both_languages(client, dist):
    salon = make_salon(name_ar="صالون الورد", name_en="Rose Salon", cover_photo="salons/covers/rose.jpg")
    for position in range(3):
        SalonPhoto.objects.create(salon=salon, image=f"salons/gallery/{position}.jpg", display_order=position)

    response = client.get(f"/salons/{salon.id}", headers={"Accept-Encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    response.content = gzip.decompress(response.content)
    screen = _first_screen(response)
    assert '<h1 class="salon-hero__name">صالون الورد</h1>' in screen
    assert '<h1 class="salon-hero__name">Rose Salon</h1>' in screen
    assert 'src="/media/salons/covers/rose.jpg" alt="" width="1280" height="480" fetchpriority="high"' in screen
    assert "/media/salons/gallery/1.jpg" in screen and "/media/salons/gallery/2.jpg" not in screen


@pytest.mark.parametrize("path", ["/salons/999999", "/salons/{inactive}"])
def test_a_salon_page_without_an_active_salon_is_the_app_alone(client, dist, path):
    inactive = make_salon(is_active=False)

    response = client.get(path.format(inactive=inactive.id))

    assert response.status_code == 200
    assert _first_screen(response) == "<!--first-screen-->"


def test_without_the_build_strings_every_page_is_the_app_alone(client, dist):
    (dist / "first-screen.json").unlink()
    make_salon()

    assert _first_screen(client.get("/")) == "<!--first-screen-->"
