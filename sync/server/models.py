"""The server's own tables, beside the domain tables it shares with devices.

The domain tables (households, cases …) are the very models of `inspector.models`,
so both ends hold the same shapes. The tables here are what only a server needs:
accounts, tokens, the change feed, receipts, held photo links and residents,
conflicts and how they were settled, the register review log and device health.
They reference domain records by id only, never by foreign key, so the two sets of
tables can evolve apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from inspector.models import Base as DomainBase
from inspector.models.base import NAMING_CONVENTION, UTCDateTime, new_id, utcnow

# Domain tables the server keeps; the rest of inspector's tables are device bookkeeping.
DOMAIN_TABLES = (
    "area", "grid_staff", "building", "place", "component", "household", "resident",
    "patrol", "patrol_item", "visit", "visit_need", "issue", "issue_action", "task",
    "photo", "photo_link", "catalogue",
)


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class User(ServerBase):
    __tablename__ = "server_user"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))
    grid_ids: Mapped[list[Any]] = mapped_column(default=list)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Failed logins in a row and the lock they earned (lockout.py); a success resets both.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    password_changed_at: Mapped[datetime | None] = mapped_column(default=None)


class Token(ServerBase):
    """A login. Only the token's SHA-256 is stored, so a database leak grants no access."""

    __tablename__ = "auth_token"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class RevCounter(ServerBase):
    """The one source of feed revisions. Its row lock is held until commit, so revisions
    become visible in the order they were given and no puller can skip one."""

    __tablename__ = "rev_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class FeedEntry(ServerBase):
    """One change in the feed, append-only, in revision order."""

    __tablename__ = "feed"
    __table_args__ = (Index("ix_feed_grid_rev", "grid_id", "rev"),)

    rev: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(64))
    grid_id: Mapped[str | None] = mapped_column(String(36))  # None: every device sees it
    op: Mapped[str] = mapped_column(String(8))  # upsert / delete / evict


class RecordIndex(ServerBase):
    """Each record's current grid and revision: scope checks and drift digests read this."""

    __tablename__ = "record_index"
    __table_args__ = (Index("ix_record_index_scope", "entity", "grid_id", "record_id"),)

    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    grid_id: Mapped[str | None] = mapped_column(String(36))
    rev: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Batch(ServerBase):
    """A pushed batch and the receipts it got, so a replay answers exactly the same."""

    __tablename__ = "sync_batch"

    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    receipts: Mapped[list[Any]]


class Receipt(ServerBase):
    """What happened to one change, by its id: a change sent again in any batch applies once."""

    __tablename__ = "change_receipt"

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12))
    rev: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class HeldLink(ServerBase):
    """A photo link whose photo has not arrived: invisible until it does."""

    __tablename__ = "held_link"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    photo_sha256: Mapped[str] = mapped_column(String(64), index=True)
    grid_id: Mapped[str] = mapped_column(String(36))
    data: Mapped[dict[str, Any]]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class Conflict(ServerBase):
    """A field changed on a device and on the server since the device last saw it."""

    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    grid_id: Mapped[str | None] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    base_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    device_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    device_id: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    # server / device / edited (the supervisor's choice), superseded (settled with another)
    resolution: Mapped[str | None] = mapped_column(String(12), default=None)


class HeldResident(ServerBase):
    """A resident pushed with an ID number that another live resident already has.

    Kept out of the register and the feed until a supervisor keeps one of them or the
    worker corrects the number, so no device ever holds two people with one ID number.
    """

    __tablename__ = "held_resident"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    grid_id: Mapped[str] = mapped_column(String(36), index=True)
    data: Mapped[dict[str, Any]]
    device_id: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class Settlement(ServerBase):
    """How a supervisor settled a conflict or a held record. It travels in the feed
    (`protocol.SETTLEMENT`) so the device that raised the problem can close it: fields
    by name, never their values."""

    __tablename__ = "settlement"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    grid_id: Mapped[str | None] = mapped_column(String(36))
    fields: Mapped[list[Any]]
    outcome: Mapped[str] = mapped_column(String(12))  # resolved / kept / removed / released
    settled_by: Mapped[str] = mapped_column(String(64))
    settled_at: Mapped[datetime] = mapped_column(default=utcnow)


class RegisterChange(ServerBase):
    """A change to the register applied from a worker's or staff member's device, for a
    supervisor to review. Field names only: the values live in the record itself."""

    __tablename__ = "register_change"
    __table_args__ = (Index("ix_register_change_grid_state_at", "grid_id", "state", "at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    username: Mapped[str] = mapped_column(String(64), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete
    grid_id: Mapped[str | None] = mapped_column(String(36))
    fields: Mapped[list[Any]]
    rev: Mapped[int | None] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(12), default="new")  # new / reviewed / returned
    reviewed_by: Mapped[str | None] = mapped_column(String(64))
    reviewed_at: Mapped[datetime | None] = mapped_column(default=None)
    note: Mapped[str | None] = mapped_column(Text)
    task_id: Mapped[str | None] = mapped_column(String(36))  # the revisit task of a return


class Dismissal(ServerBase):
    """Look-alike people a supervisor said are different people. The id digests the kind
    and the member ids, so a group that gains a member shows again."""

    __tablename__ = "quality_dismissal"

    group_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    record_ids: Mapped[list[Any]]
    dismissed_by: Mapped[str] = mapped_column(String(64))
    dismissed_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeviceHealth(ServerBase):
    """What a device last said about its sync queue, so supervisors see who falls behind."""

    __tablename__ = "device_health"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    queue_depth: Mapped[int] = mapped_column(Integer, default=0)
    oldest_unsent_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_success_at: Mapped[datetime | None] = mapped_column(default=None)
    app_version: Mapped[str | None] = mapped_column(String(32))
    reported_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseCounter(ServerBase):
    """Per grid and day, the last case number given (cases read 网格编码-日期-序号)."""

    __tablename__ = "case_counter"

    prefix: Mapped[str] = mapped_column(String(48), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class DeviceKey(ServerBase):
    """A device's data key held in escrow, so a forgotten password never loses unsynced work.

    Stored sealed (AES-GCM under the server's escrow secret, never in the database), so
    a database dump alone does not open any laptop."""

    __tablename__ = "device_key"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    sealed_key: Mapped[str] = mapped_column(Text)  # base64 of nonce + ciphertext
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    recovered_at: Mapped[datetime | None] = mapped_column(default=None)


class SecurityEvent(ServerBase):
    """One security-relevant outcome (login, lock, revocation, key escrow …), for the
    administrator's security log. Names of accounts and devices only, never personal data."""

    __tablename__ = "security_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    username: Mapped[str | None] = mapped_column(String(64), index=True)
    device_id: Mapped[str | None] = mapped_column(String(36))
    ip: Mapped[str | None] = mapped_column(String(64))
    # login_ok, login_failed, account_locked, rate_limited, token_revoked, logout,
    # password_changed, user_disabled, user_unlocked, key_deposited, key_recovered,
    # audit_chain_broken …
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(String(200))


class DeviceAudit(ServerBase):
    """One entry of a device's hash-chained audit trail, as uploaded with sync."""

    __tablename__ = "device_audit"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    username: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(24))
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    fields: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)


class DeviceAuditState(ServerBase):
    """Where each device's audit chain stands on the server, and where it broke if it did."""

    __tablename__ = "device_audit_state"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))
    broken_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    broken_reason: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class ServerMeta(ServerBase):
    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def target_metadata() -> list[MetaData]:
    """What the server's migrations describe: its own tables and the shared domain tables."""
    return [ServerBase.metadata, DomainBase.metadata]


# Indexes the server adds to domain tables for its own queries: the look-alike checks
# (quality.py) group residents by name and birth date or phone. Devices never run those,
# so the shared models leave them out; migration 0002 makes them.
SERVER_INDEXES = {
    "ix_resident_name_birth_date": ("resident", ("name", "birth_date")),
    "ix_resident_name_phone": ("resident", ("name", "phone")),
}


def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                   compare_to: Any) -> bool:
    """For Alembic: only the server's tables and the domain tables it keeps (and not the
    server's own indexes on those, which the shared models do not declare)."""
    kept = set(ServerBase.metadata.tables) | set(DOMAIN_TABLES)
    if type_ == "table":
        return name in kept
    if type_ == "index" and name in SERVER_INDEXES:
        return False
    table = getattr(obj, "table", None)
    return table is None or table.name in kept
