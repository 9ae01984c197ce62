"""Logging a door-to-door visit (走访) to one household, in a few keystrokes.

The form opens on the household with 日常走访 chosen; the user ticks who was met,
adds needs (category + what they asked for), ticks the services given, picks the
satisfaction and may add photos. Ctrl+Enter saves; Esc asks before throwing away
anything typed. The core (`record_visit`) checks the input; its reasons show next
to the fields named.
"""

from __future__ import annotations

import qtawesome as qta
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.catalogues import label, load_catalogue
from inspector.errors import ValidationError
from inspector.queries.activities import VisitSubject, visit_subject
from inspector.services.activities import NeedInput, VisitInput, record_visit

from ..context import AppContext
from ..forms import FormFields
from ..labels import choices, fill_combo
from ..messages import describe
from ..widgets.photo_strip import PhotoStrip

SERVICE_SEPARATOR = "、"


def open_visit(ctx: AppContext, household_id: str, parent: QWidget | None = None) -> VisitDialog:
    """Show the visit form for a household (non-modal) and return it."""
    dialog = VisitDialog(ctx, household_id, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


class NeedRow(QWidget):
    """One need raised: its category, what was asked for, and its own error line."""

    remove_clicked = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Need category"))
        fill_combo(self.category, choices("visit_needs", "need_categories"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What was asked for"))
        self.description.setAccessibleName(self.tr("Need description"))
        self.description.textEdited.connect(self.edited)
        self.remove = QToolButton()
        self.remove.setIcon(qta.icon("fa5s.times", color="#c62828"))
        self.remove.setToolTip(self.tr("Remove this need"))
        self.remove.setAccessibleName(self.tr("Remove this need"))
        self.remove.clicked.connect(self.remove_clicked)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        grid.addWidget(self.category, 0, 0)
        grid.addWidget(self.description, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        grid.addWidget(self.error, 1, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self.setFocusProxy(self.description)

    def need(self) -> NeedInput:
        return NeedInput(self.category.currentData(), self.description.text().strip())

    def show_error(self, reason: str) -> None:
        self.error.setText(reason)
        self.error.setVisible(bool(reason))


class VisitDialog(QDialog):
    """The visit form. `saved(visit_id)` fires once the visit is stored."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, household_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.household_id = ctx, household_id
        self.subject: VisitSubject | None = None
        self.confirm: QMessageBox | None = None
        self._dirty = False
        self._saving = False
        self.setWindowTitle(self.tr("New visit"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)  # older eyes: everything a size bigger
        self.setFont(font)
        self.setStyleSheet("QComboBox, QLineEdit, QPushButton { min-height: 30px; }")
        self.resize(760, 780)

        outer = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setStyleSheet("font-size: 19px; font-weight: bold;")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)

        body = QWidget()
        body_column = QVBoxLayout(body)
        form = QFormLayout()
        body_column.addLayout(form)
        body_column.addStretch(1)  # rows keep their height; spare room goes below them
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.fields = FormFields(form, self.summary)

        self.kind = QComboBox()
        fill_combo(self.kind, choices("visit_needs", "visit_kinds"))
        self.fields.add("kind", self.tr("Kind of visit"), self.kind)

        self.people_box = QWidget()
        self.people_layout = QGridLayout(self.people_box)
        self.people_layout.setContentsMargins(0, 0, 0, 0)
        self.people: list[tuple[str, QCheckBox]] = []
        self.fields.add("people_met", self.tr("People met"), self.people_box)

        needs_box = QWidget()
        needs_column = QVBoxLayout(needs_box)
        needs_column.setContentsMargins(0, 0, 0, 0)
        self.need_rows_layout = QVBoxLayout()
        needs_column.addLayout(self.need_rows_layout)
        self.add_need_button = QPushButton(qta.icon("fa5s.plus"), self.tr("Add a need"))
        self.add_need_button.setToolTip(self.tr("Add a need raised by the household (Ctrl+N)"))
        self.add_need_button.clicked.connect(self.add_need)
        needs_column.addWidget(self.add_need_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.need_rows: list[NeedRow] = []
        self.fields.add("needs", self.tr("Needs raised"), needs_box)

        services_box = QWidget()
        services_grid = QGridLayout(services_box)
        services_grid.setContentsMargins(0, 0, 0, 0)
        self.services: list[tuple[str, QCheckBox]] = []
        for n, entry in enumerate(load_catalogue("visit_needs").members("service_kinds")):
            box = QCheckBox(str(entry["name"]))
            box.toggled.connect(self._touched)
            self.services.append((str(entry["code"]), box))
            services_grid.addWidget(box, n // 3, n % 3)
        self.fields.add("services", self.tr("Services given"), services_box)

        self.satisfaction = QComboBox()
        fill_combo(self.satisfaction, choices("visit_needs", "satisfaction"),
                   blank=self.tr("Not asked"))
        self.satisfaction.currentIndexChanged.connect(self._touched)
        self.fields.add("satisfaction", self.tr("Satisfaction"), self.satisfaction)

        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.notes.textChanged.connect(self._touched)
        self.fields.add("notes", self.tr("Notes"), self.notes)

        self.photos = PhotoStrip(ctx, "visit")
        self.photos.changed.connect(self._touched)
        self.fields.add("photos", self.tr("Photos"), self.photos)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.summary)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(qta.icon("fa5s.check", color="white"),
                                       self.tr("Save visit (Ctrl+Enter)"))
        self.save_button.setStyleSheet("QPushButton { background: #1a7f37; color: white; "
                                       "padding: 6px 18px; font-weight: bold; }")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        for button in (self.cancel_button, self.save_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        outer.addLayout(buttons)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.add_need)
        self.kind.currentIndexChanged.connect(self._touched)
        self.kind.setFocus()
        ctx.read(lambda store: visit_subject(store, household_id), self._loaded)

    # -- loading -------------------------------------------------------------
    def _alive(self) -> bool:
        """False once the window was closed (and deleted) before a reply came back."""
        return shiboken6.isValid(self)

    def _loaded(self, subject: VisitSubject | None) -> None:
        if not self._alive():
            return
        if subject is None:
            self.heading.setText(self.tr("This household no longer exists."))
            return
        self.subject = subject
        self.heading.setText(subject.address)
        for n, person in enumerate(subject.residents):
            box = QCheckBox(person.name)
            box.setFont(self.font())  # added after the window showed: not inherited reliably
            box.toggled.connect(self._touched)
            self.people.append((person.id, box))
            self.people_layout.addWidget(box, n // 3, n % 3)
        if not subject.residents:
            self.people_layout.addWidget(QLabel(self.tr("Nobody is registered in this "
                                                        "household yet.")), 0, 0)
        self._order_tabs()
        self.save_button.setEnabled(True)

    # -- needs ---------------------------------------------------------------
    def add_need(self) -> NeedRow:
        row = NeedRow()
        row.remove_clicked.connect(lambda: self._remove_need(row))
        row.edited.connect(self._touched)
        self.need_rows.append(row)
        self.need_rows_layout.addWidget(row)
        self._order_tabs()
        row.category.setFocus()
        self._touched()
        return row

    def _remove_need(self, row: NeedRow) -> None:
        self.need_rows.remove(row)
        row.hide()
        row.deleteLater()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Kind → people → needs → add need → services → satisfaction → notes → save."""
        chain: list[QWidget] = [self.kind, *(box for _, box in self.people)]
        for row in self.need_rows:
            chain += [row.category, row.description, row.remove]
        chain += [self.add_need_button, *(box for _, box in self.services), self.satisfaction,
                  self.notes, self.photos.add_button, self.save_button, self.cancel_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- saving --------------------------------------------------------------
    def visit_input(self) -> VisitInput:
        services = [label("visit_needs", code, "service_kinds")
                    for code, box in self.services if box.isChecked()]
        return VisitInput(
            household_id=self.household_id,
            kind=self.kind.currentData(),
            people_met=tuple(pid for pid, box in self.people if box.isChecked()),
            needs=tuple(row.need() for row in self.need_rows),
            services=SERVICE_SEPARATOR.join(services) or None,
            satisfaction=self.satisfaction.currentData(),
            notes=self.notes.toPlainText().strip() or None,
            photos=self.photos.photos())

    def save(self) -> None:
        if self.subject is None or self._saving:
            return
        if self.photos.busy():
            self._show_summary(self.tr("Photos are still being added; save again in a moment."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        data = self.visit_input()
        self.ctx.write(lambda store, actor: record_visit(store, actor, data),
                       self._saved, self._failed)

    def _saved(self, result: tuple[str, object]) -> None:
        visit_id = result[0]
        self.ctx.notice.emit(QCoreApplication.translate("VisitDialog", "Visit saved."))
        if not self._alive():
            return
        self._dirty = False
        self.saved.emit(visit_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if not self._alive():
            self.ctx.notice.emit(describe(exc))
            return
        self._saving = False
        self.save_button.setEnabled(True)
        for row in self.need_rows:
            row.show_error("")
        if not isinstance(exc, ValidationError):
            self.fields.clear()
            self._show_summary(describe(exc))
            return
        rest = []
        for error in exc.errors:
            index = _need_index(error.field)
            if index is not None and index < len(self.need_rows):
                self.need_rows[index].show_error(error.reason)
            else:
                rest.append(error)
        self.fields.show(ValidationError(rest))
        bad_rows = [row for row in self.need_rows if not row.error.isHidden()]
        if bad_rows and not any(self.fields.error_text(f) for f in self.fields.widgets):
            bad_rows[0].setFocus()

    def _show_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.show()

    # -- closing -------------------------------------------------------------
    def _touched(self, *_args: object) -> None:
        self._dirty = True

    def reject(self) -> None:
        """Esc or Cancel: close at once when nothing was entered, otherwise ask first."""
        if not self._dirty:
            super().reject()
            return
        if self.confirm is not None:
            return
        self.confirm = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard this visit?"),
                                   self.tr("What you entered for this visit will be lost."),
                                   parent=self)
        discard = self.confirm.addButton(self.tr("Discard"),
                                         QMessageBox.ButtonRole.DestructiveRole)
        keep = self.confirm.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        self.confirm.setDefaultButton(keep)
        self.confirm.buttonClicked.connect(
            lambda button: self._confirmed(button is discard))
        self.confirm.open()

    def _confirmed(self, discard: bool) -> None:
        self.confirm = None
        if discard:
            self._dirty = False
            super().reject()


def _need_index(field: str) -> int | None:
    """`needs[2].description` → 2."""
    if not field.startswith("needs["):
        return None
    number = field[len("needs["):].split("]", 1)[0]
    return int(number) if number.isdigit() else None
