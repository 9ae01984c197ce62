"""The case list: filters above a lazy table; cases due soon in amber, overdue in red;
Enter opens one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector import caseflow
from inspector.catalogues import load_catalogue
from inspector.db import Store
from inspector.models import utcnow
from inspector.queries.cases import IssueFilter, category_name, issue_ids, issue_rows

from ..context import AppContext
from ..labels import choices, fill_combo, local_time, status_label
from ..lazymodel import ID_ROLE, Column, LazyTableModel
from ..widgets.tables import record_table
from .deadline_style import deadline_color, deadline_tip, time_left, with_state
from .words import severity_label, tr

OPEN_CASES = "open"  # the status filter's "every open case" entry
TYPING_PAUSE_MS = 250  # wait for a pause in typing before asking the database
# Fixed widths: measuring contents would fetch every row of a lazy list.
COLUMN_WIDTHS = (170, 220, 230, 110, 170, 140, 140, 200)


def fetch_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Rows in words for the table (runs on the database thread); the review inbox shows
    the same rows."""
    now = utcnow()
    out = {}
    for record_id, row in issue_rows(store, ids, now).items():
        state = row["deadline_state"]
        deadline = local_time(row["deadline_at"])
        if state:
            deadline = f"{deadline} · {time_left(row['deadline_at'], now)}"
        out[record_id] = {
            "number": row["number"] or tr("(not numbered yet)"),
            "title": row["title"],
            "category": category_name(row["category_code"]),
            "severity": severity_label(row["severity"]),
            "status": with_state(status_label(row["status"]), state),
            "reported_at": local_time(row["reported_at"]),
            "deadline_at": deadline,
            "where": f"{row['grid_name']} · {row['address']}",
            "_color": deadline_color(state),
            "_tip": deadline_tip(state),
        }
    return out


class IssueList(QWidget):
    """`open_issue(id)` fires on double-click or Enter."""

    open_issue = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._wanted = ""
        bar = QHBoxLayout()
        self.status = QComboBox()
        self.status.addItem(tr("All statuses"), None)
        self.status.addItem(tr("Open cases"), OPEN_CASES)
        for code in caseflow.STATUSES:
            self.status.addItem(status_label(code), code)
        self.category = QComboBox()
        fill_combo(self.category, [(c["code"], c["name"]) for c in
                                   load_catalogue("issue_categories").entries],
                   blank=tr("All categories"))
        self.severity = QComboBox()
        fill_combo(self.severity, choices("enums", "severity"), blank=tr("All severities"))
        self.overdue = QCheckBox(tr("Overdue only"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search title, address or number"))
        self.search.setClearButtonEnabled(True)
        for label, widget in ((tr("Status"), self.status), (tr("Category"), self.category),
                              (tr("Severity"), self.severity)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.overdue)
        bar.addWidget(self.search, 1)
        for combo in (self.status, self.category, self.severity):
            combo.currentIndexChanged.connect(self.reload)
        self.overdue.toggled.connect(self.reload)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(self._typing.start)

        self.model = LazyTableModel(ctx, [
            Column("number", tr("Number")), Column("title", tr("Title")),
            Column("category", tr("Category")), Column("severity", tr("Severity")),
            Column("status", tr("Status")), Column("reported_at", tr("Reported")),
            Column("deadline_at", tr("Deadline")), Column("where", tr("Where")),
        ], fetch_rows, self)
        self.table = record_table(self.model, stretch=len(COLUMN_WIDTHS) - 1)
        header = self.table.horizontalHeader()
        for section, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(section, width)
        self.table.activated.connect(self._activated)
        self.count = QLabel()

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.count)
        self.setFocusProxy(self.table)

    def current_filter(self) -> IssueFilter:
        status = self.status.currentData()
        statuses = (caseflow.OPEN if status == OPEN_CASES
                    else frozenset({status}) if status else frozenset())
        return IssueFilter(grid_ids=self.ctx.actor.grid_ids, statuses=frozenset(statuses),
                           class_code=self.category.currentData(),
                           severity=self.severity.currentData(),
                           overdue_only=self.overdue.isChecked(), text=self.search.text())

    def reload(self) -> None:
        flt = self.current_filter()
        self.ctx.read(lambda store: issue_ids(store, flt), self._ids_arrived)

    def _ids_arrived(self, ids: list[str]) -> None:
        self.model.set_ids(ids)
        self.count.setText(tr("%n case(s)", len(ids)))
        row = self.model.row_of(self._wanted) if self._wanted else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._wanted = ""
        self.loaded.emit()

    def select_when_listed(self, issue_id: str) -> None:
        """Select this case once the next list arrives (a case just reported)."""
        self._wanted = issue_id

    def _activated(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.open_issue.emit(record_id)

    def refresh(self, ids: Sequence[str]) -> None:
        self.model.refresh(list(ids))
