"""Pictures of the catalog: a salon's gallery and a stylist's photo.

An upload is accepted only as a JPEG, PNG or WebP file of at most `MAX_BYTES` and `MAX_SIDE` pixels
a side. Its header is read first and its size checked before any pixel is decoded, with Pillow's
decompression-bomb guard turned into a refusal, so a small file claiming huge dimensions is refused
cheaply. What is stored is never the upload itself: the pixels are decoded, turned upright by their
EXIF orientation and encoded again in the same format without any metadata (EXIF with its GPS
position and camera, XMP, comments; only the colour profile is kept), under a random name, with a
thumbnail beside it. A refused file stores nothing.

A salon's cover is its `cover_photo`: making a gallery photo the cover points `cover_photo` at that
photo's file, so the public catalog shows it unchanged (`is_cover` reads it back).
"""

import uuid
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from apps.core.after_commit import on_commit_safely

from .errors import InvalidImage
from .models import Salon, SalonPhoto, StaffMember

MAX_BYTES = 8 * 1024 * 1024
MAX_SIDE = 6000
THUMBNAIL_SIDE = 480
STAFF_PHOTO_SIDE = 1200
# Pillow's name of the format: (file extension, keyword arguments when encoding).
FORMATS = {
    "JPEG": ("jpg", {"quality": 85, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 85}),
}
_MODES = {"JPEG": ("RGB", "L"), "PNG": ("RGB", "RGBA", "L", "LA", "P"), "WEBP": ("RGB", "RGBA")}


@dataclass(frozen=True)
class CleanImage:
    image: ContentFile
    thumbnail: ContentFile | None
    width: int
    height: int


def _refuse(field: str, reason: str) -> InvalidImage:
    return InvalidImage(errors={field: [reason]})


def _encode(picture: Image.Image, image_format: str, icc_profile: bytes | None, name: str) -> ContentFile:
    extension, options = FORMATS[image_format]
    if picture.mode not in _MODES[image_format]:
        has_alpha = "A" in picture.getbands() or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha and "RGBA" in _MODES[image_format] else "RGB")
    # Nothing of the upload's metadata travels on (a palette's transparent colour is pixels, not metadata).
    picture.info = {key: value for key, value in picture.info.items() if key == "transparency"}
    buffer = BytesIO()
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    picture.save(buffer, format=image_format, **options)
    return ContentFile(buffer.getvalue(), name=f"{name}.{extension}")


def _decode(upload, field: str) -> tuple[Image.Image, str]:
    """The upload's pixels, upright, and its format; `InvalidImage` for anything else."""
    size = getattr(upload, "size", None)
    if size is None or size > MAX_BYTES:
        raise _refuse(field, _("The image is larger than 8 MB."))
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(upload)  # reads the header only
            if picture.format not in FORMATS:
                raise _refuse(field, _("Upload a JPEG, PNG or WebP image."))
            width, height = picture.size
            if width > MAX_SIDE or height > MAX_SIDE:
                raise _refuse(field, _("The image is larger than 6000 × 6000 pixels."))
            image_format = picture.format
            picture.load()
            upright = ImageOps.exif_transpose(picture)
    except InvalidImage:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ):
        raise _refuse(field, _("This file is not an image we can read.")) from None
    return upright, image_format


def image_clean(
    upload, *, field: str = "image", fit: int | None = None, thumbnail_side: int | None = THUMBNAIL_SIDE
) -> CleanImage:
    """The upload re-encoded without metadata (scaled down to `fit` a side, if given), with a
    thumbnail at most `thumbnail_side` a side (none for None); `InvalidImage` (its `errors` under
    `field`) when it is not an acceptable image."""
    picture, image_format = _decode(upload, field)
    icc_profile = picture.info.get("icc_profile")
    if fit is not None:
        picture.thumbnail((fit, fit))
    name = uuid.uuid4().hex
    thumbnail = None
    if thumbnail_side is not None:
        small = picture.copy()
        small.thumbnail((thumbnail_side, thumbnail_side))
        thumbnail = _encode(small, image_format, icc_profile, f"{name}-thumb")
    return CleanImage(
        image=_encode(picture, image_format, icc_profile, name),
        thumbnail=thumbnail,
        width=picture.width,
        height=picture.height,
    )


def _delete_files_after_commit(*files) -> None:
    names = [(file.storage, file.name) for file in files if file]

    def delete() -> None:
        for storage, name in names:
            storage.delete(name)

    on_commit_safely(delete, name="salons.delete_photo_files")


# --- The gallery --------------------------------------------------------------------------------


def photo_is_cover(photo: SalonPhoto, salon: Salon) -> bool:
    return bool(photo.image) and salon.cover_photo.name == photo.image.name


def photo_create(*, salon: Salon, image: CleanImage, caption_ar: str = "", caption_en: str = "") -> SalonPhoto:
    """Add an image cleaned by `image_clean` (before the transaction: decoding takes a while) to the
    end of the salon's gallery."""
    clean = image
    with transaction.atomic():
        last = SalonPhoto.objects.filter(salon=salon).aggregate(last=Max("display_order"))["last"]
        photo = SalonPhoto(
            salon=salon,
            caption_ar=caption_ar,
            caption_en=caption_en,
            display_order=0 if last is None else last + 1,
            width=clean.width,
            height=clean.height,
        )
        photo.image.save(clean.image.name, clean.image, save=False)
        if clean.thumbnail is not None:
            photo.thumbnail.save(clean.thumbnail.name, clean.thumbnail, save=False)
        photo.save()
    return photo


def photo_update(*, photo: SalonPhoto, changes: dict, is_cover: bool | None = None) -> SalonPhoto:
    """Change a photo's captions or order; `is_cover` True makes it the salon's cover, False stops it
    being the cover (the salon then has none)."""
    with transaction.atomic():
        for name, value in changes.items():
            setattr(photo, name, value)
        if changes:
            photo.save(update_fields=list(changes))
        salon = photo.salon
        if is_cover is not None and is_cover != photo_is_cover(photo, salon):
            salon.cover_photo.name = photo.image.name if is_cover else ""
            salon.save(update_fields=["cover_photo", "updated_at"])
    return photo


def photo_delete(*, photo: SalonPhoto) -> None:
    """Remove the photo, and its files once the removal commits; a cover photo leaves the salon without one."""
    with transaction.atomic():
        salon = photo.salon
        if photo_is_cover(photo, salon):
            salon.cover_photo.name = ""
            salon.save(update_fields=["cover_photo", "updated_at"])
        _delete_files_after_commit(photo.image, photo.thumbnail)
        photo.delete()


# --- A stylist's photo --------------------------------------------------------------------------


def staff_photo_clean(upload) -> CleanImage:
    """`image_clean` for a stylist's photo (field `photo`): at most `STAFF_PHOTO_SIDE` a side, no thumbnail."""
    return image_clean(upload, field="photo", fit=STAFF_PHOTO_SIDE, thumbnail_side=None)


def staff_photo_set(*, staff: StaffMember, image: CleanImage) -> StaffMember:
    """Replace the stylist's photo with one cleaned by `staff_photo_clean`; the old file goes after commit."""
    with transaction.atomic():
        if staff.photo:
            _delete_files_after_commit(staff.photo)
        staff.photo.save(image.image.name, image.image, save=False)
        staff.save(update_fields=["photo"])
    return staff
