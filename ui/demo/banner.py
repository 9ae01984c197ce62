"""The demo banner: always on screen in demo mode, with the trainer's controls.

The banner says plainly that the data is fictional, lets a trainer act as
another role (each role has its own device in the classroom) and brings the
initial state back. It only asks; the app does the switching (ui.app).
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from inspector.roles import STAFF, SUPERVISOR, WORKER

from ..labels import role_label

TRAINEE_ROLES = (WORKER, STAFF, SUPERVISOR)


class DemoBanner(QFrame):
    role_chosen = Signal(str)
    reset_confirmed = Signal()
    drills_requested = Signal()
    time_skipped = Signal(int)  # days

    def __init__(self, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setStyleSheet("#demoBanner { background: #f0a020; } "
                           "#demoBanner QLabel { color: black; font-weight: bold; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        self.label = QLabel(self.tr("Demo mode — fictional data for training only"))
        row.addWidget(self.label, 1)
        self.roles_label = QLabel(self.tr("Act as"))
        row.addWidget(self.roles_label)
        self.roles = QComboBox()
        for code in TRAINEE_ROLES:
            self.roles.addItem(role_label(code), code)
        self.roles.setCurrentIndex(max(0, self.roles.findData(role)))
        self.roles.setToolTip(self.tr("Each role works on its own demo laptop; "
                                      "sync to pass work between them"))
        self.roles.activated.connect(self._role_picked)
        row.addWidget(self.roles)
        self.drills_button = QPushButton(qta.icon("fa5s.graduation-cap"), self.tr("Drills"))
        self.drills_button.setToolTip(self.tr("Guided exercises with a check when done"))
        self.drills_button.clicked.connect(self.drills_requested)
        row.addWidget(self.drills_button)
        self.skip_button = QPushButton(qta.icon("fa5s.forward"), self.tr("Skip time"))
        self.skip_button.setToolTip(self.tr("Let days pass for the open cases, so deadlines "
                                            "come near or pass"))
        skip_menu = QMenu(self.skip_button)
        for days in (1, 3, 7):
            action = skip_menu.addAction(self.tr("%n day(s) later", "", days))
            action.triggered.connect(lambda _checked=False, d=days: self.time_skipped.emit(d))
        self.skip_button.setMenu(skip_menu)
        row.addWidget(self.skip_button)
        self.reset_button = QPushButton(qta.icon("fa5s.undo"), self.tr("Reset demo"))
        self.reset_button.setToolTip(self.tr("Bring the demo community back to its first state"))
        self.reset_button.clicked.connect(self.ask_reset)
        row.addWidget(self.reset_button)
        self.confirm: QMessageBox | None = None

    def set_classroom(self, present: bool) -> None:
        """Role switching, time skip and reset need the classroom's server; a standalone
        demo store (made by `grid-inspector demo-data`) has none."""
        for widget in (self.roles_label, self.roles, self.skip_button, self.reset_button):
            widget.setVisible(present)

    def _role_picked(self, index: int) -> None:
        self.role_chosen.emit(self.roles.itemData(index))

    def ask_reset(self) -> None:
        """Ask before throwing away what the class did; the answer comes back as a signal."""
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Reset demo"),
            self.tr("Everything done in the demo since it was set up is removed, on every "
                    "role's laptop and on the demo server. Reset now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        self.confirm.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm.buttonClicked.connect(self._answered)
        self.confirm.open()

    def _answered(self, button) -> None:
        if self.confirm.standardButton(button) == QMessageBox.StandardButton.Yes:
            self.reset_confirmed.emit()
