"""Scorecard figures on a real store against the same figures counted by hand (scorekit)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from scorekit import build, expected_grid, expected_worker

from inspector.queries.periods import (
    Period,
    last_days,
    local_day,
    midnight,
    month_of,
    report_period,
    week_of,
)
from inspector.queries.scorecard import Figures, scorecard


def _figures(f: Figures) -> dict[str, float]:
    return {"reported": f.reported, "rejected": f.rejected, "closed": f.closed,
            "closed_on_time": f.closed_on_time, "hours": f.handling_hours_total,
            "patrols": f.patrols, "empty_patrols": f.empty_patrols, "visits": f.visits,
            "households": f.households, "visited_30": f.visited_30, "visited_90": f.visited_90}


@pytest.fixture
def district(store, tree):
    return build(store, tree)


def test_grid_figures_match_the_hand_count(store, district):
    card = scorecard(store, district.period)
    assert card.as_of == district.as_of
    rows = {g.grid_id: g for g in card.grids}
    assert set(rows) == set(district.grids.values())
    for name, grid_id in district.grids.items():
        got = _figures(rows[grid_id].figures)
        want = expected_grid(name, district.period, district.as_of)
        assert got.pop("hours") == pytest.approx(want.pop("hours"), abs=1e-3)
        assert got == want, name
    # The same figures worked out on paper, as an anchor for the rules themselves.
    g1, g2 = rows[district.grids["g1"]].figures, rows[district.grids["g2"]].figures
    assert (g1.patrols, g1.empty_patrols, g1.visits) == (2, 2, 1)
    assert (g1.reported, g1.rejected, g1.closed, g1.closed_on_time) == (4, 1, 2, 1)
    assert g1.closure_rate == pytest.approx(2 / 3)
    assert g1.on_time_rate == pytest.approx(1 / 2)
    assert g1.average_handling_hours == pytest.approx((4 + 48) / 2, abs=1e-3)
    assert (g1.coverage_30, g1.coverage_90) == (1 / 4, 2 / 4)
    assert (g2.patrols, g2.visits, g2.reported, g2.closed) == (2, 2, 3, 1)
    assert (g2.coverage_30, g2.on_time_rate, g2.average_handling_hours) == (1.0, 1.0,
                                                                          pytest.approx(2))


def test_worker_figures_match_the_hand_count(store, district):
    card = scorecard(store, district.period)
    rows = {w.username: w for w in card.workers}
    # The supervisor on the staff list is not ranked; a 网格员 with no work is, with zeros.
    assert set(rows) == {"wang.wu", "zhang.san", "li.si", "zhao.qi"}
    for username, row in rows.items():
        got = _figures(row.figures)
        want = expected_worker(username, district.period, district.as_of)
        assert got.pop("hours") == pytest.approx(want.pop("hours"), abs=1e-3)
        assert got == want, username
    assert rows["zhang.san"].name == "张三" and rows["li.si"].name == "li.si"
    idle = rows["zhao.qi"].figures
    assert (idle.patrols, idle.reported, idle.households) == (0, 0, 2)
    assert idle.closure_rate is None and idle.coverage_30 == 0


def test_totals_add_up_the_grids(store, district):
    card = scorecard(store, district.period)
    total = _figures(card.total)
    by_hand = [expected_grid(g, district.period, district.as_of) for g in ("g1", "g2")]
    assert total == pytest.approx({k: sum(g[k] for g in by_hand) for k in total})


def test_a_scope_of_one_grid_sees_only_that_grid(store, district):
    g2 = district.grids["g2"]
    card = scorecard(store, district.period, [g2])
    assert [g.grid_id for g in card.grids] == [g2]
    wang = next(w for w in card.workers if w.username == "wang.wu")
    # In g2 wang.wu only visited h5: no patrols or cases of g1 leak in.
    assert (wang.figures.patrols, wang.figures.reported, wang.figures.households) == (0, 0, 2)
    assert wang.figures.visited_30 == 1


def test_an_empty_period_has_no_rates(store, district):
    long_ago = Period(date(2020, 1, 1), date(2020, 1, 31))
    card = scorecard(store, long_ago)
    total = card.total
    assert (total.reported, total.patrols, total.visits) == (0, 0, 0)
    assert total.closure_rate is None and total.on_time_rate is None
    assert total.average_handling_hours is None
    assert total.households == 6 and total.coverage_90 == 0


def test_the_current_period_counts_up_to_now(store, district):
    now = district.as_of + timedelta(hours=1)
    card = scorecard(store, last_days(3, local_day(now)), now=now)
    assert card.as_of == now


# ---------------------------------------------------------------- periods


def test_days_are_cut_at_midnight_china_time():
    start = midnight(date(2026, 3, 1))
    assert start == datetime(2026, 2, 28, 16, 0, tzinfo=UTC)
    assert local_day(start - timedelta(microseconds=1)) == date(2026, 2, 28)
    assert local_day(start) == date(2026, 3, 1)
    assert Period(date(2026, 3, 1), date(2026, 3, 1)).end - start == timedelta(days=1)


def test_weeks_months_and_report_periods():
    assert week_of(date(2026, 11, 22)) == Period(date(2026, 11, 16), date(2026, 11, 22))
    assert week_of(date(2026, 11, 23)).first == date(2026, 11, 23)  # a Monday starts a week
    assert month_of(date(2028, 2, 10)) == Period(date(2028, 2, 1), date(2028, 2, 29))
    assert month_of(date(2026, 12, 31)) == Period(date(2026, 12, 1), date(2026, 12, 31))
    assert last_days(30, date(2026, 11, 23)).days == 30
    assert report_period("daily", date(2026, 11, 23)).days == 1
    assert report_period("monthly", date(2026, 11, 23)).last == date(2026, 11, 30)
    with pytest.raises(ValueError):
        report_period("yearly", date(2026, 11, 23))
    with pytest.raises(ValueError):
        Period(date(2026, 11, 2), date(2026, 11, 1))
