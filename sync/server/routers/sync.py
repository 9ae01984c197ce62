"""Push, pull and the drift check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from inspector.models import ENTITIES, utcnow
from sync import protocol as p

from .. import pull
from ..deps import DbDep, UserDep, fail
from ..models import DeviceHealth
from ..push import BatchMismatch, apply_batch
from ..schemas import (
    DigestOut,
    HealthIn,
    IdsOut,
    Problem,
    PullOut,
    PushIn,
    PushOut,
    RecordsIn,
    RecordsOut,
)

router = APIRouter(prefix="/sync", tags=["sync"])


def _entity(name: str) -> str:
    if name not in ENTITIES:
        fail(422, "unknown_entity", f"未知的记录类型（entity）：{name}")
    return name


@router.post("/push", response_model=PushOut, responses={409: {"model": Problem}})
def push(body: PushIn, db: DbDep, user: UserDep) -> PushOut:
    changes = [c.model_dump() for c in body.changes]
    try:
        receipts = apply_batch(db, user, body.device_id, body.batch_id, changes)
    except BatchMismatch:
        fail(409, "batch_mismatch", "该批次编号已被其他设备使用（batch_id）")
    return PushOut(batch_id=body.batch_id, receipts=receipts)


@router.get("/pull", response_model=PullOut)
def pull_changes(db: DbDep, user: UserDep,
                 cursor: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,  # a BIGINT revision
                 limit: Annotated[int, Query(ge=1, le=p.MAX_PULL_PAGE)] = 500) -> PullOut:
    with db.session() as session:
        return PullOut(**pull.pull_page(session, user, cursor, limit))


@router.get("/digest", response_model=DigestOut)
def digest(db: DbDep, user: UserDep) -> DigestOut:
    with db.session() as session:
        return DigestOut(entities=pull.digests(session, user))


@router.get("/ids", response_model=IdsOut)
def ids(db: DbDep, user: UserDep, entity: Annotated[str, Query(max_length=24)]) -> IdsOut:
    with db.session() as session:
        return IdsOut(entity=entity, ids=pull.ids(session, user, _entity(entity)))


@router.post("/records", response_model=RecordsOut)
def records(body: RecordsIn, db: DbDep, user: UserDep) -> RecordsOut:
    with db.session() as session:
        found = pull.records(session, user, _entity(body.entity), body.ids)
    return RecordsOut(entity=body.entity, records=found)


@router.post("/health", status_code=204)
def report_health(body: HealthIn, db: DbDep, user: UserDep) -> None:
    """A device says how its queue stands, so supervisors see who is falling behind."""
    with db.transaction() as session:
        row = session.get(DeviceHealth, body.device_id)
        if row is not None and row.username != user.username:
            fail(409, "device_taken", "该设备编号属于另一个账号（device_id）")
        if row is None:
            row = DeviceHealth(device_id=body.device_id, username=user.username)
            session.add(row)
        row.queue_depth = body.queue_depth
        row.oldest_unsent_at = body.oldest_unsent_at
        row.last_error = body.last_error
        row.last_success_at = body.last_success_at
        row.app_version = body.app_version
        row.reported_at = utcnow()
