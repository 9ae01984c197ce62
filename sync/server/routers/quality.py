"""Data-quality checks: one ID number on two records, one person registered in two grids."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from inspector.roles import ADMIN, SUPERVISOR

from .. import quality
from ..deps import DbDep, require_role
from ..models import User
from ..schemas import (
    DismissOut,
    GroupIn,
    GroupKind,
    GroupOut,
    GroupPageOut,
    KeepIn,
    KeepOut,
    Problem,
)

router = APIRouter(prefix="/quality/duplicates", tags=["quality"])
Overseer = Depends(require_role(SUPERVISOR, ADMIN))
REFUSALS = {403: {"model": Problem}, 404: {"model": Problem}, 409: {"model": Problem},
            422: {"model": Problem}}


@router.get("", response_model=GroupPageOut)
def list_groups(db: DbDep, kind: GroupKind, user: User = Overseer,
                limit: Annotated[int, Query(ge=1, le=200)] = 50,
                offset: Annotated[int, Query(ge=0, le=10**9)] = 0) -> GroupPageOut:
    """Groups of one kind that touch the caller's grids; members elsewhere without details."""
    with db.session() as session:
        groups, next_offset = quality.groups(session, user, kind, limit, offset)
    return GroupPageOut(groups=[GroupOut(**g) for g in groups], next_offset=next_offset)


@router.post("/keep", response_model=KeepOut, responses=REFUSALS)
def keep_one(body: KeepIn, db: DbDep, user: User = Overseer) -> KeepOut:
    """Keep one record of a group and remove the others (the devices learn on their next
    pull). `record_ids` is the group as the caller saw it: 409 if it changed since."""
    with db.transaction() as session:
        return KeepOut(**quality.keep(session, user, body.kind, body.record_ids, body.keep))


@router.post("/dismiss", response_model=DismissOut, responses=REFUSALS)
def dismiss(body: GroupIn, db: DbDep, user: User = Overseer) -> DismissOut:
    """Look-alikes that are different people: the group stops showing while it stays."""
    with db.transaction() as session:
        return DismissOut(group_id=quality.dismiss(session, user, body.kind, body.record_ids))
