"""Placeholder salon photos: soft two-colour gradients with a few blurred highlights.

The same name always gives the same picture, so re-seeding never churns files.
"""

import hashlib
import io
import random

from PIL import Image, ImageColor, ImageDraw, ImageFilter

COVER_SIZE = (1200, 675)
GALLERY_SIZE = (800, 600)
JPEG_QUALITY = 70


def gradient_jpeg(*, colors: tuple[str, str], size: tuple[int, int], seed: str) -> bytes:
    """A JPEG fading from the first colour to the second at an angle picked by `seed`."""
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    width, height = size

    # Blending a horizontal and a vertical ramp gives a diagonal one.
    horizontal = Image.linear_gradient("L").rotate(90).resize(size)
    vertical = Image.linear_gradient("L").resize(size)
    ramp = Image.blend(horizontal, vertical, rng.uniform(0.25, 0.75))
    picture = Image.composite(
        Image.new("RGB", size, ImageColor.getrgb(colors[1])),
        Image.new("RGB", size, ImageColor.getrgb(colors[0])),
        ramp,
    )

    glow = Image.new("L", size, 0)
    draw = ImageDraw.Draw(glow)
    for _ in range(3):
        radius = rng.uniform(0.15, 0.3) * width
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=rng.randint(50, 90))
    glow = glow.filter(ImageFilter.GaussianBlur(radius=width / 12))
    picture = Image.composite(Image.new("RGB", size, (255, 255, 255)), picture, glow)

    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return output.getvalue()
