"""What supervisors watch: device sync health and open conflicts in their grids."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import select

from inspector.roles import ADMIN, SUPERVISOR, sees_restricted
from sync import protocol as p

from .. import scope
from ..deps import DbDep, require_role
from ..models import Conflict, DeviceHealth, User
from ..schemas import ConflictOut, DeviceHealthOut

router = APIRouter(tags=["oversight"])
Overseer = Depends(require_role(SUPERVISOR, ADMIN))


@router.get("/devices/health", response_model=list[DeviceHealthOut])
def devices_health(db: DbDep, user: User = Overseer) -> list[DeviceHealthOut]:
    """Devices of the people working in the caller's grids, most behind first."""
    allowed = scope.grids(user)
    with db.session() as session:
        people = {u.username: set(u.grid_ids or ()) for u in session.scalars(select(User))}
        rows = session.scalars(select(DeviceHealth)).all()
    seen = [r for r in rows if allowed is None or people.get(r.username, set()) & allowed]
    seen.sort(key=lambda r: (-r.queue_depth, r.username))
    return [DeviceHealthOut.model_validate(r, from_attributes=True) for r in seen]


@router.get("/conflicts", response_model=list[ConflictOut])
def conflicts(db: DbDep, user: User = Overseer) -> list[ConflictOut]:
    with db.session() as session:
        rows = session.scalars(select(Conflict).where(
            Conflict.resolved_at.is_(None), scope.feed_filter(user, Conflict.grid_id))
            .order_by(Conflict.created_at)).all()
    # A clash on a restricted field shows its values: only to roles that may see them.
    return [ConflictOut.model_validate(r, from_attributes=True) for r in rows
            if sees_restricted(user.role) or r.field not in p.RESTRICTED_FIELDS.get(r.entity, ())]
