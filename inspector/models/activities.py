"""Field activities: patrols with their checklist, and door-to-door visits with needs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Synced


class Patrol(Synced, Base):
    """巡查. A patrol with nothing checked cannot be finished ("巡而不查")."""

    __tablename__ = "patrol"

    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    worker: Mapped[str] = mapped_column(String(64))
    slot: Mapped[str] = mapped_column(String(16))  # morning / midday / evening
    kind: Mapped[str] = mapped_column(String(16))  # scheduled / irregular
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    route: Mapped[list[Any] | None] = mapped_column(default=None)  # [[lon, lat, iso time], ...]
    notes: Mapped[str | None] = mapped_column(Text)

    items: Mapped[list[PatrolItem]] = relationship(
        back_populates="patrol", order_by="PatrolItem.position", cascade="all, delete-orphan"
    )


class PatrolItem(Synced, Base):
    """One checklist line: what was checked, the result, and the issue it raised if any."""

    __tablename__ = "patrol_item"

    patrol_id: Mapped[str] = mapped_column(ForeignKey("patrol.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str] = mapped_column(String(32))
    result: Mapped[str] = mapped_column(String(16))  # ok / problem / not_applicable
    note: Mapped[str | None] = mapped_column(Text)
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("issue.id"))

    patrol: Mapped[Patrol] = relationship(back_populates="items")


class Visit(Synced, Base):
    """走访: a visit to one household."""

    __tablename__ = "visit"

    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    grid_id: Mapped[str] = mapped_column(ForeignKey("area.id"), index=True)
    visitor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    visited_at: Mapped[datetime]
    people_met: Mapped[list[Any] | None] = mapped_column(default=None)  # resident ids or names
    services: Mapped[str | None] = mapped_column(Text)
    satisfaction: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)

    needs: Mapped[list[VisitNeed]] = relationship(
        back_populates="visit", cascade="all, delete-orphan"
    )


class VisitNeed(Synced, Base):
    """诉求: a need raised during a visit, by category, and whether it was met."""

    __tablename__ = "visit_need"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / resolved / referred
    issue_id: Mapped[str | None] = mapped_column(ForeignKey("issue.id"))

    visit: Mapped[Visit] = relationship(back_populates="needs")
