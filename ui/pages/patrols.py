"""Patrols (巡查): start one, check the list item by item, report what is wrong, finish.

The time slot comes from the clock, the grid from the worker's grids (no question
when there is only one). Every result is stored the moment it is chosen, so an
unfinished patrol survives a restart: the page finds it and carries on. A patrol
with nothing checked cannot be finished ("巡而不查"); the service says so and the
page shows it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import ValidationError
from inspector.queries.activities import (
    Grid,
    PatrolState,
    open_patrol,
    patrol_grids,
    patrol_ids,
    patrol_state,
)
from inspector.services.activities import check_item, finish_patrol, slot_for, start_patrol
from inspector.services.recording import Changes

from ..context import AppContext
from ..labels import choice_label, choices, local_time
from ..lazymodel import ID_ROLE, LazyTableModel
from ..messages import describe
from ..patrols.checklist import ChecklistRow, FindingForm, item_labels, themes
from ..patrols.rows import fetch_patrols, patrol_columns
from ..widgets.tables import record_table
from .base import Page

_BIG_BUTTON = "QPushButton { font-size: 17px; font-weight: bold; padding: 10px 24px; }"


def _reason(exc: Exception) -> str:
    """The core's reasons without field names: what an older user can read at a glance."""
    if isinstance(exc, ValidationError):
        return "；".join(exc.reasons().values())
    return describe(exc)


class PatrolsPage(Page):

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.patrol: PatrolState | None = None
        self.rows: dict[str, ChecklistRow] = {}
        self.grids: list[Grid] = []
        self._select_after_load: str | None = None
        self._labels = item_labels()
        self.setStyleSheet("QLabel, QRadioButton, QComboBox { font-size: 15px; }")

        column = QVBoxLayout(self)
        self.tabs = QTabWidget()
        column.addWidget(self.tabs)
        self.current = QStackedWidget()
        self.current.addWidget(self._start_panel())
        self.current.addWidget(self._active_panel())
        self.tabs.addTab(self.current, qta.icon("fa5s.clipboard-check"), self.tr("Patrol"))
        self.tabs.addTab(self._history_panel(), qta.icon("fa5s.history"), self.tr("History"))
        QShortcut(QKeySequence("Ctrl+P"), self).activated.connect(self.start_or_resume)

    # -- building ------------------------------------------------------------
    def _start_panel(self) -> QWidget:
        panel = QWidget()
        outer = QVBoxLayout(panel)
        heading = QLabel(self.tr("Start a patrol"))
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        outer.addWidget(heading)
        form = QFormLayout()
        self.grid = QComboBox()
        self.grid_name = QLabel()
        grid_box = QWidget()
        grid_row = QHBoxLayout(grid_box)
        grid_row.setContentsMargins(0, 0, 0, 0)
        grid_row.addWidget(self.grid)
        grid_row.addWidget(self.grid_name)
        grid_row.addStretch(1)
        form.addRow(self.tr("Grid"), grid_box)
        kinds = QWidget()
        kind_row = QHBoxLayout(kinds)
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for code, name in choices("enums", "patrol_kinds"):
            button = QRadioButton(name)
            self.kind_group.addButton(button)
            self.kind_buttons[code] = button
            kind_row.addWidget(button)
        kind_row.addStretch(1)
        self.kind_buttons["scheduled"].setChecked(True)
        form.addRow(self.tr("Kind"), kinds)
        self.slot = QLabel()
        form.addRow(self.tr("Time slot"), self.slot)
        outer.addLayout(form)
        self.start_button = QPushButton(qta.icon("fa5s.play", color="white"),
                                        self.tr("Start patrol (Ctrl+P)"))
        self.start_button.setStyleSheet(_BIG_BUTTON.replace("{ ", "{ background: #1a7f37; "
                                                             "color: white; "))
        self.start_button.clicked.connect(self.start)
        self.start_button.setEnabled(False)
        outer.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.start_message = QLabel()
        self.start_message.setStyleSheet("color: #c62828;")
        outer.addWidget(self.start_message)
        outer.addStretch(1)
        return panel

    def _active_panel(self) -> QWidget:
        panel = QWidget()
        outer = QVBoxLayout(panel)
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        self.progress = QLabel()
        outer.addWidget(self.progress)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        outer.addWidget(self.scroll, 1)
        self.refusal = QLabel()
        self.refusal.setObjectName("patrol_refusal")
        self.refusal.setStyleSheet("color: #c62828; font-size: 16px; font-weight: bold;")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        outer.addWidget(self.refusal)
        self.finish_button = QPushButton(qta.icon("fa5s.flag-checkered"),
                                         self.tr("Finish patrol"))
        self.finish_button.setStyleSheet(_BIG_BUTTON)
        self.finish_button.clicked.connect(self.finish)
        outer.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignRight)
        return panel

    def _history_panel(self) -> QWidget:
        self.history = LazyTableModel(self.ctx, patrol_columns(), fetch_patrols, self)
        self.history_table = record_table(self.history, self.history.column_of("grid"), 140)
        self.history_table.selectionModel().currentRowChanged.connect(self._patrol_selected)
        self.items = QLabel()
        self.items.setWordWrap(True)
        self.items.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.items.setStyleSheet("font-size: 15px; padding: 6px;")
        items_scroll = QScrollArea()
        items_scroll.setWidgetResizable(True)
        items_scroll.setWidget(self.items)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.history_table)
        splitter.addWidget(items_scroll)
        splitter.setSizes([500, 200])
        return splitter


    # -- loading -------------------------------------------------------------
    def reload(self) -> None:
        grids, worker = tuple(self.ctx.actor.grid_ids), self.ctx.actor.username
        self.slot.setText(choice_label("enums", "patrol_slots", slot_for(datetime.now(UTC))))
        self.ctx.read(lambda store: (patrol_grids(store, grids), open_patrol(store, worker)),
                      self._arrived)
        self.reload_history()

    def _arrived(self, result: tuple[list[Grid], PatrolState | None]) -> None:
        self.grids, unfinished = result
        self.grid.clear()
        for grid in self.grids:
            self.grid.addItem(grid.name, grid.id)
        one = len(self.grids) == 1
        self.grid.setVisible(not one)
        self.grid_name.setVisible(one)
        self.grid_name.setText(self.grids[0].name if one else "")
        self.start_button.setEnabled(bool(self.grids))
        self.start_message.setText("" if self.grids else
                                   self.tr("You have no grid to patrol. Ask your supervisor."))
        self.show_patrol(unfinished)

    def reload_history(self) -> None:
        grids = tuple(self.ctx.actor.grid_ids)
        self.ctx.read(lambda store: patrol_ids(store, grids), self._history_listed)

    def _history_listed(self, ids: list[str]) -> None:
        self.history.set_ids(ids)
        self.items.clear()
        wanted, self._select_after_load = self._select_after_load, None
        row = self.history.row_of(wanted) if wanted else None
        if row is not None:
            self.history_table.selectRow(row)
            self.history_table.scrollTo(self.history.index(row, 0))

    # -- the patrol under way ------------------------------------------------
    def show_patrol(self, state: PatrolState | None) -> None:
        """Show the checklist of an unfinished patrol, or the start panel."""
        self.patrol = state
        self.refusal.hide()
        if state is None or state.ended_at is not None:
            self.current.setCurrentIndex(0)
            return
        self.header.setText(self.tr("Patrol of %1 · %2 · started %3")
                            .replace("%1", state.grid_name)
                            .replace("%2", choice_label("enums", "patrol_slots", state.slot))
                            .replace("%3", local_time(state.started_at)))
        body = QWidget()
        layout = QVBoxLayout(body)
        self.rows = {}
        for theme in themes():
            title = QLabel(str(theme["name"]))
            title.setStyleSheet("font-size: 17px; font-weight: bold; margin-top: 8px;")
            layout.addWidget(title)
            for item in theme["items"]:
                row = ChecklistRow(self.ctx, item)
                row.chosen.connect(lambda result, row=row: self.check(row, result))
                row.report_requested.connect(lambda form, row=row: self.report(row, form))
                self.rows[row.code] = row
                layout.addWidget(row)
        layout.addStretch(1)
        self.scroll.setWidget(body)
        for item in state.items:
            if item.item_code in self.rows:
                self.rows[item.item_code].mark(item.result, item.note, item.issue_id)
        self._show_progress()
        self.current.setCurrentIndex(1)

    def _show_progress(self) -> None:
        checked = sum(1 for row in self.rows.values() if row.result)
        self.progress.setText(self.tr("%n item(s) checked", "", checked))

    def start_or_resume(self) -> None:
        self.tabs.setCurrentIndex(0)
        if self.patrol is None:
            self.start()

    def start(self) -> None:
        if self.patrol is not None or not self.grids:
            return
        grid_id = self.grid.currentData()
        kind = next(code for code, button in self.kind_buttons.items() if button.isChecked())
        self.start_button.setEnabled(False)
        self.ctx.write(lambda store, actor: start_patrol(store, actor, grid_id, kind),
                       self._started, self._start_failed)

    def _started(self, result: tuple[str, Changes]) -> None:
        patrol_id = result[0]
        self.start_button.setEnabled(True)
        self.ctx.read(lambda store: patrol_state(store, patrol_id), self.show_patrol)

    def _start_failed(self, exc: Exception) -> None:
        self.start_button.setEnabled(True)
        self.start_message.setText(_reason(exc))

    def check(self, row: ChecklistRow, result: str) -> None:
        """Store one result (not "problem": that goes through `report`)."""
        patrol_id, note = self._patrol_id(), row.note_text()
        self.ctx.write(lambda store, actor: check_item(store, actor, patrol_id, row.code,
                                                       result, note),
                       lambda changes: self._checked(row, result, note, changes),
                       lambda exc: self._check_failed(row, exc))

    def report(self, row: ChecklistRow, form: FindingForm) -> None:
        """File the problem as a case together with its checklist line."""
        patrol_id, grid_id, note = self._patrol_id(), self.patrol.grid_id, row.note_text()
        finding = form.finding(grid_id, datetime.now(UTC))
        form.report_button.setEnabled(False)

        def failed(exc: Exception) -> None:
            form.report_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                form.fields.show(exc)
            else:
                form.summary.setText(describe(exc))
                form.summary.show()

        self.ctx.write(lambda store, actor: check_item(store, actor, patrol_id, row.code,
                                                       "problem", note, finding),
                       lambda changes: self._checked(row, "problem", note, changes), failed)

    def _patrol_id(self) -> str:
        assert self.patrol is not None
        return self.patrol.id

    def _checked(self, row: ChecklistRow, result: str, note: str | None,
                 changes: Changes) -> None:
        issue_id = next(iter(changes.touched.get("issue", ())), None)
        row.mark(result, note, issue_id)
        self.refusal.hide()
        self._show_progress()
        if issue_id:
            self.ctx.notice.emit(self.tr("Problem reported as a case."))

    def _check_failed(self, row: ChecklistRow, exc: Exception) -> None:
        row.failed()
        self.ctx.notice.emit(_reason(exc))

    def finish(self) -> None:
        if self.patrol is None:
            return
        patrol_id = self.patrol.id
        self.finish_button.setEnabled(False)
        self.ctx.write(lambda store, actor: finish_patrol(store, actor, patrol_id),
                       lambda _changes: self._finished(patrol_id), self._finish_refused)

    def _finished(self, patrol_id: str) -> None:
        self.finish_button.setEnabled(True)
        checked = sum(1 for row in self.rows.values() if row.result)
        self.ctx.notice.emit(self.tr("Patrol finished: %n item(s) checked.", "", checked))
        self.show_patrol(None)
        self._select_after_load = patrol_id
        self.tabs.setCurrentIndex(1)  # the finished patrol, selected in the history

    def _finish_refused(self, exc: Exception) -> None:
        self.finish_button.setEnabled(True)
        self.refusal.setText(_reason(exc))
        self.refusal.show()

    # -- history -------------------------------------------------------------
    def _patrol_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        patrol_id = current.data(ID_ROLE) if current.isValid() else None
        if patrol_id:
            self.ctx.read(lambda store: patrol_state(store, patrol_id), self._show_items)

    def _show_items(self, state: PatrolState | None) -> None:
        current = self.history_table.currentIndex()
        if state is None or not current.isValid() or current.data(ID_ROLE) != state.id:
            return
        lines = [self.tr("%n item(s) checked:", "", len(state.items))]
        for item in state.items:
            line = (f"• {self._labels.get(item.item_code, item.item_code)} — "
                    f"{choice_label('enums', 'check_results', item.result)}")
            if item.note:
                line += f" ({item.note})"
            if item.issue_id:
                line += " · " + self.tr("case reported")
            lines.append(line)
        self.items.setText("\n".join(lines))

    # -- outside events ------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        if self._loaded and ("patrol" in changes or "patrol_item" in changes):
            self.reload_history()

    def show_record(self, entity: str, record_id: str) -> None:
        self._select_after_load = record_id
        self.tabs.setCurrentIndex(1)
        if not self._loaded:
            self._loaded = True
            self.reload()
        else:
            self.reload_history()
