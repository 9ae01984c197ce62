"""One sync cycle: handshake, push, audit trail, photos, pull, drift check, health report.

Each phase commits as it goes, so a cycle cut anywhere (network, cancel, crash)
resumes where it stopped: the open batch is resent as is, uploads continue from
the server's offset, the pull from the stored cursor. Progress goes to a
callback (phase, items done and total, bytes); `cancel` stops between steps.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from inspector.db import Store
from inspector.models import LocalProfile, OutboxEntry, SyncStatus, utcnow
from sync import protocol as p
from sync.errors import AuthExpired, Cancelled, Incompatible, SyncError

from . import audit as audit_upload
from . import drift, photos, pull, push
from .transport import Transport

log = logging.getLogger(__name__)
APP_VERSION = "0.1.0"

HANDSHAKE, PUSH, AUDIT, PHOTOS_UP, PULL, PHOTOS_DOWN, DRIFT, HEALTH = (
    "handshake", "push", "audit", "photos_up", "pull", "photos_down", "drift", "health")


@dataclass(frozen=True)
class Progress:
    phase: str
    done: int = 0
    total: int = 0
    bytes: int = 0


@dataclass
class CycleReport:
    pushed: push.PushTally = field(default_factory=push.PushTally)
    audit: audit_upload.AuditTally = field(default_factory=audit_upload.AuditTally)
    photos: photos.PhotoTally = field(default_factory=photos.PhotoTally)
    pulled: int = 0
    drift: drift.DriftTally = field(default_factory=drift.DriftTally)
    pending_after: int = 0


@dataclass
class SyncEngine:
    store: Store
    transport: Transport
    batch_count: int = 200
    batch_bytes: int = 1_000_000
    page_size: int = 500
    photo_downloads: int = 200  # per cycle; the app fetches others when they are opened
    on_progress: Callable[[Progress], None] | None = None

    @property
    def cancel(self) -> threading.Event:
        return self.transport.cancel

    def _progress(self, phase: str, done: int = 0, total: int = 0, nbytes: int = 0) -> None:
        if self.transport.cancel.is_set():
            raise Cancelled("同步已取消")
        if self.on_progress is not None:
            self.on_progress(Progress(phase, done, total, nbytes))

    def run(self) -> CycleReport:
        """A whole cycle; its outcome (success or the error) is recorded for the health report."""
        self._note(attempt=True)
        try:
            report = self._cycle()
        except SyncError as exc:
            if not isinstance(exc, Cancelled):
                self._note(error=exc.message)
                self._report_health(quiet=True)
            raise
        self._note(success=True)
        self._report_health(quiet=True)
        report.pending_after = pending_count(self.store)
        return report

    def _cycle(self) -> CycleReport:
        report = CycleReport()
        profile = self._profile()
        self._progress(HANDSHAKE)
        self._handshake(profile)
        report.pushed = self._push()
        report.audit = self._upload_audit()
        report.photos = photos.upload(self.store, self.transport,
                                      lambda d, t, b: self._progress(PHOTOS_UP, d, t, b))
        report.pulled = self._pull(profile)
        down = photos.download(self.store, self.transport,
                               lambda d, t, b: self._progress(PHOTOS_DOWN, d, t, b),
                               self.photo_downloads)
        report.photos.downloaded = down.downloaded
        report.photos.failed += down.failed
        self._progress(DRIFT)
        report.drift = drift.check(self.store, self.transport)
        return report

    def _profile(self) -> LocalProfile:
        with self.store.read() as session:
            profile = session.get(LocalProfile, 1)
        if profile is None:
            raise SyncError("此档案尚未登录过服务器，无法同步")
        return profile

    def _handshake(self, profile: LocalProfile) -> None:
        body = self.transport.json("POST", "/handshake", json={
            "protocol": p.PROTOCOL_VERSION, "device_id": self.transport.device_id,
            "app_version": APP_VERSION, "demo": profile.demo})
        if not p.compatible(body.get("protocol")):
            raise Incompatible("服务器的同步协议版本与本机不兼容，请升级")
        if bool(body.get("demo")) != profile.demo:
            raise Incompatible("演示档案只能与演示服务器同步，正式档案不能连接演示服务器"
                               if profile.demo else "这是演示服务器，正式档案不能与它同步")

    def _push(self) -> push.PushTally:
        """Rounds of batches; entries the server deferred get another round only while
        others still go through, so a cycle always ends."""
        total = push.PushTally()
        while True:
            skip: set[str] = set()
            finished_before = total.finished
            queued = pending_count(self.store)
            while (batch := push.next_batch(self.store, self.batch_count, self.batch_bytes,
                                            skip)) is not None:
                self._progress(PUSH, total.finished, queued, batch.size)
                answer = self.transport.json("POST", "/sync/push", json={
                    "device_id": self.transport.device_id, "batch_id": batch.batch_id,
                    "changes": batch.changes})
                tally = push.apply_receipts(self.store, batch, answer["receipts"])
                for name in ("applied", "duplicate", "conflict", "rejected", "deferred"):
                    setattr(total, name, getattr(total, name) + getattr(tally, name))
                skip |= tally.deferred_ids
            if not skip or total.finished == finished_before:
                total.deferred_ids = skip
                return total

    def _upload_audit(self) -> audit_upload.AuditTally:
        """The audit chain, after the records it describes. Like a photo, it waits for the
        next cycle when it cannot go now (say, a server without the endpoint), so the rest
        of the cycle still runs; a login, version or cancel problem stops the cycle."""
        tally = audit_upload.AuditTally()
        try:
            audit_upload.upload(self.store, self.transport, tally,
                                lambda d, t: self._progress(AUDIT, d, t))
        except SyncError as exc:
            if isinstance(exc, AuthExpired | Incompatible | Cancelled):
                raise
            log.info("audit trail not uploaded: %s", exc.kind)
            tally.failed = exc.message
        return tally

    def _pull(self, profile: LocalProfile) -> int:
        """Pages in feed order; the next page downloads while this one is written."""
        scope = scope_key(profile)

        def fetch(cursor: int) -> dict:
            return self.transport.json("GET", "/sync/pull",
                                       params={"cursor": cursor, "limit": self.page_size})

        applied = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as pool:
            pending = pool.submit(fetch, pull.cursor_of(self.store, scope))
            while True:
                page = pending.result()
                if page["more"]:
                    pending = pool.submit(fetch, page["cursor"])
                applied += pull.apply_page(self.store, scope, page)
                self._progress(PULL, applied, 0)
                if not page["more"]:
                    return applied

    def _note(self, *, attempt: bool = False, success: bool = False,
              error: str | None = None) -> None:
        now = utcnow()
        with self.store.write() as session:
            row = session.get(SyncStatus, 1)
            if row is None:
                row = SyncStatus(id=1)
                session.add(row)
            if attempt:
                row.last_attempt_at = now
            if success:
                row.last_success_at, row.last_error = now, None
            if error is not None:
                row.last_error, row.last_error_at = error, now

    def _report_health(self, *, quiet: bool) -> None:
        """Tell the server how this device's queue stands; failing to is not an error."""
        with self.store.read() as session:
            status = session.get(SyncStatus, 1)
            depth, oldest = session.execute(
                select(func.count(), func.min(OutboxEntry.created_at))).one()
            body = {"device_id": self.transport.device_id, "queue_depth": depth,
                    "oldest_unsent_at": _iso(oldest), "app_version": APP_VERSION,
                    "last_error": status.last_error[:500] if status and status.last_error
                    else None,
                    "last_success_at": _iso(status.last_success_at if status else None)}
        try:
            self.transport.json("POST", "/sync/health", json=body)
        except SyncError as exc:
            if not quiet:
                raise
            log.info("health report not sent: %s", exc.kind)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def scope_key(profile: LocalProfile) -> str:
    """Cursor key: a new scope (other grids, other role) starts its own feed from zero."""
    grids = ",".join(sorted(profile.grid_ids or []))
    return hashlib.sha256(f"{profile.username}|{profile.role}|{grids}".encode()).hexdigest()[:32]


def pending_count(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0
