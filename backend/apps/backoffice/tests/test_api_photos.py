"""`/api/manage/salons/{id}/photos/`: uploads are real images (made with Pillow), cleaned before they
are stored; anything else is refused and stores nothing."""

import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import url
from apps.bookings.tests.conftest import client_for
from apps.salons.models import SalonPhoto

pytestmark = pytest.mark.django_db

EXIF_MAKE, EXIF_ORIENTATION, EXIF_GPS = 0x010F, 0x0112, 0x8825


@pytest.fixture(autouse=True)
def empty_storage(settings):
    """A new in-memory storage for each test (the test settings' one lives as long as the process)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def image_file(
    fmt: str = "JPEG", size=(640, 480), *, mode: str = "RGB", name: str = "", exif=None
) -> SimpleUploadedFile:
    picture = Image.new(mode, size, (200, 120, 90, 255)[: len(mode)] if mode != "P" else 3)
    buffer = BytesIO()
    options = {"exif": exif.tobytes()} if exif is not None else {}
    picture.save(buffer, format=fmt, **options)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[fmt]
    return SimpleUploadedFile(name or f"photo.{extension}", buffer.getvalue(), content_type=f"image/{extension}")


def camera_exif(orientation: int = 6) -> Image.Exif:
    exif = Image.Exif()
    exif[EXIF_MAKE] = "Canon"
    exif[EXIF_ORIENTATION] = orientation  # 6: the camera was turned; the picture must be rotated to stand
    exif[EXIF_GPS] = {1: "N", 2: (24.0, 42.0, 50.0), 3: "E", 4: (46.0, 40.0, 30.0)}
    return exif


def png_claiming(width: int, height: int) -> SimpleUploadedFile:
    """A tiny PNG whose header claims `width` × `height` pixels: a decompression bomb in waiting."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("bomb.png", body, content_type="image/png")


def stored_files() -> list[str]:
    try:
        directories, files = default_storage.listdir("salons/gallery")
    except FileNotFoundError:
        return []
    return files + [f"{d}/{f}" for d in directories for f in default_storage.listdir(f"salons/gallery/{d}")[1]]


def upload(client, salon, file, **fields):
    return client.post(url(salon, "photos/"), {"image": file, **fields}, format="multipart")


def test_a_jpeg_is_stored_upright_without_its_exif_and_with_a_thumbnail(manager_client, manager, salon):
    response = upload(manager_client, salon, image_file(size=(1200, 800), exif=camera_exif()), caption_en="Lobby")

    assert response.status_code == 201
    photo = SalonPhoto.objects.get()
    body = response.json()
    assert body == {
        "id": photo.pk,
        "url": f"http://testserver/media/{photo.image.name}",
        "thumbnail_url": f"http://testserver/media/{photo.thumbnail.name}",
        "width": 800,
        "height": 1200,
        "caption_ar": "",
        "caption_en": "Lobby",
        "display_order": 0,
        "is_cover": False,
    }
    with default_storage.open(photo.image.name) as stored:
        cleaned = Image.open(stored)
        assert (cleaned.format, cleaned.size, dict(cleaned.getexif()), "exif" in cleaned.info) == (
            "JPEG",
            (800, 1200),
            {},
            False,
        )
    with default_storage.open(photo.thumbnail.name) as stored:
        assert max(Image.open(stored).size) == 480
    assert photo.image.name.startswith("salons/gallery/") and "photo" not in photo.image.name
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.action) == (manager, "photo", "created")


@pytest.mark.parametrize("fmt, mode", [("PNG", "RGBA"), ("PNG", "P"), ("WEBP", "RGB")])
def test_png_and_webp_are_accepted_in_their_format(manager_client, salon, fmt, mode):
    response = upload(manager_client, salon, image_file(fmt, (300, 200), mode=mode))

    assert response.status_code == 201
    photo = SalonPhoto.objects.get()
    with default_storage.open(photo.image.name) as stored:
        assert (Image.open(stored).format, photo.width, photo.height) == (fmt, 300, 200)


@pytest.mark.parametrize(
    "file, reason",
    [
        (SimpleUploadedFile("notes.jpg", b"not an image at all", content_type="image/jpeg"), "not an image"),
        (image_file("GIF", (10, 10), mode="P"), "JPEG, PNG or WebP"),
        (image_file("PNG", (6001, 10)), "6000"),
        (SimpleUploadedFile("huge.jpg", b"\xff\xd8\xff" + b"0" * (8 * 1024 * 1024), content_type="image/jpeg"), "8 MB"),
        (png_claiming(100_000, 100_000), "not an image"),
        (png_claiming(10_000, 10_000), "not an image"),
        (SimpleUploadedFile("empty.png", b"", content_type="image/png"), "not an image"),
    ],
    ids=["text", "gif", "too-wide", "too-heavy", "bomb", "bomb-warning", "empty"],
)
def test_anything_but_an_acceptable_image_is_refused_and_nothing_is_stored(manager_client, salon, file, reason):
    response = manager_client.post(
        url(salon, "photos/"), {"image": file}, format="multipart", headers={"accept-language": "en"}
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["errors"])) == ("invalid_image", ["image"])
    assert reason in body["errors"]["image"][0]
    assert (SalonPhoto.objects.count(), stored_files(), AuditEntry.objects.count()) == (0, [], 0)


def test_a_missing_file_is_a_field_error(manager_client, salon):
    response = manager_client.post(url(salon, "photos/"), {"caption_en": "x"}, format="multipart")

    assert (response.status_code, list(response.json()["errors"])) == (400, ["image"])


def test_photos_are_listed_in_display_order_and_reordered(manager_client, salon):
    first = upload(manager_client, salon, image_file()).json()
    second = upload(manager_client, salon, image_file()).json()

    moved = manager_client.patch(url(salon, f"photos/{second['id']}/"), {"display_order": 0}, format="json")
    manager_client.patch(
        url(salon, f"photos/{first['id']}/"), {"display_order": 5, "caption_ar": "المدخل"}, format="json"
    )
    listed = manager_client.get(url(salon, "photos/")).json()

    assert (first["display_order"], second["display_order"], moved.status_code) == (0, 1, 200)
    assert [(row["id"], row["display_order"], row["caption_ar"]) for row in listed] == [
        (second["id"], 0, ""),
        (first["id"], 5, "المدخل"),
    ]


def test_the_cover_is_the_salons_cover_photo_in_the_public_catalog(manager_client, salon, api_client):
    first = upload(manager_client, salon, image_file()).json()
    second = upload(manager_client, salon, image_file()).json()

    manager_client.patch(url(salon, f"photos/{first['id']}/"), {"is_cover": True}, format="json")
    response = manager_client.patch(url(salon, f"photos/{second['id']}/"), {"is_cover": True}, format="json")

    assert response.json()["is_cover"] is True
    assert [row["is_cover"] for row in manager_client.get(url(salon, "photos/")).json()] == [False, True]
    public = api_client.get(f"/api/salons/{salon.pk}/").json()
    assert public["cover_photo_url"] == second["url"]
    assert [(row["url"], row["caption"]) for row in public["photos"]] == [(first["url"], ""), (second["url"], "")]
    assert AuditEntry.objects.filter(object_type="photo", action="updated").count() == 2


def test_deleting_a_photo_removes_its_files_and_a_cover_leaves_the_salon_without_one(
    manager_client, salon, django_capture_on_commit_callbacks
):
    photo = upload(manager_client, salon, image_file()).json()
    manager_client.patch(url(salon, f"photos/{photo['id']}/"), {"is_cover": True}, format="json")

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.delete(url(salon, f"photos/{photo['id']}/"))

    assert response.status_code == 204
    salon.refresh_from_db()
    assert (SalonPhoto.objects.count(), stored_files(), salon.cover_photo.name) == (0, [], "")
    assert AuditEntry.objects.filter(object_type="photo", action="deleted").count() == 1


def test_a_photo_of_another_salon_is_404(manager_client, salon, other_salon, admin_user):
    foreign = upload(client_for(admin_user), other_salon, image_file()).json()

    for response in (
        manager_client.patch(url(salon, f"photos/{foreign['id']}/"), {"caption_en": "Mine"}, format="json"),
        manager_client.delete(url(salon, f"photos/{foreign['id']}/")),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "photo_not_found")
    for response in (
        manager_client.get(url(other_salon, "photos/")),
        upload(manager_client, other_salon, image_file()),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")
    assert SalonPhoto.objects.count() == 1


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_customers_and_stylists_are_refused(request, who, salon):
    client = client_for(request.getfixturevalue(who))

    for response in (client.get(url(salon, "photos/")), upload(client, salon, image_file())):
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")
    assert stored_files() == []
