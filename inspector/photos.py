"""Photo import pipeline and the on-disk, content-addressed photo store.

``process_photo`` turns a file a user picked (JPEG, PNG or WebP) into the copy the
app keeps: upright, RGB, long edge <= ``MAX_EDGE``, a baseline JPEG of at most
``MAX_BYTES`` with no metadata, plus a thumbnail. The EXIF capture time and GPS
position are read on the way and returned beside the bytes; they go into the
database, never into the stored file.

``PhotoStore`` keeps the results under ``root/ab/<sha256>.jpg`` (thumbnails under
``root/thumbs/ab/<sha256>.jpg``), written atomically and verified on read. On an
encrypted profile each file is sealed with the profile's data key (AES-GCM); the
name stays the hash of the photo itself, so sync and deduplication work unchanged.

This module imports no Qt and no SQLAlchemy; the service that records a photo
row calls it and writes the row itself.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import tempfile
import threading
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError
from PIL.ExifTags import IFD

from inspector.crypto import KeySlot, SealBroken, is_sealed, seal, unseal
from inspector.errors import NotFoundError, PhotoError

__all__ = [
    "ALLOWED_FORMATS",
    "MAX_BYTES",
    "MAX_EDGE",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "THUMB_EDGE",
    "PhotoStore",
    "ProcessedPhoto",
    "process_photo",
]

MAX_EDGE = 1600
"""Long edge of the stored copy, in pixels."""
MAX_BYTES = 400 * 1024
"""Size limit of the stored copy."""
THUMB_EDGE = 320
"""Long edge of the thumbnail."""
MAX_PIXELS = 64_000_000
"""Images with more pixels than this are refused as decompression bombs.

Cameras and phones top out around 50 MP; anything larger from the field is far
more likely to be a crafted file than a photo. Pillow's own global limit
(``Image.MAX_IMAGE_PIXELS``) is left untouched; this cap is checked per call.
"""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused before they are read into memory."""

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
# Pillow's JPEG opener returns an "MPO" image for a JPEG that carries a
# multi-picture (MPF) segment; many phones and cameras write those, and they are
# accepted as the JPEGs they are.
_OPEN_FORMATS = ALLOWED_FORMATS
_ALLOWED_TEXT = "JPEG、PNG 或 WebP"

_QUALITIES = (85, 78, 70, 62, 54, 46, 38)
_SHRINK = 0.8  # long-edge factor per step once the lowest quality is still too big
_THUMB_QUALITY = 75
_WHITE = (255, 255, 255)

_SHA_RE = re.compile(r"[0-9a-f]{64}")

# warnings.catch_warnings() swaps a process-wide filter list and is not
# thread-safe; keep our own uses of it from interleaving.
_open_lock = threading.Lock()


@dataclass(frozen=True)
class ProcessedPhoto:
    """The result of importing one photo; plain data, safe to hand across threads."""

    sha256: str
    """Lower-case hex SHA-256 of ``data``; the photo's identity."""
    data: bytes
    """The stored copy: JPEG, no metadata."""
    thumb: bytes
    """Thumbnail JPEG, long edge <= THUMB_EDGE."""
    width: int
    height: int
    taken_at: datetime | None
    """EXIF DateTimeOriginal (else DateTime), naive camera-local time as recorded."""
    lat: float | None
    lon: float | None
    original_format: str
    """"JPEG", "PNG" or "WEBP"."""


# --------------------------------------------------------------------------- import


def thumbnail(data: bytes) -> bytes:
    """A thumbnail for stored photo bytes (a photo that came from the server has none)."""
    with Image.open(io.BytesIO(data)) as im:
        im.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
        return _jpeg(_to_rgb(im), _THUMB_QUALITY)


def process_photo(source: str | os.PathLike[str] | bytes) -> ProcessedPhoto:
    """Decode, orient, shrink and re-encode a photo; read its EXIF time and GPS.

    ``source`` is a path or the file's bytes. Raises ``PhotoError`` with a
    plain-language reason when the file cannot be imported.
    """
    raw = _read_source(source)
    im = _open(raw)
    try:
        fmt = "JPEG" if im.format == "MPO" else str(im.format)
        if im.format in ("JPEG", "MPO"):
            # Decode at a reduced DCT scale (1/2, 1/4, 1/8) that still keeps the long
            # edge >= MAX_EDGE. Computed on the raw, un-rotated size: the draft works on
            # the stored pixel grid and orientation is applied afterwards, so the target
            # must be in that same grid (a swapped target would defeat the reduction).
            target = _fit(im.size, MAX_EDGE)
            if target != im.size:
                im.draft("RGB", target)
        try:
            im.load()
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PhotoError(_load_reason(exc, raw)) from exc
        except (MemoryError, Image.DecompressionBombError) as exc:
            raise PhotoError("图片尺寸过大，无法导入") from exc

        exif = im.getexif()  # read before transposing: exif_transpose rewrites it
        taken_at = _taken_at(exif)
        lat, lon = _gps(exif)

        ImageOps.exif_transpose(im, in_place=True)
        out = _to_rgb(im)
        size = _fit(out.size, MAX_EDGE)
        if size != out.size:
            # Bicubic, not Lanczos: Pillow's resize is antialiased either way; after a
            # DCT-scaled JPEG decode the remaining factor is < 2, where the two look the
            # same, and bicubic is ~25% faster. reducing_gap speeds up big PNG/WebP.
            out = out.resize(size, Image.Resampling.BICUBIC, reducing_gap=3.0)
        data, out = _encode_within(out, MAX_BYTES)
        thumb_img = out.copy()
        thumb_img.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
        thumb = _jpeg(thumb_img, _THUMB_QUALITY)
    finally:
        im.close()

    return ProcessedPhoto(
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        thumb=thumb,
        width=out.width,
        height=out.height,
        taken_at=taken_at,
        lat=lat,
        lon=lon,
        original_format=fmt,
    )


def _read_source(source: str | os.PathLike[str] | bytes) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        raw = bytes(source)
    else:
        # Messages never name the file: names and folders may carry personal data.
        try:
            with open(source, "rb") as f:
                raw = f.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError as exc:
            raise PhotoError("找不到这个文件（可能已被移动或删除）") from exc
        except IsADirectoryError as exc:
            raise PhotoError("选择的是文件夹，不是图片文件") from exc
        except PermissionError as exc:
            raise PhotoError("没有权限读取这个文件") from exc
        except OSError as exc:
            raise PhotoError("无法读取这个文件") from exc
    if not raw:
        raise PhotoError("文件是空的，不是图片文件")
    if len(raw) > MAX_FILE_BYTES:
        raise PhotoError(f"文件过大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB），无法导入")
    return raw


def _open(raw: bytes) -> ImageFile.ImageFile:
    """Open (header only) with the allowed decoders; refuse bombs before decoding."""
    try:
        with _open_lock, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(raw), formats=_OPEN_FORMATS)
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        raise PhotoError("图片尺寸过大（像素太多），无法导入") from exc
    except UnidentifiedImageError as exc:
        raise PhotoError(_unidentified_reason(raw)) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # A decoder recognised the file but its header is broken.
        raise PhotoError(_broken_reason(raw)) from exc
    assert isinstance(im, ImageFile.ImageFile)
    w, h = im.size
    if w <= 0 or h <= 0:
        im.close()
        raise PhotoError("图片已损坏（尺寸无效）")
    if w * h > MAX_PIXELS:
        im.close()
        raise PhotoError(
            f"图片尺寸过大（{w}×{h} 像素，最多 {MAX_PIXELS // 1_000_000} 百万像素），无法导入"
        )
    return im


# Magic numbers of formats people are likely to pick, to say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
    (b"\xff\x4f\xff\x51", "JPEG 2000"),
    (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (b"%PDF", "PDF"),
)
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


def _sniff(raw: bytes) -> str | None:
    """Name of a known image format from the first bytes, or None."""
    if raw.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "WEBP"
    if raw[4:8] == b"ftyp":
        brand = raw[8:12]
        if brand in (b"avif", b"avis"):
            return "AVIF"
        if brand in _HEIF_BRANDS:
            return "HEIC"
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    return None


def _unidentified_reason(raw: bytes) -> str:
    kind = _sniff(raw)
    if kind is None:
        return "不是图片文件"
    if kind in ("JPEG", "PNG", "WEBP"):
        return _broken_reason(raw)
    if kind == "PDF":
        return f"这是 PDF 文件，不是图片，请选择 {_ALLOWED_TEXT} 图片"
    return f"不支持的格式（{kind}），请使用 {_ALLOWED_TEXT} 图片"


def _broken_reason(raw: bytes) -> str:
    if _looks_truncated(raw):
        return "文件不完整（可能传输中断）"
    return "图片文件已损坏，无法读取"


def _load_reason(exc: BaseException, raw: bytes) -> str:
    text = str(exc).lower()
    if "truncated" in text or "premature" in text or isinstance(exc, EOFError):
        return "文件不完整（可能传输中断）"
    return _broken_reason(raw)


def _looks_truncated(raw: bytes) -> bool:
    """Whether a file that failed to decode lacks the end its format requires."""
    if len(raw) < 64:
        return True
    kind = _sniff(raw)
    if kind == "JPEG":
        return not raw.rstrip(b"\x00").endswith(b"\xff\xd9")
    if kind == "PNG":
        return b"IEND" not in raw[-32:]
    if kind == "WEBP":
        return int.from_bytes(raw[4:8], "little") + 8 > len(raw)
    return False


# --------------------------------------------------------------------------- pixels


def _fit(size: tuple[int, int], edge: int) -> tuple[int, int]:
    """Size scaled down (never up) so that the long edge is <= edge."""
    w, h = size
    long_edge = max(w, h)
    if long_edge <= edge:
        return w, h
    f = edge / long_edge
    return max(1, min(edge, round(w * f))), max(1, min(edge, round(h * f)))


def _to_rgb(im: Image.Image) -> Image.Image:
    """Convert any decoded mode to RGB, flattening transparency onto white."""
    if im.mode == "RGB":
        return im
    if im.mode in ("I", "F") or im.mode.startswith("I;16"):
        # 16-bit grey (PNG): scale to 8 bits; a plain convert would clip to white.
        im = im.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    has_alpha = im.mode in ("RGBA", "LA", "La", "RGBa", "PA") or (
        im.mode in ("P", "L", "RGB") and "transparency" in im.info
    )
    if has_alpha:
        rgba = im.convert("RGBA")
        canvas = Image.new("RGB", rgba.size, _WHITE)
        canvas.paste(rgba, mask=rgba.getchannel("A"))
        return canvas
    return im.convert("RGB")


def _jpeg(im: Image.Image, quality: int) -> bytes:
    """Baseline JPEG, 4:2:0, optimised Huffman tables, and no metadata at all."""
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=True, subsampling="4:2:0")
    return buf.getvalue()


def _encode_within(im: Image.Image, max_bytes: int) -> tuple[bytes, Image.Image]:
    """Lower the quality, then the size, until the JPEG fits; returns it and its image."""
    while True:
        for q in _QUALITIES:
            data = _jpeg(im, q)
            if len(data) <= max_bytes:
                return data, im
        if max(im.size) <= THUMB_EDGE:  # cannot happen with sane limits; never loop forever
            return data, im
        smaller = (max(1, int(im.width * _SHRINK)), max(1, int(im.height * _SHRINK)))
        im = im.resize(smaller, Image.Resampling.LANCZOS)


# --------------------------------------------------------------------------- EXIF

_TAG_DATETIME = 0x0132
_TAG_DATETIME_ORIGINAL = 0x9003
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4


def _taken_at(exif: Image.Exif) -> datetime | None:
    try:
        exif_ifd = exif.get_ifd(IFD.Exif)
    except Exception:  # a broken EXIF sub-IFD must not stop the import
        exif_ifd = {}
    for value in (exif_ifd.get(_TAG_DATETIME_ORIGINAL), exif.get(_TAG_DATETIME)):
        parsed = _parse_exif_datetime(value)
        if parsed is not None:
            return parsed
    return None


_EXIF_DT_RE = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")


def _parse_exif_datetime(value: object) -> datetime | None:
    """EXIF "YYYY:MM:DD HH:MM:SS" (also tolerating "-" and "T") → naive datetime."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    m = _EXIF_DT_RE.match(value.strip("\x00 "))
    if m is None:
        return None
    try:
        parsed = datetime(*(int(g) for g in m.groups(default="0")))
    except ValueError:  # 0000:00:00 00:00:00 from a camera whose clock was never set
        return None
    # A clock that was never set may also start at its own epoch (1970, 1980 …).
    return parsed if parsed.year >= 1990 else None


def _gps(exif: Image.Exif) -> tuple[float | None, float | None]:
    try:
        gps = exif.get_ifd(IFD.GPSInfo)
    except Exception:  # a broken GPS IFD must not stop the import
        return None, None
    if not gps:
        return None, None
    lat = _dms(gps.get(_GPS_LAT), gps.get(_GPS_LAT_REF), "S", 90.0)
    lon = _dms(gps.get(_GPS_LON), gps.get(_GPS_LON_REF), "W", 180.0)
    if lat is None or lon is None:
        return None, None
    if lat == 0.0 and lon == 0.0:
        # Receivers without a fix write 0/0; "Null Island" is never a grid location.
        return None, None
    return lat, lon


def _dms(value: object, ref: object, negative: str, limit: float) -> float | None:
    """Degrees/minutes/seconds rationals plus a N/S or E/W reference → signed degrees."""
    try:
        parts = [float(x) for x in value]  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not 1 <= len(parts) <= 3 or not all(math.isfinite(x) and x >= 0 for x in parts):
        return None
    parts += [0.0] * (3 - len(parts))
    degrees = parts[0] + parts[1] / 60 + parts[2] / 3600
    if degrees > limit:
        return None
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if isinstance(ref, str) and ref.strip("\x00 ").upper().startswith(negative):
        degrees = -degrees
    return degrees


# --------------------------------------------------------------------------- store


class PhotoStore:
    """Content-addressed photo files: ``root/ab/<sha>.jpg`` and ``root/thumbs/ab/<sha>.jpg``.

    Files are written once, atomically (temp file in the target folder, fsync,
    ``os.replace``), and never changed: a photo's name is the SHA-256 of its bytes.
    Nothing is created on disk until the first ``put``. With a key in ``keys`` the
    files are sealed; read them with ``read``/``read_thumb``, never from ``path``.
    """

    def __init__(self, root: Path, keys: KeySlot | None = None) -> None:
        self.root = Path(root)
        self.keys = keys or KeySlot()

    def path(self, sha: str) -> Path:
        sha = _check_sha(sha)
        return self.root / sha[:2] / f"{sha}.jpg"

    def thumb_path(self, sha: str) -> Path:
        sha = _check_sha(sha)
        return self.root / "thumbs" / sha[:2] / f"{sha}.jpg"

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put(self, p: ProcessedPhoto) -> Path:
        """Store a processed photo and its thumbnail; a no-op for files already there."""
        return self.put_bytes(p.sha256, p.data, p.thumb)

    def put_bytes(self, sha: str, data: bytes, thumb: bytes | None) -> Path:
        """Store bytes that must hash to `sha` (a photo received from elsewhere, say)."""
        sha = _check_sha(sha)
        if hashlib.sha256(data).hexdigest() != sha:
            raise PhotoError("照片数据与其校验值不符，未保存")
        # Thumbnail first: once the photo itself exists, its thumbnail does too.
        thumb_path = self.thumb_path(sha)
        if thumb is not None and not thumb_path.is_file():
            _write_atomic(thumb_path, self._seal(thumb, _thumb_aad(sha)))
        target = self.path(sha)
        if not target.is_file():
            _write_atomic(target, self._seal(data, sha.encode()))
        return target

    def read(self, sha: str) -> bytes:
        """The photo's bytes, opened and verified against their SHA-256."""
        sha = _check_sha(sha)
        try:
            blob = self.path(sha).read_bytes()
        except FileNotFoundError as exc:
            raise NotFoundError("照片文件不存在（可能尚未同步或已被删除）") from exc
        except OSError as exc:
            raise PhotoError("无法读取照片文件") from exc
        data = self._open(blob, sha.encode())
        if hashlib.sha256(data).hexdigest() != sha:
            raise PhotoError("照片文件已损坏（内容与校验值不符）")
        return data

    def read_thumb(self, sha: str) -> bytes | None:
        """The thumbnail's bytes, or None when there is none (or it cannot be read)."""
        try:
            blob = self.thumb_path(sha).read_bytes()
        except OSError:
            return None
        try:
            return self._open(blob, _thumb_aad(sha))
        except PhotoError:
            return None

    def seal_all(self) -> int:
        """Seal every plain file in the store (a profile being encrypted); returns the count.

        Each file is replaced atomically, so an interrupted run leaves a mix that
        `read` still opens, and running again finishes the job.
        """
        sealed = 0
        for file in sorted(self.root.rglob("*.jpg")):
            blob = file.read_bytes()
            if is_sealed(blob):
                continue
            sha = file.stem
            aad = _thumb_aad(sha) if file.parent.parent.name == "thumbs" else sha.encode()
            _write_atomic(file, self._seal(blob, aad))
            sealed += 1
        return sealed

    def _seal(self, data: bytes, aad: bytes) -> bytes:
        raw = self.keys.raw()
        return data if raw is None else seal(raw, data, aad)

    def _open(self, blob: bytes, aad: bytes) -> bytes:
        if not is_sealed(blob):
            return blob  # a plain store, or a file not sealed yet (see seal_all)
        raw = self.keys.raw()
        if raw is None:
            raise PhotoError("照片文件已加密，但档案未提供密钥")
        try:
            return unseal(raw, blob, aad)
        except SealBroken as exc:
            raise PhotoError("照片文件已损坏或不属于本档案") from exc


def _thumb_aad(sha: str) -> bytes:
    return b"thumb:" + sha.lower().encode()


def _check_sha(sha: str) -> str:
    if not isinstance(sha, str) or not _SHA_RE.fullmatch(sha.lower()):
        raise PhotoError("照片编号无效")
    return sha.lower()


def _write_atomic(target: Path, data: bytes) -> None:
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
    except OSError as exc:
        raise PhotoError("无法保存照片（照片文件夹不可写或磁盘已满）") from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.replace(tmp, target)
        except PermissionError:
            # Windows refuses to replace a file another process has open. The name is
            # the content hash, so an existing file already holds these bytes.
            if not target.is_file():
                raise
            os.unlink(tmp)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise PhotoError("无法保存照片（照片文件夹不可写或磁盘已满）") from exc
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open a directory for fsync."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
