"""Register review: changes workers and staff made to the register, for supervisors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from inspector.roles import ADMIN, SUPERVISOR

from .. import review
from ..deps import DbDep, require_role
from ..models import User
from ..schemas import (
    ChangePageOut,
    Id,
    Problem,
    RegisterChangeOut,
    ReturnIn,
    ReturnOut,
    ReviewIn,
    ReviewOut,
    UtcTime,
)

router = APIRouter(prefix="/register/changes", tags=["review"])
Overseer = Depends(require_role(SUPERVISOR, ADMIN))
REFUSALS = {404: {"model": Problem}, 409: {"model": Problem}}


@router.get("", response_model=ChangePageOut)
def list_changes(
    db: DbDep, user: User = Overseer,
    state: Annotated[str, Query(pattern="^(new|reviewed|returned|all)$")] = "new",
    grid_id: Annotated[Id | None, Query()] = None,
    username: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[UtcTime | None, Query()] = None,
    until: Annotated[UtcTime | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> ChangePageOut:
    """Changes in the caller's grids, newest first, each with the record as it is now."""
    filters = review.Filters(None if state == "all" else state, grid_id, username or None,
                             since, until)
    with db.session() as session:
        rows, total = review.changes(session, user, filters, limit, offset)
    return ChangePageOut(changes=[RegisterChangeOut(**r) for r in rows], total=total)


@router.post("/review", response_model=ReviewOut, responses=REFUSALS)
def mark_reviewed(body: ReviewIn, db: DbDep, user: User = Overseer) -> ReviewOut:
    """Mark changes reviewed, all or none: 409 if one was reviewed or returned already."""
    with db.transaction() as session:
        return ReviewOut(reviewed=review.mark_reviewed(session, user, body.ids, body.note))


@router.post("/{change_id}/return", response_model=ReturnOut, responses=REFUSALS)
def send_back(body: ReturnIn, db: DbDep, change_id: Annotated[Id, Path()],
              user: User = Overseer) -> ReturnOut:
    """Return a change to whoever made it: a revisit task with the note reaches them."""
    with db.transaction() as session:
        return ReturnOut(task_id=review.send_back(session, user, change_id, body.note))
