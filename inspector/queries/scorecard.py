"""考核 scorecards: what each grid and each worker did over a period.

Every figure comes from a GROUP BY over the store (grid × worker), rolled up to
grids and to workers from those few grouped rows, so a supervisor's 100k
households and a million records cost a handful of indexed scans, not a loop.

Definitions (fixed here once, because people are ranked by them):

- Period: [start, end) of whole local days (`periods.Period`). `as_of` is the
  earlier of the period's end and now: the moment coverage is measured at.
- Patrols: patrols started in the period with at least one checklist line that
  is not "not applicable". A patrol with nothing checked is not a patrol
  (巡而不查); it is counted apart as `empty_patrols`.
- Visits: visits made in the period.
- Coverage (不漏一户): households with a visit in the 30 (90) days before `as_of`,
  over the households registered in the grid now. A worker's coverage counts the
  households they visited over the households of their grids: the grids they are
  listed for as 网格员 and the grids they worked in.
- Cases reported: cases whose report time falls in the period (drafts were never
  reported), counted for the grid they are in and for their reporter.
- Closure rate: of the cases reported in the period that were not rejected
  (不予立案 is not a case to close), the share closed (结案) before the period's
  end. The rate follows one cohort of cases, so it never passes 100%; for the
  current period it is the share closed so far.
- On-time rate: of those closed cases, the share closed no later than their
  deadline; a case closed without a deadline (handled on the spot, never
  dispatched) was never late.
- Average handling time: the mean hours from report to close of those cases.

A rate whose denominator is 0 is None (the UI shows "—", not 0%).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from .. import caseflow
from ..db import Store
from ..models import Area, GridStaff, Household, Issue, Patrol, PatrolItem, Visit, utcnow
from .periods import Period

WORKER_DUTY = "网格员"  # GridStaff.duty of the people a grid's scorecard ranks
COVERAGE_DAYS = (30, 90)


def _rate(part: float, whole: float) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class CaseFigures:
    """The case-loop figures of one cohort (see the module docstring)."""

    reported: int = 0
    rejected: int = 0
    closed: int = 0
    closed_on_time: int = 0
    handling_hours_total: float = 0.0

    @property
    def to_close(self) -> int:
        return self.reported - self.rejected

    @property
    def closure_rate(self) -> float | None:
        return _rate(self.closed, self.to_close)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.closed_on_time, self.closed)

    @property
    def average_handling_hours(self) -> float | None:
        return _rate(self.handling_hours_total, self.closed)


@dataclass(frozen=True)
class Figures(CaseFigures):
    """Cases plus field work: one row of a scorecard."""

    patrols: int = 0
    empty_patrols: int = 0
    visits: int = 0
    households: int = 0
    visited_30: int = 0
    visited_90: int = 0

    @property
    def coverage_30(self) -> float | None:
        return _rate(self.visited_30, self.households)

    @property
    def coverage_90(self) -> float | None:
        return _rate(self.visited_90, self.households)


def total_of(rows: Iterable[dict[str, Any]], cls: type = Figures) -> Any:
    """Add up grouped rows (dicts of counts) into one set of figures."""
    sums: dict[str, float] = defaultdict(float)
    for row in rows:
        for key, value in row.items():
            sums[key] += value or 0
    return cls(**{f.name: type(f.default)(sums[f.name]) for f in fields(cls)})


@dataclass(frozen=True)
class GridScore:
    grid_id: str
    code: str
    name: str
    figures: Figures


@dataclass(frozen=True)
class WorkerScore:
    username: str
    name: str  # from the grid staff list; the username when not listed
    grid_count: int
    figures: Figures


@dataclass(frozen=True)
class Scorecard:
    period: Period
    as_of: datetime
    grids: tuple[GridScore, ...]
    workers: tuple[WorkerScore, ...]
    total: Figures


def scoped(query: Select, column: Any, grid_ids: Sequence[str]) -> Select:
    """Narrow a query to the grids in scope (none given: every grid)."""
    return query.where(column.in_(list(grid_ids))) if grid_ids else query


def narrowest(session: Session, grid_ids: Sequence[str]) -> tuple[str, ...]:
    """The grid filter worth applying: none when the scope covers every grid here (a
    supervisor's laptop holds only their grids), which spares every query a long IN list."""
    if not grid_ids:
        return ()
    here = set(session.scalars(select(Area.id).where(Area.level == "grid")))
    return () if here <= set(grid_ids) else tuple(grid_ids)


def _count_if(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


def case_figures(session: Session, period: Period, grid_ids: Sequence[str],
                 *keys: Any) -> dict[tuple, dict[str, float]]:
    """Case figures of the cases reported in `period`, grouped by `keys` (columns of Issue).

    Returns {key values: {CaseFigures field: number}}; `total_of` turns any set of
    them into CaseFigures.
    """
    closed = and_(Issue.closed_at.is_not(None), Issue.closed_at < period.end)
    on_time = and_(closed, or_(Issue.deadline_at.is_(None),
                               Issue.closed_at <= Issue.deadline_at))
    hours = (func.julianday(Issue.closed_at) - func.julianday(Issue.reported_at)) * 24
    query = scoped(
        select(*keys, func.count(), _count_if(Issue.status == caseflow.REJECTED),
               _count_if(closed), _count_if(on_time), func.sum(case((closed, hours), else_=0.0)))
        .where(Issue.reported_at >= period.start, Issue.reported_at < period.end),
        Issue.grid_id, grid_ids).group_by(*keys)
    names = ("reported", "rejected", "closed", "closed_on_time", "handling_hours_total")
    return {tuple(row[:len(keys)]): dict(zip(names, row[len(keys):], strict=True))
            for row in session.execute(query)}


def _activity(session: Session, period: Period, as_of: datetime,
              grid_ids: Sequence[str]) -> dict[tuple[str, str], dict[str, float]]:
    """(grid, person) → patrols, visits, cases and households visited, one query each."""
    out: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    real = exists().where(PatrolItem.patrol_id == Patrol.id,
                          PatrolItem.result != "not_applicable")
    patrols = scoped(
        select(Patrol.grid_id, Patrol.worker, func.count(), _count_if(real))
        .where(Patrol.started_at >= period.start, Patrol.started_at < period.end),
        Patrol.grid_id, grid_ids).group_by(Patrol.grid_id, Patrol.worker)
    for grid, worker, started, checked in session.execute(patrols):
        out[grid, worker] |= {"patrols": checked, "empty_patrols": started - checked}
    visits = scoped(
        select(Visit.grid_id, Visit.visitor, func.count())
        .where(Visit.visited_at >= period.start, Visit.visited_at < period.end),
        Visit.grid_id, grid_ids).group_by(Visit.grid_id, Visit.visitor)
    for grid, visitor, n in session.execute(visits):
        out[grid, visitor]["visits"] = n
    for (grid, visitor), counts in _visited(session, as_of, grid_ids, Visit.visitor).items():
        out[grid, visitor] |= counts
    for (grid, reporter), counts in case_figures(session, period, grid_ids, Issue.grid_id,
                                                 Issue.reporter).items():
        out[grid, reporter] |= counts
    return out


def _visited(session: Session, as_of: datetime, grid_ids: Sequence[str],
             *keys: Any) -> dict[tuple, dict[str, int]]:
    """Distinct households visited in the 30 and 90 days before `as_of`, per grid (and keys)."""
    near, far = (as_of - timedelta(days=d) for d in COVERAGE_DAYS)
    query = scoped(
        select(Visit.grid_id, *keys,
               func.count(distinct(case((Visit.visited_at >= near, Visit.household_id)))),
               func.count(distinct(Visit.household_id)))
        .where(Visit.visited_at >= far, Visit.visited_at < as_of),
        Visit.grid_id, grid_ids).group_by(Visit.grid_id, *keys)
    return {tuple(row[:-2]): {"visited_30": row[-2], "visited_90": row[-1]}
            for row in session.execute(query)}


def scorecard(store: Store, period: Period, grid_ids: Sequence[str] = (),
              now: datetime | None = None) -> Scorecard:
    """The scorecard of every grid in scope (empty `grid_ids`: all) and of every person
    who worked there in the period or is listed as its 网格员."""
    as_of = min(period.end, now or utcnow())
    with store.read() as session:
        grid_ids = narrowest(session, grid_ids)
        grids = session.execute(scoped(
            select(Area.id, Area.code, Area.name).where(Area.level == "grid"), Area.id,
            grid_ids).order_by(Area.code)).all()
        households = dict(session.execute(scoped(
            select(Household.grid_id, func.count()), Household.grid_id, grid_ids)
            .group_by(Household.grid_id)).all())
        by_pair = _activity(session, period, as_of, grid_ids)
        by_grid_visited = _visited(session, as_of, grid_ids)
        staff = session.execute(scoped(
            select(GridStaff.username, GridStaff.name, GridStaff.grid_id)
            .where(GridStaff.username.is_not(None), GridStaff.duty == WORKER_DUTY),
            GridStaff.grid_id, grid_ids)).all()
    in_scope = {g.id for g in grids}
    pairs = {k: v for k, v in by_pair.items() if k[0] in in_scope}
    per_grid: dict[str, list[dict[str, float]]] = defaultdict(list)
    per_worker: dict[str, list[dict[str, float]]] = defaultdict(list)
    worker_grids: dict[str, set[str]] = defaultdict(set)
    for (grid, person), counts in pairs.items():
        per_grid[grid].append({k: v for k, v in counts.items() if not k.startswith("visited")})
        per_worker[person].append(counts)
        worker_grids[person].add(grid)
    names: dict[str, str] = {}
    for username, name, grid in staff:
        names.setdefault(username, name)
        worker_grids[username].add(grid)
    grid_rows = tuple(GridScore(g.id, g.code, g.name, total_of(
        [*per_grid[g.id], by_grid_visited.get((g.id,), {}),
         {"households": households.get(g.id, 0)}])) for g in grids)
    worker_rows = tuple(sorted(
        (WorkerScore(person, names.get(person, person), len(mine), total_of(
            [*per_worker[person], {"households": sum(households.get(g, 0) for g in mine)}]))
         for person, mine in worker_grids.items()),
        key=lambda w: w.username))
    return Scorecard(period, as_of, grid_rows, worker_rows,
                     total_of(_plain(r.figures) for r in grid_rows))


def _plain(figures: CaseFigures) -> dict[str, float]:
    return {f.name: getattr(figures, f.name) for f in fields(figures)}
