"""Device sync health: whose laptop holds unsent work, and for how long.

The list comes from the server (GET /devices/health) through the sync
controller, off the GUI thread. Without a server, offline, or logged out, the
panel says so in words and the rest of the dashboard (read from this computer)
goes on working.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.client.health import DeviceHealth

from ..labels import local_time
from .formats import NONE, duration

LATE = timedelta(days=1)  # unsent work older than this is shown amber
VERY_LATE = timedelta(days=3)  # and red after this
AMBER, RED = QColor("#fff4ce"), QColor("#fde2e1")


class HealthPanel(QWidget):
    refresh_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.refresh = QPushButton(qta.icon("fa5s.sync"), self.tr("Ask the server again"))
        self.refresh.clicked.connect(self.refresh_clicked)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("Person"), self.tr("Device"), self.tr("Unsent changes"),
            self.tr("Oldest unsent for"), self.tr("Last successful sync"),
            self.tr("Last heard from"), self.tr("Last problem")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.refresh)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.show_waiting()

    def show_waiting(self) -> None:
        self.message.setText(self.tr("Asking the server how each device stands…"))

    def show_problem(self, text: str) -> None:
        """Nothing to list: say why (no server, offline, not logged in) in plain words."""
        self.table.setRowCount(0)
        self.table.hide()
        self.message.setText(text)

    def show_devices(self, devices: Sequence[DeviceHealth], names: Mapping[str, str],
                     now: datetime | None = None) -> None:
        now = now or datetime.now(UTC)
        behind = [d for d in devices if d.queue_depth]
        if not devices:
            self.message.setText(self.tr("No device in your grids has reported to the server "
                                         "yet."))
        elif behind:
            self.message.setText(self.tr("%1 of %2 devices have work not yet sent.")
                                 .replace("%1", str(len(behind)))
                                 .replace("%2", str(len(devices))))
        else:
            self.message.setText(self.tr("Every device has sent all its work."))
        self.table.setVisible(bool(devices))
        self.table.setRowCount(len(devices))
        for row, device in enumerate(devices):
            age = device.unsent_age(now)
            person = names.get(device.username)
            cells = (f"{person} ({device.username})" if person else device.username,
                     device.device_id[:8], str(device.queue_depth), duration(age),
                     local_time(device.last_success_at) or NONE,
                     local_time(device.reported_at), device.last_error or "")
            colour = RED if age and age > VERY_LATE else AMBER if age and age > LATE else None
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None:
                    item.setBackground(colour)
                self.table.setItem(row, column, item)
