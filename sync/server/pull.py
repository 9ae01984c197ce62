"""Reading the change feed, and the digests that let a device check it holds the same."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import ENTITIES, Photo
from inspector.services.recording import wire_value
from sync import protocol as p

from . import scope
from .models import FeedEntry, RecordIndex, Settlement, User

# Bookkeeping columns a device keeps for itself; `server_rev` travels, the rest does not.
_LOCAL_ONLY = frozenset({"version", "created_at", "updated_at"})


def _photo_metas(session: Session, hashes: set[str]) -> dict[str, dict[str, Any]]:
    found = {}
    for chunk in _chunks(sorted(hashes)):
        for photo in session.scalars(select(Photo).where(Photo.sha256.in_(chunk))):
            found[photo.sha256] = {
                "sha256": photo.sha256, "width": photo.width, "height": photo.height,
                "size": photo.size, "lat": photo.lat, "lon": photo.lon,
                "taken_at": photo.taken_at.isoformat() if photo.taken_at else None}
    return found


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[start:start + 500] for start in range(0, len(values), 500)]


def load(session: Session, user: User, entity: str, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Current copies as `user` may receive them: wire values, server revision, and for a
    photo link its photo's details. Read with plain selects: a first pull reads a lot."""
    if entity == p.SETTLEMENT:
        return _settlements(session, user, ids)
    table = ENTITIES[entity].__table__
    columns = [c for c in table.c if c.name not in _LOCAL_ONLY]
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(sorted(ids)):
        for row in session.execute(select(*columns).where(table.c.id.in_(chunk))).mappings():
            data = {key: wire_value(value) for key, value in row.items()}
            found[data["id"]] = p.strip_restricted(entity, user.role, data)
    if entity == "photo_link" and found:
        metas = _photo_metas(session, {d["photo_sha256"] for d in found.values()})
        for data in found.values():
            data["photo"] = metas.get(data["photo_sha256"])
    return found


def _settlements(session: Session, user: User, ids: set[str]) -> dict[str, dict[str, Any]]:
    """Settlement notes as devices receive them: which record, which fields, how, by whom.
    A restricted field is not named to a role that may not see it (that it was in
    dispute says the record has some)."""
    found = {}
    for chunk in _chunks(sorted(ids)):
        for note in session.scalars(select(Settlement).where(Settlement.id.in_(chunk))):
            fields = list(p.strip_restricted(note.entity, user.role, dict.fromkeys(note.fields)))
            found[note.id] = {"id": note.id, "entity": note.entity, "record_id": note.record_id,
                              "fields": fields, "outcome": note.outcome,
                              "settled_by": note.settled_by,
                              "settled_at": wire_value(note.settled_at)}
    return found


def _current_grids(session: Session, wanted: dict[str, set[str]]
                   ) -> dict[tuple[str, str], str | None]:
    """Each record's grid now, which may differ from the grid of an older feed entry."""
    found: dict[tuple[str, str], str | None] = {}
    for entity, ids in wanted.items():
        for chunk in _chunks(sorted(ids)):
            for record_id, grid_id in session.execute(
                    select(RecordIndex.record_id, RecordIndex.grid_id).where(
                        RecordIndex.entity == entity, RecordIndex.record_id.in_(chunk))):
                found[(entity, record_id)] = grid_id
    return found


def pull_page(session: Session, user: User, cursor: int, limit: int) -> dict[str, Any]:
    """The changes in `user`'s scope after `cursor`, oldest first, at most `limit` feed entries.

    The record data is its current state; a record changed several times since
    the cursor comes once per change, which the device applies idempotently.
    """
    limit = max(1, min(limit, p.MAX_PULL_PAGE))
    rows = session.execute(
        select(FeedEntry).where(FeedEntry.rev > cursor, scope.feed_filter(user, FeedEntry.grid_id))
        .order_by(FeedEntry.rev).limit(limit + 1)).scalars().all()
    more = len(rows) > limit
    rows = rows[:limit]
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.op == p.UPSERT:
            wanted[row.entity].add(row.record_id)
    loaded = {entity: load(session, user, entity, ids) for entity, ids in wanted.items()}
    grids = _current_grids(session, wanted) if scope.grids(user) is not None else {}
    changes: list[dict[str, Any]] = []
    for row in rows:
        item: dict[str, Any] = {"rev": row.rev, "entity": row.entity, "id": row.record_id,
                                "op": row.op}
        if row.op == p.UPSERT:
            data = loaded[row.entity].get(row.record_id)
            if data is None:
                continue  # deleted since; its delete entry follows later in the feed
            if not scope.may_read(user, grids.get((row.entity, row.record_id), row.grid_id)):
                continue  # moved since out of the user's grids; its evict entry follows
            item["data"] = data
        changes.append(item)
    return {"changes": changes, "cursor": rows[-1].rev if rows else cursor, "more": more}


def _index_rows(session: Session, user: User, entity: str) -> list[tuple[str, int]]:
    return [(r.record_id, r.rev) for r in session.execute(
        select(RecordIndex.record_id, RecordIndex.rev)
        .where(RecordIndex.entity == entity, RecordIndex.deleted.is_(False),
               scope.feed_filter(user, RecordIndex.grid_id))
        .order_by(RecordIndex.record_id))]


def digests(session: Session, user: User) -> dict[str, dict[str, Any]]:
    out = {}
    for entity in ENTITIES:
        rows = _index_rows(session, user, entity)
        out[entity] = {"count": len(rows), "digest": p.digest_of(rows)}
    return out


def ids(session: Session, user: User, entity: str) -> list[tuple[str, int]]:
    return _index_rows(session, user, entity)


def records(session: Session, user: User, entity: str, wanted: list[str]) -> list[dict[str, Any]]:
    """Current copies of the given records that lie in `user`'s scope (others are left out)."""
    visible = []
    for record_id, data in load(session, user, entity, set(wanted)).items():
        index = session.get(RecordIndex, (entity, record_id))
        if index is not None and not index.deleted and scope.may_read(user, index.grid_id):
            visible.append(data)
    return visible
