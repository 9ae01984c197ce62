"""An offline map drawn from the store alone: grid outlines, buildings and open issues.

No tiles and no network: grid outlines and markers are placed by a simple
equirectangular projection (metres east and north of the map's centre, east scaled
by cos(latitude)), which is accurate enough at the scale of a district.

Markers of one kind (buildings, or issues of one severity) are ONE scene item that
stamps the same small picture at each of its points in screen pixels: the dots keep
their size at every zoom, and a supervisor's thousands of markers are drawn,
replaced and hidden in milliseconds instead of one Qt item per marker.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QToolButton,
    QToolTip,
    QWidget,
)

from inspector.queries.map import OpenIssues, Ring, Territory

from ..labels import status_label

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
CLICK_SLOP = 5  # pixels a press may move and still count as a click

SEVERITY_ORDER = ("critical", "major", "serious", "general", "minor")  # most severe first
MARKER_ROOM = 2000.0  # scene metres around a layer's points that its markers may cover


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


@dataclass(frozen=True)
class Marker:
    entity: str  # "building" or "issue": what a click opens
    id: str
    pos: QPointF  # scene coordinates
    tip: str
    color: str


def _dot_picture(color: str, size: int, round_: bool) -> QPixmap:
    """One marker: a dot (issues) or a square (buildings) with a dark rim."""
    picture = QPixmap(size, size)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#263238"), 1.5))
    painter.setBrush(QColor(color))
    shape = QRectF(1, 1, size - 2, size - 2)
    if round_:
        painter.drawEllipse(shape)
    else:
        painter.drawRect(shape)
    painter.end()
    return picture


class MarkerLayer(QGraphicsItem):
    """Same-looking markers, each a small picture drawn at its point: size in screen pixels."""

    def __init__(self, markers: list[Marker], color: str, size: int, round_: bool, z: float):
        super().__init__()
        self.markers = markers
        self.size = size
        self._points = QPolygonF([m.pos for m in markers])
        self._dot = _dot_picture(color, size, round_)
        # Room for a marker's radius at the farthest zoom out (see MapView._min_scale).
        self._bounds = self._points.boundingRect().adjusted(-MARKER_ROOM, -MARKER_ROOM,
                                                            MARKER_ROOM, MARKER_ROOM)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt name)
        return self._bounds

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        # Map all points to the screen in one call, then stamp the same picture on each:
        # 8,000 markers take about 20 ms, where antialiased wide pens take 150.
        on_screen = painter.worldTransform().map(self._points)
        half = self.size / 2
        painter.save()
        painter.resetTransform()
        for i in range(on_screen.size()):
            point = on_screen.at(i)
            painter.drawPixmap(QPointF(point.x() - half, point.y() - half), self._dot)
        painter.restore()

    def hit(self, scene_pos: QPointF, scale: float) -> Marker | None:
        """The marker under a scene point (the last drawn wins, as on screen)."""
        reach = (self.size / 2 + 2) / scale
        x, y = scene_pos.x(), scene_pos.y()
        for marker in reversed(self.markers):
            if abs(marker.pos.x() - x) <= reach and abs(marker.pos.y() - y) <= reach:
                return marker
        return None


class MapView(QGraphicsView):
    """The map. A click emits `point_clicked`, and `marker_clicked(entity, id)` first when it
    lands on a building or an issue."""

    marker_clicked = Signal(str, str)
    point_clicked = Signal(float, float)  # lat, lon
    zoomed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # A few thousand items at most (grids, names, marker layers): a plain list is quicker
        # to keep than a BSP tree when marker layers are replaced.
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
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
        self._grids: dict[str, tuple[str, QPainterPath]] = {}  # id -> (name, outline)
        self._grid_width = 0.0  # typical grid width in metres, for showing names
        self._extent = QRectF()  # what "fit all" shows
        self._labels: QGraphicsItem | None = None  # parent of the grid names
        self._buildings: MarkerLayer | None = None
        self._issues: dict[str, MarkerLayer] = {}  # severity -> layer
        self._buildings_hidden = False
        self._hidden_severities: set[str] = set()
        self._pin: QGraphicsItem | None = None
        self._press: QPointF | None = None
        self._fitted: QRectF | None = None  # what a resize keeps in view, until a manual zoom
        for keys, slot in ((("Ctrl+=", "Ctrl++"), self.zoom_in), (("Ctrl+-",), self.zoom_out),
                           (("Ctrl+0",), self.fit_all)):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)

    # -- content -------------------------------------------------------------------
    def show_territory(self, land: Territory) -> None:
        """Draw grids and buildings (replacing any drawn before); issues come separately."""
        self.scene().clear()
        self._issues.clear()
        self._pin = None
        self.projection = Projection(*_centre(land))
        self._grids = {grid.id: (grid.name, self._outline(grid.rings))
                       for grid in land.grids if grid.rings}
        widths = sorted(path.boundingRect().width() for _name, path in self._grids.values())
        self._grid_width = widths[len(widths) // 2] if widths else 0.0
        self._draw_grids()
        self._buildings = MarkerLayer(
            [Marker("building", b.id, self.projection.to_scene(b.lon, b.lat),
                    f"{b.name}\n{b.address}\n" + self.tr("%n household(s)", "", b.households),
                    BUILDING_COLOR) for b in land.buildings],
            BUILDING_COLOR, BUILDING_SIZE, round_=False, z=2)
        self._buildings.setVisible(not self._buildings_hidden)
        self.scene().addItem(self._buildings)
        self._extent = QRectF()
        for _name, path in self._grids.values():
            self._extent = self._extent.united(path.boundingRect())
        if self._extent.isNull():  # no outlines on record: frame the buildings instead
            self._extent = QPolygonF([m.pos for m in self._buildings.markers]).boundingRect()
        margin = max(self._extent.width(), self._extent.height(), 200.0) * 0.5
        self.setSceneRect(self._extent.adjusted(-margin, -margin, margin, margin))

    def show_issues(self, cases: OpenIssues) -> None:
        """Replace the issue dots: one layer per severity, the most severe on top."""
        for layer in self._issues.values():
            self.scene().removeItem(layer)
        self._issues.clear()
        by_severity: dict[str, list[Marker]] = {}
        for issue in cases.issues:
            color = severity_color(issue.severity)
            by_severity.setdefault(issue.severity, []).append(Marker(
                "issue", issue.id, self.projection.to_scene(issue.lon, issue.lat),
                f"{issue.title}\n{status_label(issue.status)}", color))
        for severity, markers in by_severity.items():
            rank = SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else 0
            layer = MarkerLayer(markers, severity_color(severity), ISSUE_SIZE, round_=True,
                                z=3 + (len(SEVERITY_ORDER) - rank) / 10)
            layer.setVisible(severity not in self._hidden_severities)
            self.scene().addItem(layer)
            self._issues[severity] = layer

    def _outline(self, rings: Iterable[Ring]) -> QPainterPath:
        path = QPainterPath()
        for ring in rings:
            path.addPolygon([self.projection.to_scene(lon, lat) for lon, lat in ring])
            path.closeSubpath()
        return path

    def _draw_grids(self) -> None:
        """An outline item per grid (cheap to cull and to paint); names shown when there is room."""
        outline = QPen(QColor("#2e7d32"), 2)
        outline.setCosmetic(True)  # same line width at every zoom
        fill = QBrush(QColor(46, 125, 50, 28))
        self._labels = self.scene().addRect(QRectF())
        self._labels.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._labels.setZValue(1)
        for name, path in self._grids.values():
            item = self.scene().addPath(path, outline, fill)
            item.setToolTip(name)
            label = QGraphicsSimpleTextItem(name, self._labels)
            label.setBrush(QColor("#1b5e20"))
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            text = label.boundingRect()
            label.setPos(path.boundingRect().center())
            label.setTransform(label.transform().translate(-text.width() / 2, -text.height() / 2))

    # -- filters and lookups -----------------------------------------------------------
    def set_buildings_visible(self, visible: bool) -> None:
        self._buildings_hidden = not visible
        if self._buildings is not None:
            self._buildings.setVisible(visible)

    def set_severity_visible(self, severity: str, visible: bool) -> None:
        (self._hidden_severities.discard if visible else self._hidden_severities.add)(severity)
        if severity in self._issues:
            self._issues[severity].setVisible(visible)

    def _marker_layers(self) -> list[MarkerLayer]:
        """Visible marker layers, topmost first."""
        layers = [*self._issues.values(), *([self._buildings] if self._buildings else [])]
        return sorted((layer for layer in layers if layer.isVisible()),
                      key=lambda layer: -layer.zValue())

    def markers(self, entity: str) -> list[Marker]:
        """The visible markers of one entity ("building" or "issue")."""
        return [m for layer in self._marker_layers() for m in layer.markers
                if m.entity == entity]

    def marker_at(self, pos: QPoint) -> Marker | None:
        """The marker under a point of the viewport, if any."""
        scene_pos = self.mapToScene(pos)
        for layer in self._marker_layers():
            marker = layer.hit(scene_pos, self.scale_factor())
            if marker is not None:
                return marker
        return None

    def grid_path(self, grid_id: str) -> QPainterPath | None:
        """A grid's outline in scene coordinates (None for a grid with no boundary)."""
        return self._grids[grid_id][1] if grid_id in self._grids else None

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
            self._fit(self._grids[grid_id][1].boundingRect())

    def _fit(self, rect: QRectF) -> None:
        if rect.isEmpty():
            return
        self._fitted = rect
        margin = max(rect.width(), rect.height()) * 0.08
        self.fitInView(rect.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self._zoom_changed()

    def _grids_rect(self) -> QRectF:
        return self._extent if not self._extent.isNull() else self.scene().itemsBoundingRect()

    def _min_scale(self) -> float:
        """Zooming out stops when the whole area fills a quarter of the window."""
        rect = self._grids_rect()
        if rect.isEmpty():
            return 1e-4
        return min(self.viewport().width() / rect.width(),
                   self.viewport().height() / rect.height()) / 4

    def _zoom_changed(self) -> None:
        if self._labels is not None:
            self._labels.setVisible(
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

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip:
            marker = self.marker_at(event.pos())
            if marker is not None:
                QToolTip.showText(event.globalPos(), marker.tip, self.viewport())
                return True
        return super().viewportEvent(event)

    def _clicked(self, pos: QPoint) -> None:
        marker = self.marker_at(pos)
        if marker is not None:
            self.marker_clicked.emit(marker.entity, marker.id)
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
