"""A small district with known work in it, and its figures worked out by hand-rules in Python.

The dataset is written through the services (patrols, visits, reports); what only
the server sets on a case (report time, status, deadline, close time) is then set
the way a pull would leave it. `expected_*` recompute every figure from the specs
below with plain Python following the definitions in inspector.queries.scorecard,
never with the SQL under test.

Two grids (g1: 4 households, g2: 2), three field people (wang.wu and zhang.san are
网格员, li.si is community staff), one listed 网格员 with no work (zhao.qi) and a
supervisor on the staff list who must not be ranked (zhao.liu).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from testkit import Tree, household_data

from inspector.db import Store
from inspector.models import GridStaff, Issue
from inspector.queries.periods import Period, today
from inspector.services.activities import (
    NeedInput,
    VisitInput,
    check_item,
    finish_patrol,
    record_visit,
    start_patrol,
)
from inspector.services.cases import IssueInput, report_issue
from inspector.services.recording import Actor
from inspector.services.register import add_household

H = timedelta(hours=1)
D = timedelta(days=1)


def period_and_as_of() -> tuple[Period, datetime]:
    """The 20 local days before today: a finished period, so coverage is measured at its end."""
    day = today()
    period = Period(day - timedelta(days=20), day - timedelta(days=1))
    return period, period.end


@dataclass(frozen=True)
class PatrolSpec:
    who: str
    grid: str  # "g1" / "g2"
    at: str  # "start", "end" or "mid" of the period, or "before"
    checks: tuple[str, ...]  # results; () is a patrol with nothing checked


@dataclass(frozen=True)
class VisitSpec:
    who: str
    household: str  # "h1".."h6"
    before_as_of: timedelta


@dataclass(frozen=True)
class CaseSpec:
    name: str
    who: str
    grid: str
    category: str
    reported: timedelta | None  # after the period's start; None: a draft
    status: str
    deadline: timedelta | None = None  # after the period's start
    closed: timedelta | None = None  # after the period's start


PATROLS = (
    PatrolSpec("wang.wu", "g1", "mid", ("ok", "problem")),
    PatrolSpec("wang.wu", "g1", "mid", ("fixed_on_site",)),
    PatrolSpec("wang.wu", "g1", "mid", ()),  # started, nothing checked: 巡而不查
    PatrolSpec("wang.wu", "g1", "mid", ("not_applicable", "not_applicable")),  # nothing checked
    PatrolSpec("wang.wu", "g1", "before", ("ok",)),
    PatrolSpec("zhang.san", "g2", "start", ("ok",)),  # the first instant counts
    PatrolSpec("zhang.san", "g2", "mid", ("ok", "not_applicable")),
    PatrolSpec("zhang.san", "g2", "end", ("ok",)),  # the instant after the period does not
)
VISITS = (
    VisitSpec("li.si", "h1", 10 * D),
    VisitSpec("li.si", "h1", 40 * D),  # the same household again: counted once
    VisitSpec("wang.wu", "h2", 40 * D),
    VisitSpec("li.si", "h3", 100 * D),  # too long ago for either window
    VisitSpec("li.si", "h4", timedelta(0)),  # at the period's end: after it
    VisitSpec("wang.wu", "h5", 10 * D),
    VisitSpec("zhang.san", "h6", 20 * D),  # exactly the period's start
)
CASES = (
    CaseSpec("c1", "wang.wu", "g1", "exposed_garbage", timedelta(0), "closed",
             deadline=4 * H, closed=4 * H),  # closed at its deadline: on time
    CaseSpec("c2", "wang.wu", "g1", "street_vendor", 2 * D - timedelta(seconds=1), "evaluated",
             deadline=3 * D, closed=4 * D),  # late, then evaluated: still closed
    CaseSpec("c3", "wang.wu", "g1", "exposed_garbage", 5 * D, "dispatched",
             deadline=6 * D),  # open past its deadline: overdue
    CaseSpec("c4", "wang.wu", "g1", "neighbour_dispute", 6 * D, "rejected"),
    CaseSpec("c5", "zhang.san", "g2", "manhole_cover_missing", 3 * D, "closed",
             closed=3 * D + 2 * H),  # on the spot, no deadline
    CaseSpec("c6", "zhang.san", "g2", "street_vendor", -2 * D, "closed",
             deadline=-D, closed=2 * D),  # reported before the period
    CaseSpec("c7", "zhang.san", "g2", "fire_passage_blocked", 19 * D, "closed",
             deadline=30 * D, closed=21 * D),  # closed after the period's end
    CaseSpec("c8", "li.si", "g1", "exposed_garbage", 20 * D, "reported"),  # at the end: after
    CaseSpec("c9", "wang.wu", "g1", "exposed_garbage", None, "draft"),
    CaseSpec("c10", "zhang.san", "g2", "street_vendor", -5 * D, "dispatched",
             deadline=-4 * D),  # old and overdue: on the overdue list, not in the counts
    CaseSpec("c11", "zhang.san", "g2", "street_vendor", 4 * D, "dispatched",
             deadline=400 * D),  # open, not yet due
)
STAFF = (("wang.wu", "王五", "网格员", "g1"), ("zhang.san", "张三", "网格员", "g2"),
         ("zhao.qi", "赵七", "网格员", "g2"), ("zhao.liu", "赵六", "监督员", "g1"))
HOUSEHOLDS = {"h1": "g1", "h2": "g1", "h3": "g1", "h4": "g1", "h5": "g2", "h6": "g2"}


@dataclass
class District:
    period: Period
    as_of: datetime
    grids: dict[str, str]  # "g1" -> grid id
    households: dict[str, str]
    cases: dict[str, str]  # spec name -> issue id


def build(store: Store, tree: Tree) -> District:
    period, as_of = period_and_as_of()
    grids = {"g1": tree.g1, "g2": tree.g2}
    actors = {
        "wang.wu": Actor("wang.wu", "worker", "dev-worker-0001", (tree.g1, tree.g2)),
        "zhang.san": Actor("zhang.san", "worker", "dev-worker-0002", (tree.g2,)),
        "li.si": Actor("li.si", "staff", "dev-staff-0001", (tree.g1, tree.g2)),
    }
    with store.write() as s:  # the staff list comes from the server (an administrator's job)
        s.add_all(GridStaff(grid_id=grids[g], name=n, duty=duty, username=u)
                  for u, n, duty, g in STAFF)
    households = {}
    for i, (name, grid) in enumerate(HOUSEHOLDS.items()):
        households[name], _ = add_household(store, actors["li.si"], household_data(
            grids[grid], door_no=f"1-1-{i}", address=f"幸福路{i}号"))
    at = {"start": period.start, "end": period.end, "mid": period.start + 7 * D,
          "before": period.start - D}
    for spec in PATROLS:
        actor = actors[spec.who]
        patrol_id, _ = start_patrol(store, actor, grids[spec.grid], now=at[spec.at])
        for code, result in zip(("order_vendors", "order_garbage"), spec.checks, strict=False):
            check_item(store, actor, patrol_id, code, result,
                       note="已记录" if result == "problem" else None)
        if spec.checks:
            finish_patrol(store, actor, patrol_id, now=at[spec.at] + H)
    for spec in VISITS:
        record_visit(store, actors[spec.who], VisitInput(
            households[spec.household], "routine", visited_at=as_of - spec.before_as_of,
            needs=(NeedInput("other", "咨询政策"),)))
    cases = {}
    for spec in CASES:
        cases[spec.name], _ = report_issue(store, actors[spec.who], IssueInput(
            grid_id=grids[spec.grid], category_code=spec.category, severity="general",
            title=f"案件{spec.name}", description="测试案件", address="幸福路1号",
            occurred_at=period.start - 10 * D), draft=spec.reported is None)
    with store.write() as s:  # what the server's accept/dispatch/close leave after a pull
        for spec in CASES:
            issue = s.get(Issue, cases[spec.name])
            issue.status = spec.status
            if spec.reported is not None:
                issue.reported_at = period.start + spec.reported
            issue.deadline_at = period.start + spec.deadline if spec.deadline else None
            issue.closed_at = period.start + spec.closed if spec.closed else None
    return District(period, as_of, grids, households, cases)


# ---------------------------------------------------------------- the figures, by hand


def _in(moment: datetime, period: Period) -> bool:
    return period.start <= moment < period.end


def case_cohort(period: Period, specs=CASES) -> list[CaseSpec]:
    return [c for c in specs if c.reported is not None
            and _in(period.start + c.reported, period)]


def expected_cases(specs: list[CaseSpec], period: Period) -> dict[str, float]:
    cohort = case_cohort(period, specs)
    closed = [c for c in cohort if c.closed is not None
              and period.start + c.closed < period.end]
    on_time = [c for c in closed if c.deadline is None or c.closed <= c.deadline]
    hours = sum((c.closed - c.reported).total_seconds() / 3600 for c in closed)
    return {"reported": len(cohort), "rejected": sum(c.status == "rejected" for c in cohort),
            "closed": len(closed), "closed_on_time": len(on_time), "hours": hours}


def expected_grid(grid: str, period: Period, as_of: datetime) -> dict[str, float]:
    patrols = [p for p in PATROLS if p.grid == grid and p.at in ("start", "mid")]
    real = [p for p in patrols if any(r != "not_applicable" for r in p.checks)]
    return {
        **expected_cases([c for c in CASES if c.grid == grid], period),
        "patrols": len(real), "empty_patrols": len(patrols) - len(real),
        "visits": sum(1 for v in VISITS if HOUSEHOLDS[v.household] == grid
                      and _in(as_of - v.before_as_of, period)),
        "households": sum(1 for g in HOUSEHOLDS.values() if g == grid),
        **_visited([v for v in VISITS if HOUSEHOLDS[v.household] == grid]),
    }


def _visited(visits: list[VisitSpec]) -> dict[str, int]:
    return {f"visited_{n}": len({v.household for v in visits
                                 if timedelta(0) < v.before_as_of <= timedelta(days=n)})
            for n in (30, 90)}


def expected_worker(who: str, period: Period, as_of: datetime) -> dict[str, float]:
    """A person's figures; their grids are those they are 网格员 of and those they worked in."""
    patrols = [p for p in PATROLS if p.who == who and p.at in ("start", "mid")]
    real = [p for p in patrols if any(r != "not_applicable" for r in p.checks)]
    visits = [v for v in VISITS if v.who == who]
    in_period = [v for v in visits if _in(as_of - v.before_as_of, period)]
    recent = [v for v in visits if timedelta(0) < v.before_as_of <= timedelta(days=90)]
    cases = case_cohort(period, [c for c in CASES if c.who == who])
    grids = ({g for u, _, duty, g in STAFF if u == who and duty == "网格员"}
             | {p.grid for p in patrols} | {c.grid for c in cases}
             | {HOUSEHOLDS[v.household] for v in in_period + recent})
    return {
        **expected_cases(cases, period),
        "patrols": len(real), "empty_patrols": len(patrols) - len(real),
        "visits": len(in_period),
        "households": sum(1 for g in HOUSEHOLDS.values() if g in grids),
        **_visited(visits),
    }
