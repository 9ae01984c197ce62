"""Request and response bodies: separate input and output shapes, bounded so bad input
is refused with a 422 that names the field, never a server error."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field

from sync import protocol as p

Id = Annotated[str, Field(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z-]+$")]
Sha = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


def _utc(moment: datetime) -> datetime:
    """A device's time in UTC, as the database stores it; without a zone it is taken as
    UTC (as sync.wire does). One that has no UTC equivalent is refused (422)."""
    try:
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("时间超出范围") from exc


UtcTime = Annotated[datetime, AfterValidator(_utc)]


class Problem(BaseModel):
    code: str
    message: str
    request_id: str | None = None


class HandshakeIn(BaseModel):
    protocol: int
    device_id: Id
    app_version: Annotated[str, Field(max_length=32)] = ""
    demo: bool = False


class HandshakeOut(BaseModel):
    protocol: int
    compatible: list[int]
    server_id: str
    server_name: str
    demo: bool
    server_time: datetime


class LoginIn(BaseModel):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=200)]
    device_id: Id


class UserOut(BaseModel):
    username: str
    display_name: str
    role: str
    grid_ids: list[str]


class LoginOut(BaseModel):
    token: str
    expires_at: datetime
    user: UserOut


class PasswordIn(BaseModel):
    """Lengths are checked by the endpoint, so the refusal can say which field and why."""

    old_password: Annotated[str, Field(max_length=200)]
    new_password: Annotated[str, Field(max_length=1000)]


class DeviceKeyIn(BaseModel):
    key: Annotated[str, Field(max_length=100)]  # base64 of 32 bytes


class DeviceKeyOut(BaseModel):
    key: str
    deposited_at: datetime


class ChangeIn(BaseModel):
    change_id: Id
    entity: Annotated[str, Field(max_length=24)]
    record_id: Id
    op: Literal["insert", "update", "delete", "append"]
    payload: dict[str, Any]
    base_rev: int | None = None


class PushIn(BaseModel):
    device_id: Id
    batch_id: Id
    changes: Annotated[list[ChangeIn], Field(max_length=p.MAX_BATCH_CHANGES)]


class ReceiptOut(BaseModel):
    change_id: str | None
    status: str
    rev: int | None = None
    reason: str | None = None
    original: str | None = None  # for duplicates: what happened the first time
    fields: list[str] | None = None  # for conflicts: the fields the server kept
    server: dict[str, Any] | None = None  # for conflicts: the server's copy
    held: bool | None = None  # a photo link waiting for its photo


class PushOut(BaseModel):
    batch_id: str
    receipts: list[ReceiptOut]


class FeedChange(BaseModel):
    rev: int
    entity: str
    id: str
    op: str
    data: dict[str, Any] | None = None


class PullOut(BaseModel):
    changes: list[FeedChange]
    cursor: int
    more: bool


class EntityDigest(BaseModel):
    count: int
    digest: str


class DigestOut(BaseModel):
    entities: dict[str, EntityDigest]


class IdsOut(BaseModel):
    entity: str
    ids: list[tuple[str, int]]


class RecordsIn(BaseModel):
    entity: Annotated[str, Field(max_length=24)]
    ids: Annotated[list[Id], Field(max_length=p.MAX_PULL_PAGE)]


class RecordsOut(BaseModel):
    entity: str
    records: list[dict[str, Any]]


class MissingIn(BaseModel):
    hashes: Annotated[list[Sha], Field(max_length=1000)]


class MissingOut(BaseModel):
    missing: list[str]


class UploadOut(BaseModel):
    offset: int
    complete: bool


class HealthIn(BaseModel):
    device_id: Id
    queue_depth: Annotated[int, Field(ge=0, le=2**31 - 1)]  # an INTEGER column
    oldest_unsent_at: UtcTime | None = None
    last_error: Annotated[str | None, Field(max_length=500)] = None
    last_success_at: UtcTime | None = None
    app_version: Annotated[str | None, Field(max_length=32)] = None


class DeviceHealthOut(BaseModel):
    device_id: str
    username: str
    queue_depth: int
    oldest_unsent_at: datetime | None
    last_error: str | None
    last_success_at: datetime | None
    reported_at: datetime


class ConflictOut(BaseModel):
    id: str
    entity: str
    record_id: str
    grid_id: str | None
    field: str
    base_value: Any = None
    device_value: Any = None
    server_value: Any = None
    username: str
    created_at: datetime
    device_id: str
    resolution: str | None = None
    current_value: Any = None  # the field on the server now ("server" in a resolution)
    record_rev: int  # the record's revision now: a resolution names it, or gets a 409
    title: str = ""  # a name or an address that tells the supervisor which record


class ChoiceIn(BaseModel):
    conflict_id: Id
    take: Literal["server", "device", "edited"]
    value: Any = None  # the edited value (wire form), for take == "edited"


class ResolveIn(BaseModel):
    record_rev: Annotated[int, Field(ge=0, le=2**63 - 1)]
    choices: Annotated[list[ChoiceIn], Field(min_length=1, max_length=100)]


class ResolveOut(BaseModel):
    record_rev: int
    resolved: list[str]


Note = Annotated[str, Field(min_length=1, max_length=500)]


class RegisterChangeOut(BaseModel):
    id: str
    at: datetime
    username: str
    device_id: str
    entity: str
    record_id: str
    op: str
    grid_id: str | None
    fields: list[str]
    state: str
    reviewed_by: str | None
    reviewed_at: datetime | None
    note: str | None
    task_id: str | None
    record: dict[str, Any] | None  # as it is now, as the caller may see it; None once removed


class ChangePageOut(BaseModel):
    changes: list[RegisterChangeOut]
    total: int


class ReviewIn(BaseModel):
    ids: Annotated[list[Id], Field(min_length=1, max_length=500)]
    note: Annotated[str | None, Field(max_length=500)] = None


class ReviewOut(BaseModel):
    reviewed: int


class ReturnIn(BaseModel):
    note: Note


class ReturnOut(BaseModel):
    task_id: str


class MemberOut(BaseModel):
    """One record of a group; outside the caller's grids only `record_id`, the grid and
    `visible: false` (that it exists elsewhere, never who it is)."""

    record_id: str
    grid_id: str
    grid_name: str
    held: bool  # pushed with a taken ID number, waiting outside the register
    visible: bool
    name: str | None = None
    id_number: str | None = None
    birth_date: str | None = None
    phone: str | None = None
    household_id: str | None = None
    address: str | None = None
    registered_by: str | None = None


class GroupOut(BaseModel):
    group_id: str
    kind: str
    grids: int
    members: list[MemberOut]


class GroupPageOut(BaseModel):
    groups: list[GroupOut]
    next_offset: int | None


GroupKind = Literal["id_number", "name_birth", "name_phone"]


class GroupIn(BaseModel):
    kind: GroupKind
    record_ids: Annotated[list[Id], Field(min_length=1, max_length=100)]


class KeepIn(GroupIn):
    keep: Id


class KeepOut(BaseModel):
    kept: str
    removed: int


class DismissOut(BaseModel):
    group_id: str
