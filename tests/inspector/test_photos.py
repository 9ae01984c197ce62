"""Photo import pipeline and photo store, on real files made with Pillow."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import warnings
import zlib
from datetime import datetime
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image, ImageFile
from PIL.ExifTags import IFD
from PIL.TiffImagePlugin import IFDRational

from inspector.errors import NotFoundError, PhotoError
from inspector.photos import (
    MAX_BYTES,
    MAX_EDGE,
    THUMB_EDGE,
    PhotoStore,
    ProcessedPhoto,
    process_photo,
)

RED = (220, 20, 20)
BLUE = (20, 20, 220)


# --------------------------------------------------------------------------- helpers


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    degrees = int(value)
    minutes_f = (value - degrees) * 60
    minutes = int(minutes_f)
    seconds = Fraction(round((minutes_f - minutes) * 60 * 10000), 10000)
    return (
        IFDRational(degrees, 1),
        IFDRational(minutes, 1),
        IFDRational(seconds.numerator, seconds.denominator),
    )


def _exif(
    *,
    orientation: int | None = None,
    original: str | None = None,
    datetime_tag: str | None = None,
    gps: tuple[float, str, float, str] | None = None,
) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if datetime_tag is not None:
        exif[0x0132] = datetime_tag
    if original is not None:
        exif.get_ifd(IFD.Exif)[0x9003] = original
    if gps is not None:
        lat, lat_ref, lon, lon_ref = gps
        info = exif.get_ifd(IFD.GPSInfo)
        info[0] = b"\x02\x02\x00\x00"  # GPSVersionID
        info[1] = lat_ref
        info[2] = _dms(lat)
        info[3] = lon_ref
        info[4] = _dms(lon)
    return exif


def _halves(size: tuple[int, int], first=RED, second=BLUE) -> Image.Image:
    """Left half ``first``, right half ``second`` (in the stored pixel grid)."""
    im = Image.new("RGB", size, second)
    im.paste(first, (0, 0, size[0] // 2, size[1]))
    return im


def _encode(im: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def _noise(size: tuple[int, int]) -> Image.Image:
    return Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))


def _png_claiming(width: int, height: int) -> bytes:
    """A real 1x1 PNG whose IHDR is patched to claim ``width`` x ``height`` (CRC fixed)."""
    data = bytearray(_encode(Image.new("L", (1, 1)), "PNG"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def _open(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def camera_jpeg(tmp_path: Path) -> Path:
    """4000x3000 camera JPEG, sensor-oriented, EXIF orientation 6, time and GPS (Shanghai)."""
    exif = _exif(
        orientation=6,
        original="2024:05:06 07:08:09",
        datetime_tag="2024:06:01 12:00:00",
        gps=(31.2304, "N", 121.4737, "E"),
    )
    path = tmp_path / "IMG_0001.JPG"
    _halves((4000, 3000)).save(path, "JPEG", quality=90, exif=exif)
    return path


# --------------------------------------------------------------------------- import


def test_camera_jpeg_is_rotated_shrunk_and_exif_is_read(camera_jpeg: Path) -> None:
    p = process_photo(camera_jpeg)

    assert p.original_format == "JPEG"
    assert p.height > p.width  # orientation 6: the sensor's landscape shot was portrait
    assert max(p.width, p.height) == MAX_EDGE
    assert (p.width, p.height) == (1200, 1600)
    assert len(p.data) <= MAX_BYTES
    assert p.sha256 == hashlib.sha256(p.data).hexdigest()

    stored = _open(p.data)
    assert stored.format == "JPEG" and stored.mode == "RGB"
    assert stored.size == (p.width, p.height)
    # Rotated 90° clockwise: the sensor's left (red) half is now on top.
    top = stored.getpixel((p.width // 2, p.height // 4))
    bottom = stored.getpixel((p.width // 2, p.height * 3 // 4))
    assert top[0] > 180 and top[2] < 80, top
    assert bottom[2] > 180 and bottom[0] < 80, bottom

    assert p.taken_at == datetime(2024, 5, 6, 7, 8, 9)  # DateTimeOriginal wins over DateTime
    assert p.lat == pytest.approx(31.2304, abs=1e-4)
    assert p.lon == pytest.approx(121.4737, abs=1e-4)

    thumb = _open(p.thumb)
    assert thumb.format == "JPEG"
    assert max(thumb.size) <= THUMB_EDGE
    assert thumb.height > thumb.width


def test_stored_copy_carries_no_metadata(camera_jpeg: Path) -> None:
    p = process_photo(camera_jpeg)
    for blob in (p.data, p.thumb):
        im = _open(blob)
        assert not im.getexif(), "EXIF (orientation, GPS, time) must not stay in the file"
        assert "exif" not in im.info
        assert b"Exif\x00\x00" not in blob
        assert b"2024:05:06" not in blob


def test_southern_western_gps_and_datetime_fallback(tmp_path: Path) -> None:
    path = tmp_path / "rio.jpg"
    exif = _exif(datetime_tag="2023:12:31 23:59:58", gps=(22.9068, "S", 43.1729, "W"))
    Image.new("RGB", (800, 600), "gray").save(path, "JPEG", exif=exif)

    p = process_photo(path)

    assert p.taken_at == datetime(2023, 12, 31, 23, 59, 58)
    assert p.lat == pytest.approx(-22.9068, abs=1e-4)
    assert p.lon == pytest.approx(-43.1729, abs=1e-4)
    assert (p.width, p.height) == (800, 600)  # small photos are not enlarged


def test_photo_without_exif_has_no_time_or_place(tmp_path: Path) -> None:
    path = tmp_path / "plain.jpg"
    Image.new("RGB", (640, 480), "green").save(path, "JPEG")
    p = process_photo(path)
    assert (p.taken_at, p.lat, p.lon) == (None, None, None)


def test_bytes_and_path_give_the_same_photo(camera_jpeg: Path) -> None:
    assert process_photo(camera_jpeg.read_bytes()) == process_photo(str(camera_jpeg))


def test_png_alpha_is_flattened_onto_white(tmp_path: Path) -> None:
    im = Image.new("RGBA", (2400, 1200), (0, 0, 0, 0))  # fully transparent …
    im.paste((200, 0, 0, 255), (0, 0, 1200, 1200))  # … except an opaque red left half
    path = tmp_path / "sketch.png"
    im.save(path, "PNG")

    p = process_photo(path)

    assert p.original_format == "PNG"
    assert (p.width, p.height) == (1600, 800)
    stored = _open(p.data)
    assert stored.mode == "RGB"
    r, g, b = stored.getpixel((1200, 400))
    assert min(r, g, b) > 245, "transparent pixels become white, not black"
    r, g, b = stored.getpixel((400, 400))
    assert r > 170 and g < 40 and b < 40


def test_palette_png_with_transparency_and_16_bit_grey(tmp_path: Path) -> None:
    pal = Image.new("P", (300, 200), 0)
    pal.putpalette([0, 0, 0, 0, 0, 255] + [0] * 762)
    pal.paste(1, (0, 0, 150, 200))
    pal.info["transparency"] = 0
    p = process_photo(_encode(pal, "PNG", transparency=0))
    stored = _open(p.data)
    assert min(stored.getpixel((250, 100))) > 245  # transparent index → white
    assert stored.getpixel((50, 100))[2] > 200  # blue stays blue

    grey16 = Image.new("I;16", (300, 200), 32768)  # mid grey in 16 bits
    p = process_photo(_encode(grey16, "PNG"))
    r, g, b = _open(p.data).getpixel((150, 100))
    assert 110 < r < 145 and abs(r - g) < 6 and abs(r - b) < 6, "not clipped to white"


def test_webp_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "shot.webp"
    _halves((2000, 1000)).save(path, "WEBP", quality=80)

    p = process_photo(path)

    assert p.original_format == "WEBP"
    assert (p.width, p.height) == (1600, 800)
    stored = _open(p.data)
    assert stored.format == "JPEG"
    assert stored.getpixel((100, 400))[0] > 180


def test_mpo_jpeg_from_a_phone_is_accepted_as_jpeg() -> None:
    # Many phones write JPEGs with a multi-picture segment; Pillow calls them MPO.
    first, second = _halves((2400, 1800)), Image.new("RGB", (320, 240), "white")
    data = _encode(first, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(data)).format == "MPO"

    p = process_photo(data)

    assert p.original_format == "JPEG"
    assert (p.width, p.height) == (1600, 1200)


def test_noisy_photo_gets_lower_quality_until_it_fits() -> None:
    noise = _noise((4000, 3000))
    # Precondition: at the first quality tried, this content does not fit.
    assert len(_encode(noise.resize((1600, 1200)), "JPEG", quality=85)) > MAX_BYTES
    data = _encode(noise, "JPEG", quality=95)

    p = process_photo(data)

    assert len(p.data) <= MAX_BYTES
    assert max(p.width, p.height) <= MAX_EDGE
    assert abs(p.width / p.height - 4 / 3) < 0.01
    assert _open(p.data).size == (p.width, p.height)
    assert max(_open(p.thumb).size) <= THUMB_EDGE


def test_truncated_jpeg_is_refused(camera_jpeg: Path) -> None:
    data = camera_jpeg.read_bytes()
    with pytest.raises(PhotoError, match="文件不完整"):
        process_photo(data[: len(data) // 2])
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_truncated_png_and_webp_are_refused(fmt: str) -> None:
    data = _encode(_noise((600, 400)), fmt)
    with pytest.raises(PhotoError, match="文件不完整"):
        process_photo(data[: len(data) // 2])


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"  # the extension lies; the content decides
    path.write_text("巡查记录：井盖缺失，已上报。\n", encoding="utf-8")
    with pytest.raises(PhotoError, match="不是图片文件"):
        process_photo(path)


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused_as_unsupported(fmt: str) -> None:
    data = _encode(Image.new("RGB", (64, 48), "red"), fmt)
    with pytest.raises(PhotoError, match="不支持的格式") as info:
        process_photo(data)
    message = str(info.value)
    assert fmt in message
    for allowed in ("JPEG", "PNG", "WebP"):
        assert allowed in message


@pytest.mark.parametrize(
    "size",
    [
        (100_000, 100_000),  # far beyond Pillow's own error threshold
        (12_000, 10_000),  # 120 MP: Pillow only warns here; the warning must refuse too
        (9_000, 8_000),  # 72 MP: under Pillow's limit, over ours
    ],
)
def test_decompression_bomb_is_refused(size: tuple[int, int]) -> None:
    filters_before = list(warnings.filters)
    limit_before = Image.MAX_IMAGE_PIXELS

    with pytest.raises(PhotoError, match="尺寸过大"):
        process_photo(_png_claiming(*size))

    assert warnings.filters == filters_before
    assert Image.MAX_IMAGE_PIXELS == limit_before


@pytest.mark.parametrize("content", [b"", b"\xff\xd8\xff\xe0"])
def test_empty_or_stub_file_is_refused(content: bytes) -> None:
    with pytest.raises(PhotoError):
        process_photo(content)


def test_missing_file_message_names_no_path(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="找不到") as info:
        process_photo(tmp_path / "张三_身份证.jpg")
    assert "张三" not in str(info.value)


# --------------------------------------------------------------------------- store


@pytest.fixture
def photo(camera_jpeg: Path) -> ProcessedPhoto:
    return process_photo(camera_jpeg)


def test_put_writes_photo_and_thumbnail_by_hash(tmp_path: Path, photo: ProcessedPhoto) -> None:
    store = PhotoStore(tmp_path / "photos")
    sha = photo.sha256

    assert not store.has(sha)
    path = store.put(photo)

    assert path == tmp_path / "photos" / sha[:2] / f"{sha}.jpg"
    assert path == store.path(sha)
    assert store.thumb_path(sha) == tmp_path / "photos" / "thumbs" / sha[:2] / f"{sha}.jpg"
    assert store.has(sha)
    assert path.read_bytes() == photo.data
    assert store.thumb_path(sha).read_bytes() == photo.thumb
    assert store.read(sha) == photo.data
    assert sorted(_tree(store.root)) == sorted(
        [f"{sha[:2]}/{sha}.jpg", f"thumbs/{sha[:2]}/{sha}.jpg"]
    ), "no temp files are left behind"


def test_put_twice_is_idempotent(tmp_path: Path, photo: ProcessedPhoto) -> None:
    store = PhotoStore(tmp_path / "photos")
    first = store.put(photo)
    stat = first.stat()
    before = _tree(store.root)

    second = store.put(photo)

    assert second == first
    assert _tree(store.root) == before
    again = first.stat()
    assert (again.st_ino, again.st_mtime_ns) == (stat.st_ino, stat.st_mtime_ns)


def test_put_restores_a_missing_thumbnail(tmp_path: Path, photo: ProcessedPhoto) -> None:
    store = PhotoStore(tmp_path / "photos")
    store.put(photo)
    store.thumb_path(photo.sha256).unlink()

    store.put(photo)

    assert store.thumb_path(photo.sha256).read_bytes() == photo.thumb


def test_corrupted_file_on_disk_is_detected(tmp_path: Path, photo: ProcessedPhoto) -> None:
    store = PhotoStore(tmp_path / "photos")
    path = store.put(photo)
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))

    with pytest.raises(PhotoError, match="已损坏"):
        store.read(photo.sha256)


def test_reading_an_unknown_photo_says_not_found(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "photos")
    with pytest.raises(NotFoundError):
        store.read("0" * 64)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "abc", "g" * 64, "0" * 63 + "/"])
def test_invalid_hash_never_becomes_a_path(tmp_path: Path, bad: str) -> None:
    store = PhotoStore(tmp_path / "photos")
    for call in (store.path, store.thumb_path, store.has, store.read):
        with pytest.raises(PhotoError):
            call(bad)


def test_put_refuses_data_that_does_not_match_its_hash(
    tmp_path: Path, photo: ProcessedPhoto
) -> None:
    store = PhotoStore(tmp_path / "photos")
    forged = ProcessedPhoto(**{**photo.__dict__, "data": photo.data + b"x"})
    with pytest.raises(PhotoError):
        store.put(forged)
    assert not (tmp_path / "photos").exists()


def test_refused_import_leaves_the_store_unchanged(tmp_path: Path, photo: ProcessedPhoto) -> None:
    store = PhotoStore(tmp_path / "photos")
    store.put(photo)
    before = _tree(store.root)
    truncated = store.read(photo.sha256)[:5000]

    for bad in (truncated, b"hello", _encode(Image.new("RGB", (8, 8)), "GIF")):
        with pytest.raises(PhotoError):
            store.put(process_photo(bad))

    assert _tree(store.root) == before
