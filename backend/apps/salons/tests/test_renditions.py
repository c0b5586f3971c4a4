"""Smaller copies of catalog pictures for `srcset`: made once, beside the original, never wider than it."""

import uuid
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from apps.salons.models import SalonPhoto
from apps.salons.renditions import picture_candidates, rendition_name
from apps.salons.tests.factories import make_salon

pytestmark = pytest.mark.django_db


def _jpeg(width: int, height: int) -> ContentFile:
    buffer = BytesIO()
    Image.new("RGB", (width, height), "#6b2d5c").save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue())


def _salon_with_cover(width: int, height: int):
    salon = make_salon()
    # A fresh name per test: the answer is cached by the file's name.
    salon.cover_photo.save(f"{uuid.uuid4().hex}.jpg", _jpeg(width, height), save=True)
    return salon


def test_a_wide_cover_gets_copies_480_and_960_pixels_wide_beside_the_original():
    salon = _salon_with_cover(1200, 675)
    name = salon.cover_photo.name

    candidates = picture_candidates(salon.cover_photo)

    assert candidates == [
        (f"/media/{rendition_name(name, 480)}", 480),
        (f"/media/{rendition_name(name, 960)}", 960),
        (f"/media/{name}", 1200),
    ]
    with default_storage.open(rendition_name(name, 480)) as handle:
        assert Image.open(handle).size == (480, 270)
    with default_storage.open(rendition_name(name, 960)) as handle:
        assert Image.open(handle).size == (960, 540)


def test_the_copies_are_made_once():
    salon = _salon_with_cover(1000, 600)
    first = picture_candidates(salon.cover_photo)
    default_storage.delete(rendition_name(salon.cover_photo.name, 480))

    # The cached answer does not look at the files again.
    assert picture_candidates(salon.cover_photo) == first


def test_a_picture_no_wider_than_the_smallest_copy_has_no_srcset():
    salon = _salon_with_cover(400, 300)

    assert picture_candidates(salon.cover_photo) == []
    assert not default_storage.exists(rendition_name(salon.cover_photo.name, 480))


def test_a_file_that_cannot_be_read_has_no_srcset():
    salon = make_salon(cover_photo=f"salons/covers/{uuid.uuid4().hex}-missing.jpg")

    assert picture_candidates(salon.cover_photo) == []


def test_the_salon_api_gives_the_cover_and_the_photos_in_several_widths(api_client):
    salon = _salon_with_cover(1200, 675)
    photo = SalonPhoto(salon=salon, display_order=0)
    photo.image.save(f"{uuid.uuid4().hex}.jpg", _jpeg(800, 600), save=True)

    body = api_client.get(f"/api/salons/{salon.id}/").json()

    cover = salon.cover_photo.name
    assert body["cover_photo_srcset"] == (
        f"http://testserver/media/{rendition_name(cover, 480)} 480w, "
        f"http://testserver/media/{rendition_name(cover, 960)} 960w, "
        f"http://testserver/media/{cover} 1200w"
    )
    image = photo.image.name
    assert body["photos"][0]["srcset"] == (
        f"http://testserver/media/{rendition_name(image, 480)} 480w, http://testserver/media/{image} 800w"
    )
