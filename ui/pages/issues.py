"""Issues (事件): the case list, the report form (Ctrl+N) and one case's detail, one at a time."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout

from inspector.services.recording import Changes

from ..context import AppContext
from ..exchange.actions import start_case_export
from ..exchange.export_job import ExportJob
from ..issues.detail import IssueDetailView
from ..issues.issue_list import IssueList
from ..issues.report_form import ReportForm
from .base import Page

_CASE_ENTITIES = ("issue", "issue_action", "photo_link")


class IssuesPage(Page):

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.list = IssueList(ctx)
        self.list.open_issue.connect(self.open_issue)
        self.form = ReportForm(ctx)
        self.form.reported.connect(self._reported)
        self.form.cancelled.connect(self.show_list)
        self.detail = IssueDetailView(ctx)
        self.detail.back.connect(self.show_list)

        self.new_button = QPushButton(qta.icon("fa5s.plus"), self.tr("New report"))
        self.new_button.setToolTip(self.tr("Report a new issue (Ctrl+N)"))
        self.new_button.setMinimumHeight(40)
        self.new_button.clicked.connect(self.new_report)
        self.export_button = QPushButton(qta.icon("fa5s.file-excel"), self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the cases the list shows (with its "
                                              "filters) as an Excel workbook"))
        self.export_button.setMinimumHeight(40)
        self.export_button.clicked.connect(self.export_cases)
        self.export_job: ExportJob | None = None
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        top.addWidget(self.export_button)

        self.stack = QStackedWidget()
        for view in (self.list, self.form, self.detail):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_report)


    def reload(self) -> None:
        self.list.reload()
        self.form.load_grids()

    def new_report(self) -> None:
        self.stack.setCurrentWidget(self.form)
        self.form.focus_first()

    def export_cases(self) -> None:
        self.export_job = start_case_export(self.ctx, self, self.list.current_filter()) \
            or self.export_job

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.setFocus()

    def open_issue(self, issue_id: str) -> None:
        self.stack.setCurrentWidget(self.detail)
        self.detail.show_issue(issue_id)

    def show_record(self, entity: str, record_id: str) -> None:
        if entity == "issue":
            self.activate()
            self.open_issue(record_id)

    def _reported(self, issue_id: str) -> None:
        """Back to the list, the new case selected, ready for the next report."""
        self.list.select_when_listed(issue_id)
        self.show_list()

    def on_changed(self, changes: Changes) -> None:
        if not self._loaded or not any(e in changes for e in _CASE_ENTITIES):
            return
        touched = sorted(changes.touched.get("issue", ()))
        if any(self.list.model.row_of(i) is None for i in touched):
            self.list.reload()  # a new case: the list's order and filters decide where
        else:
            self.list.refresh(touched)
        if self.detail.issue_id:
            self.detail.reload()
