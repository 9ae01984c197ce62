"""The pull side: server changes into the local store without touching local work.

A page of changes and the new cursor commit in one transaction. Fields with a
change still waiting in the outbox keep their local value (the push will settle
them with the server); a record removed here and not yet confirmed stays removed.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import exists, select, text
from sqlalchemy.orm import Session

from inspector.db import Store
from inspector.models import ENTITIES, OutboxEntry, Photo, SyncCursor, Tombstone
from sync import protocol as p
from sync.wire import from_wire

ALL_FIELDS = "*"


def _pending(session: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """For records in `keys`: the fields with local changes not yet confirmed (`*` = all)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    ids = sorted({record_id for _, record_id in keys})
    for start in range(0, len(ids), 500):
        for entry in session.scalars(select(OutboxEntry).where(
                OutboxEntry.record_id.in_(ids[start:start + 500]))):
            key = (entry.entity, entry.record_id)
            if entry.op == "update":
                out[key] |= set(entry.payload.get("fields", {}))
            else:
                out[key].add(ALL_FIELDS)
    return out


def _ensure_photo(session: Session, meta: dict[str, Any] | None) -> None:
    """A pulled link needs its photo's row; the bytes are fetched later (or on demand)."""
    if not meta or session.get(Photo, meta["sha256"]) is not None:
        return
    session.add(Photo(**from_wire_photo(meta), uploaded=True))
    session.flush()


def from_wire_photo(meta: dict[str, Any]) -> dict[str, Any]:
    taken = meta.get("taken_at")
    return {"sha256": meta["sha256"], "width": meta["width"], "height": meta["height"],
            "size": meta["size"], "lat": meta.get("lat"), "lon": meta.get("lon"),
            "taken_at": datetime.fromisoformat(taken).astimezone(UTC) if taken else None}


def _drop_dangling(session: Session, model: Any, values: dict[str, Any],
                   incoming: set[tuple[str, str]]) -> None:
    """References to records outside this device's scope are kept empty locally."""
    for fk in model.__table__.foreign_keys:
        target = fk.column.table.name
        value = values.get(fk.parent.name)
        if value is None or target == "photo" or (target, value) in incoming:
            continue
        if session.get(ENTITIES[target], value) is None:
            values[fk.parent.name] = None


def apply_changes(session: Session, changes: list[dict[str, Any]]) -> int:
    """Apply feed changes (or repaired records) in order; returns how many took effect."""
    session.execute(text("PRAGMA defer_foreign_keys = ON"))
    incoming = {(c["entity"], c["id"]) for c in changes if c["op"] == p.UPSERT}
    pending = _pending(session, {(c["entity"], c["id"]) for c in changes})
    removed = {(t.entity, t.record_id) for t in session.scalars(select(Tombstone))}
    applied = 0
    for change in changes:
        model = ENTITIES.get(change["entity"])
        if model is None:
            continue  # an entity this version does not know: skip, don't fail
        key = (change["entity"], change["id"])
        local = pending.get(key, set())
        if change["op"] in (p.DELETE, p.EVICT):
            applied += _remove(session, model, change["id"], keep=bool(local))
            continue
        if key in removed or ALL_FIELDS in local:
            continue
        data = change["data"]
        values = from_wire(model, data)
        _drop_dangling(session, model, values, incoming)
        if change["entity"] == "photo_link":
            _ensure_photo(session, data.get("photo"))
        obj = session.get(model, change["id"])
        if obj is None:
            obj = model(**values)
            session.add(obj)
        else:
            for field_name, value in values.items():
                if field_name not in local:
                    setattr(obj, field_name, value)
        obj.server_rev = data.get("server_rev")
        session.flush()
        applied += 1
    return applied


def _referenced(session: Session, table: str, record_id: str) -> bool:
    """Whether any local record points at this one (foreign keys are deferred while pulling)."""
    for model in ENTITIES.values():
        for fk in model.__table__.foreign_keys:
            if fk.column.table.name == table and session.scalar(
                    select(exists().where(fk.parent == record_id))):
                return True
    return False


def _remove(session: Session, model: Any, record_id: str, *, keep: bool) -> int:
    obj = session.get(model, record_id)
    if obj is None or keep:
        return 0
    if _referenced(session, model.__tablename__, record_id):
        return 0  # local work still points at it; the push will settle that with the server
    session.delete(obj)
    session.flush()
    return 1


def cursor_of(store: Store, scope: str) -> int:
    with store.read() as session:
        row = session.get(SyncCursor, scope)
        return int(row.cursor) if row else 0


def apply_page(store: Store, scope: str, page: dict[str, Any]) -> int:
    """One page of the feed and the cursor after it, committed together."""
    with store.write() as session:
        applied = apply_changes(session, page["changes"])
        row = session.get(SyncCursor, scope)
        if row is None:
            session.add(SyncCursor(scope=scope, cursor=str(page["cursor"])))
        else:
            row.cursor = str(page["cursor"])
        return applied
