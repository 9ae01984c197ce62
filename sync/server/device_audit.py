"""Devices' audit chains as uploaded with sync: stored, checked to go on unbroken, breaks flagged.

Each entry's hash is recomputed with the device's own function
(inspector.audit_chain.entry_hash), and the chain must go on from the last entry
the server holds for that device. A break is kept on the device's state (the first
one stays until an administrator looks into it) and written to the security log;
what arrived is stored all the same, because it is the evidence. Entries the server
already holds are taken again without harm when their hash is the same; a seq that
comes back with another hash means the device's history was rewritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from inspector.audit_chain import (
    BROKEN_LINK,
    EDITED,
    GAP,
    GENESIS,
    REASONS,
    REWRITTEN,
    entry_hash,
)
from inspector.models import utcnow

from . import seclog
from .database import Database
from .models import DeviceAudit, DeviceAuditState, User


class DeviceTaken(Exception):
    """The device's chain belongs to another account."""


@dataclass(frozen=True)
class Receipt:
    """What an upload did, for the device."""

    stored: int
    duplicate: int
    last_seq: int
    broken_seq: int | None
    broken_reason: str | None


def _ensure_state(db: Database, username: str, device_id: str) -> None:
    """Create the device's state row on its own, so two uploads at once then queue on it."""
    try:
        with db.transaction() as session:
            if session.get(DeviceAuditState, device_id) is None:
                session.add(DeviceAuditState(device_id=device_id, username=username,
                                             last_seq=0, last_hash=GENESIS))
    except IntegrityError:
        pass  # the other upload made it first


def receive(db: Database, username: str, device_id: str, entries: Sequence[dict[str, Any]],
            ip: str | None = None) -> Receipt:
    """Check and store `entries` (in increasing seq) uploaded by `username` from `device_id`."""
    _ensure_state(db, username, device_id)
    with db.transaction() as session:
        state = session.get(DeviceAuditState, device_id, with_for_update=True)
        assert state is not None
        if state.username != username:
            raise DeviceTaken(device_id)
        stored = duplicate = 0
        breaks: list[tuple[int, str]] = []
        for entry in entries:
            seq, digest = entry["seq"], entry["hash"]
            sealed = entry_hash(entry["prev_hash"], entry) == digest
            held = session.get(DeviceAudit, (device_id, seq))
            if held is not None:
                if held.hash == digest and sealed:
                    duplicate += 1
                else:
                    breaks.append((seq, REWRITTEN))  # the first copy stays as it came
                continue
            problem = (seq, EDITED) if not sealed else _place(session, state, device_id, entry)
            if problem is not None:
                breaks.append(problem)
            session.add(DeviceAudit(
                device_id=device_id, seq=seq, username=entry["actor"], at=entry["at"],
                action=entry["action"], entity=entry["entity"], record_id=entry["record_id"],
                fields=entry["fields"], prev_hash=entry["prev_hash"], hash=digest))
            stored += 1
            if seq > state.last_seq:
                state.last_seq, state.last_hash = seq, digest
        if breaks:
            _flag(session, state, breaks, ip)
        state.updated_at = utcnow()
        return Receipt(stored, duplicate, state.last_seq, state.broken_seq, state.broken_reason)


def _place(session: Session, state: DeviceAuditState, device_id: str,
           entry: dict[str, Any]) -> tuple[int, str] | None:
    """Where a new, well-sealed entry breaks the chain by its place in it, if it does."""
    seq = entry["seq"]
    if seq > state.last_seq + 1:
        return state.last_seq + 1, GAP
    if seq == state.last_seq + 1:
        before: str | None = state.last_hash
    else:  # a hole left by an earlier gap, filled late: link it to what is held before it
        before = session.scalar(select(DeviceAudit.hash).where(
            DeviceAudit.device_id == device_id, DeviceAudit.seq == seq - 1))
    if before is not None and entry["prev_hash"] != before:
        return seq, BROKEN_LINK
    return None


def _flag(session: Session, state: DeviceAuditState, breaks: list[tuple[int, str]],
          ip: str | None) -> None:
    """Keep the first break on the state; one security event per upload that found any."""
    seq, reason = breaks[0]
    if state.broken_seq is None:
        state.broken_seq, state.broken_reason = seq, reason
    more = f"（本次共 {len(breaks)} 处）" if len(breaks) > 1 else ""
    seclog.record(session, "audit_chain_broken", username=state.username,
                  device_id=state.device_id, ip=ip,
                  detail=f"第 {seq} 条：{REASONS[reason]}{more}")


def broken_chains(session: Session, grids: frozenset[str] | None = None,
                  ) -> list[DeviceAuditState]:
    """Devices whose chain is broken, latest upload first; with `grids`, only the devices of
    people working in those grids (a supervisor's view)."""
    rows = session.scalars(select(DeviceAuditState)
                           .where(DeviceAuditState.broken_seq.is_not(None))
                           .order_by(DeviceAuditState.updated_at.desc())).all()
    if grids is None:
        return list(rows)
    people = {u.username: set(u.grid_ids or ()) for u in session.scalars(select(User))}
    return [r for r in rows if people.get(r.username, set()) & grids]
