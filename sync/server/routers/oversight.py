"""What supervisors watch and settle: device sync health, and conflicts in their grids."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy import select

from inspector.roles import ADMIN, SUPERVISOR

from .. import resolve, scope
from ..deps import DbDep, require_role
from ..models import DeviceHealth, User
from ..schemas import ConflictOut, DeviceHealthOut, Problem, ResolveIn, ResolveOut

router = APIRouter(tags=["oversight"])
Overseer = Depends(require_role(SUPERVISOR, ADMIN))
REFUSALS = {404: {"model": Problem}, 409: {"model": Problem}, 422: {"model": Problem}}


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
    """Open conflicts on records in the caller's grids, with each field's value now."""
    with db.session() as session:
        return [ConflictOut(**row) for row in resolve.open_conflicts(session, user)]


@router.post("/conflicts/resolve", response_model=ResolveOut, responses=REFUSALS)
def resolve_conflicts(body: ResolveIn, db: DbDep, user: User = Overseer) -> ResolveOut:
    """Settle conflicts of one record: per conflict keep the server's value, take the
    device's or give an edited one. 409 if one is settled already or the record changed
    since `record_rev`; 422 if the value would not pass the record's checks."""
    with db.transaction() as session:
        return ResolveOut(**resolve.resolve(session, user, body.record_rev, [
            (c.conflict_id, c.take, c.value) for c in body.choices]))
