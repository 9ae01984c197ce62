"""Uploading the device's audit chain: the entries after the acknowledged seq, in batches.

The server checks that the chain goes on where its copy stops and flags a break
(sync.server.device_audit). Each batch the server answered is acknowledged here at
once, in its own transaction, so a cut cycle resumes after it. Entries stay on the
device: the local chain is the evidence the server's copy is compared with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select

from inspector.audit_chain import acked_seq, to_wire
from inspector.db import Store
from inspector.models import AuditEntry, utcnow
from inspector.models.bookkeeping import AuditUpload
from sync import protocol as p

from .transport import Transport

Report = Callable[[int, int], None]  # done, total


@dataclass
class AuditTally:
    sent: int = 0
    broken_seq: int | None = None  # where the server holds this device's chain broken
    failed: str | None = None  # why the upload stopped this time (no personal data)


def pending(store: Store) -> int:
    """Entries the server has not acknowledged yet."""
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)
                              .where(AuditEntry.seq > acked_seq(session))) or 0


def acknowledge(store: Store, seq: int) -> None:
    with store.write() as session:
        row = session.get(AuditUpload, 1)
        if row is None:
            row = AuditUpload(id=1)
            session.add(row)
        row.acked_seq, row.acked_at = seq, utcnow()


def upload(store: Store, transport: Transport, tally: AuditTally, report: Report,
           batch: int = p.MAX_AUDIT_BATCH) -> None:
    """Send every unacknowledged entry, counting into `tally` (kept if a batch fails)."""
    total = pending(store)
    while True:
        with store.read() as session:
            entries = [to_wire(e) for e in session.scalars(
                select(AuditEntry).where(AuditEntry.seq > acked_seq(session))
                .order_by(AuditEntry.seq).limit(batch))]
        if not entries:
            return
        report(tally.sent, total)
        answer = transport.json("POST", "/sync/audit", json={"entries": entries})
        acknowledge(store, entries[-1]["seq"])
        tally.sent += len(entries)
        tally.broken_seq = answer["broken_seq"]
