"""Tasks: work pushed down to this worker (verification of cases first), open and finished.

An open task is red when it is late or its case is overdue, amber when its case is due soon.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.db import Store
from inspector.queries.cases import TaskDetail, task_detail, task_ids, task_rows
from inspector.services.recording import Changes

from ..context import AppContext
from ..issues.deadline_style import OVERDUE_COLOR, deadline_color, deadline_tip
from ..issues.detail import IssueDetailView
from ..issues.verify_form import VerifyForm
from ..issues.words import outcome_label, task_kind_label, tr
from ..labels import local_time
from ..lazymodel import ID_ROLE, Column, LazyTableModel
from ..widgets.tables import record_table
from .base import Page

DONE_COLOR = "#757575"


def fetch_rows(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Task rows in words (database thread)."""
    out = {}
    for task_id, row in task_rows(store, ids).items():
        if row["status"] == "open":
            state = tr("Overdue") if row["late"] else tr("To do")
        else:
            state = tr("Done: %1").replace("%1", outcome_label(row["result"]) or row["result"]
                                             or "")
        case_state = row["case_deadline_state"]
        out[task_id] = {"title": row["title"], "kind": task_kind_label(row["kind"]),
                        "address": row["address"] or "", "due_at": local_time(row["due_at"]),
                        "state": state,
                        "_color": OVERDUE_COLOR if row["late"] else deadline_color(case_state)
                        or (DONE_COLOR if row["status"] != "open" else None),
                        "_tip": deadline_tip(case_state)}
    return out


class TasksPage(Page):
    loaded = Signal()  # a task's detail is on screen

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.task: TaskDetail | None = None
        self._wanted = ""
        self.show_done = QCheckBox(self.tr("Show finished tasks"))
        self.show_done.toggled.connect(self.reload)
        self.model = LazyTableModel(ctx, [
            Column("title", self.tr("Task")), Column("kind", self.tr("Kind")),
            Column("address", self.tr("Address")), Column("due_at", self.tr("Due")),
            Column("state", self.tr("State")),
        ], fetch_rows, self)
        self.table = record_table(self.model, stretch=0)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel(self.tr("No tasks. New tasks arrive with the next sync."))
        self.empty.hide()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.show_done)
        left_column.addWidget(self.table, 1)
        left_column.addWidget(self.empty)

        self.heading = QLabel(self.tr("Choose a task on the left."))
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.state = QLabel()
        self.state.setStyleSheet("font-size: 15px;")
        self.open_case = QPushButton(qta.icon("fa5s.external-link-alt"), self.tr("Open the case"))
        self.open_case.clicked.connect(self._open_case)
        self.open_case.hide()
        self.case = IssueDetailView(ctx, with_actions=False)
        self.case.hide()
        self.verify = VerifyForm(ctx)
        self.verify.done.connect(self._verified)
        self.verify.hide()
        right = QWidget()
        right_column = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.open_case)
        right_column.addLayout(top)
        right_column.addWidget(self.state)
        right_column.addWidget(self.case, 1)
        right_column.addWidget(self.verify)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)


    def reload(self) -> None:
        username, done = self.ctx.actor.username, self.show_done.isChecked()
        self.ctx.read(lambda store: task_ids(store, username, done), self._ids_arrived)

    def _ids_arrived(self, ids: list[str]) -> None:
        current = self._wanted or (self.task.id if self.task else "")
        self.model.set_ids(ids)
        self.empty.setVisible(not ids)
        row = self.model.row_of(current) if current else None
        if row is None and ids and not self._wanted:
            row = 0  # the most urgent task, ready to work on
        if row is not None:
            self.table.selectRow(row)
        elif self._wanted:
            self.show_task(self._wanted)  # not in this list (finished, filter off): show anyway
        self._wanted = ""

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task_id = current.data(ID_ROLE)
        if task_id:
            self.show_task(task_id)

    def show_task(self, task_id: str) -> None:
        self.ctx.read(lambda store: task_detail(store, task_id), self._task_arrived)

    def _task_arrived(self, task: TaskDetail | None) -> None:
        self.task = task
        if task is None:
            self.heading.setText(self.tr("This task is not on this computer."))
            for widget in (self.case, self.verify, self.open_case):
                widget.hide()
            return
        self.heading.setText(task.title)
        if task.status == "open":
            due = local_time(task.due_at)
            self.state.setText(self.tr("To do, by %1").replace("%1", due) if due
                               else self.tr("To do"))
        else:
            done_at = local_time(task.completed_at)
            self.state.setText(self.tr("Done on %1: %2").replace("%1", done_at)
                               .replace("%2", outcome_label(task.result) or task.result or ""))
        has_case = task.issue is not None
        self.case.setVisible(has_case)
        self.open_case.setVisible(has_case)
        if has_case:
            self.case.show_issue(task.issue.id)
        doable = task.status == "open" and task.kind == "verify_issue" and has_case
        self.verify.setVisible(doable)
        if doable:
            self.verify.start(task.id)
        self.loaded.emit()

    def _open_case(self) -> None:
        if self.task and self.task.issue:
            self.ctx.open_record.emit("issue", self.task.issue.id)

    def _verified(self, task_id: str) -> None:
        self.show_task(task_id)

    def show_record(self, entity: str, record_id: str) -> None:
        if entity == "task":
            self._wanted = record_id
            if not self._loaded:
                self.activate()
            else:
                self.reload()

    def on_changed(self, changes: Changes) -> None:
        if self._loaded and ("task" in changes or "issue" in changes):
            self.reload()
