"""The offline map and the point picker, driven with the mouse on the demo district."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolButton
from sqlalchemy import func, select
from uikit import wait_idle

from inspector import caseflow
from inspector.models import Area, Building, Household, Issue
from inspector.services.cases import IssueInput, report_issue
from ui.dialogs.pick_point import PickPointDialog
from ui.pages.map import MapPage
from ui.widgets.map_view import ISSUE_SIZE, MapView, ZoomButtons


def _outline(ctx) -> list[tuple[float, float]]:
    """The worker's grid outline, (lon, lat) points, read straight from the store."""
    (grid_id,) = ctx.actor.grid_ids
    with ctx.store.read() as s:
        boundary = s.scalar(select(Area.boundary).where(Area.id == grid_id))
    return [tuple(p) for p in boundary["coordinates"][0]]


def _at(view: MapView, lon: float, lat: float) -> QPoint:
    """Where a lon/lat point is on the screen."""
    return view.mapFromScene(view.projection.to_scene(lon, lat))


def _click(qtbot, view: MapView, pos: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.fixture
def picker(qtbot, ctx) -> PickPointDialog:
    (grid_id,) = ctx.actor.grid_ids
    dialog = PickPointDialog(ctx, grid_id)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.view.grid_path(grid_id) is not None)
    return dialog


def test_picker_gives_the_clicked_point_inside_the_grid(qtbot, ctx, picker) -> None:
    ring = _outline(ctx)
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    # a quarter of the way in from the south-west corner: inside, and off the centre
    lon = min(lons) + (max(lons) - min(lons)) / 4
    lat = min(lats) + (max(lats) - min(lats)) / 4
    assert not picker.use.isEnabled()

    _click(qtbot, picker.view, _at(picker.view, lon, lat))
    assert picker.use.isEnabled()
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.mouseClick(picker.use, Qt.MouseButton.LeftButton)

    got_lat, got_lon = picked.args
    assert min(lats) < got_lat < max(lats) and min(lons) < got_lon < max(lons)
    # a click is a pixel wide: the point is within a few metres of where we aimed
    assert abs(got_lat - lat) < 5e-5 and abs(got_lon - lon) < 5e-5
    assert not picker.isVisible()


def test_picker_refuses_a_click_outside_the_grid(qtbot, ctx, picker) -> None:
    ring = _outline(ctx)
    west = min(p[0] for p in ring)
    view = picker.view
    outside = view.mapFromScene(view.projection.to_scene(west, ring[0][1]) - QPointF(60, 0))
    outside.setX(max(outside.x(), 4))
    lon, _lat = view.projection.to_lonlat(view.mapToScene(outside))
    assert lon < west  # the test really aims west of the outline

    with qtbot.assertNotEmitted(picker.picked):
        _click(qtbot, view, outside)
        qtbot.mouseClick(picker.use, Qt.MouseButton.LeftButton)

    assert not picker.use.isEnabled()
    assert "outside" in picker.message.text()
    assert picker.isVisible()

    # a good click after a bad one is taken, and a later bad click keeps the good point
    inside = _at(view, west + 0.001, ring[0][1] + 0.001)
    _click(qtbot, view, inside)
    good = picker.point
    _click(qtbot, view, outside)
    assert picker.point == good and picker.use.isEnabled()


# -- the map page ---------------------------------------------------------------------------

@pytest.fixture
def map_page(qtbot, window, ctx) -> MapPage:
    page = window.open_page("map")
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: page.cases is not None)
    return page


def _store_counts(ctx) -> tuple[int, Counter]:
    """Buildings and open issues (by severity) of the actor's grids, counted in the store."""
    grids = ctx.actor.grid_ids
    with ctx.store.read() as s:
        buildings = s.scalar(select(func.count()).select_from(Building)
                             .where(Building.grid_id.in_(grids)))
        severities = Counter(s.scalars(select(Issue.severity).where(
            Issue.grid_id.in_(grids), Issue.status.in_(caseflow.OPEN))))
    return buildings, severities


# What the legend promises: urgent levels red, then orange, yellow, blue.
COLOURS = {"critical": "#d32f2f", "major": "#d32f2f", "serious": "#f57c00", "general": "#fbc02d",
           "minor": "#1e88e5"}


def _colour(marker) -> str:
    return marker.color


def test_worker_sees_the_grid_its_buildings_and_each_open_issue_coloured(ctx, map_page) -> None:
    view = map_page.view
    buildings, severities = _store_counts(ctx)
    assert view.grid_ids() == list(ctx.actor.grid_ids)
    ring = _outline(ctx)
    corner = _at(view, ring[0][0], ring[0][1])
    assert view.viewport().rect().contains(corner)  # the outline is in view

    assert len(view.markers("building")) == buildings > 0
    issues = view.markers("issue")
    assert Counter(_colour(i) for i in issues) == Counter(
        COLOURS[sev] for sev in severities.elements())
    assert len(issues) == sum(severities.values()) > 0
    assert f"{sum(severities.values())} open issue(s)" in map_page.summary.text()


def test_clicking_an_issue_opens_it(qtbot, ctx, map_page) -> None:
    view = map_page.view
    target = view.markers("issue")[0]
    spot = view.mapFromScene(target.pos)
    topmost = view.marker_at(spot)  # another dot may lie on top of it
    with qtbot.waitSignal(ctx.open_record) as opened:
        _click(qtbot, view, spot)
    assert opened.args == ["issue", topmost.id]


def test_clicking_a_building_opens_one_of_its_households(qtbot, ctx, map_page) -> None:
    view = map_page.view
    # issues could sit on top of a building: hide them all
    for box in map_page.severity_boxes.values():
        box.setChecked(False)
    assert view.markers("issue") == []
    target = view.markers("building")[0]
    with qtbot.waitSignal(ctx.open_record) as opened:
        _click(qtbot, view, view.mapFromScene(target.pos))
    entity, household_id = opened.args
    with ctx.store.read() as s:
        assert s.get(Household, household_id).building_id == target.id
    assert entity == "household"


def _dot_width(view: MapView, marker) -> int:
    """How many pixels of the marker's colour the screen shows across its centre."""
    image = view.viewport().grab().toImage()
    centre = view.mapFromScene(marker.pos)
    want = QColor(marker.color)

    def coloured(x: int) -> bool:
        got = image.pixelColor(x, centre.y())
        return max(abs(got.red() - want.red()), abs(got.green() - want.green()),
                   abs(got.blue() - want.blue())) < 40

    assert coloured(centre.x())
    left = right = centre.x()
    while coloured(left - 1):
        left -= 1
    while coloured(right + 1):
        right += 1
    return right - left + 1


def _loneliest(markers):
    """The marker farthest from any other, so that its dot is drawn whole."""
    def room(m):
        return min(((m.pos - o.pos).manhattanLength() for o in markers if o is not m),
                   default=1e9)
    return max(markers, key=room)


def test_zoom_changes_the_scale_but_not_the_markers(qtbot, map_page) -> None:
    view = map_page.view
    marker = _loneliest(view.markers("issue"))
    before_scale, before_width = view.scale_factor(), _dot_width(view, marker)
    corner = view.mapFromScene(view.grid_path(view.grid_ids()[0]).elementAt(0))

    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.scale_factor() == pytest.approx(before_scale * 1.25 ** 2)
    # the map itself did grow: the grid's corner moved away from the centre
    centre = view.viewport().rect().center()
    moved = view.mapFromScene(view.grid_path(view.grid_ids()[0]).elementAt(0))
    assert (moved - centre).manhattanLength() > (corner - centre).manhattanLength()
    view.centerOn(marker.pos)
    assert abs(_dot_width(view, marker) - before_width) <= 1  # a pixel of rounding, no more

    zoom_out = map_page.findChild(ZoomButtons).findChildren(QToolButton)[1]
    for _ in range(3):
        qtbot.mouseClick(zoom_out, Qt.MouseButton.LeftButton)
    assert view.scale_factor() == pytest.approx(before_scale / 1.25)
    assert abs(_dot_width(view, marker) - before_width) <= 1
    assert ISSUE_SIZE - 5 <= before_width <= ISSUE_SIZE  # the dot, less its rim


def test_filters_hide_buildings_and_one_severity(qtbot, ctx, map_page) -> None:
    _buildings, severities = _store_counts(ctx)
    common = severities.most_common(1)[0][0]
    map_page.severity_boxes[common].click()
    assert len(map_page.view.markers("issue")) == sum(severities.values()) - severities[common]
    map_page.show_buildings.click()
    assert map_page.view.markers("building") == []
    map_page.severity_boxes[common].click()
    assert len(map_page.view.markers("issue")) == sum(severities.values())


def test_new_reports_appear_on_the_map_in_their_severity_colour(qtbot, ctx, map_page) -> None:
    before = len(map_page.view.markers("issue"))
    ring = _outline(ctx)
    reported: dict[str, str] = {}  # issue id -> severity
    for n, severity in enumerate(COLOURS):
        report = IssueInput(grid_id=ctx.actor.grid_ids[0], category_code="exposed_garbage",
                            severity=severity, title="垃圾堆放", description="门口有暴露垃圾",
                            address="幸福路1号", occurred_at=datetime.now(UTC) - timedelta(hours=1),
                            lat=ring[0][1] + 0.0005 * (n + 1), lon=ring[0][0] + 0.0005 * (n + 1))
        ctx.write(lambda store, actor, report=report: report_issue(store, actor, report),
                  lambda result, severity=severity: reported.update({result[0]: severity}))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: len(map_page.view.markers("issue")) == before + len(COLOURS))
    shown = {m.id: _colour(m) for m in map_page.view.markers("issue")}
    assert {i: shown[i] for i in reported} == {i: COLOURS[s] for i, s in reported.items()}
