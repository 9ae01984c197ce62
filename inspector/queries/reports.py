"""The data of the daily, weekly and monthly case reports (日报、周报、月报).

A report counts the cases reported in its period (`periods.Period`, local days
in China Standard Time) by category class, by status and by grid, with the
closure figures defined in `scorecard`. Statuses are as they stand when the
report is made, and the overdue list is every open case in scope whose deadline
has passed at that moment, whenever it was reported: what is late now is what a
report must put in front of its reader.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from .. import caseflow
from ..catalogues import issue_subcategory
from ..db import Store
from ..errors import NotFoundError
from ..models import Area, Issue, utcnow
from .periods import Period
from .scorecard import CaseFigures, case_figures, narrowest, scoped, total_of


@dataclass(frozen=True)
class ClassCount:
    """Cases of one category class (大类) reported in the period."""

    code: str
    name: str
    kind: str  # component / event / grid (部件 / 事件 / 网格事项)
    figures: CaseFigures


@dataclass(frozen=True)
class GridCases:
    grid_id: str
    code: str
    name: str
    figures: CaseFigures
    overdue: int


@dataclass(frozen=True)
class OverdueCase:
    issue_id: str
    number: str | None
    title: str
    grid_id: str
    grid_name: str
    category_code: str
    status: str
    deadline_at: datetime
    department: str | None


@dataclass(frozen=True)
class CaseReport:
    kind: str  # periods.DAILY / WEEKLY / MONTHLY
    period: Period
    made_at: datetime
    area_name: str  # the smallest area holding every grid in scope
    grid_count: int
    totals: CaseFigures
    by_class: tuple[ClassCount, ...]
    by_status: tuple[tuple[str, int], ...]  # (status, cases) in the loop's order
    by_grid: tuple[GridCases, ...]
    overdue: tuple[OverdueCase, ...]  # most overdue first


@dataclass(frozen=True)
class DailyCounts:
    """Cases reported and closed on each day of a period (for the dashboard's line)."""

    days: tuple[date, ...]
    reported: tuple[int, ...]
    closed: tuple[int, ...]


def _class_of(code: str) -> tuple[str, str, str]:
    try:
        sub = issue_subcategory(code)
    except NotFoundError:  # a category from a newer catalogue than this device has
        return code, code, ""
    return sub["class_code"], sub["class_name"], sub["kind"]


def case_report(store: Store, kind: str, period: Period, grid_ids: Sequence[str] = (),
                now: datetime | None = None) -> CaseReport:
    """Everything a case report shows, for the grids in scope (empty: all)."""
    now = now or utcnow()
    with store.read() as session:
        grid_ids = narrowest(session, grid_ids)
        grids = session.execute(scoped(
            select(Area.id, Area.code, Area.name).where(Area.level == "grid"), Area.id,
            grid_ids).order_by(Area.code)).all()
        by_grid = case_figures(session, period, grid_ids, Issue.grid_id)
        by_category = case_figures(session, period, grid_ids, Issue.category_code)
        by_status = dict(session.execute(scoped(
            select(Issue.status, func.count())
            .where(Issue.reported_at >= period.start, Issue.reported_at < period.end),
            Issue.grid_id, grid_ids).group_by(Issue.status)).all())
        late = session.execute(scoped(
            select(Issue.id, Issue.number, Issue.title, Issue.grid_id, Area.name,
                   Issue.category_code, Issue.status, Issue.deadline_at, Issue.department)
            .join(Area, Area.id == Issue.grid_id)
            .where(Issue.status.in_(sorted(caseflow.OPEN)), Issue.deadline_at < now),
            Issue.grid_id, grid_ids).order_by(Issue.deadline_at, Issue.number)).all()
        area_name = _common_area(session, [g.id for g in grids])
    overdue = tuple(OverdueCase(*row) for row in late)
    late_per_grid: dict[str, int] = defaultdict(int)
    for case in overdue:
        late_per_grid[case.grid_id] += 1
    classes: dict[tuple[str, str, str], list] = defaultdict(list)
    for (code,), counts in by_category.items():
        classes[_class_of(code)].append(counts)
    return CaseReport(
        kind=kind, period=period, made_at=now, area_name=area_name, grid_count=len(grids),
        totals=total_of(by_grid.values(), CaseFigures),
        by_class=tuple(sorted((ClassCount(code, name, kind_, total_of(rows, CaseFigures))
                               for (code, name, kind_), rows in classes.items()),
                              key=lambda c: (-c.figures.reported, c.code))),
        by_status=tuple((s, by_status[s]) for s in caseflow.STATUSES if by_status.get(s)),
        by_grid=tuple(GridCases(g.id, g.code, g.name,
                                total_of([by_grid.get((g.id,), {})], CaseFigures),
                                late_per_grid[g.id]) for g in grids),
        overdue=overdue)


def _common_area(session, grid_ids: list[str]) -> str:
    """The name of the smallest area that holds every grid (the district for a supervisor)."""
    areas = {i: (p, n) for i, p, n in session.execute(
        select(Area.id, Area.parent_id, Area.name))}

    def chain(area_id: str | None) -> list[str]:
        out = []
        while area_id is not None and area_id in areas:
            out.append(area_id)
            area_id = areas[area_id][0]
        return out[::-1]

    chains = [chain(g) for g in grid_ids]
    if not chains:
        return ""
    common = None
    for level in zip(*chains, strict=False):
        if len(set(level)) > 1:
            break
        common = level[0]
    return areas[common][1] if common else ""


def daily_counts(store: Store, period: Period, grid_ids: Sequence[str] = ()) -> DailyCounts:
    """Cases reported and closed per local day of `period`.

    Days are cut by shifting stored UTC times by the report zone's fixed offset
    in SQL, so the count is one GROUP BY whatever the number of cases.
    """
    offset = period.start.utcoffset() or timedelta()
    shift = f"{int(offset.total_seconds()):+d} seconds"
    series = {}
    with store.read() as session:
        grid_ids = narrowest(session, grid_ids)
        for name, column in (("reported", Issue.reported_at), ("closed", Issue.closed_at)):
            day = func.date(column, shift)
            rows = session.execute(scoped(
                select(day, func.count())
                .where(column >= period.start, column < period.end),
                Issue.grid_id, grid_ids).group_by(day)).all()
            series[name] = {date.fromisoformat(d): n for d, n in rows}
    days = tuple(period.day_list())
    return DailyCounts(days, tuple(series["reported"].get(d, 0) for d in days),
                       tuple(series["closed"].get(d, 0) for d in days))

