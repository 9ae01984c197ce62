"""Resumable photo uploads, verified by SHA-256, and the links they release.

A device uploads a photo in chunks to `uploads/<sha>/<device>.part`; a chunk is
appended only when it arrived whole, so a cut connection loses at most that
chunk and the upload resumes from the last good offset. When the last byte is
in, the file is hashed: a mismatch is thrown away, a match moves into the
content-addressed store and every photo link held for it becomes visible.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PIL import Image, UnidentifiedImageError
from sqlalchemy import select

from inspector.models import Photo, PhotoLink
from inspector.photos import MAX_FILE_BYTES, PhotoStore
from sync.wire import from_wire

from .database import Database
from .feed import Revisions, publish
from .models import HeldLink

SHA_RE = re.compile(r"[0-9a-f]{64}")
_DEVICE_RE = re.compile(r"[0-9A-Za-z-]{1,36}")


class UploadError(Exception):
    """A chunk or a finished upload the server will not take; the message says why."""

    def __init__(self, message: str, status: int = 400, offset: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.offset = offset


@dataclass(frozen=True)
class PhotoMeta:
    taken_at: datetime | None = None
    lat: float | None = None
    lon: float | None = None


class PhotoUploads:
    def __init__(self, db: Database, photo_dir: Path, upload_dir: Path) -> None:
        self.db = db
        self.store = PhotoStore(photo_dir)
        self.upload_dir = upload_dir

    def has(self, sha: str) -> bool:
        with self.db.session() as session:
            return session.get(Photo, sha) is not None and self.store.has(sha)

    def missing(self, hashes: list[str]) -> list[str]:
        wanted = sorted({h for h in hashes if SHA_RE.fullmatch(h)})
        with self.db.session() as session:
            present = set(session.scalars(select(Photo.sha256).where(Photo.sha256.in_(wanted))))
        return [h for h in wanted if h not in present or not self.store.has(h)]

    def part_path(self, sha: str, username: str, device_id: str) -> Path:
        """Where one account's device keeps its partial upload: no one else can touch it."""
        if not SHA_RE.fullmatch(sha):
            raise UploadError("照片编号无效（sha256）")
        if not _DEVICE_RE.fullmatch(device_id):
            raise UploadError("设备编号无效（device_id）")
        owner = hashlib.sha256(f"{username}\n{device_id}".encode()).hexdigest()[:32]
        return self.upload_dir / sha / f"{owner}.part"

    def offset(self, sha: str, username: str, device_id: str) -> int:
        if self.has(sha):
            return -1  # complete: nothing more to send
        part = self.part_path(sha, username, device_id)
        return part.stat().st_size if part.is_file() else 0

    def write_chunk(self, sha: str, username: str, device_id: str, offset: int, total: int,
                    chunk: bytes, meta: PhotoMeta) -> tuple[int, bool]:
        """Append one whole chunk at `offset`; returns (bytes held, complete)."""
        if self.has(sha):
            return total, True
        if not 0 < total <= MAX_FILE_BYTES:
            raise UploadError("照片大小（total）无效")
        part = self.part_path(sha, username, device_id)
        held = part.stat().st_size if part.is_file() else 0
        if offset != held:
            raise UploadError("上传位置与服务器已收到的不一致（offset）", 409, held)
        if offset + len(chunk) > total:
            raise UploadError("数据超出照片大小（total）")
        part.parent.mkdir(parents=True, exist_ok=True)
        with part.open("ab") as f:
            f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        held += len(chunk)
        if held < total:
            return held, False
        self._finish(sha, part, meta)
        return total, True

    def _finish(self, sha: str, part: Path, meta: PhotoMeta) -> None:
        data = part.read_bytes()
        if hashlib.sha256(data).hexdigest() != sha:
            part.unlink(missing_ok=True)
            raise UploadError("照片校验失败（内容与 sha256 不符），请重新上传", 422, 0)
        try:
            with Image.open(part) as im:
                width, height = im.size
                im.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            part.unlink(missing_ok=True)
            raise UploadError("上传的文件不是可读的照片", 422, 0) from exc
        self.store.put_bytes(sha, data, None)
        part.unlink(missing_ok=True)
        self._register(sha, width, height, len(data), meta)

    def _register(self, sha: str, width: int, height: int, size: int, meta: PhotoMeta) -> None:
        """Record the photo and release the links that waited for it, in one transaction."""
        with self.db.transaction() as session:
            # The counter lock first: a push holding a link for this photo commits before
            # we look for held links (else its link would be held for ever).
            revs = Revisions(session)
            revs.lock()
            if session.get(Photo, sha) is None:
                session.add(Photo(sha256=sha, width=width, height=height, size=size,
                                  taken_at=meta.taken_at, lat=meta.lat, lon=meta.lon,
                                  uploaded=True))
                session.flush()
            held = session.scalars(select(HeldLink).where(HeldLink.photo_sha256 == sha)).all()
            if not held:
                return
            for h in held:
                link = PhotoLink(**from_wire(PhotoLink, h.data))
                session.add(link)
                session.flush()
                link.server_rev = publish(revs, "photo_link", link.id, h.grid_id)
                session.delete(h)

    def path(self, sha: str) -> Path:
        return self.store.path(sha)
