"""The report form: one page a grid worker fills in on the spot, with photos.

Built for older users on a laptop in the street: big fields in the order of the
report (what, where, when, how bad), the category found by typing two characters,
the triage filled in from the category, and every refusal shown under the field
it is about with what was typed left in place. "Handled on the spot" adds the
before/after photos the case loop requires.
"""

from __future__ import annotations

from datetime import UTC

import qtawesome as qta
from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.catalogues import issue_subcategory
from inspector.errors import ValidationError
from inspector.queries.activities import Grid, patrol_grids
from inspector.services.cases import IssueInput, report_issue

from ..context import AppContext
from ..forms import FormFields
from ..labels import choices, fill_combo
from ..messages import describe
from ..widgets.photo_strip import PhotoStrip
from .category_tree import CategoryTree
from .words import is_urgent

_BIG = "font-size: 15px;"
_URGENT = "color: #b71c1c; font-weight: bold; font-size: 15px;"
_ERROR = "color: #c62828; font-size: 15px;"


def open_point_picker(ctx: AppContext, grid_id: str, parent: QWidget):
    """Show the map to choose a point in a grid; returns the dialog (its `picked` signal).

    Imported here, not at the top, so the form opens fast and works without the map.
    """
    from ..dialogs.pick_point import PickPointDialog

    dialog = PickPointDialog(ctx, grid_id, parent)
    dialog.open()
    return dialog


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 17px; font-weight: bold; margin-top: 10px;")
    return label


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setFixedHeight(28 + 22 * lines)
    return box


class ReportForm(QWidget):
    """`reported(issue_id)` fires after the case is saved; `cancelled` when the user backs out."""

    reported = Signal(str)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.lat: float | None = None
        self.lon: float | None = None
        self._saving = False
        self.setStyleSheet(_BIG)

        inner = QWidget()
        form = QFormLayout(inner)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.summary = QLabel()
        self.summary.setObjectName("report_summary")
        self.summary.setStyleSheet(_ERROR)
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.fields = FormFields(form, self.summary)
        add = self.fields.add

        form.addRow(_heading(self.tr("What happened")))
        self.category = add("category_code", self.tr("Category"), CategoryTree())
        self.category.chosen.connect(self._category_chosen)
        self.title_edit = add("title", self.tr("What (short title)"), QLineEdit())
        self.title_edit.setMaxLength(100)
        self.title_edit.setPlaceholderText(self.tr("e.g. Manhole cover missing"))
        self.description = add("description", self.tr("Description"), _text_box(4))
        self.severity = add("severity", self.tr("Severity"), QComboBox())
        fill_combo(self.severity, choices("enums", "severity"))
        self.severity.setCurrentIndex(self.severity.findData("minor"))
        self.severity.currentIndexChanged.connect(self._severity_changed)
        self.urgent_note = QLabel(self.tr(
            "Urgent: this report will be sent first, as soon as there is a connection."))
        self.urgent_note.setStyleSheet(_URGENT)
        self.urgent_note.setWordWrap(True)
        self.urgent_note.hide()
        form.addRow("", self.urgent_note)
        self.triage = add("triage", self.tr("Triage"), QComboBox())
        fill_combo(self.triage, choices("enums", "triage"))
        self.source = add("source", self.tr("Source"), QComboBox())
        fill_combo(self.source, choices("enums", "issue_sources"))
        self.occurred = add("occurred_at", self.tr("Occurred at"),
                            QDateTimeEdit(QDateTime.currentDateTime()))
        self.occurred.setCalendarPopup(True)
        self.occurred.setDisplayFormat("yyyy-MM-dd HH:mm")

        form.addRow(_heading(self.tr("Where")))
        self.grid = add("grid_id", self.tr("Grid"), QComboBox())
        self.address = add("address", self.tr("Address"), QLineEdit())
        self.address.setPlaceholderText(self.tr("Street, number, landmark"))
        point_row = QWidget()
        point_line = QHBoxLayout(point_row)
        point_line.setContentsMargins(0, 0, 0, 0)
        self.pick_button = QPushButton(qta.icon("fa5s.map-marker-alt"), self.tr("Pick on map…"))
        self.pick_button.clicked.connect(self._pick_point)
        self.point_label = QLabel(self.tr("No point chosen"))
        point_line.addWidget(self.pick_button)
        point_line.addWidget(self.point_label, 1)
        add("lat", self.tr("Point"), point_row)

        form.addRow(_heading(self.tr("More about it (if known)")))
        self.cause = add("cause", self.tr("Cause"), _text_box(2))
        self.losses = add("losses", self.tr("Losses"), _text_box(2))
        self.scope = add("scope", self.tr("Scope of impact"), _text_box(2))
        self.development = add("development", self.tr("Likely development"), _text_box(2))
        self.measures = add("measures", self.tr("Measures taken"), _text_box(2))

        form.addRow(_heading(self.tr("Photos")))
        self.photos = PhotoStrip(ctx, "report")
        form.addRow(self.photos)
        self.on_site = QCheckBox(
            self.tr("I handled it on the spot (needs photos before and after)"))
        self.on_site.toggled.connect(self._on_site_toggled)
        form.addRow(self.on_site)
        self.on_site_box = QGroupBox(self.tr("Handled on the spot"))
        on_site_form = QFormLayout(self.on_site_box)
        self.before = PhotoStrip(ctx, "before")
        self.after = PhotoStrip(ctx, "after")
        on_site_form.addRow(self.tr("Before"), self.before)
        on_site_form.addRow(self.tr("After"), self.after)
        self.on_site_box.hide()
        form.addRow(self.on_site_box)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.submit_button = QPushButton(qta.icon("fa5s.paper-plane"), self.tr("Submit report"))
        self.submit_button.setToolTip(self.tr("Submit (Ctrl+Enter)"))
        self.submit_button.setMinimumHeight(44)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Back to the list"))
        self.cancel_button.setMinimumHeight(44)
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    # -- filling in ------------------------------------------------------------
    def load_grids(self) -> None:
        grid_ids = self.ctx.actor.grid_ids
        self.ctx.read(lambda store: patrol_grids(store, grid_ids), self._grids_loaded)

    def _grids_loaded(self, grids: list[Grid]) -> None:
        current = self.grid.currentData()
        self.grid.clear()
        for grid in grids:
            self.grid.addItem(grid.name, grid.id)
        index = self.grid.findData(current)
        self.grid.setCurrentIndex(max(index, 0))

    def _category_chosen(self, code: str) -> None:
        if code:
            triage = issue_subcategory(code)["default_triage"]
            self.triage.setCurrentIndex(self.triage.findData(triage))

    def _severity_changed(self) -> None:
        self.urgent_note.setVisible(is_urgent(self.severity.currentData()))

    def _on_site_toggled(self, on: bool) -> None:
        self.on_site_box.setVisible(on)

    def _pick_point(self) -> None:
        grid_id = self.grid.currentData()
        if not grid_id:
            self.ctx.notice.emit(self.tr("Choose the grid first."))
            return
        dialog = open_point_picker(self.ctx, grid_id, self)
        dialog.picked.connect(self.set_point)

    def set_point(self, lat: float, lon: float) -> None:
        self.lat, self.lon = lat, lon
        self.point_label.setText(f"{lat:.6f}, {lon:.6f}")

    def focus_first(self) -> None:
        self.category.setFocus()

    # -- saving ------------------------------------------------------------------
    def collected(self) -> IssueInput:
        """What the user typed, as the service's input (plain data, built on the GUI thread)."""
        strips = [self.photos] + ([self.before, self.after] if self.on_site.isChecked() else [])
        return IssueInput(
            grid_id=self.grid.currentData() or "",
            category_code=self.category.code(),
            severity=self.severity.currentData(),
            triage=self.triage.currentData(),
            source=self.source.currentData(),
            title=self.title_edit.text(),
            description=self.description.toPlainText(),
            address=self.address.text(),
            occurred_at=self.occurred.dateTime().toPython().astimezone().astimezone(UTC),
            cause=_optional(self.cause), losses=_optional(self.losses),
            scope=_optional(self.scope), development=_optional(self.development),
            measures=_optional(self.measures), lat=self.lat, lon=self.lon,
            photos=tuple(p for strip in strips for p in strip.photos()))

    def submit(self) -> None:
        if self._saving:
            return
        if any(strip.busy() for strip in (self.photos, self.before, self.after)):
            self._say(self.tr("Photos are still being added. Submit again in a moment."))
            return
        self.fields.clear()
        data, on_site = self.collected(), self.on_site.isChecked()
        self._saving = True
        self.submit_button.setEnabled(False)
        self.ctx.write(lambda store, actor: report_issue(store, actor, data, on_site=on_site),
                       lambda result: self._saved(result[0], data.severity), self._refused)

    def _saved(self, issue_id: str, severity: str) -> None:
        self._saving = False
        self.submit_button.setEnabled(True)
        if is_urgent(severity):
            self.ctx.notice.emit(self.tr("Urgent report saved. It will be sent first."))
        else:
            self.ctx.notice.emit(self.tr("Report saved. It will be sent with the next sync."))
        self.reset()
        self.reported.emit(issue_id)

    def _refused(self, exc: Exception) -> None:
        self._saving = False
        self.submit_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.fields.show(exc)
            return
        self._say(describe(exc))

    def _say(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.show()

    def reset(self) -> None:
        """An empty form for the next report (grid and source stay: usually the same)."""
        self.fields.clear()
        self.category.filter.clear()
        self.category.set_code("")
        for edit in (self.title_edit, self.address):
            edit.clear()
        for box in (self.description, self.cause, self.losses, self.scope, self.development,
                    self.measures):
            box.clear()
        self.severity.setCurrentIndex(self.severity.findData("minor"))
        self.occurred.setDateTime(QDateTime.currentDateTime())
        self.lat = self.lon = None
        self.point_label.setText(self.tr("No point chosen"))
        for strip in (self.photos, self.before, self.after):
            strip.clear()
        self.on_site.setChecked(False)


def _optional(box: QPlainTextEdit) -> str | None:
    return box.toPlainText().strip() or None
