"""The push side: batches out of the outbox, receipts back into it.

An entry leaves the outbox only with a receipt. A batch, once formed, keeps its
id and its members until it is answered, so a batch resent after any failure
is the very same batch and the server answers it from its records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, or_, select, update

from inspector.db import Store
from inspector.models import (
    ENTITIES,
    IssueAction,
    OutboxEntry,
    SyncProblem,
    Tombstone,
    new_id,
)
from sync import protocol as p


@dataclass
class Batch:
    batch_id: str
    changes: list[dict[str, Any]]
    size: int


@dataclass
class PushTally:
    applied: int = 0
    duplicate: int = 0
    conflict: int = 0
    rejected: int = 0
    deferred: int = 0
    deferred_ids: set[str] = field(default_factory=set)

    @property
    def finished(self) -> int:
        return self.applied + self.duplicate + self.conflict + self.rejected


def _wire(entry: OutboxEntry) -> dict[str, Any]:
    return {"change_id": entry.change_id, "entity": entry.entity, "record_id": entry.record_id,
            "op": entry.op, "payload": entry.payload, "base_rev": entry.base_rev}


def next_batch(store: Store, max_count: int, max_bytes: int, skip: set[str]) -> Batch | None:
    """The unanswered batch if there is one, else a new one: urgent first, then oldest,
    bounded by count and bytes (always at least one entry)."""
    with store.write() as session:
        open_id = session.scalars(select(OutboxEntry.batch_id)
                                  .where(OutboxEntry.batch_id.is_not(None))
                                  .order_by(OutboxEntry.seq).limit(1)).first()
        if open_id is not None:
            rows = session.scalars(select(OutboxEntry).where(OutboxEntry.batch_id == open_id)
                                   .order_by(OutboxEntry.seq)).all()
            return Batch(open_id, [_wire(e) for e in rows], sum(e.size for e in rows))
        candidates = session.scalars(
            select(OutboxEntry).where(OutboxEntry.batch_id.is_(None))
            .order_by(OutboxEntry.priority, OutboxEntry.seq).limit(max_count + len(skip))).all()
        chosen: list[OutboxEntry] = []
        size = 0
        for entry in candidates:
            if entry.change_id in skip:
                continue
            if chosen and (len(chosen) >= max_count or size + entry.size > max_bytes):
                break
            chosen.append(entry)
            size += entry.size
        if not chosen:
            return None
        batch_id = new_id()
        for entry in chosen:
            entry.batch_id = batch_id
        return Batch(batch_id, [_wire(e) for e in chosen], size)


def _confirm(session: Any, confirmed: dict[str, list[dict[str, Any]]]) -> None:
    """Record the server revisions of confirmed records (an accepted action is marked too).

    Plain statements, not the ORM: a revision number changes nothing a user sees,
    so it must not cost a search re-index per record.
    """
    for entity, rows in confirmed.items():
        table = ENTITIES[entity].__table__
        extra = {"sync_state": "accepted"} if entity == "issue_action" else {}
        session.execute(
            update(table).where(table.c.id == bindparam("_id"),
                                or_(table.c.server_rev.is_(None),
                                    table.c.server_rev < bindparam("_rev")))
            .values(server_rev=bindparam("_rev")), rows)
        if extra:
            session.execute(update(table).where(table.c.id == bindparam("_id"))
                            .values(extra), rows)


def _problem(session: Any, entry: OutboxEntry, kind: str, reason: str | None,
             detail: dict[str, Any] | None) -> None:
    session.add(SyncProblem(kind=kind, entity=entry.entity, record_id=entry.record_id,
                            op=entry.op, reason=reason, detail=detail))


def apply_receipts(store: Store, batch: Batch, receipts: list[dict[str, Any]]) -> PushTally:
    """Settle a batch's entries by their receipts, in one transaction."""
    tally = PushTally()
    by_id = {r.get("change_id"): r for r in receipts}
    with store.write() as session:
        entries = session.scalars(select(OutboxEntry).where(
            OutboxEntry.batch_id == batch.batch_id).order_by(OutboxEntry.seq)).all()
        gone: set[str] = set()
        done: list[str] = []
        confirmed: dict[str, list[dict[str, Any]]] = {}
        for entry in entries:
            if entry.change_id in gone:
                continue
            r = by_id.get(entry.change_id)
            status = r["status"] if r else p.DEFERRED
            outcome = (r.get("original") or p.APPLIED) if status == p.DUPLICATE else status
            if status == p.DUPLICATE:
                tally.duplicate += 1
            if status == p.DEFERRED:
                entry.batch_id = None
                entry.attempts += 1
                entry.last_error = (r or {}).get("reason") or "服务器未答复该条"
                tally.deferred += 1
                tally.deferred_ids.add(entry.change_id)
                continue
            done.append(entry.change_id)
            if entry.op == "delete":
                session.execute(delete(Tombstone).where(Tombstone.entity == entry.entity,
                                                        Tombstone.record_id == entry.record_id))
            if outcome == p.REJECTED:
                gone |= _rejected(session, entry, r.get("reason") or "")
                tally.rejected += status != p.DUPLICATE
                continue
            if entry.entity in ENTITIES and r.get("rev") is not None:
                confirmed.setdefault(entry.entity, []).append(
                    {"_id": entry.record_id, "_rev": r["rev"]})
            if outcome == p.CONFLICT:
                fields = r.get("fields") or []
                server = r.get("server") or {}
                _problem(session, entry, "conflict", "同一字段在服务器上也被修改，已保留服务器的值",
                         {"fields": fields, "mine": {f: entry.payload.get("fields", {}).get(f)
                                                     for f in fields},
                          "server": {f: server.get(f) for f in fields}})
                tally.conflict += status != p.DUPLICATE
            elif status != p.DUPLICATE:
                tally.applied += 1
                if r.get("held") and r.get("fields"):  # kept aside for a supervisor
                    _problem(session, entry, "conflict", r.get("reason"),
                             {"fields": r["fields"], "held": True})
        _confirm(session, confirmed)
        for chunk in range(0, len(done), 500):
            session.execute(delete(OutboxEntry).where(
                OutboxEntry.change_id.in_(done[chunk:chunk + 500]))
                .execution_options(synchronize_session=False))
    return tally


def _rejected(session: Any, entry: OutboxEntry, reason: str) -> set[str]:
    """Keep a rejected change as a problem to show; an action is marked rejected.

    A rejected insert takes the later changes to the same record with it: the
    server will never know that record, so they could only wait forever.
    """
    _problem(session, entry, "rejected", reason, {"payload": entry.payload})
    if entry.entity == "issue_action":
        action = session.get(IssueAction, entry.record_id)
        if action is not None:
            action.sync_state, action.rejected_reason = "rejected", reason
    if entry.op not in ("insert", "append"):
        return set()
    later = session.scalars(select(OutboxEntry).where(
        OutboxEntry.entity == entry.entity, OutboxEntry.record_id == entry.record_id,
        OutboxEntry.seq > entry.seq)).all()
    for follower in later:
        _problem(session, follower, "rejected", "该记录的新增已被服务器拒绝",
                 {"payload": follower.payload})
        session.delete(follower)
    return {f.change_id for f in later}
