"""Smaller copies of a catalog picture, for the browser to pick the one its slot needs (`srcset`).

A phone shows a salon's cover about 400 px wide and a gallery photo about 320 px: sending the
1,200 px upload costs it seconds on a slow network. For each width of `WIDTHS` narrower than the
picture, a copy is made with Pillow the first time the picture is listed and kept in the media
storage beside the original (`renditions/<name>-<width>w.<ext>`, same format); the answer (which
copies exist, the original's width) is cached, so a listing costs no file access afterwards. A file
that cannot be read gets no `srcset`: the page uses the original alone.
"""

import logging
from io import BytesIO
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

WIDTHS = (480, 960)
_OPTIONS = {"JPEG": {"quality": 80, "optimize": True, "progressive": True}, "PNG": {"optimize": True}, "WEBP": {}}
_CACHE_SECONDS = 24 * 60 * 60


def rendition_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w{path.suffix}")


def _make_renditions(file: FieldFile) -> list[tuple[str, int]]:
    """(storage name, width) of every copy and of the original, narrowest first; made when missing."""
    storage = file.storage
    with storage.open(file.name, "rb") as handle:
        picture = Image.open(handle)
        picture.load()
    image_format = picture.format
    if image_format not in _OPTIONS:
        return []
    candidates = []
    for width in WIDTHS:
        if width >= picture.width:
            break
        name = rendition_name(file.name, width)
        if not storage.exists(name):
            small = picture.resize((width, round(picture.height * width / picture.width)), Image.Resampling.LANCZOS)
            buffer = BytesIO()
            small.save(buffer, format=image_format, **_OPTIONS[image_format])
            # The name is ours: the storage must keep it (no suffix), or the cache would point elsewhere.
            name = storage.save(name, ContentFile(buffer.getvalue()))
        candidates.append((name, width))
    return [*candidates, (file.name, picture.width)]


def picture_candidates(file: FieldFile | None) -> list[tuple[str, int]]:
    """The picture's smaller copies and itself as (URL, width in pixels), narrowest first; empty
    when there is no picture, no smaller copy, or the file cannot be read."""
    if not file:
        return []
    key = f"salons:renditions:{file.name}"
    candidates = cache.get(key)
    if candidates is None:
        try:
            candidates = _make_renditions(file)
        except (OSError, UnidentifiedImageError, Image.DecompressionBombError, ValueError):
            logger.warning("No renditions of %s: the file cannot be read", file.name)
            candidates = []
        cache.set(key, candidates, _CACHE_SECONDS)
    if len(candidates) < 2:
        return []
    return [(file.storage.url(name), width) for name, width in candidates]
