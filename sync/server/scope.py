"""Which grid each record belongs to, and whether a user may read or write there.

A worker sees and writes only their grids; a supervisor the grids they
supervise; an admin everything. Records with no grid (the area tree) are read
by everyone and written by admins only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, true
from sqlalchemy.orm import Session

from inspector.models import ENTITIES
from inspector.roles import ADMIN

from .models import RecordIndex, User

# Records without a grid column take their parent's grid.
PARENTS: dict[str, tuple[str, str]] = {
    "patrol_item": ("patrol", "patrol_id"),
    "visit_need": ("visit", "visit_id"),
    "issue_action": ("issue", "issue_id"),
}


class Unknown(Exception):
    """A record this one depends on has not reached the server (yet)."""


class Gone(Exception):
    """A record this one depends on was deleted on the server."""


def grids(user: User) -> frozenset[str] | None:
    """The user's grids, or None for every grid."""
    return None if user.role == ADMIN else frozenset(user.grid_ids or ())


def may_read(user: User, grid_id: str | None) -> bool:
    allowed = grids(user)
    return grid_id is None or allowed is None or grid_id in allowed


def may_write(user: User, grid_id: str | None) -> bool:
    allowed = grids(user)
    return allowed is None or (grid_id is not None and grid_id in allowed)


def feed_filter(user: User, column: Any) -> ColumnElement[bool]:
    allowed = grids(user)
    if allowed is None:
        return true()
    return or_(column.is_(None), column.in_(sorted(allowed)))


def indexed(session: Session, entity: str, record_id: str) -> RecordIndex:
    """The index row of a record this one depends on; Unknown or Gone if there is none."""
    row = session.get(RecordIndex, (entity, record_id))
    if row is None:
        raise Unknown(entity)
    if row.deleted:
        raise Gone(entity)
    return row


def grid_of(session: Session, entity: str, values: dict[str, Any]) -> str | None:
    """The grid a record with these values belongs to."""
    if entity == "area":
        return None
    if "grid_id" in ENTITIES[entity].__table__.columns:
        return values.get("grid_id")
    if entity == "photo_link":
        return indexed(session, values["entity"], values["record_id"]).grid_id
    parent, column = PARENTS[entity]
    return indexed(session, parent, values[column]).grid_id
