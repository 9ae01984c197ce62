"""The supervisors' dashboard on the demo district: tables, charts, periods, device sync health.

Expected figures are counted here in Python from plain rows of the store (no
GROUP BY), following the definitions in inspector.queries.scorecard.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select
from testkit import household_data
from uikit import wait_idle

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))  # the sync tests' server kit
from synckit import grid_id, make_device  # noqa: E402

from inspector.db import Store  # noqa: E402
from inspector.models import Area, Issue, LocalProfile, Patrol, PatrolItem, Visit  # noqa: E402
from inspector.queries.periods import Period, last_days, today  # noqa: E402
from inspector.services import register  # noqa: E402
from inspector.services.cases import IssueInput, report_issue  # noqa: E402
from ui.context import AppContext, who_of  # noqa: E402
from ui.pages.dashboard import DashboardPage  # noqa: E402


@pytest.fixture
def role() -> str:
    return "supervisor"


def hand_count(store: Store, period: Period) -> dict[str, dict[str, int]]:
    """Per grid name: real patrols, visits, cases reported and closed in `period`."""
    def inside(moment) -> bool:
        return moment is not None and period.start <= moment < period.end

    with store.read() as s:
        names = dict(s.execute(select(Area.id, Area.name).where(Area.level == "grid")).all())
        checked = {p for p, r in s.execute(select(PatrolItem.patrol_id, PatrolItem.result))
                   if r != "not_applicable"}
        patrols = s.execute(select(Patrol.id, Patrol.grid_id, Patrol.started_at)).all()
        visits = s.execute(select(Visit.grid_id, Visit.visited_at)).all()
        cases = s.execute(select(Issue.grid_id, Issue.reported_at, Issue.closed_at,
                                 Issue.status)).all()
    out = {name: Counter() for name in names.values()}
    for pid, grid, started in patrols:
        out[names[grid]]["patrols"] += inside(started) and pid in checked
    for grid, visited in visits:
        out[names[grid]]["visits"] += inside(visited)
    for grid, reported, closed, status in cases:
        if inside(reported):
            out[names[grid]]["reported"] += 1
            out[names[grid]]["to_close"] += status != "rejected"
            out[names[grid]]["closed"] += closed is not None and closed < period.end
    return out


def table(view) -> dict[str, dict[str, str]]:
    """What the table shows: first column → {header: text}, in the view's order."""
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {model.index(r, 0).data(): {h: model.index(r, c).data() for c, h in enumerate(headers)}
            for r in range(model.rowCount())}


def _pct(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "—"


@pytest.fixture
def page(qtbot, window, ctx) -> DashboardPage:
    page = window.open_page("dashboard")
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: page.data is not None)
    return page


def test_grid_table_shows_the_hand_counted_figures(qtbot, ctx, page) -> None:
    assert page.picker.choice.currentText() == "Last 30 days"
    period = last_days(30, today())
    want = hand_count(ctx.store, period)
    shown = table(page.grid_view)
    assert set(shown) == set(want)
    for name, counts in want.items():
        row = shown[name]
        assert (row["Patrols"], row["Visits"], row["Cases reported"], row["Cases closed"]) == (
            str(counts["patrols"]), str(counts["visits"]), str(counts["reported"]),
            str(counts["closed"])), name
        assert row["Closure rate"] == _pct(counts["closed"], counts["to_close"])
    assert sum(c["reported"] for c in want.values()) > 0  # the demo has cases this month


def test_worker_table_credits_each_reporter(qtbot, ctx, page) -> None:
    period = last_days(30, today())
    with ctx.store.read() as s:
        reported = Counter(who for who, at in s.execute(select(Issue.reporter, Issue.reported_at))
                           if at is not None and period.start <= at < period.end)
    rows = {row["Account"]: row for row in table(page.worker_view).values()}
    assert {"wgy01", "wgy02", "wgy03"} <= set(rows)  # every 网格员, work or not
    assert {a: int(r["Cases reported"]) for a, r in rows.items() if r["Cases reported"] != "0"} \
        == dict(reported)


def test_clicking_a_header_ranks_the_grids(qtbot, ctx, page) -> None:
    view = page.grid_view
    header = view.horizontalHeader()
    column = next(c for c in range(header.count())
                  if view.model().headerData(c, Qt.Orientation.Horizontal) == "Cases reported")
    spot = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # most first
    shown = [int(view.model().index(r, column).data()) for r in range(view.model().rowCount())]
    assert shown == sorted(shown, reverse=True)


def test_charts_carry_the_figures(qtbot, ctx, page) -> None:
    want = hand_count(ctx.store, last_days(30, today()))
    (bars,) = page.bars.chart().series()
    assert isinstance(bars, QBarSeries)
    reported, closed = bars.barSets()
    assert (reported.label(), closed.label()) == ("Cases reported", "Cases closed")
    (names,) = page.bars.chart().axes(Qt.Orientation.Horizontal)
    got = {name: (reported.at(i), closed.at(i)) for i, name in enumerate(names.categories())}
    assert got == {n: (c["reported"], c["closed"]) for n, c in want.items()}
    lines = page.lines.chart().series()
    assert [type(s) for s in lines] == [QLineSeries, QLineSeries]
    assert [s.name() for s in lines] == ["Cases reported", "Cases closed"]
    assert len(lines[0].points()) == 30  # one point a day, up to today
    assert sum(p.y() for p in lines[0].points()) == sum(c["reported"] for c in want.values())


def test_choosing_dates_recounts(qtbot, ctx, page) -> None:
    first, last = today() - timedelta(days=20), today() - timedelta(days=6)
    with qtbot.waitSignal(page.picker.changed):
        page.picker.set_custom(first, last)
    assert page.picker.first.isVisible() and page.picker.last.isVisible()
    wait_idle(qtbot, ctx)
    want = hand_count(ctx.store, Period(first, last))
    shown = table(page.grid_view)
    assert {n: shown[n]["Cases reported"] for n in want} == {
        n: str(c["reported"]) for n, c in want.items()}
    assert len(page.lines.chart().series()[0].points()) == 15


def test_a_profile_without_a_server_says_so(qtbot, ctx, page) -> None:
    page.tabs.setCurrentWidget(page.health)
    assert "no server" in page.health.message.text()
    assert page.health.table.isHidden()


# ---------------------------------------------------------------- with a real server


def test_device_health_lists_unsent_work(qtbot, tmp_path, server) -> None:
    worker = make_device(tmp_path / "devices", server.url, "wgy1")
    worker.sync()
    for k in range(2):  # two changes wait on the worker's laptop
        register.add_household(worker.store, worker.actor,
                               household_data(grid_id("G01"), door_no=f"9-{k}"))
    worker.engine._report_health(quiet=False)  # what the end of a failed sync sends
    supervisor = make_device(tmp_path / "devices", server.url, "jdy1")
    with supervisor.store.read() as s:
        who = who_of(s.get(LocalProfile, 1))
    ctx = AppContext(supervisor.store, who)
    ctx.sync.token = supervisor.transport.token
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.health.table.rowCount() == 1, timeout=20_000)
    cells = [page.health.table.item(0, c).text() for c in range(3)]
    assert cells[0] == "wgy1" and cells[2] == "2"
    assert "1 of 1" in page.health.message.text()

    ctx.sync.token = None  # logged out: a message, not a crash
    page.ask_health()
    assert "Log in" in page.health.message.text() and page.health.table.isHidden()

    ctx.sync.token = supervisor.transport.token
    server.stop()  # the server goes away
    page.health.refresh.click()
    qtbot.waitUntil(lambda: "cannot be reached" in page.health.message.text(), timeout=30_000)
    wait_idle(qtbot, ctx)
    ctx.drain()
    worker.close()
    supervisor.close()


def test_days_shown_stop_today(qtbot) -> None:
    from inspector.queries.reports import DailyCounts
    from ui.dashboard.charts import DailyLinesView

    days = tuple(date(2026, 11, d) for d in (1, 2, 3))
    view = DailyLinesView()
    view.show_days(DailyCounts(days, (1, 2, 3), (0, 1, 0)), until=date(2026, 11, 2))
    assert [p.y() for p in view.chart().series()[0].points()] == [1, 2]


def test_a_new_report_is_counted_once_saves_settle(qtbot, ctx, page) -> None:
    grid, name = page.grid_model.rows[0].grid_id, page.grid_model.rows[0].name
    before = int(table(page.grid_view)[name]["Cases reported"])
    ctx.write(lambda store, actor: report_issue(store, actor, IssueInput(
        grid_id=grid, category_code="exposed_garbage", severity="general", title="垃圾堆放",
        description="路口有暴露垃圾", address="幸福路12号",
        occurred_at=datetime.now(UTC) - timedelta(hours=1))), lambda _result: None)
    qtbot.waitUntil(lambda: table(page.grid_view)[name]["Cases reported"] == str(before + 1),
                    timeout=10_000)


def test_score_models_keep_qt_model_rules(qtmodeltester, page) -> None:
    qtmodeltester.check(page.grid_model)
    qtmodeltester.check(page.worker_model)
