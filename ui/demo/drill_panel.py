"""The drills window: pick an exercise, follow its hints, see each step tick off.

It stays open beside the main window while the trainee works. Every save in the
app re-checks the running drill (ctx.changed), so steps tick as they are done;
the check itself reads the store on the database thread (inspector.demo.drills).
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.demo import drills

from ..context import AppContext
from ..messages import describe


def tr(text: str) -> str:
    return QCoreApplication.translate("drills", text)


def titles() -> dict[str, str]:
    return {
        drills.REPORT_DRAIN: tr("Report a blocked drain with photos"),
        drills.VERIFY_CASE: tr("Verify a handled case"),
        drills.DOOR_VISIT: tr("Log a door-to-door visit"),
        drills.FIND_RESIDENT: tr("Find a resident by the end of their ID number"),
    }


def hints(run: drills.DrillRun) -> list[str]:
    """One hint per step of the drill, in order."""
    return {
        drills.REPORT_DRAIN: [
            tr("Open Issues, start a new report and choose the category "
               "“blocked or overflowing drain” (雨污水口堵塞冒溢)"),
            tr("Add at least one photo of the drain"),
            tr("Fill in the place and what you saw, then report it (not as a draft)"),
        ],
        drills.VERIFY_CASE: [
            tr("Open Tasks: the cases waiting for your verification are listed there"),
            tr("Look at the place, add a verification photo, choose passed or failed, save"),
        ],
        drills.DOOR_VISIT: [
            tr("Open a household in the Register and start a visit (Ctrl+Shift+V)"),
            tr("Tick the people you met at the door"),
            tr("Save the visit"),
        ],
        drills.FIND_RESIDENT: [
            tr("In the Register, search for the ID number that ends in %1")
            .replace("%1", run.id_tail or ""),
            tr("Type that person's name below and press Check"),
        ],
    }[run.drill]


class DrillPanel(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.run: drills.DrillRun | None = None
        self.result: drills.DrillCheck | None = None  # the last check of the running drill
        self.setWindowTitle(self.tr("Drills"))
        self.setModal(False)
        self.resize(460, 420)
        layout = QVBoxLayout(self)
        self.choices = QListWidget()
        for code, title in titles().items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.setFixedHeight(110)
        layout.addWidget(self.choices)
        self.start_button = QPushButton(qta.icon("fa5s.play"), self.tr("Start this drill"))
        self.start_button.clicked.connect(self.start)
        layout.addWidget(self.start_button)
        self.steps = QListWidget()
        self.steps.setWordWrap(True)
        layout.addWidget(self.steps, 1)
        row = QHBoxLayout()
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("Name of the person"))
        self.answer.returnPressed.connect(self.check)
        row.addWidget(self.answer, 1)
        self.check_button = QPushButton(qta.icon("fa5s.check-double"), self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._show_answer(False)
        self.check_button.setEnabled(False)
        ctx.changed.connect(lambda _changes: self.check() if self.run else None)

    def _show_answer(self, shown: bool) -> None:
        self.answer.setVisible(shown)

    def start(self) -> None:
        code = self.choices.currentItem().data(Qt.ItemDataRole.UserRole)
        actor = self.ctx.actor
        self.status.setText(self.tr("Starting …"))
        self.ctx.read(lambda store: drills.begin(store, actor, code), self._started,
                      self._unavailable)

    def _started(self, run: drills.DrillRun) -> None:
        self.run = run
        self.answer.clear()
        self._show_answer(run.drill == drills.FIND_RESIDENT)
        self.check_button.setEnabled(True)
        self._show(drills.DrillCheck(0, len(drills.STEPS[run.drill])))
        self.status.setText(self.tr("Go ahead: the steps tick off as you do them."))

    def _unavailable(self, exc: Exception) -> None:
        self.status.setText(describe(exc))

    def check(self) -> None:
        run, answer = self.run, self.answer.text()
        if run is not None:
            self.ctx.read(lambda store: drills.check(store, run, answer), self._checked,
                          self._unavailable)

    def _checked(self, result: drills.DrillCheck) -> None:
        self._show(result)
        if result.done:
            self.status.setText(self.tr("Well done: the drill is complete."))
        else:
            self.status.setText(self.tr("Not yet: step %1 is still to do.")
                                .replace("%1", str(result.step + 1)))

    def _show(self, result: drills.DrillCheck) -> None:
        self.result = result
        self.steps.clear()
        for number, hint in enumerate(hints(self.run)):
            icon = "fa5s.check-circle" if number < result.step else "fa5.circle"
            colour = "#2e7d32" if number < result.step else "#777777"
            self.steps.addItem(QListWidgetItem(qta.icon(icon, color=colour),
                                               f"{number + 1}. {hint}"))
