"""Dashboard (考核): scorecards per grid and per worker, charts, device sync health, PDF reports.

Figures are read from this computer's store on the database thread (the
supervisor's laptop holds every grid they supervise), so the page works offline;
only the device health list needs the server. A period change while figures are
on their way drops the stale answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import qtawesome as qta
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.db import Store
from inspector.queries.periods import REPORT_ZONE, Period, today
from inspector.queries.reports import DailyCounts, daily_counts
from inspector.queries.scorecard import Scorecard, scorecard
from inspector.services.recording import Changes
from sync.client.health import DeviceHealth, device_health
from sync.errors import AuthExpired, Offline

from ..dashboard.charts import DailyLinesView, GridBarsView
from ..dashboard.formats import hours, percent
from ..dashboard.health_panel import HealthPanel
from ..dashboard.period_picker import PeriodPicker
from ..dashboard.score_table import GRID_COLUMNS, WORKER_COLUMNS, score_view
from ..messages import describe
from ..reports.dialog import ReportDialog
from ..reports.export import ReportExport
from .base import Page

RECOUNT_MS = 800
# Entities whose change moves a figure on this page.
_COUNTED = frozenset({"issue", "issue_action", "patrol", "patrol_item", "visit", "household"})


@dataclass(frozen=True)
class DashboardData:
    card: Scorecard
    daily: DailyCounts


def dashboard_data(store: Store, period: Period, grid_ids: tuple[str, ...]) -> DashboardData:
    return DashboardData(scorecard(store, period, grid_ids), daily_counts(store, period, grid_ids))


class DashboardPage(Page):

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self._asked = 0  # numbers each read, so an answer for an old period is dropped
        self._stale = False  # data changed since the figures were counted
        # A sync or a burst of saves brings many changes: count again once they settle.
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_MS)
        self._recount.timeout.connect(self._recount_if_shown)
        self._names: dict[str, str] = {}
        self.data: DashboardData | None = None
        self.picker = PeriodPicker()
        self.picker.changed.connect(lambda _period: self.reload())
        self.export_button = QPushButton(qta.icon("fa5s.file-pdf"), self.tr("Export PDF report…"))
        self.export_button.clicked.connect(self.open_report_dialog)
        self.report_dialog: ReportDialog | None = None
        self.exporter = ReportExport(ctx, self)
        self.exporter.finished.connect(self._exported)
        self.exporter.failed.connect(self._export_failed)
        self.state = QLabel()
        self.summary = QLabel()
        self.summary.setStyleSheet("font-size: 15px;")
        self.summary.setWordWrap(True)

        self.grid_view, self.grid_model = score_view(GRID_COLUMNS)
        self.worker_view, self.worker_model = score_view(WORKER_COLUMNS)
        self.health = HealthPanel()
        self.health.refresh_clicked.connect(self.ask_health)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid_view, self.tr("By grid"))
        self.tabs.addTab(self.worker_view, self.tr("By worker"))
        self.tabs.addTab(self.health, self.tr("Device sync"))
        self.bars = GridBarsView()
        self.lines = DailyLinesView()
        charts = QWidget()
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bars, 1)
        row.addWidget(self.lines, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(charts)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addWidget(self.state, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    # -- figures --------------------------------------------------------------------
    def activate(self) -> None:
        counted = self._loaded
        super().activate()
        if counted and self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        self._asked += 1
        asked, period, grids = self._asked, self.picker.period(), self.ctx.actor.grid_ids
        self.state.setText(self.tr("Counting…"))
        self.ctx.read(lambda store: dashboard_data(store, period, grids),
                      lambda data: self._show(asked, data), self._failed)
        self.ask_health()

    def on_changed(self, changes: Changes) -> None:
        if self._loaded and any(entity in changes for entity in _COUNTED):
            self._stale = True
            self._recount.start()

    def _recount_if_shown(self) -> None:
        if self.isVisible():  # otherwise when the page is next shown (activate)
            self.reload()

    def _failed(self, exc: Exception) -> None:
        self.state.setText(describe(exc))

    def _show(self, asked: int, data: DashboardData) -> None:
        if asked != self._asked:
            return
        self.data = data
        card = data.card
        self._names = {w.username: w.name for w in card.workers if w.name != w.username}
        self.grid_model.set_rows(card.grids)
        self.worker_model.set_rows(card.workers)
        self.bars.show_grids(card.grids)
        self.lines.show_days(data.daily, until=today())
        for view in (self.grid_view, self.worker_view):
            view.resizeColumnsToContents()
        self.state.setText(self.tr("%1 grids · coverage measured at %2").replace(
            "%1", str(len(card.grids))).replace(
            "%2", card.as_of.astimezone(REPORT_ZONE).strftime("%Y-%m-%d %H:%M")))
        t = card.total
        self.summary.setText(" · ".join((
            self.tr("Reported %1").replace("%1", str(t.reported)),
            self.tr("Closed %1").replace("%1", str(t.closed)),
            self.tr("Closure rate %1").replace("%1", percent(t.closure_rate)),
            self.tr("On time %1").replace("%1", percent(t.on_time_rate)),
            self.tr("Hours to close %1").replace("%1", hours(t.average_handling_hours)),
            self.tr("Patrols %1 (nothing checked: %2)").replace("%1", str(t.patrols))
            .replace("%2", str(t.empty_patrols)),
            self.tr("Visits %1").replace("%1", str(t.visits)),
            self.tr("Households visited in 30 days %1, in 90 days %2")
            .replace("%1", percent(t.coverage_30)).replace("%2", percent(t.coverage_90)),
        )))

    # -- device sync health ----------------------------------------------------------
    def ask_health(self) -> None:
        self.health.show_waiting()
        self.ctx.sync.call(device_health, self._health_arrived, self._health_failed)

    def _health_arrived(self, devices: list[DeviceHealth]) -> None:
        self.health.show_devices(devices, self._names, datetime.now(UTC))

    def _health_failed(self, exc: Exception) -> None:
        if not self.ctx.who.server_url:
            text = self.tr("This profile has no server, so devices cannot report how their "
                           "syncing stands. The figures above come from this computer.")
        elif isinstance(exc, AuthExpired):
            text = self.tr("Log in to the server (on the Sync page) to see how each device's "
                           "syncing stands.")
        elif isinstance(exc, Offline):
            text = self.tr("The server cannot be reached, so device sync health is not known "
                           "now. The figures above come from this computer and are shown.")
        else:
            text = describe(exc)
        self.health.show_problem(text)

    # -- PDF reports -------------------------------------------------------------------
    def open_report_dialog(self) -> None:
        """Ask which report (not blocking: the dialog reports back through `accepted`)."""
        dialog = ReportDialog(min(self.picker.period().last, today()), self)
        dialog.accepted.connect(lambda: self._export(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.report_dialog = dialog
        dialog.open()

    def _export(self, dialog: ReportDialog) -> None:
        self.state.setText(self.tr("Writing the report…"))
        self.export_button.setEnabled(False)
        self.exporter.start(dialog.kind(), dialog.period(), dialog.path)

    def _exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        text = self.tr("Report saved: %1").replace("%1", path)
        self.state.setText(text)
        self.ctx.notice.emit(text)

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        text = self.tr("The report was not saved: %1").replace("%1", message)
        self.state.setText(text)
        self.ctx.notice.emit(text)
