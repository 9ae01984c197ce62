"""Sync bookkeeping, audit trail, the local profile and loaded catalogues.

These tables never sync as records themselves: they describe what must be sent,
what was received, and who did what on this device.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, new_id, utcnow

PRIORITY_URGENT = 0
PRIORITY_NORMAL = 5


class OutboxEntry(Base):
    """One change waiting for a receipt from the server.

    `payload` holds what the server needs to apply it: for register edits the
    changed fields with the values they replaced (`base`) so the server can merge
    one-sided changes and spot two-sided ones; for inserts and actions the whole
    record. An entry leaves the outbox only when a receipt for it arrives.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_send_order", "priority", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # The server deduplicates by this id, so a change retried after any failure applies once.
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete / append
    payload: Mapped[dict[str, Any]]
    base_rev: Mapped[int | None] = mapped_column(Integer)
    priority: Mapped[int] = mapped_column(Integer, default=PRIORITY_NORMAL)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    batch_id: Mapped[str | None] = mapped_column(String(36))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class SyncCursor(Base):
    """Where this device's pull of the server's change feed stands, per scope."""

    __tablename__ = "sync_cursor"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    cursor: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SyncProblem(Base):
    """What the server would not take as sent: a conflict or a rejected change.

    Kept for the worker to read and acknowledge, so nothing is dropped silently.
    `detail` holds the conflicting fields with both values, or the rejected payload.
    """

    __tablename__ = "sync_problem"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(16))  # conflict / rejected
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class SyncStatus(Base):
    """How this device's syncing is going (a single row), reported to supervisors."""

    __tablename__ = "sync_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_success_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(default=None)


class Tombstone(Base):
    """A removed record, kept until the server has acknowledged the removal."""

    __tablename__ = "tombstone"

    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_rev: Mapped[int | None] = mapped_column(Integer)
    deleted_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who changed what, where and when. Field names only, never values (no personal data).

    Entries form a hash chain (inspector.audit_chain, the only writer): `seq` orders it,
    `hash` seals each entry's fields and the previous entry's hash, so a missing, edited
    or reordered entry shows.
    """

    __tablename__ = "audit"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(24))
    entity: Mapped[str] = mapped_column(String(24))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    fields: Mapped[list[Any] | None] = mapped_column(default=None)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditUpload(Base):
    """How far the server has acknowledged this device's audit chain (a single row)."""

    __tablename__ = "audit_upload"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_at: Mapped[datetime | None] = mapped_column(default=None)


class LocalProfile(Base):
    """The person and device this store belongs to (a single row)."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))
    grid_ids: Mapped[list[Any]] = mapped_column(default=list)
    device_id: Mapped[str] = mapped_column(String(36), default=new_id)
    server_url: Mapped[str | None] = mapped_column(String(200))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # scrypt verifier of the password last accepted by the server (inspector.credentials).
    password_hash: Mapped[str | None] = mapped_column(String(200), default=None)


class CatalogueRecord(Base):
    """A catalogue as loaded into this store, so old cases keep the version they used."""

    __tablename__ = "catalogue"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    entries: Mapped[list[Any]]
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow)
