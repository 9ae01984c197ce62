"""The data of the case reports on a real store, against counts made by hand from scorekit."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from scorekit import CASES, build, case_cohort, expected_cases

from inspector.caseflow import OPEN
from inspector.catalogues import issue_subcategory
from inspector.queries.periods import local_day
from inspector.queries.reports import case_report, daily_counts


@pytest.fixture
def district(store, tree):
    return build(store, tree)


def test_counts_by_class_status_and_grid(store, district):
    report = case_report(store, "weekly", district.period)
    cohort = case_cohort(district.period)
    classes = Counter(issue_subcategory(c.category)["class_code"] for c in cohort)
    assert {c.code: c.figures.reported for c in report.by_class} == classes
    assert [c.figures.reported for c in report.by_class] == sorted(classes.values(),
                                                                   reverse=True)
    assert dict(report.by_status) == Counter(c.status for c in cohort)
    assert "draft" not in dict(report.by_status)
    for row in report.by_grid:
        name = next(k for k, v in district.grids.items() if v == row.grid_id)
        want = expected_cases([c for c in CASES if c.grid == name], district.period)
        assert (row.figures.reported, row.figures.closed) == (want["reported"], want["closed"])
    want = expected_cases(list(CASES), district.period)
    assert report.totals.reported == want["reported"] == 7
    assert report.totals.closure_rate == pytest.approx(
        want["closed"] / (want["reported"] - want["rejected"]))
    assert report.area_name == "幸福社区" and report.grid_count == 2


def test_the_overdue_list_is_what_is_late_now(store, district):
    now = datetime.now(UTC)
    report = case_report(store, "daily", district.period, now=now)
    late = [c for c in CASES if c.status in OPEN and c.deadline is not None
            and district.period.start + c.deadline < now]
    late.sort(key=lambda c: c.deadline)
    assert [o.issue_id for o in report.overdue] == [district.cases[c.name] for c in late]
    assert [c.name for c in late] == ["c10", "c3"]  # c10 was reported before the period
    per_grid = {row.grid_id: row.overdue for row in report.by_grid}
    assert per_grid == {district.grids["g1"]: 1, district.grids["g2"]: 1}


def test_a_scope_narrows_every_table(store, district):
    g2 = district.grids["g2"]
    report = case_report(store, "monthly", district.period, [g2])
    assert [row.grid_id for row in report.by_grid] == [g2]
    assert report.area_name == "第二网格"
    assert {o.grid_id for o in report.overdue} == {g2}
    assert report.totals.reported == sum(1 for c in case_cohort(district.period)
                                         if c.grid == "g2")


def test_daily_counts_fall_on_china_days(store, district):
    period = district.period
    series = daily_counts(store, period)
    assert series.days == tuple(period.day_list())
    reported = Counter(local_day(period.start + c.reported) for c in case_cohort(period))
    closed = Counter(local_day(period.start + c.closed) for c in CASES if c.closed is not None
                     and period.start <= period.start + c.closed < period.end)
    assert dict(zip(series.days, series.reported, strict=True)) == {
        d: reported.get(d, 0) for d in series.days}
    assert dict(zip(series.days, series.closed, strict=True)) == {
        d: closed.get(d, 0) for d in series.days}
    # c2 came one second before the third day began: it counts on the second.
    assert series.reported[:3] == (1, 1, 0)
    assert sum(series.reported) == 7
