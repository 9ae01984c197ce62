"""Settling conflicts: per field, a supervisor keeps the server's value, takes the device's
or writes another; the record gets a new revision that every device in scope pulls.

A resolution is checked like any write (inspector.validation, scope, references) and
refuses to guess: a conflict already settled, or a record changed since the supervisor
looked at it, gets a 409 with the reason and changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from inspector import validation
from inspector.errors import ValidationError
from inspector.models import ENTITIES, Synced, utcnow
from inspector.roles import sees_restricted
from inspector.services.recording import row_dict, wire_value
from sync import protocol as p

from . import pull, scope
from .apply import Context, Refused, same_value, write_fields
from .deps import fail
from .feed import Revisions, settle
from .models import Conflict, User

SERVER, DEVICE, EDITED, SUPERSEDED = "server", "device", "edited", "superseded"
_CLEAN = {"household": validation.clean_household, "resident": validation.clean_resident}


def _visible(user: User, conflict: Conflict) -> bool:
    """A clash on a restricted field shows its values: only to roles that may see them."""
    return sees_restricted(user.role) or conflict.field not in p.RESTRICTED_FIELDS.get(
        conflict.entity, ())


def _title(record: dict[str, Any]) -> str:
    """A few words that name the record for the list (a person's or a place's name,
    a household's address)."""
    return str(record.get("name") or record.get("address") or "")


def open_conflicts(session: Session, user: User) -> list[dict[str, Any]]:
    """Open conflicts on records now in the caller's grids, oldest first, each with the
    field's current value and the record's revision (to send back with a resolution)."""
    rows = [r for r in session.scalars(
        select(Conflict).where(Conflict.resolved_at.is_(None),
                               scope.feed_filter(user, Conflict.grid_id))
        .order_by(Conflict.created_at, Conflict.id)) if _visible(user, r)]
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        wanted[row.entity].add(row.record_id)
    records = {entity: pull.load(session, user, entity, ids) for entity, ids in wanted.items()}
    out = []
    for row in rows:
        record = records[row.entity].get(row.record_id)
        index = session.get(scope.RecordIndex, (row.entity, row.record_id))
        if record is None or index is None or not scope.may_read(user, index.grid_id):
            continue  # removed or moved away since: nothing here to settle
        out.append({c.name: getattr(row, c.name) for c in Conflict.__table__.columns}
                   | {"current_value": record.get(row.field), "record_rev": record["server_rev"],
                      "title": _title(record)})
    return out


def _normalized(entity: str, obj: Synced, take: dict[str, Any]) -> dict[str, Any]:
    """Chosen values as a form would save them (a phone tidied, gender and birth date
    following a corrected ID number); a bad value is refused naming its field."""
    clean = _CLEAN.get(entity)
    if clean is None:
        return take
    try:
        cleaned = clean({**row_dict(obj), **take})
    except ValidationError as exc:
        fail(422, "invalid", "；".join(str(e) for e in exc.errors))
    except (TypeError, ValueError, AttributeError):
        fail(422, "invalid", "所选的值格式不正确")
    out = {key: wire_value(cleaned.get(key, value)) for key, value in take.items()}
    if "id_number" in take:
        out |= {"gender": cleaned["gender"], "birth_date": wire_value(cleaned["birth_date"])}
    return out


def resolve(session: Session, user: User, record_rev: int,
            choices: list[tuple[str, str, Any]]) -> dict[str, Any]:
    """Apply (conflict id, take, edited value) choices, all on one record seen at
    `record_rev`; returns the record's new revision and the conflicts now settled."""
    revs = Revisions(session)
    ids = [conflict_id for conflict_id, _, _ in choices]
    if len(set(ids)) != len(ids):
        fail(422, "invalid", "同一个冲突只能选择一次")
    rows = {r.id: r for r in session.scalars(
        select(Conflict).where(Conflict.id.in_(ids)).with_for_update())}
    if len(rows) != len(ids) or not all(
            _visible(user, r) and scope.may_write(user, r.grid_id) for r in rows.values()):
        fail(404, "not_found", "冲突不存在或不在您负责的网格范围内")
    if len({(r.entity, r.record_id) for r in rows.values()}) != 1:
        fail(422, "invalid", "一次只能处理同一条记录上的冲突")
    for row in rows.values():
        if row.resolved_at is not None:
            fail(409, "already_resolved",
                 f"该冲突已由 {row.resolved_by} 于 {row.resolved_at:%Y-%m-%d %H:%M} 处理")
    first = next(iter(rows.values()))
    entity, record_id = first.entity, first.record_id
    # The record's row lock: a push editing it waits, or has committed and moved its rev.
    index = session.get(scope.RecordIndex, (entity, record_id), with_for_update=True)
    if index is None or index.deleted:
        fail(409, "gone", "该记录已在服务器上删除，冲突无需再处理")
    if not scope.may_write(user, index.grid_id):
        fail(404, "not_found", "冲突不存在或不在您负责的网格范围内")
    obj = session.get(ENTITIES[entity], record_id)
    if obj.server_rev != record_rev:
        fail(409, "changed", "冲突之后该记录又被修改过，请刷新后按最新的值重新选择")
    current = row_dict(obj)
    take: dict[str, Any] = {}
    for conflict_id, how, value in choices:
        row = rows[conflict_id]
        chosen = {SERVER: current.get(row.field), DEVICE: row.device_value, EDITED: value}[how]
        if row.field in take and not same_value(take[row.field], chosen):
            fail(422, "invalid", f"字段 {row.field} 选择了两个不同的值")
        take[row.field] = chosen
    ctx = Context(session, user, device_id="", revs=revs)
    try:
        rev = write_fields(ctx, entity, obj, _normalized(entity, obj, take))
    except Refused as exc:
        fail(422, "invalid", str(exc))
    except (scope.Unknown, scope.Gone):
        fail(422, "invalid", "所选的值引用了服务器上没有的记录")
    except OperationalError:
        raise
    except DBAPIError:
        fail(409, "clash", "所选的值与服务器上的其他记录冲突（例如身份证号已被占用）")
    now = utcnow()
    settled = list(rows.values()) + list(session.scalars(select(Conflict).where(
        Conflict.entity == entity, Conflict.record_id == record_id,
        Conflict.field.in_(sorted(take)), Conflict.resolved_at.is_(None),
        Conflict.id.not_in(ids))))
    for row in settled:
        how = next((h for cid, h, _ in choices if cid == row.id), SUPERSEDED)
        row.resolved_at, row.resolved_by, row.resolution = now, user.username, how
    settle(revs, entity, record_id, index.grid_id, sorted(take), "resolved", user.username)
    revs.allocate()  # the answer carries the record's real revision
    return {"record_rev": revs.real(rev), "resolved": sorted(r.id for r in settled)}
