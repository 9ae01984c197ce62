"""What the status bar shows: pending work, the last good sync, problems waiting to be read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..db import Store
from ..models import OutboxEntry, SyncProblem, SyncStatus


@dataclass(frozen=True)
class SyncState:
    pending: int
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None
    problems: int  # conflicts and rejections not yet acknowledged


def sync_state(store: Store) -> SyncState:
    with store.read() as session:
        pending = session.scalar(select(func.count()).select_from(OutboxEntry)) or 0
        problems = session.scalar(select(func.count()).select_from(SyncProblem)
                                  .where(SyncProblem.acknowledged.is_(False))) or 0
        status = session.get(SyncStatus, 1)
        return SyncState(pending,
                         status.last_success_at if status else None,
                         status.last_attempt_at if status else None,
                         status.last_error if status else None,
                         problems)


@dataclass(frozen=True)
class ProblemRow:
    id: str
    kind: str  # conflict / rejected
    entity: str
    record_id: str
    reason: str | None
    at: datetime
    fields: tuple[str, ...]  # the fields in conflict, when the server said which


def open_problems(store: Store) -> list[ProblemRow]:
    """Conflicts and rejections the worker has not marked as read, newest first."""
    with store.read() as session:
        rows = session.scalars(select(SyncProblem).where(SyncProblem.acknowledged.is_(False))
                               .order_by(SyncProblem.at.desc()))
        return [ProblemRow(p.id, p.kind, p.entity, p.record_id, p.reason, p.at,
                           _conflict_fields(p.detail)) for p in rows]


def _conflict_fields(detail: object) -> tuple[str, ...]:
    fields = detail.get("fields") if isinstance(detail, dict) else None
    return tuple(sorted(fields)) if isinstance(fields, dict | list) else ()

