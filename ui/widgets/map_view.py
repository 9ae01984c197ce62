"""An offline map drawn from the store alone: grid outlines, buildings and open issues.

No tiles and no network: grid polygons, building squares and issue dots are scene
items placed by a simple equirectangular projection (metres east and north of the
map's centre, east scaled by cos(latitude)), which is accurate enough at the scale
of a district. Markers ignore the view's zoom so they keep their size on screen.

Thousands of markers (a supervisor's district) are added in small batches from the
event loop, so the window keeps answering while the map fills in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

import qtawesome as qta
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QToolButton,
    QWidget,
)

from inspector.queries.map import BuildingMark, IssueMark, OpenIssues, Territory

from ..labels import status_label
from ..qt_workarounds import keep_singletons_alive

# Thousands of markers mean tens of thousands of Qt calls: without this the interpreter
# aborts on PySide6 6.12 + Python 3.11 (see ui.qt_workarounds). Applied app-wide at start-up
# too; calling it again is harmless.
keep_singletons_alive()

METRES_PER_DEGREE = 111_320.0
SEVERITY_COLORS = {  # enums.json "severity": the two urgent levels share red
    "critical": "#d32f2f",
    "major": "#d32f2f",
    "serious": "#f57c00",
    "general": "#fbc02d",
    "minor": "#1e88e5",
}
OTHER_SEVERITY_COLOR = "#757575"
BUILDING_COLOR = "#546e7a"
ISSUE_SIZE = 14  # pixels on screen, whatever the zoom
BUILDING_SIZE = 10
PIN_SIZE = 22
ZOOM_STEP = 1.25
MAX_SCALE = 8.0  # pixels per metre: a building fills the window
LABEL_MIN_PIXELS = 110  # a grid narrower than this on screen hides its name
BATCH = 1500  # markers added per event-loop turn
CLICK_SLOP = 5  # pixels a press may move and still count as a click

# Keys of QGraphicsItem.data() on markers: what a click opens.
ENTITY_KEY, ID_KEY = 0, 1


class Projection:
    """lon/lat <-> scene metres around a centre point (north is up)."""

    def __init__(self, lon0: float, lat0: float):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = METRES_PER_DEGREE * math.cos(math.radians(lat0))

    def to_scene(self, lon: float, lat: float) -> QPointF:
        return QPointF((lon - self.lon0) * self.kx, -(lat - self.lat0) * METRES_PER_DEGREE)

    def to_lonlat(self, point: QPointF) -> tuple[float, float]:
        return (self.lon0 + point.x() / self.kx, self.lat0 - point.y() / METRES_PER_DEGREE)


def _centre(land: Territory) -> tuple[float, float]:
    points = [p for g in land.grids for ring in g.rings[:1] for p in ring]
    points = points or [(b.lon, b.lat) for b in land.buildings] or [(116.3, 39.9)]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2


def _layer(scene: QGraphicsScene, z: float) -> QGraphicsRectItem:
    """An empty parent item: hiding it hides a whole layer at once."""
    layer = QGraphicsRectItem()
    layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
    layer.setZValue(z)
    scene.addItem(layer)
    return layer


def _marker(item: QGraphicsItem, layer: QGraphicsItem, pos: QPointF, entity: str,
            record_id: str, tip: str) -> QGraphicsItem:
    item.setParentItem(layer)
    item.setPos(pos)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    item.setData(ENTITY_KEY, entity)
    item.setData(ID_KEY, record_id)
    item.setToolTip(tip)
    return item


class MapView(QGraphicsView):
    """The map. A click emits `point_clicked`, and `marker_clicked(entity, id)` first when it
    lands on a building or an issue."""

    marker_clicked = Signal(str, str)
    point_clicked = Signal(float, float)  # lat, lon
    drawn = Signal()  # every queued marker is on the map
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor("#f4f1ea"))
        # Dragging moves the map; scroll bars would only take room from it.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumSize(300, 240)
        self.projection = Projection(116.3, 39.9)
        self._grids: dict[str, QGraphicsPathItem] = {}
        self._grid_width = 0.0  # typical grid width in metres, for showing names
        self._layers: dict[str, QGraphicsRectItem] = {}
        self._severity_layers: dict[str, QGraphicsRectItem] = {}
        self._hidden_severities: set[str] = set()
        self._pin: QGraphicsItem | None = None
        self._press: QPointF | None = None
        self._fitted: QRectF | None = None  # what a resize keeps in view, until a manual zoom
        self._work: list[Iterator[None]] = []
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._add_batch)
        for keys, slot in ((("Ctrl+=", "Ctrl++"), self.zoom_in), (("Ctrl+-",), self.zoom_out),
                           (("Ctrl+0",), self.fit_all)):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)

    # -- content -------------------------------------------------------------------
    def show_territory(self, land: Territory) -> None:
        """Draw grids and buildings (replacing any drawn before); issues come separately."""
        self.scene().clear()
        self._grids.clear()
        self._layers.clear()
        self._severity_layers.clear()
        self._pin = None
        self._work.clear()
        self.projection = Projection(*_centre(land))
        self._layers["grids"] = _layer(self.scene(), 0)
        self._layers["labels"] = _layer(self.scene(), 1)
        self._layers["buildings"] = _layer(self.scene(), 2)
        self._draw_grids(land)
        self._queue(self._building_items(land.buildings))
        extent = self._grids_rect()
        margin = max(extent.width(), extent.height(), 200.0) * 0.5
        self.setSceneRect(extent.adjusted(-margin, -margin, margin, margin))

    def show_issues(self, cases: OpenIssues) -> None:
        """Replace the issue dots (one layer per severity, so filters are one switch)."""
        for layer in self._severity_layers.values():
            self.scene().removeItem(layer)
        self._severity_layers.clear()
        self._queue(self._issue_items(cases.issues))

    def _draw_grids(self, land: Territory) -> None:
        outline = QPen(QColor("#2e7d32"), 2)
        outline.setCosmetic(True)  # same line width at every zoom
        fill = QBrush(QColor(46, 125, 50, 28))
        widths = []
        for grid in land.grids:
            if not grid.rings:
                continue
            path = QPainterPath()
            for ring in grid.rings:
                path.addPolygon([self.projection.to_scene(lon, lat) for lon, lat in ring])
                path.closeSubpath()
            item = QGraphicsPathItem(path, self._layers["grids"])
            item.setPen(outline)
            item.setBrush(fill)
            item.setToolTip(grid.name)
            self._grids[grid.id] = item
            box = path.boundingRect()
            widths.append(box.width())
            label = QGraphicsSimpleTextItem(grid.name, self._layers["labels"])
            label.setBrush(QColor("#1b5e20"))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            text = label.boundingRect()
            label.setPos(box.center())
            label.setTransform(label.transform().translate(-text.width() / 2, -text.height() / 2))
        self._grid_width = sorted(widths)[len(widths) // 2] if widths else 0.0

    def _building_items(self, buildings: Iterable[BuildingMark]) -> Iterator[None]:
        pen, brush = QPen(QColor("white"), 1), QBrush(QColor(BUILDING_COLOR))
        half = BUILDING_SIZE / 2
        for b in buildings:
            item = QGraphicsRectItem(-half, -half, BUILDING_SIZE, BUILDING_SIZE)
            item.setPen(pen)
            item.setBrush(brush)
            _marker(item, self._layers["buildings"], self.projection.to_scene(b.lon, b.lat),
                    "building", b.id,
                    f"{b.name}\n{b.address}\n" + self.tr("%n household(s)", "", b.households))
            yield

    def _issue_items(self, issues: Iterable[IssueMark]) -> Iterator[None]:
        pen = QPen(QColor("#263238"), 1.5)
        half = ISSUE_SIZE / 2
        for issue in issues:
            item = QGraphicsEllipseItem(-half, -half, ISSUE_SIZE, ISSUE_SIZE)
            item.setPen(pen)
            item.setBrush(QColor(severity_color(issue.severity)))
            tip = f"{issue.title}\n{status_label(issue.status)}"
            _marker(item, self._severity_layer(issue.severity),
                    self.projection.to_scene(issue.lon, issue.lat), "issue", issue.id, tip)
            yield

    def _severity_layer(self, severity: str) -> QGraphicsRectItem:
        if severity not in self._severity_layers:
            layer = _layer(self.scene(), 3)
            layer.setVisible(severity not in self._hidden_severities)
            self._severity_layers[severity] = layer
        return self._severity_layers[severity]

    # -- batches ---------------------------------------------------------------------
    def _queue(self, items: Iterator[None]) -> None:
        self._work.append(items)
        self._add_batch()  # small maps are complete before this returns

    def _add_batch(self) -> None:
        budget = BATCH
        while self._work and budget:
            if next(self._work[0], StopIteration) is StopIteration:
                self._work.pop(0)
            else:
                budget -= 1
        if self._work:
            self._timer.start()
        else:
            self._timer.stop()
            self.drawn.emit()

    def drawing(self) -> bool:
        """True while markers are still being added."""
        return bool(self._work)

    # -- filters and lookups -----------------------------------------------------------
    def set_buildings_visible(self, visible: bool) -> None:
        if "buildings" in self._layers:
            self._layers["buildings"].setVisible(visible)

    def set_severity_visible(self, severity: str, visible: bool) -> None:
        (self._hidden_severities.discard if visible else self._hidden_severities.add)(severity)
        if severity in self._severity_layers:
            self._severity_layers[severity].setVisible(visible)

    def markers(self, entity: str) -> list[QGraphicsItem]:
        """The visible markers of one entity ("building" or "issue")."""
        return [item for item in self.scene().items()
                if item.data(ENTITY_KEY) == entity and item.isVisible()]

    def grid_path(self, grid_id: str) -> QPainterPath | None:
        item = self._grids.get(grid_id)
        return item.path() if item else None

    def grid_ids(self) -> list[str]:
        return list(self._grids)

    def set_pin(self, lat: float, lon: float) -> None:
        """Mark the point a user picked (a red target that keeps its size)."""
        if self._pin is None:
            self._pin = self.scene().addPixmap(
                qta.icon("fa5s.map-marker-alt", color="#c62828").pixmap(PIN_SIZE, PIN_SIZE))
            self._pin.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self._pin.setOffset(-PIN_SIZE / 2, -PIN_SIZE)  # the tip of the pin is the point
            self._pin.setZValue(10)
        self._pin.setPos(self.projection.to_scene(lon, lat))

    # -- zoom ------------------------------------------------------------------------------
    def scale_factor(self) -> float:
        """Screen pixels per scene metre."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self._fitted = None
        target = max(self._min_scale(), min(MAX_SCALE, self.scale_factor() * factor))
        self.scale(target / self.scale_factor(), target / self.scale_factor())
        self._zoom_changed()

    def zoom_in(self) -> None:
        self._zoom_keeping_centre(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_keeping_centre(1 / ZOOM_STEP)

    def _zoom_keeping_centre(self, factor: float) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(factor)
        self.setTransformationAnchor(anchor)

    def fit_all(self) -> None:
        self._fit(self._grids_rect())

    def zoom_to_grid(self, grid_id: str) -> None:
        if grid_id in self._grids:
            self._fit(self._grids[grid_id].sceneBoundingRect())

    def _fit(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        self._fitted = rect
        margin = max(rect.width(), rect.height()) * 0.08
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_changed()

    def _grids_rect(self) -> QRectF:
        if self._grids:
            return self._layers["grids"].childrenBoundingRect()
        return self.scene().itemsBoundingRect()

    def _min_scale(self) -> float:
        """Zooming out stops when the whole area fills a quarter of the window."""
        rect = self._grids_rect()
        if rect.isEmpty():
            return 1e-4
        return min(self.viewport().width() / rect.width(),
                   self.viewport().height() / rect.height()) / 4

    def _zoom_changed(self) -> None:
        if "labels" in self._layers:
            self._layers["labels"].setVisible(
                self._grid_width * self.scale_factor() >= LABEL_MIN_PIXELS)
        self.zoomed.emit()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self._fitted is not None:
            self._fit(self._fitted)

    # -- mouse -------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt name)
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        moved = event.position() - press
        if abs(moved.x()) + abs(moved.y()) > CLICK_SLOP:
            return  # that was a drag (pan), not a click
        self._clicked(event.position().toPoint())

    def _clicked(self, pos) -> None:
        marker = next((item for item in self.items(pos) if item.data(ENTITY_KEY)), None)
        if marker is not None:
            self.marker_clicked.emit(marker.data(ENTITY_KEY), marker.data(ID_KEY))
        lon, lat = self.projection.to_lonlat(self.mapToScene(pos))
        self.point_clicked.emit(lat, lon)


def severity_color(severity: str) -> str:
    return SEVERITY_COLORS.get(severity, OTHER_SEVERITY_COLOR)


class ZoomButtons(QWidget):
    """Big +, − and "fit" buttons for people who do not use the mouse wheel."""

    def __init__(self, view: MapView, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for icon, tip, slot in (
                ("fa5s.search-plus", self.tr("Zoom in (Ctrl+=)"), view.zoom_in),
                ("fa5s.search-minus", self.tr("Zoom out (Ctrl+-)"), view.zoom_out),
                ("fa5s.expand", self.tr("Show everything (Ctrl+0)"), view.fit_all)):
            button = QToolButton()
            button.setIcon(qta.icon(icon))
            button.setIconSize(QSize(24, 24))
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
