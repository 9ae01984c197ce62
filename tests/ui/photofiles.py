"""Real photo files for GUI tests, made with Pillow in a test's tmp_path."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PIL.ExifTags import IFD


def make_photo(folder: Path, name: str, colour: str = "red",
               taken: str | None = None, size: tuple[int, int] = (640, 480)) -> str:
    """A JPEG of one colour; `taken` ("2024:05:06 07:08:09") becomes EXIF DateTimeOriginal."""
    path = folder / name
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    if taken is not None:
        exif.get_ifd(IFD.Exif)[0x9003] = taken
    image.save(path, "JPEG", exif=exif.tobytes())
    return str(path)


def make_not_a_photo(folder: Path, name: str = "notes.jpg") -> str:
    """A file named like a photo that holds text (what a user may pick by mistake)."""
    path = folder / name
    path.write_text("this is not a picture", encoding="utf-8")
    return str(path)
