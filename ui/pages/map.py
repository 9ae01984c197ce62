"""Map: the actor's grids with their buildings and open issues, drawn offline.

Clicking an issue opens it on the Issues page; clicking a building opens its first
household in the register. The legend is also the filter: untick a severity or the
buildings to hide them. Issues are read again when a case changes; the grids and
buildings only when the territory does.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspector.queries.map import BuildingMark, OpenIssues, Territory, open_issues, territory
from inspector.services.recording import Changes

from ..context import AppContext
from ..labels import choices
from ..widgets.map_view import BUILDING_COLOR, MapView, ZoomButtons, severity_color
from .base import Page

ISSUE_ENTITIES = frozenset({"issue", "issue_action"})
TERRITORY_ENTITIES = frozenset({"area", "building"})
SWATCH = 16


def swatch(color: str, round_: bool) -> QIcon:
    """A legend symbol drawn like the marker it stands for."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#263238"))
    painter.setBrush(QColor(color))
    if round_:
        painter.drawEllipse(1, 1, SWATCH - 2, SWATCH - 2)
    else:
        painter.drawRect(3, 3, SWATCH - 6, SWATCH - 6)
    painter.end()
    return QIcon(pixmap)


class MapPage(Page):

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.land: Territory | None = None
        self.buildings: dict[str, BuildingMark] = {}
        self.cases: OpenIssues | None = None
        self.view = MapView()
        self.view.marker_clicked.connect(self._open)

        self.grid_choice = QComboBox()
        self.grid_choice.setMinimumWidth(220)
        self.grid_choice.setToolTip(self.tr("Zoom to one grid"))
        self.grid_choice.activated.connect(self._zoom_to_choice)
        self.show_buildings = QCheckBox(self.tr("Buildings"))
        self.show_buildings.setIcon(swatch(BUILDING_COLOR, round_=False))
        self.show_buildings.setChecked(True)
        self.show_buildings.toggled.connect(self.view.set_buildings_visible)
        self.severity_boxes: dict[str, QCheckBox] = {}

        legend = QHBoxLayout()
        legend.addWidget(self.show_buildings)
        legend.addWidget(QLabel(self.tr("Open issues:")))
        for code, label in choices("enums", "severity"):
            box = QCheckBox(label)
            box.setIcon(swatch(severity_color(code), round_=True))
            box.setChecked(True)
            box.toggled.connect(lambda on, c=code: self.view.set_severity_visible(c, on))
            self.severity_boxes[code] = box
            legend.addWidget(box)
        legend.addStretch(1)
        for box in (self.show_buildings, *self.severity_boxes.values()):
            box.setIconSize(QSize(SWATCH, SWATCH))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Grid:")))
        top.addWidget(self.grid_choice)
        top.addWidget(ZoomButtons(self.view))
        top.addStretch(1)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.setStyleSheet("QCheckBox, QComboBox, QLabel { font-size: 14px; }")


    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        grid_ids = self.ctx.actor.grid_ids
        self.ctx.read(lambda store: territory(store, grid_ids), self._show_territory)
        self._reload_issues()

    def _reload_issues(self) -> None:
        grid_ids = self.ctx.actor.grid_ids
        self.ctx.read(lambda store: open_issues(store, grid_ids), self._show_issues)

    def _show_territory(self, land: Territory) -> None:
        self.land = land
        self.buildings = {b.id: b for b in land.buildings}
        self.view.show_territory(land)
        self.view.set_buildings_visible(self.show_buildings.isChecked())
        current = self.grid_choice.currentData()
        self.grid_choice.clear()
        self.grid_choice.addItem(self.tr("All my grids (%n)", "", len(land.grids)), None)
        for grid in land.grids:
            self.grid_choice.addItem(grid.name, grid.id)
        self.grid_choice.setCurrentIndex(max(0, self.grid_choice.findData(current)))
        self._zoom_to_choice()
        self._show_summary()

    def _show_issues(self, cases: OpenIssues) -> None:
        self.cases = cases
        for code, box in self.severity_boxes.items():
            self.view.set_severity_visible(code, box.isChecked())
        self.view.show_issues(cases)
        self._show_summary()

    def _show_summary(self) -> None:
        if self.land is None or self.cases is None:
            return
        parts = [self.tr("%n grid(s)", "", len(self.land.grids)),
                 self.tr("%n building(s)", "", len(self.land.buildings)),
                 self.tr("%n open issue(s) on the map", "", len(self.cases.issues))]
        if self.cases.unplaced:
            parts.append(self.tr("%n open issue(s) have no location and are not shown", "",
                                 self.cases.unplaced))
        if self.land.unplaced_buildings:
            parts.append(self.tr("%n building(s) have no location", "",
                                 self.land.unplaced_buildings))
        self.summary.setText(" · ".join(parts))

    def on_changed(self, changes: Changes) -> None:
        if not self._loaded:
            return
        touched = set(changes.touched)
        if touched & TERRITORY_ENTITIES:
            self.reload()
        elif touched & ISSUE_ENTITIES:
            self._reload_issues()

    # -- actions -----------------------------------------------------------------------
    def _zoom_to_choice(self) -> None:
        grid_id = self.grid_choice.currentData()
        if grid_id:
            self.view.zoom_to_grid(grid_id)
        else:
            self.view.fit_all()

    def _open(self, entity: str, record_id: str) -> None:
        if entity == "issue":
            self.ctx.open_record.emit("issue", record_id)
            return
        building = self.buildings.get(record_id)
        if building is None or building.first_household_id is None:
            self.ctx.notice.emit(self.tr("No households are registered in this building yet."))
        else:
            self.ctx.open_record.emit("household", building.first_household_id)
