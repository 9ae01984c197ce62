"""Photos for the demo community, drawn with Pillow so no image files need shipping."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

# Scene colours by what the photo shows: (sky/wall, ground, subject).
PALETTES = {
    "report": ((176, 196, 222), (128, 128, 128), (200, 60, 40)),
    "before": ((190, 190, 170), (110, 100, 90), (150, 90, 40)),
    "after": ((170, 210, 235), (140, 150, 140), (60, 160, 80)),
    "verification": ((200, 220, 240), (150, 160, 150), (40, 120, 200)),
    "visit": ((235, 225, 205), (180, 160, 130), (200, 120, 80)),
}


def draw_scene(rng: random.Random, stage: str, size: tuple[int, int] = (1024, 768)) -> bytes:
    """A plausible street scene (buildings, road, a marked subject) as JPEG bytes."""
    sky, ground, subject = PALETTES.get(stage, PALETTES["report"])
    w, h = size
    img = Image.new("RGB", size, sky)
    d = ImageDraw.Draw(img)
    horizon = int(h * rng.uniform(0.45, 0.6))
    d.rectangle((0, horizon, w, h), fill=ground)
    x = 0
    while x < w:
        bw = rng.randint(w // 10, w // 5)
        top = rng.randint(h // 8, horizon - 40)
        shade = rng.randint(150, 230)
        d.rectangle((x, top, x + bw, horizon), fill=(shade, shade - 10, shade - 25))
        for wy in range(top + 15, horizon - 20, 30):
            for wx in range(x + 10, x + bw - 15, 25):
                d.rectangle((wx, wy, wx + 12, wy + 16), fill=(90, 110, 140))
        x += bw + rng.randint(5, 30)
    cx, cy = rng.randint(w // 4, 3 * w // 4), rng.randint(horizon + 20, h - 60)
    r = rng.randint(40, 90)
    d.ellipse(
        (cx - r, cy - r // 2, cx + r, cy + r // 2), fill=subject, outline=(30, 30, 30), width=4
    )
    for _ in range(400):  # grain, so photos differ and compress like real ones
        px, py = rng.randrange(w), rng.randrange(h)
        d.point((px, py), fill=(rng.randrange(256),) * 3)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=88)
    return out.getvalue()
