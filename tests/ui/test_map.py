"""The offline map and the point picker, driven with the mouse on the demo district."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from sqlalchemy import select
from uikit import wait_idle

from inspector.models import Area
from ui.dialogs.pick_point import PickPointDialog
from ui.widgets.map_view import MapView


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
