"""Cases (事件), their append-only action history, and tasks pushed to workers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced


class Issue(Synced, Base):
    """事件. `status` only ever changes through an IssueAction (see inspector.caseflow)."""

    __tablename__ = "issue"

    number: Mapped[str | None] = mapped_column(String(32), unique=True)  # given by the server
    source: Mapped[str] = mapped_column(String(16))
    category_code: Mapped[str] = mapped_column(String(32), index=True)
    catalogue_version: Mapped[str] = mapped_column(String(16))
    triage: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(100))
    # The report's content: what happened, cause, losses, scope, likely development, measures.
    description: Mapped[str] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    losses: Mapped[str | None] = mapped_column(Text)
    scope: Mapped[str | None] = mapped_column(Text)
    development: Mapped[str | None] = mapped_column(Text)
    measures: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime]
    reported_at: Mapped[datetime | None] = mapped_column(default=None)
    reporter: Mapped[str] = mapped_column(String(64))
    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    address: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    resident_id: Mapped[str | None] = mapped_column(ForeignKey("resident.id"))
    place_id: Mapped[str | None] = mapped_column(ForeignKey("place.id"))
    component_id: Mapped[str | None] = mapped_column(ForeignKey("component.id"))
    patrol_id: Mapped[str | None] = mapped_column(ForeignKey("patrol.id"))
    department: Mapped[str | None] = mapped_column(String(32))
    deadline_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(default=None)

    actions: Mapped[list[IssueAction]] = relationship(
        back_populates="issue", order_by="IssueAction.seq"
    )


class IssueAction(Synced, Base):
    """One step of the case loop; never edited, never deleted.

    `sync_state` is pending until the server has ordered and validated the action,
    then accepted or rejected (with `rejected_reason`).
    """

    __tablename__ = "issue_action"

    issue_id: Mapped[str] = mapped_column(ForeignKey("issue.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # order on this device; the server re-orders
    kind: Mapped[str] = mapped_column(String(24))
    actor: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String(32))
    deadline_at: Mapped[datetime | None] = mapped_column(default=None)
    outcome: Mapped[str | None] = mapped_column(String(16))  # verification: passed / failed
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    rejected_reason: Mapped[str | None] = mapped_column(Text)

    issue: Mapped[Issue] = relationship(back_populates="actions")


class Task(Synced, Base):
    """Work pushed down to a worker: verify a case, revisit a household, follow a patrol plan."""

    __tablename__ = "task"

    kind: Mapped[str] = mapped_column(String(24))
    assignee: Mapped[str] = mapped_column(String(64), index=True)
    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("issue.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    title: Mapped[str] = mapped_column(String(100))
    due_at: Mapped[datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / done / cancelled
    result: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
