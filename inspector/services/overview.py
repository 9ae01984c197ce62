"""The area tree with the counts a grid head checks first: households, people, open cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from ..caseflow import OPEN
from ..db import Store
from ..models import Area, Household, Issue, OutboxEntry, Resident, utcnow


@dataclass(frozen=True)
class AreaRow:
    id: str
    parent_id: str | None
    level: str
    code: str
    name: str
    households: int
    residents: int
    open_cases: int
    overdue: int


@dataclass(frozen=True)
class Overview:
    areas: list[AreaRow]
    pending_changes: int


def _per_grid(session, stmt) -> dict[str, int]:
    return dict(session.execute(stmt).all())


def area_overview(store: Store, now: datetime | None = None) -> Overview:
    """Counts per grid, summed up the tree, in a handful of grouped queries."""
    now = now or utcnow()
    with store.read() as session:
        areas = session.execute(select(Area.id, Area.parent_id, Area.level, Area.code, Area.name)
                                .order_by(Area.code)).all()
        households = _per_grid(session, select(Household.grid_id, func.count())
                               .group_by(Household.grid_id))
        residents = _per_grid(session, select(Resident.grid_id, func.count())
                              .group_by(Resident.grid_id))
        open_cases = _per_grid(session, select(Issue.grid_id, func.count())
                               .where(Issue.status.in_(OPEN)).group_by(Issue.grid_id))
        overdue = _per_grid(session, select(Issue.grid_id, func.count())
                            .where(Issue.status.in_(OPEN), Issue.deadline_at < now)
                            .group_by(Issue.grid_id))
        pending = session.scalar(select(func.count()).select_from(OutboxEntry)) or 0
    totals = {a.id: [households.get(a.id, 0), residents.get(a.id, 0), open_cases.get(a.id, 0),
                     overdue.get(a.id, 0)] for a in areas}
    parents = {a.id: a.parent_id for a in areas}
    for area in areas:
        if area.level != "grid":
            continue
        parent = parents[area.id]
        while parent is not None:  # add each grid's counts to every ancestor
            totals[parent] = [x + y for x, y in zip(totals[parent], totals[area.id], strict=True)]
            parent = parents[parent]
    rows = [AreaRow(a.id, a.parent_id, a.level, a.code, a.name, *totals[a.id]) for a in areas]
    return Overview(rows, pending)
