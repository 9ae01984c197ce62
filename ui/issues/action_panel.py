"""Taking one case-loop step from the case detail: the fields that step needs, then save.

Which steps a role may take comes from `inspector.caseflow` (via the query
`allowed_actions`); the service checks again and its refusal is shown here as is.
Dispatch proposes the subclass's department and the deadline its category and
severity give (`inspector.deadlines`); approving more time proposes that limit once
more from the current deadline. Both stay editable.
"""

from __future__ import annotations

from datetime import UTC, datetime

import qtawesome as qta
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from inspector import caseflow
from inspector.catalogues import issue_subcategory, load_catalogue
from inspector.deadlines import case_limit, deadline_for, extended_deadline
from inspector.errors import NotFoundError
from inspector.models import utcnow
from inspector.queries.cases import IssueDetail
from inspector.services.cases import take_action

from ..context import AppContext
from ..labels import fill_combo
from ..messages import describe
from ..widgets.photo_strip import PhotoStrip
from .deadline_style import limit_words
from .words import severity_label, step_label, tr


def proposed_deadline(issue: IssueDetail, kind: str, now: datetime) -> datetime | None:
    """The deadline a dated step starts from: the case's limit from now (dispatch) or from
    its current deadline (more time); None for other steps."""
    if kind == "dispatch":
        return deadline_for(issue.category_code, issue.severity, now)
    if kind == "approve_extension":
        return extended_deadline(issue.category_code, issue.severity, issue.deadline_at, now)
    return None


class ActionPanel(QGroupBox):
    """Hidden until `start(issue_id, kind)`; `done` fires when the step was saved."""

    done = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.issue_id = ""
        self.kind = ""
        form = QFormLayout(self)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.reason_label = QLabel()
        form.addRow(self.reason_label, self.reason)
        self.department = QComboBox()
        fill_combo(self.department, [(d["code"], d["name"]) for d in
                                     load_catalogue("departments").entries])
        self.department_label = QLabel(tr("Department"))
        form.addRow(self.department_label, self.department)
        self.deadline = QDateTimeEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.deadline_label = QLabel(tr("Deadline"))
        form.addRow(self.deadline_label, self.deadline)
        self.limit_hint = QLabel()
        self.limit_hint.setWordWrap(True)
        form.addRow(self.limit_hint)
        self.photos = PhotoStrip(ctx, "handling")
        self.photos_label = QLabel(tr("Photos"))
        form.addRow(self.photos_label, self.photos)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.hide)
        self.save_button = QPushButton(qta.icon("fa5s.check"), tr("Save"))
        self.save_button.setToolTip(tr("Save (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.hide()

    def start(self, issue: IssueDetail, kind: str) -> None:
        """Show the fields of one step, empty or with the values the catalogue proposes."""
        self.issue_id, self.kind = issue.id, kind
        step = caseflow.STEPS[kind]
        self.setTitle(step_label(kind))
        self.reason_label.setText(tr("Reason") if step.needs_reason else tr("Note (optional)"))
        self.reason.clear()
        dated = step.needs_dispatch or step.needs_deadline
        for widget in (self.department, self.department_label):
            widget.setVisible(step.needs_dispatch)
        for widget in (self.deadline, self.deadline_label, self.limit_hint):
            widget.setVisible(dated)
        self._propose(issue, kind)
        for widget in (self.photos, self.photos_label):
            widget.setVisible(kind == "feedback")
        self.photos.clear()
        self.message.clear()
        self.show()
        self.reason.setFocus()

    def _propose(self, issue: IssueDetail, kind: str) -> None:
        now = utcnow()
        try:
            if kind == "dispatch":
                department = (issue.department
                              or issue_subcategory(issue.category_code)["department"])
                self.department.setCurrentIndex(max(0, self.department.findData(department)))
            proposal = proposed_deadline(issue, kind, now)
            limit = limit_words(case_limit(issue.category_code, issue.severity))
        except NotFoundError:  # a subclass a newer catalogue no longer has
            self.deadline.setDateTime(QDateTime.currentDateTime().addDays(1))
            self.limit_hint.setText(tr("This case's category is not in the current catalogue: "
                                       "choose the department and the deadline yourself."))
            return
        if proposal is not None:
            self.deadline.setDateTime(QDateTime(proposal.astimezone().replace(tzinfo=None)))
            self.limit_hint.setText(
                tr("Time limit for this category at severity %1: %2")
                .replace("%1", severity_label(issue.severity)).replace("%2", limit))

    def request(self) -> caseflow.ActionRequest:
        step = caseflow.STEPS[self.kind]
        dated = step.needs_dispatch or step.needs_deadline
        deadline = self.deadline.dateTime().toPython().astimezone().astimezone(UTC)
        return caseflow.ActionRequest(
            self.kind, self.ctx.actor.role, reason=self.reason.toPlainText().strip() or None,
            department=self.department.currentData() if step.needs_dispatch else None,
            deadline_at=deadline if dated else None)

    def save(self) -> None:
        if self.photos.busy():
            self.message.setText(tr("Photos are still being added. Save again in a moment."))
            return
        issue_id, req = self.issue_id, self.request()
        photos = self.photos.photos() if self.kind == "feedback" else ()
        self.save_button.setEnabled(False)
        self.ctx.write(lambda store, actor: take_action(store, actor, issue_id, req, photos),
                       self._saved, self._refused)

    def _saved(self, _changes) -> None:
        self.save_button.setEnabled(True)
        if caseflow.STEPS[self.kind].server_side:
            self.ctx.notice.emit(tr("Request saved. The case changes when the server confirms."))
        else:
            self.ctx.notice.emit(tr("Saved: %1").replace("%1", step_label(self.kind)))
        self.hide()
        self.done.emit()

    def _refused(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(describe(exc))
