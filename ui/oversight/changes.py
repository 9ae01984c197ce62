"""Register changes: what workers and staff changed, newest first, with the record as it is
now beside it; mark them reviewed (several at once, with a note) or send one back to the
person who made it as a revisit task."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.client import oversight
from sync.client.oversight import ChangePage, RegisterChange

from ..context import AppContext
from ..labels import entity_label, local_time
from ..messages import describe
from .connection import ServerTab
from .words import field_label, joined, op_label, record_title, show_value, state_label, tr

PAGE = 50
# Columns of a record not worth a line in the detail (ids, bookkeeping, map shapes).
HIDDEN = frozenset({"id", "server_rev", "building_id", "household_id", "boundary"})
OPENS_HERE = frozenset({"household", "resident"})  # the register page shows these


class ChangesTab(ServerTab):

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.changes: list[RegisterChange] = []
        self.total = 0
        self.grids: dict[str, str] = {}
        self.state = QComboBox()
        for code, name in ((oversight.NEW, tr("To review")), (oversight.REVIEWED, tr("Reviewed")),
                           (oversight.RETURNED, tr("Sent back")), (None, tr("All"))):
            self.state.addItem(name, code)
        self.grid = QComboBox()
        self.grid.addItem(tr("All my grids"), None)
        self.person = QLineEdit()
        self.person.setPlaceholderText(tr("Account, e.g. wgy1"))
        self.period = QComboBox()
        for days, name in ((7, tr("Last 7 days")), (30, tr("Last 30 days")),
                           (90, tr("Last 90 days")), (None, tr("Any time"))):
            self.period.addItem(name, days)
        self.period.setCurrentIndex(3)
        refresh = QPushButton(qta.icon("fa5s.redo"), tr("Refresh"))
        filters = QHBoxLayout()
        for label, widget in ((tr("Show"), self.state), (tr("Grid"), self.grid),
                              (tr("Person"), self.person), (tr("Period"), self.period)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(refresh)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Who"), tr("Record"), tr("Change"),
                                              tr("Fields"), tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet("QTableWidget { font-size: 15px; }")
        self.count = QLabel()
        self.more = QPushButton(tr("Show more"))
        self.more.hide()
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.more)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.table, 1)
        left_column.addLayout(footer)

        self.heading = QLabel(tr("Choose a change on the left."))
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.values = QFormLayout()
        values_box = QWidget()
        values_box.setLayout(self.values)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(values_box)
        self.open_button = QPushButton(qta.icon("fa5s.external-link-alt"),
                                       tr("Open on this computer"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Note (needed to send back)"))
        self.note.setMaxLength(500)
        self.review_button = QPushButton(qta.icon("fa5s.check"), tr("Mark reviewed"))
        self.back_button = QPushButton(qta.icon("fa5s.undo"), tr("Send back"))
        self.back_button.setToolTip(tr("The person who made the change gets a revisit task "
                                       "with your note on their next sync"))
        actions = QHBoxLayout()
        actions.addWidget(self.review_button)
        actions.addWidget(self.back_button)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addWidget(self.heading)
        right_column.addWidget(self.summary)
        right_column.addWidget(scroll, 1)
        right_column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_column.addWidget(self.note)
        right_column.addLayout(actions)
        right_column.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([760, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        for combo in (self.state, self.grid, self.period):
            combo.activated.connect(lambda _i: self.reload())
        self.person.returnPressed.connect(self.reload)
        refresh.clicked.connect(self.reload)
        self.more.clicked.connect(lambda: self._fetch(len(self.changes)))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.open_button.clicked.connect(self._open)
        self.review_button.clicked.connect(self._review)
        self.back_button.clicked.connect(self._send_back)
        self._selection_changed()

    def set_grids(self, grids: dict[str, str]) -> None:
        self.grids = grids
        for grid_id, name in grids.items():
            if self.grid.findData(grid_id) < 0:
                self.grid.addItem(name, grid_id)

    # -- the list --------------------------------------------------------------
    def reload(self) -> None:
        self.changes = []
        self._fetch(0)

    def _fetch(self, offset: int) -> None:
        days = self.period.currentData()
        query: dict[str, Any] = {
            "state": self.state.currentData(), "grid_id": self.grid.currentData(),
            "username": self.person.text().strip() or None, "limit": PAGE, "offset": offset,
            "since": datetime.now(UTC) - timedelta(days=days) if days else None}
        self.call(lambda t: oversight.register_changes(t, **query),
                  lambda page: self._arrived(page, offset))

    def _arrived(self, page: ChangePage, offset: int) -> None:
        self.changes = self.changes[:offset] + page.changes
        self.total = page.total
        self.table.setRowCount(len(self.changes))
        for row, change in enumerate(self.changes):
            texts = (local_time(change.at), change.username,
                     f"{entity_label(change.entity)} · {record_title(change.entity, change.record)}"
                     .rstrip(" ·"), op_label(change.op),
                     joined(field_label(f) for f in change.fields), state_label(change.state))
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        for col in (0, 1, 2, 3, 5):
            self.table.resizeColumnToContents(col)
        self.count.setText(tr("Showing %1 of %2").replace("%1", str(len(self.changes)))
                           .replace("%2", str(self.total)) if self.total
                           else tr("Nothing to show with these filters."))
        self.more.setVisible(len(self.changes) < self.total)
        if offset == 0 and self.changes:
            self.table.selectRow(0)
        self._selection_changed()

    def _selected(self) -> list[RegisterChange]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.changes[r] for r in rows if r < len(self.changes)]

    # -- the detail ------------------------------------------------------------
    def _selection_changed(self) -> None:
        chosen = self._selected()
        open_ones = [c for c in chosen if c.state == oversight.NEW]
        self.review_button.setEnabled(bool(open_ones) and len(open_ones) == len(chosen))
        self.back_button.setEnabled(len(chosen) == 1 and bool(open_ones))
        self.review_button.setText(tr("Mark %n reviewed", len(chosen)) if len(chosen) > 1
                                   else tr("Mark reviewed"))
        change = chosen[0] if len(chosen) == 1 else None
        self.open_button.setEnabled(change is not None and change.record is not None
                                    and change.entity in OPENS_HERE)
        self._show(change)

    def _show(self, change: RegisterChange | None) -> None:
        while self.values.rowCount():
            self.values.removeRow(0)
        if change is None:
            self.heading.setText(tr("Choose a change on the left.") if not self._selected()
                                 else tr("%n changes chosen", len(self._selected())))
            self.summary.clear()
            return
        self.heading.setText(f"{entity_label(change.entity)} · "
                             f"{record_title(change.entity, change.record)}".rstrip(" ·"))
        lines = [tr("%1 by %2 on %3").replace("%1", op_label(change.op))
                 .replace("%2", change.username).replace("%3", local_time(change.at))]
        if change.state != oversight.NEW:
            lines.append(tr("%1 by %2 on %3").replace("%1", state_label(change.state))
                         .replace("%2", change.reviewed_by or "")
                         .replace("%3", local_time(change.reviewed_at))
                         + (f"：{change.note}" if change.note else ""))
        if change.record is None:
            lines.append(tr("The record is no longer in the register."))
        else:
            lines.append(tr("As it is now; changed fields in bold."))
        self.summary.setText("\n".join(lines))
        for field, value in (change.record or {}).items():
            if field in HIDDEN:
                continue
            label = QLabel(field_label(field))
            shown = QLabel(show_value(change.entity, field, value, grids=self.grids))
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if field in change.fields:
                for widget in (label, shown):
                    font = QFont(widget.font())
                    font.setBold(True)
                    widget.setFont(font)
            self.values.addRow(label, shown)

    def _open(self) -> None:
        chosen = self._selected()
        if len(chosen) == 1:
            self.ctx.open_record.emit(chosen[0].entity, chosen[0].record_id)

    # -- actions ---------------------------------------------------------------
    def _review(self) -> None:
        ids = [c.id for c in self._selected()]
        note = self.note.text().strip() or None
        if not ids or self.busy:
            return
        self.call(lambda t: oversight.mark_reviewed(t, ids, note), self._reviewed, self._refused)

    def _reviewed(self, count: int) -> None:
        self.note.clear()
        self.say(tr("%n change(s) marked reviewed.", count))
        self.reload()

    def _send_back(self) -> None:
        chosen = self._selected()
        note = self.note.text().strip()
        if len(chosen) != 1 or self.busy:
            return
        if not note:
            self.say(tr("Note: please write what should be checked."), error=True)
            self.note.setFocus()
            return
        change_id = chosen[0].id
        self.call(lambda t: oversight.send_back(t, change_id, note), self._sent_back,
                  self._refused)

    def _sent_back(self, _task_id: str) -> None:
        self.note.clear()
        self.say(tr("Sent back. The task reaches them on their next sync."))
        self.reload()

    def _refused(self, exc: Exception) -> None:
        self.say(describe(exc), error=True)
        self.reload()
