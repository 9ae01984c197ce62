"""The register review log: what workers and staff changed, for supervisors to check.

Every register change the server applies from a worker's or staff member's device
leaves one row: who, which device, when, which record, which fields. Names only,
never values: the list shows the record as it is now, as the caller may see it.
A supervisor marks rows reviewed (with an optional note) or returns one: the
person who made the change gets a revisit task with the note on their next sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector.models import Resident, Task, new_id, utcnow
from inspector.roles import STAFF, WORKER
from sync import protocol as p

from . import pull, scope
from .deps import fail
from .feed import Revisions, publish
from .models import RegisterChange, User

if TYPE_CHECKING:
    from .apply import Context

NEW, REVIEWED, RETURNED = "new", "reviewed", "returned"
STATES = (NEW, REVIEWED, RETURNED)
LOGGED_ROLES = frozenset({WORKER, STAFF})
_NAMES = {"household": "住户", "resident": "人员", "building": "楼栋", "place": "单位场所"}


def log(ctx: Context, entity: str, record_id: str, op: str, grid_id: str | None,
        fields: list[str], rev: int | None) -> None:
    """One applied change, if it touches the register and comes from the field."""
    if entity in p.REGISTER and ctx.user.role in LOGGED_ROLES:
        ctx.session.add(RegisterChange(username=ctx.user.username, device_id=ctx.device_id,
                                       entity=entity, record_id=record_id, op=op,
                                       grid_id=grid_id, fields=fields, rev=rev))


@dataclass(frozen=True)
class Filters:
    state: str | None = NEW  # None: every state
    grid_id: str | None = None
    username: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def changes(session: Session, user: User, filters: Filters, limit: int,
            offset: int) -> tuple[list[dict[str, Any]], int]:
    """A page of logged changes in the caller's grids, newest first, each with its record
    as it is now (None once removed), and how many match in all."""
    where = [scope.feed_filter(user, RegisterChange.grid_id)]
    if filters.state is not None:
        where.append(RegisterChange.state == filters.state)
    if filters.grid_id is not None:
        where.append(RegisterChange.grid_id == filters.grid_id)
    if filters.username is not None:
        where.append(RegisterChange.username == filters.username)
    if filters.since is not None:
        where.append(RegisterChange.at >= filters.since)
    if filters.until is not None:
        where.append(RegisterChange.at < filters.until)
    total = session.scalar(select(func.count()).select_from(RegisterChange).where(*where))
    rows = session.scalars(select(RegisterChange).where(*where)
                           .order_by(RegisterChange.at.desc(), RegisterChange.id)
                           .limit(limit).offset(offset)).all()
    wanted: dict[str, set[str]] = {}
    for row in rows:
        wanted.setdefault(row.entity, set()).add(row.record_id)
    records = {entity: pull.load(session, user, entity, ids) for entity, ids in wanted.items()}
    out = [{c.name: getattr(row, c.name) for c in RegisterChange.__table__.columns}
           | {"record": records[row.entity].get(row.record_id)} for row in rows]
    return out, total or 0


def _open_rows(session: Session, user: User, ids: list[str]) -> list[RegisterChange]:
    """The rows asked for, all in the caller's grids and none settled yet (else 404/409)."""
    rows = session.scalars(select(RegisterChange).where(RegisterChange.id.in_(ids))
                           .with_for_update()).all()
    if len(rows) != len(set(ids)) or not all(scope.may_write(user, r.grid_id) for r in rows):
        fail(404, "not_found", "修改记录不存在或不在您负责的网格范围内")
    for row in rows:
        if row.state != NEW:
            done = "已退回" if row.state == RETURNED else "已审核"
            fail(409, "already_reviewed",
                 f"该修改已由 {row.reviewed_by} 于 {row.reviewed_at:%Y-%m-%d %H:%M} {done}")
    return rows


def mark_reviewed(session: Session, user: User, ids: list[str], note: str | None) -> int:
    rows = _open_rows(session, user, ids)
    now = utcnow()
    for row in rows:
        row.state, row.reviewed_by, row.reviewed_at, row.note = (
            REVIEWED, user.username, now, note or None)
    return len(rows)


def send_back(session: Session, user: User, change_id: str, note: str) -> str:
    """Return a change to the person who made it: a revisit task in their grid with the
    note as its title, which their device receives on the next pull. Returns the task id."""
    revs = Revisions(session)
    (row,) = _open_rows(session, user, [change_id])
    household_id = None
    if row.entity == "household" and not _gone(session, "household", row.record_id):
        household_id = row.record_id
    elif row.entity == "resident":
        resident = session.get(Resident, row.record_id)
        household_id = resident.household_id if resident is not None else None
    task_id = new_id()
    session.add(Task(id=task_id, kind="revisit_household", assignee=row.username,
                     grid_id=row.grid_id, household_id=household_id,
                     title=f"核实{_NAMES[row.entity]}登记：{note}"[:100],
                     server_rev=publish(revs, "task", task_id, row.grid_id, new=True)))
    row.state, row.reviewed_by, row.reviewed_at, row.note, row.task_id = (
        RETURNED, user.username, utcnow(), note, task_id)
    return task_id


def _gone(session: Session, entity: str, record_id: str) -> bool:
    index = session.get(scope.RecordIndex, (entity, record_id))
    return index is None or index.deleted
