"""Choose a point inside one grid by clicking on the offline map (e.g. where an issue is).

The caller shows the dialog with `open()` and listens to `picked(lat, lon)`, which is
emitted when the user confirms a point inside the grid's outline. A click outside
the outline is refused with a message saying so, and the last good point stays.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspector.queries.map import Territory, territory

from ..context import AppContext
from ..widgets.map_view import MapView, ZoomButtons

DECIMALS = 6  # about 10 cm: more than a laptop's GPS or a click can tell


class PickPointDialog(QDialog):
    picked = Signal(float, float)  # lat, lon

    def __init__(self, ctx: AppContext, grid_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.grid_id = grid_id
        self.point: tuple[float, float] | None = None  # (lat, lon) of the last good click
        self._grid_name = ""
        self.setWindowTitle(self.tr("Pick a point on the map"))
        self.resize(760, 620)

        help_text = QLabel(self.tr("Click the place inside the green outline, then press "
                                   "“Use this point”. Drag to move the map, use the wheel "
                                   "or the buttons to zoom."))
        help_text.setWordWrap(True)
        help_text.setStyleSheet("font-size: 15px;")
        self.view = MapView()
        self.view.point_clicked.connect(self._clicked)
        self.message = QLabel(self.tr("Loading the map…"))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 15px;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use = self.buttons.addButton(self.tr("Use this point"),
                                          QDialogButtonBox.ButtonRole.AcceptRole)
        self.use.setEnabled(False)
        self.use.setDefault(True)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(ZoomButtons(self.view))
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.buttons)
        ctx.read(lambda store: territory(store, [grid_id]), self._loaded)

    def _loaded(self, land: Territory) -> None:
        self.view.show_territory(land)
        self.view.zoom_to_grid(self.grid_id)
        self._grid_name = land.grids[0].name if land.grids else ""
        if self.view.grid_path(self.grid_id) is None:
            self.message.setText(self.tr("This grid has no outline on record, so the point "
                                         "cannot be checked. Click where it is."))
        else:
            self.message.setText(self.tr("Click a point inside %1.").replace("%1",
                                                                             self._grid_name))

    def _clicked(self, lat: float, lon: float) -> None:
        path = self.view.grid_path(self.grid_id)
        if path is not None and not path.contains(self.view.projection.to_scene(lon, lat)):
            self.message.setText(self.tr("That point is outside %1. Click inside the green "
                                         "outline.").replace("%1", self._grid_name))
            self.message.setStyleSheet("font-size: 15px; color: #b71c1c;")
            return
        self.point = (round(lat, DECIMALS), round(lon, DECIMALS))
        self.view.set_pin(lat, lon)
        self.message.setText(self.tr("Chosen point: %1, %2 (latitude, longitude)")
                             .replace("%1", f"{self.point[0]:.{DECIMALS}f}")
                             .replace("%2", f"{self.point[1]:.{DECIMALS}f}"))
        self.message.setStyleSheet("font-size: 15px;")
        self.use.setEnabled(True)

    def _confirm(self) -> None:
        if self.point is not None:
            self.picked.emit(*self.point)
            self.accept()
