"""Review inbox (supervisors): the queues of the case loop on the left, the cases of the
chosen queue in the middle, the chosen case with its history and next steps on the right.

Working through a queue: Up/Down picks a case, Enter starts the step the queue waits
for (accept, dispatch, feedback, …) with the fields it needs, Ctrl+Enter saves; the
case then leaves the queue and the next one is shown. Alt+1 … Alt+0 pick a queue.
Counts, lists and the case are read on the database thread; the deadline colours
are those of the case list (amber due soon, red overdue).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from inspector.queries import inbox as q
from inspector.services.recording import Changes

from ..context import AppContext
from ..inbox.queues import LOOKS, QueueList, queue_hint, queue_label
from ..issues.detail import IssueDetailView
from ..issues.issue_list import fetch_rows
from ..lazymodel import ID_ROLE, Column, LazyTableModel
from ..widgets.tables import record_table
from .base import Page

_CASE_ENTITIES = ("issue", "issue_action", "photo_link", "task")
REFRESH_MS = 60_000  # deadlines turn amber and red with time, not only with changes
COLUMN_WIDTHS = (170, 80, 320)


class InboxPage(Page):
    """`loaded` fires when a queue's list has arrived."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._keep = ""  # the case to show again after the list reloads
        self._keep_row = 0
        self.queues = QueueList()
        self.queues.setMinimumWidth(250)
        self.queues.setMaximumWidth(320)
        self.queues.chosen.connect(self._queue_chosen)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = LazyTableModel(ctx, [
            Column("title", self.tr("Case")), Column("severity", self.tr("Severity")),
            Column("deadline_at", self.tr("Deadline")), Column("where", self.tr("Where")),
        ], fetch_rows, self)
        self.table = record_table(self.model, stretch=len(COLUMN_WIDTHS))
        for section, width in enumerate(COLUMN_WIDTHS):
            self.table.horizontalHeader().resizeSection(section, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self._start_step)
        self.empty = QLabel(self.tr("Nothing waits here."))
        self.empty.setStyleSheet("color: #616161; font-size: 15px;")
        self.empty.hide()
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.hint):
            column.addWidget(widget)
        column.addWidget(self.table, 1)
        column.addWidget(self.empty)

        self.detail = IssueDetailView(ctx)
        self.detail.back_button.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.queues, middle, self.detail):
            splitter.addWidget(widget)
        splitter.setSizes([270, 720, 620])
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for n, queue in enumerate(q.QUEUES):
            shortcut = QShortcut(QKeySequence(f"Alt+{(n + 1) % 10}"), self)
            shortcut.activated.connect(lambda queue=queue: self._jump(queue))
        self._ticker = QTimer(self)
        self._ticker.setInterval(REFRESH_MS)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._show_queue_words(self.queues.queue())

    # -- loading -----------------------------------------------------------------
    def reload(self) -> None:
        grids, queue = self.ctx.actor.grid_ids, self.queues.queue()
        self.ctx.read(lambda store: q.queue_counts(store, grids), self.queues.set_counts)
        self.ctx.read(lambda store: (queue, q.queue_ids(store, queue, grids)), self._ids_arrived)

    def _ids_arrived(self, result: tuple[str, list[str]]) -> None:
        queue, ids = result
        if queue != self.queues.queue():
            return  # another queue was chosen meanwhile; its list is on the way
        self.model.set_ids(ids)
        self.empty.setVisible(not ids)
        row = self.model.row_of(self._keep) if self._keep else None
        if row is None and ids:  # the case left the queue: the one now in its place
            row = min(self._keep_row, len(ids) - 1)
        if row is not None:
            self.table.selectRow(row)
        else:
            self.detail.hide()
        self.loaded.emit()

    def _queue_chosen(self, queue: str) -> None:
        self._keep, self._keep_row = "", 0
        self._show_queue_words(queue)
        if self._loaded:
            self.reload()

    def _show_queue_words(self, queue: str) -> None:
        self.heading.setText(queue_label(queue))
        self.hint.setText(queue_hint(queue))

    def _jump(self, queue: str) -> None:
        self.queues.pick(queue)
        self.table.setFocus()

    def _tick(self) -> None:
        if self._loaded and self.isVisible():
            self.reload()

    # -- one case ----------------------------------------------------------------
    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        issue_id = current.data(ID_ROLE)
        if issue_id:
            self._keep, self._keep_row = issue_id, current.row()
            self.detail.show()
            self.detail.show_issue(issue_id)

    def _start_step(self, index: QModelIndex) -> None:
        """Enter on a case: the step its queue waits for, if the case allows it now."""
        step = LOOKS[self.queues.queue()].step
        detail = self.detail.detail
        if step and detail is not None and detail.id == index.data(ID_ROLE) \
                and step in self.detail.action_buttons:
            self.detail.panel.start(detail, step)

    # -- the page's part in the window --------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        if self._loaded and any(e in changes for e in _CASE_ENTITIES):
            self.reload()
            self.detail.reload()
