"""Doing a verification task (核查) on site: passed or not, a note, and photos taken there."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from inspector.services.cases import complete_verification

from ..context import AppContext
from ..messages import describe
from ..widgets.photo_strip import PhotoStrip
from .words import tr


class VerifyForm(QGroupBox):
    """`done(task_id)` fires once the verification is saved and the task closed."""

    done = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(tr("Verification on site"), parent)
        self.ctx = ctx
        self.task_id = ""
        self.setStyleSheet("font-size: 15px;")
        form = QFormLayout(self)
        self.passed = QRadioButton(tr("Passed: the problem is solved"))
        self.failed = QRadioButton(tr("Not passed: the problem is still there"))
        self.outcome = QButtonGroup(self)
        for button in (self.passed, self.failed):
            button.setMinimumHeight(32)
            self.outcome.addButton(button)
        choice = QHBoxLayout()
        choice.addWidget(self.passed)
        choice.addWidget(self.failed)
        choice.addStretch(1)
        form.addRow(tr("Result"), choice)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        self.note.setPlaceholderText(tr("What you saw (optional)"))
        form.addRow(tr("Note"), self.note)
        self.photos = PhotoStrip(ctx, "verification")
        form.addRow(tr("Photos"), self.photos)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        self.submit_button = QPushButton(qta.icon("fa5s.check"), tr("Submit verification"))
        self.submit_button.setToolTip(tr("Submit (Ctrl+Enter)"))
        self.submit_button.setMinimumHeight(44)
        self.submit_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.submit_button)
        form.addRow(row)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    def start(self, task_id: str) -> None:
        """An empty form for this task (what was typed for another task is not carried over)."""
        if task_id == self.task_id:
            return
        self.task_id = task_id
        self.outcome.setExclusive(False)
        for button in (self.passed, self.failed):
            button.setChecked(False)
        self.outcome.setExclusive(True)
        self.note.clear()
        self.photos.clear()
        self.message.clear()

    def chosen_outcome(self) -> str | None:
        if self.passed.isChecked():
            return "passed"
        return "failed" if self.failed.isChecked() else None

    def submit(self) -> None:
        if self.photos.busy():
            self.message.setText(tr("Photos are still being added. Submit again in a moment."))
            return
        task_id, outcome = self.task_id, self.chosen_outcome()
        note, photos = self.note.toPlainText().strip() or None, self.photos.photos()
        self.message.clear()
        self.submit_button.setEnabled(False)
        self.ctx.write(lambda store, actor: complete_verification(
            store, actor, task_id, outcome, note, photos), lambda _c: self._saved(task_id),
            self._refused)

    def _saved(self, task_id: str) -> None:
        self.submit_button.setEnabled(True)
        self.ctx.notice.emit(tr("Verification saved. It will be sent with the next sync."))
        self.done.emit(task_id)

    def _refused(self, exc: Exception) -> None:
        self.submit_button.setEnabled(True)
        self.message.setText(describe(exc))
