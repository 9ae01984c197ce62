"""Devices' audit chains: uploaded with sync (the device named by the login's token), and
the devices whose chain is broken, for supervisors and administrators."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, model_validator

from inspector.audit_chain import REASONS
from inspector.roles import ADMIN, SUPERVISOR
from sync import protocol as p

from .. import device_audit, scope
from ..deps import DbDep, LoginDep, client_address, fail, require_role
from ..models import User
from ..schemas import Problem, Sha, UtcTime
from .device import _device

router = APIRouter(tags=["audit"])

Name = Annotated[str, Field(min_length=1, max_length=24)]


class AuditEntryIn(BaseModel):
    """One entry as the device sealed it (inspector.audit_chain.to_wire)."""

    seq: Annotated[int, Field(ge=1, le=2**31 - 1)]  # an INTEGER column
    at: UtcTime
    actor: Annotated[str, Field(min_length=1, max_length=64)]
    device_id: Annotated[str, Field(min_length=1, max_length=36)]
    action: Name
    entity: Name
    record_id: Annotated[str, Field(min_length=1, max_length=36)]
    fields: Annotated[list[Annotated[str, Field(max_length=64)]] | None,
                      Field(max_length=500)] = None
    prev_hash: Sha
    hash: Sha


class AuditIn(BaseModel):
    entries: Annotated[list[AuditEntryIn], Field(max_length=p.MAX_AUDIT_BATCH)]

    @model_validator(mode="after")
    def _in_order(self) -> AuditIn:
        seqs = [e.seq for e in self.entries]
        if any(b <= a for a, b in zip(seqs, seqs[1:], strict=False)):
            raise ValueError("审计条目须按序号（seq）递增排列，且不重复")
        return self


class AuditOut(BaseModel):
    stored: int
    duplicate: int
    last_seq: int
    broken_seq: int | None
    broken_reason: str | None


class BrokenChainOut(BaseModel):
    device_id: str
    username: str
    last_seq: int
    broken_seq: int
    broken_reason: str
    message: str
    updated_at: datetime


@router.post("/sync/audit", response_model=AuditOut,
             responses={403: {"model": Problem}, 409: {"model": Problem}})
def upload(body: AuditIn, request: Request, login: LoginDep, db: DbDep) -> AuditOut:
    """Entries of this login's device, stored and checked; a break is flagged, not refused."""
    device_id = _device(login)
    try:
        receipt = device_audit.receive(db, login.user.username, device_id,
                                       [e.model_dump() for e in body.entries],
                                       client_address(request))
    except device_audit.DeviceTaken:
        fail(409, "device_taken", "该设备编号属于另一个账号（device_id）")
    return AuditOut(**vars(receipt))


@router.get("/audit/broken", response_model=list[BrokenChainOut])
def broken(db: DbDep, user: Annotated[User, Depends(require_role(SUPERVISOR, ADMIN))],
           ) -> list[BrokenChainOut]:
    """Devices whose audit chain is broken (a supervisor's: of people in their grids)."""
    with db.session() as session:
        rows = device_audit.broken_chains(session, scope.grids(user))
    return [BrokenChainOut(device_id=r.device_id, username=r.username, last_seq=r.last_seq,
                           broken_seq=r.broken_seq, broken_reason=r.broken_reason,
                           message=REASONS[r.broken_reason], updated_at=r.updated_at)
            for r in rows]
