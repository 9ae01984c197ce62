"""The device's audit trail as a hash chain, so a missing, edited or reordered entry shows.

Each entry carries `seq` (1, 2, 3 … without holes), the previous entry's hash
(64 zeros for the first) and its own hash: SHA-256 over the previous hash followed
by the entry's sealed fields as JSON with sorted keys, times as ISO UTC. The server
recomputes the very same `entry_hash` when the chain is uploaded
(sync.server.device_audit), so what a device seals and what the server checks
cannot drift apart. The format is part of the stored data: changing it needs a
migration that re-seals every entry.

The local row id is not sealed: it is only this store's key, and leaving it out lets
the server, which keeps no such id, re-check its own copy from its own columns.

Someone holding the file could re-seal the whole chain after an edit; `verify`
cannot see that, but the server's copy of what was already uploaded does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from .models import AuditEntry, utcnow
from .models.bookkeeping import AuditUpload

GENESIS = "0" * 64
# The fields an entry's hash seals, besides the previous hash.
SEALED = ("seq", "at", "actor", "device_id", "action", "entity", "record_id", "fields")

# Why a chain is broken (codes; the device report and the server's state use the same).
GAP = "gap"  # an entry is missing
EDITED = "edited"  # an entry no longer matches its own hash
BROKEN_LINK = "broken_link"  # an entry does not point to the hash of the one before it
REORDERED = "reordered"  # an entry points to another entry of the chain: moved
REWRITTEN = "rewritten"  # (server) a seq already received came again with another hash
REASONS = {
    GAP: "缺少审计条目（序号不连续）",
    EDITED: "审计条目的内容与其哈希不符（已被修改）",
    BROKEN_LINK: "审计条目与前一条的哈希链接断开",
    REORDERED: "审计条目的顺序被调换",
    REWRITTEN: "已收到的审计条目再次上传时内容不同",
}


def iso_utc(at: datetime | str) -> str:
    """A time as sealed: ISO 8601 in UTC with microseconds (naive times are taken as UTC)."""
    moment = at if isinstance(at, datetime) else datetime.fromisoformat(at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(prev_hash: str, values: Mapping[str, Any]) -> str:
    """The hash of one entry: `prev_hash` + its SEALED fields in canonical JSON."""
    body = {key: values[key] for key in SEALED}
    body["at"] = iso_utc(body["at"])
    text = prev_hash + json.dumps(body, sort_keys=True, separators=(",", ":"),
                                  ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_wire(entry: AuditEntry) -> dict[str, Any]:
    """An entry as it is uploaded: its sealed fields (JSON-safe) with both hashes."""
    out = {key: getattr(entry, key) for key in SEALED}
    out["at"] = iso_utc(entry.at)
    out["prev_hash"], out["hash"] = entry.prev_hash, entry.hash
    return out


def append(session: Session, entry: AuditEntry) -> AuditEntry:
    """Chain `entry` onto the trail and add it to `session`: the one way an entry is written.

    The seq and previous hash are read inside the caller's transaction, right before
    the insert. SQLite admits one writer at a time, so no other entry can take the
    same seq; should another connection slip one in anyway (Python's sqlite3 opens
    the transaction at its first write, which may be this very insert), the UNIQUE
    seq fails this transaction as a whole, and the chain never forks.
    """
    session.flush()  # entries added earlier in this transaction come first
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                           .order_by(AuditEntry.seq.desc()).limit(1)).first()
    if entry.at is None:
        entry.at = utcnow()
    entry.seq = last.seq + 1 if last else 1
    entry.prev_hash = last.hash if last else GENESIS
    entry.hash = entry_hash(entry.prev_hash, {key: getattr(entry, key) for key in SEALED})
    session.add(entry)
    return entry


@dataclass(frozen=True)
class ChainReport:
    """What `verify` found: how many entries hold, and the first bad seq with the reason."""

    checked: int
    bad_seq: int | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.bad_seq is None

    @property
    def message(self) -> str:
        if self.ok:
            return f"审计链完整（{self.checked} 条）"
        return f"审计链在第 {self.bad_seq} 条处断开：{REASONS[self.reason]}"


def acked_seq(session: Session) -> int:
    """The highest seq the server has acknowledged (0 before the first upload)."""
    row = session.get(AuditUpload, 1)
    return row.acked_seq if row else 0


def verify(session: Session) -> ChainReport:
    """Walk the chain in seq order and stop at the first entry that does not hold.

    A deleted entry shows as a gap (or, at the end, as fewer entries than the server
    acknowledged); an edited one as a hash mismatch; one edited and re-sealed as a
    broken link at the entry after it; swapped seqs as an entry pointing elsewhere.
    """
    columns = [getattr(AuditEntry, key) for key in (*SEALED, "prev_hash", "hash")]
    rows = session.execute(select(*columns).order_by(AuditEntry.seq)
                           .execution_options(yield_per=1000))
    prev_hash, expected = GENESIS, 1
    bad_seq, reason, stray = None, None, None
    for row in rows:
        if row.seq != expected:
            bad_seq, reason = expected, GAP
        elif row.prev_hash != prev_hash:
            bad_seq, stray = row.seq, row.prev_hash  # moved or broken: see below
        elif entry_hash(prev_hash, row._mapping) != row.hash:
            bad_seq, reason = row.seq, EDITED
        if bad_seq is not None:
            break
        prev_hash, expected = row.hash, expected + 1
    rows.close()
    if bad_seq is None and acked_seq(session) >= expected:
        bad_seq, reason = expected, GAP  # entries the server acknowledged are gone
    if stray is not None:
        moved = session.scalar(select(exists().where(AuditEntry.hash == stray)))
        reason = REORDERED if moved else BROKEN_LINK
    return ChainReport(expected - 1, bad_seq, reason)
