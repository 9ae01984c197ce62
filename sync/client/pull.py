"""The pull side: server changes into the local store without touching local work.

A page of changes and the new cursor commit in one transaction. Fields with a
change still waiting in the outbox keep their local value (the push will settle
them with the server); a record removed here and not yet confirmed stays removed.

Pages are applied in bulk, one statement per table, parents before children, so
a supervisor's first pull of a whole district takes seconds per page, not a
round of ORM work per record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, exists, insert, select, update
from sqlalchemy.orm import Session

from inspector.db import Store
from inspector.models import (
    AREA_LEVELS,
    ENTITIES,
    Base,
    OutboxEntry,
    Photo,
    SyncCursor,
    Tombstone,
    utcnow,
)
from inspector.search import doc_of, index_docs
from sync import protocol as p
from sync.wire import from_wire

from .problems import settle_problems

ALL_FIELDS = "*"
# Tables in foreign-key order; areas also sort by level (a street after its district).
PARENTS_FIRST = [t.name for t in Base.metadata.sorted_tables if t.name in ENTITIES]
AREA_LEVEL = {level: n for n, level in enumerate(AREA_LEVELS)}
_CHUNK = 500
Key = tuple[str, str]


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _pending(session: Session, keys: set[Key]) -> dict[Key, set[str]]:
    """For records in `keys`: the fields with local changes not yet confirmed (`*` = all)."""
    out: dict[Key, set[str]] = defaultdict(set)
    for ids in _chunks(sorted({record_id for _, record_id in keys})):
        for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.record_id.in_(ids))):
            key = (entry.entity, entry.record_id)
            if entry.op == "update":
                out[key] |= set(entry.payload.get("fields", {}))
            else:
                out[key].add(ALL_FIELDS)
    return out


def _present(session: Session, table: Any, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ids))):
        found.update(session.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
    return found


def photo_row(meta: dict[str, Any]) -> dict[str, Any]:
    taken = meta.get("taken_at")
    return {"sha256": meta["sha256"], "width": meta["width"], "height": meta["height"],
            "size": meta["size"], "lat": meta.get("lat"), "lon": meta.get("lon"),
            "taken_at": datetime.fromisoformat(taken).astimezone(UTC) if taken else None,
            "imported_at": utcnow(), "uploaded": True}


def _ensure_photos(session: Session, metas: list[dict[str, Any]]) -> None:
    """Pulled links need their photos' rows; the bytes are fetched later (or on demand)."""
    wanted = {m["sha256"]: m for m in metas if m}
    if not wanted:
        return
    have: set[str] = set()
    for chunk in _chunks(sorted(wanted)):
        have.update(session.scalars(select(Photo.sha256).where(Photo.sha256.in_(chunk))))
    rows = [photo_row(m) for sha, m in wanted.items() if sha not in have]
    if rows:
        session.execute(insert(Photo), rows)


def _drop_dangling(session: Session, model: Any, rows: list[dict[str, Any]],
                   incoming: set[Key]) -> list[dict[str, Any]]:
    """Rows whose references this device can satisfy.

    A reference to a record outside this device's scope (or removed here and not
    yet confirmed) is kept empty where it may be; a row that cannot exist without
    it is left out, and the drift check offers it again later.
    """
    # (Foreign keys are checked as each statement runs: hence parents first.)
    for fk in model.__table__.foreign_keys:
        target, column = fk.column.table.name, fk.parent.name
        if target == "photo":
            continue
        wanted = {r[column] for r in rows if r.get(column) and (target, r[column]) not in incoming}
        if not wanted:
            continue
        missing = wanted - _present(session, ENTITIES[target].__table__, wanted)
        if not missing:
            continue
        if fk.parent.nullable:
            for r in rows:
                if r.get(column) in missing:
                    r[column] = None
        else:
            rows = [r for r in rows if r.get(column) not in missing]
    return rows


def _upsert(session: Session, entity: str, items: list[dict[str, Any]],
            pending: dict[Key, set[str]], incoming: set[Key]) -> int:
    model = ENTITIES[entity]
    table = model.__table__
    if entity == "area":
        items = sorted(items, key=lambda a: AREA_LEVEL.get(a.get("level"), 0))
    rows = []
    for data in items:
        values = from_wire(model, data)
        values["server_rev"] = data.get("server_rev")
        rows.append(values)
    rows = _drop_dangling(session, model, rows, incoming)
    if entity == "photo_link":
        _ensure_photos(session, [d.get("photo") for d in items])
    existing = _present(session, table, [r["id"] for r in rows])
    now = utcnow()
    fresh = [r | {"version": 1, "created_at": now, "updated_at": now}
             for r in rows if r["id"] not in existing]
    if fresh:
        session.execute(insert(table), fresh)
    plain = [r for r in rows if r["id"] in existing and not pending.get((entity, r["id"]))]
    if plain:
        columns = [k for k in plain[0] if k != "id"]
        statement = (update(table).where(table.c.id == bindparam("_id"))
                     .values({c: bindparam(c) for c in columns} | {"updated_at": now}))
        session.connection().execute(statement, [
            {"_id": r["id"], **{c: r[c] for c in columns}} for r in plain])
    for r in rows:  # records with local edits waiting: keep those fields
        local = pending.get((entity, r["id"]))
        if r["id"] in existing and local:
            obj = session.get(model, r["id"])
            for key, value in r.items():
                if key not in local:
                    setattr(obj, key, value)
    if entity in ("household", "resident"):
        index_docs(session.connection(), (doc_of(entity, r) for r in rows))
    return len(rows)


def apply_changes(session: Session, changes: list[dict[str, Any]]) -> int:
    """Apply feed changes (or repaired records); returns how many took effect.

    Each change carries its record's current state, so only the last change of
    a record in the list matters.
    """
    settle_problems(session, [c["data"] for c in changes
                              if c["entity"] == p.SETTLEMENT and c.get("data")])
    last: dict[Key, dict[str, Any]] = {}
    for change in changes:
        if change["entity"] in ENTITIES:  # an entity this version does not know is skipped
            key = (change["entity"], change["id"])
            last.pop(key, None)
            last[key] = change
    pending = _pending(session, set(last))
    removed = {(t.entity, t.record_id) for t in session.scalars(select(Tombstone))}
    applied = 0
    incoming: set[Key] = set()  # what this call will write, so children may point at it
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    gone: list[Key] = []
    for key, change in last.items():
        if change["op"] in (p.DELETE, p.EVICT):
            gone.append(key)
        elif key not in removed and ALL_FIELDS not in pending.get(key, ()):
            groups[key[0]].append(change["data"])
            incoming.add(key)
    # Children first, so a record whose dependents leave with it can leave too.
    gone.sort(key=lambda k: -PARENTS_FIRST.index(k[0]))
    for key in gone:
        applied += _remove(session, ENTITIES[key[0]], key[1], keep=bool(pending.get(key)))
    for entity in PARENTS_FIRST:
        if entity in groups:
            applied += _upsert(session, entity, groups[entity], pending, incoming)
    session.flush()
    return applied


def _referenced(session: Session, table: str, record_id: str) -> bool:
    """Whether any local record points at this one (it would block the removal)."""
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
