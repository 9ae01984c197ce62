"""Data-quality checks on the register: one ID number twice, and one person in two grids.

- `id_number`: a resident pushed with an ID number that a live resident already has is
  held aside (apply.py); each such number makes a group of the live record and the
  held ones, in whatever grids they are.
- `name_birth`, `name_phone`: the same name with the same birth date, or with the same
  phone, living in households of two different grids. Every ID number on the server has
  passed its checksum, so a second registration shows up as a near-identical person
  with another number.

Groups come from GROUP BY on indexed columns (id_number; name with birth date or phone,
see models.SERVER_INDEXES); for a supervisor the search starts from the residents of
their grids, so its cost follows their grids, not the district (1.5M residents on
PostgreSQL: a page in about 0.1 s for a supervisor, 0.3-2.5 s district-wide). A member
outside the caller's grids is shown as "registered in another grid" with that grid's
name only, never with its details.

A group is settled by keeping one record and removing the others (tombstones in the
feed; a held record that is kept joins the register), or, for look-alikes, by saying
they are different people: a dismissal, which lapses when the group changes.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, tuple_
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, aliased

from inspector.models import Area, Household, Resident
from inspector.services.recording import wire_value
from sync.wire import from_wire

from . import scope
from .apply import Context, Refused, add_record, remove_record
from .deps import fail
from .feed import Revisions, publish, settle
from .models import Dismissal, HeldResident, RecordIndex, User

ID_NUMBER, NAME_BIRTH, NAME_PHONE = "id_number", "name_birth", "name_phone"
KINDS = (ID_NUMBER, NAME_BIRTH, NAME_PHONE)
_SECOND = {NAME_BIRTH: "birth_date", NAME_PHONE: "phone"}  # with the name, the look-alike key
_DETAILS = ("name", "id_number", "birth_date", "phone", "household_id")


def group_id(kind: str, record_ids: list[str]) -> str:
    """A group's name: its kind and members (no personal data), stable while they are."""
    return hashlib.sha256(f"{kind}|{','.join(sorted(record_ids))}".encode()).hexdigest()


def _living(table: Any, kind: str) -> list[Any]:
    """Residents a look-alike check considers: in a household (and with a phone, by phone)."""
    where = [table.household_id.is_not(None)]
    if kind == NAME_PHONE:
        where.append(table.phone.is_not(None))
    return where


def _key(table: Any, kind: str) -> tuple[Any, Any]:
    return table.name, getattr(table, _SECOND[kind])


# --- finding ---------------------------------------------------------------------------


def _held_numbers(session: Session, user: User, limit: int, offset: int) -> list[str]:
    query = select(HeldResident.id_number).distinct()
    allowed = scope.grids(user)
    if allowed is not None:
        mine = sorted(allowed)
        query = query.where(or_(HeldResident.grid_id.in_(mine), exists().where(
            Resident.id_number == HeldResident.id_number, Resident.grid_id.in_(mine))))
    return list(session.scalars(query.order_by(HeldResident.id_number)
                                .limit(limit).offset(offset)))


def _look_alike_keys(session: Session, user: User, kind: str, limit: int,
                     offset: int) -> list[tuple[Any, Any]]:
    columns = _key(Resident, kind)
    query = select(*columns).select_from(Resident).where(*_living(Resident, kind))
    allowed = scope.grids(user)
    if allowed is not None:  # only keys that occur in the caller's grids
        here = aliased(Resident)
        mine = (select(*_key(here, kind)).where(here.grid_id.in_(sorted(allowed)),
                                                 *_living(here, kind)).distinct().subquery())
        query = query.join(mine, and_(*(c == m for c, m in zip(columns, mine.c, strict=True))))
    query = (query.group_by(*columns).having(func.count(Resident.grid_id.distinct()) > 1)
             .order_by(*columns).limit(limit).offset(offset))
    return [tuple(row) for row in session.execute(query)]


def _live_member(resident: Resident) -> dict[str, Any]:
    return {"record_id": resident.id, "grid_id": resident.grid_id, "held": False,
            "registered_by": None} | {k: wire_value(getattr(resident, k)) for k in _DETAILS}


def _held_member(held: HeldResident) -> dict[str, Any]:
    return {"record_id": held.record_id, "grid_id": held.grid_id, "held": True,
            "registered_by": held.username} | {k: held.data.get(k) for k in _DETAILS}


def _members(session: Session, kind: str, keys: list[Any]) -> dict[Any, list[dict[str, Any]]]:
    """Each key's members, in a stable order (records on the server first)."""
    found: dict[Any, list[dict[str, Any]]] = {key: [] for key in keys}
    if not keys:
        return found
    if kind == ID_NUMBER:
        for resident in session.scalars(select(Resident).where(Resident.id_number.in_(keys))):
            found[resident.id_number].append(_live_member(resident))
        for held in session.scalars(select(HeldResident).where(HeldResident.id_number.in_(keys))
                                    .order_by(HeldResident.received_at)):
            found[held.id_number].append(_held_member(held))
        return found
    columns = _key(Resident, kind)
    for resident in session.scalars(select(Resident).where(
            tuple_(*columns).in_(keys), *_living(Resident, kind)).order_by(Resident.id)):
        found[(resident.name, getattr(resident, _SECOND[kind]))].append(_live_member(resident))
    return found


def _addresses(session: Session, household_ids: set[str]) -> dict[str, str]:
    if not household_ids:
        return {}
    return dict(session.execute(select(Household.id, Household.address)
                                .where(Household.id.in_(sorted(household_ids)))).all())


def _shown(user: User, member: dict[str, Any], grid_names: dict[str, str],
           addresses: dict[str, str]) -> dict[str, Any]:
    """A member as the caller may see it: outside their grids, only that it exists and where."""
    base = {"record_id": member["record_id"], "grid_id": member["grid_id"],
            "grid_name": grid_names.get(member["grid_id"], ""), "held": member["held"]}
    if not scope.may_read(user, member["grid_id"]):
        return base | {"visible": False}
    return member | base | {"visible": True,
                            "address": addresses.get(member.get("household_id") or "")}


def groups(session: Session, user: User, kind: str, limit: int,
           offset: int) -> tuple[list[dict[str, Any]], int | None]:
    """A page of groups of `kind` that touch the caller's grids, and the offset of the
    next page (None at the end). Dismissed groups are left out, so a page may be short."""
    if kind == ID_NUMBER:
        keys: list[Any] = _held_numbers(session, user, limit + 1, offset)
    else:
        keys = _look_alike_keys(session, user, kind, limit + 1, offset)
    more = len(keys) > limit
    keys = keys[:limit]
    members = _members(session, kind, keys)
    named = {group_id(kind, [m["record_id"] for m in ms]): ms for ms in members.values() if ms}
    dismissed = set(session.scalars(select(Dismissal.group_id).where(
        Dismissal.group_id.in_(sorted(named))))) if named else set()
    everyone = [m for ms in named.values() for m in ms]
    grid_names = dict(session.execute(select(Area.id, Area.name).where(
        Area.id.in_(sorted({m["grid_id"] for m in everyone})))).all()) if everyone else {}
    addresses = _addresses(session, {m["household_id"] for m in everyone if m.get("household_id")
                                     and scope.may_read(user, m["grid_id"])})
    out = [{"group_id": gid, "kind": kind, "grids": len({m["grid_id"] for m in ms}),
            "members": [_shown(user, m, grid_names, addresses) for m in ms]}
           for gid, ms in named.items() if gid not in dismissed]
    return out, (offset + limit if more else None)


# --- settling --------------------------------------------------------------------------


def _current(session: Session, user: User, kind: str, record_ids: list[str]
             ) -> list[dict[str, Any]]:
    """The group as it is now, which must be exactly the records the caller saw."""
    if kind == ID_NUMBER:
        key = session.scalar(select(Resident.id_number).where(Resident.id.in_(record_ids))
                             .limit(1)) or session.scalar(
            select(HeldResident.id_number).where(HeldResident.record_id.in_(record_ids)).limit(1))
    else:
        row = session.execute(select(*_key(Resident, kind)).where(
            Resident.id.in_(record_ids), *_living(Resident, kind)).limit(1)).first()
        key = tuple(row) if row is not None else None
    members = _members(session, kind, [key]).get(key, []) if key is not None else []
    if not any(scope.may_read(user, m["grid_id"]) for m in members):
        fail(404, "not_found", "该组不存在或不在您负责的网格范围内")
    if ({m["record_id"] for m in members} != set(record_ids)
            or (kind != ID_NUMBER and len({m["grid_id"] for m in members}) < 2)):
        fail(409, "changed", "该组在您查看之后有了变化，请刷新后再处理")
    return members


def keep(session: Session, user: User, kind: str, record_ids: list[str],
         keep_id: str) -> dict[str, Any]:
    """Keep one member and remove the others, as new revisions in the feed.

    The members' rows are locked first, then the revision counter (the order every writer
    keeps), so no push changes the group while it is read and settled."""
    ids = sorted(set(record_ids))
    session.scalars(select(RecordIndex).where(
        RecordIndex.entity == "resident", RecordIndex.record_id.in_(ids))
        .order_by(RecordIndex.record_id).with_for_update()).all()
    session.scalars(select(HeldResident).where(HeldResident.record_id.in_(ids))
                    .order_by(HeldResident.record_id).with_for_update()).all()
    revs = Revisions(session)
    revs.lock()
    if keep_id not in record_ids:
        fail(422, "invalid", "要保留的记录不在该组中")
    members = _current(session, user, kind, record_ids)
    changing = [m for m in members if m["record_id"] != keep_id or m["held"]]
    if not all(scope.may_write(user, m["grid_id"]) for m in changing):
        fail(403, "forbidden", "要删除或保留的记录在您负责的网格以外，请联系该网格的监督员")
    ctx = Context(session, user, device_id="", revs=revs)
    try:
        for member in changing:
            if member["record_id"] == keep_id:
                continue
            if member["held"]:
                _drop_held(session, revs, user, member["record_id"], "removed")
            else:
                remove_record(ctx, "resident", Resident, member["record_id"], member["grid_id"])
        kept = next(m for m in members if m["record_id"] == keep_id)
        if kept["held"]:
            held = _drop_held(session, revs, user, keep_id, "kept")
            add_record(ctx, "resident", Resident, from_wire(Resident, held.data), held.grid_id)
    except Refused as exc:
        fail(409, "referenced", str(exc))
    except OperationalError:
        raise
    except DBAPIError:
        fail(409, "clash", "保留的记录与服务器上的其他记录冲突（例如所属住户已删除）")
    return {"kept": keep_id, "removed": len(members) - 1}


def _drop_held(session: Session, revs: Revisions, user: User, record_id: str,
               outcome: str) -> HeldResident:
    """Take a record out of the hold; a removed one leaves a tombstone for its device."""
    held = session.get(HeldResident, record_id)
    session.delete(held)
    session.flush()
    if outcome == "removed":
        publish(revs, "resident", record_id, held.grid_id, deleted=True)
    settle(revs, "resident", record_id, held.grid_id, ["id_number"], outcome, user.username)
    return held


def dismiss(session: Session, user: User, kind: str, record_ids: list[str]) -> str:
    """Say the look-alikes are different people; the group stops showing while it stays."""
    if kind == ID_NUMBER:
        fail(422, "invalid", "同一身份证号只能保留一条人员记录，不能标为不同的人")
    _current(session, user, kind, record_ids)
    gid = group_id(kind, record_ids)
    if session.get(Dismissal, gid) is not None:
        fail(409, "already_dismissed", "该组已标为不是同一人")
    session.add(Dismissal(group_id=gid, kind=kind, record_ids=sorted(record_ids),
                          dismissed_by=user.username))
    return gid
