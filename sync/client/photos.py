"""Photos both ways, never in the way of records.

Up: ask which photos the server lacks, send only those, chunk by chunk from the
offset the server holds, so a cut connection resumes rather than restarts. Down:
fetch the bytes of photos linked to records this device received. One photo
failing is noted and skipped; the others and every record go on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from inspector.db import Store
from inspector.errors import NotFoundError, PhotoError
from inspector.models import Photo
from inspector.photos import PhotoStore, thumbnail
from sync import protocol as p
from sync.errors import AuthExpired, Cancelled, Incompatible, SyncError

from .transport import Transport

Report = Callable[[int, int, int], None]  # done, total, bytes


@dataclass
class PhotoTally:
    uploaded: int = 0
    downloaded: int = 0
    failed: list[str] = field(default_factory=list)  # short reasons, no personal data


def _attempt(tally: PhotoTally, sha: str, action: Callable[[], int]) -> int | None:
    """One photo's transfer; its failure is noted and the others go on. A login, version
    or cancel problem stops the whole cycle instead."""
    try:
        return action()
    except (PhotoError, NotFoundError, OSError) as exc:
        tally.failed.append(f"{sha[:8]}: {exc}")
    except SyncError as exc:
        if isinstance(exc, AuthExpired | Incompatible | Cancelled):
            raise
        tally.failed.append(f"{sha[:8]}: {exc.message}")
    return None


def _fetch(files: PhotoStore, transport: Transport, sha: str) -> int:
    data = transport.request("GET", f"/photos/{sha}").content
    files.put_bytes(sha, data, thumbnail(data))
    return len(data)


def upload(store: Store, transport: Transport, report: Report) -> PhotoTally:
    tally = PhotoTally()
    files = store.photos
    with store.read() as session:
        rows = session.execute(select(Photo.sha256, Photo.taken_at, Photo.lat, Photo.lon)
                               .where(Photo.uploaded.is_(False))).all()
    if not rows:
        return tally
    missing: set[str] = set()
    for start in range(0, len(rows), 1000):
        chunk = [r.sha256 for r in rows[start:start + 1000]]
        missing |= set(transport.json("POST", "/photos/missing", json={"hashes": chunk})["missing"])
    _mark_uploaded(store, [r.sha256 for r in rows if r.sha256 not in missing])
    todo = [r for r in rows if r.sha256 in missing]
    sent = 0
    for n, row in enumerate(todo, 1):
        nbytes = _attempt(tally, row.sha256, lambda r=row: _upload_one(files, transport, r))
        if nbytes is None:
            continue
        sent += nbytes
        _mark_uploaded(store, [row.sha256])
        tally.uploaded += 1
        report(n, len(todo), sent)
    return tally


def _upload_one(files: PhotoStore, transport: Transport, row: object) -> int:
    sha = row.sha256  # type: ignore[attr-defined]
    data = files.read(sha)  # verified against its hash before anything is sent
    params = {"device_id": transport.device_id, "total": len(data)}
    for key in ("taken_at", "lat", "lon"):
        value = getattr(row, key)
        if value is not None:
            params[key] = value.isoformat() if key == "taken_at" else value
    state = transport.json("GET", f"/photos/{sha}/upload",
                           params={"device_id": transport.device_id})
    offset = state["offset"]
    sent = 0
    while not state["complete"]:
        if transport.cancel.is_set():
            raise Cancelled("同步已取消")
        chunk = data[offset:offset + p.PHOTO_CHUNK_BYTES]
        try:
            state = transport.json("PUT", f"/photos/{sha}/upload", data=chunk,
                                   params=params | {"offset": offset},
                                   headers={"Content-Type": "application/octet-stream"})
        except SyncError as exc:
            if exc.status != 409:
                raise
            # The server holds a different offset (an earlier try got further): ask it.
            state = transport.json("GET", f"/photos/{sha}/upload",
                                   params={"device_id": transport.device_id})
        else:
            sent += len(chunk)
        offset = state["offset"]
    return sent


def _mark_uploaded(store: Store, hashes: list[str]) -> None:
    if not hashes:
        return
    with store.write() as session:
        for photo in session.scalars(select(Photo).where(Photo.sha256.in_(hashes))):
            photo.uploaded = True


def download(store: Store, transport: Transport, report: Report, limit: int) -> PhotoTally:
    """Fetch up to `limit` linked photos whose bytes are not on this device yet."""
    tally = PhotoTally()
    files = store.photos
    with store.read() as session:
        hashes = session.scalars(select(Photo.sha256).where(Photo.uploaded.is_(True))).all()
    wanted = [h for h in hashes if not files.has(h)][:limit]
    received = 0
    for n, sha in enumerate(wanted, 1):
        nbytes = _attempt(tally, sha, lambda h=sha: _fetch(files, transport, h))
        if nbytes is None:
            continue
        received += nbytes
        tally.downloaded += 1
        report(n, len(wanted), received)
    return tally
