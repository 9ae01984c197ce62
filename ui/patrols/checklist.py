"""The patrol checklist as big rows: what to check, four result buttons, a note.

A row asks its page to record a result (`chosen`); the page calls the service and
then `mark`s the row, so what the row shows is what was stored. "Problem found"
opens a short report form under the row (`FindingForm`): what was seen, where,
how serious, photos. The case is filed with the checklist line in one transaction
(`check_item(..., finding=...)`), so a finding never exists without its case.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.catalogues import issue_subcategory, load_catalogue
from inspector.services.cases import IssueInput

from ..context import AppContext
from ..forms import FormFields
from ..labels import choice_label, choices, fill_combo
from ..widgets.photo_strip import PhotoStrip

RESULTS = ("ok", "fixed_on_site", "problem", "not_applicable")
_ICONS = {"ok": ("fa5s.check", "#1a7f37"), "fixed_on_site": ("fa5s.tools", "#1565c0"),
          "problem": ("fa5s.exclamation-triangle", "#c62828"),
          "not_applicable": ("fa5s.minus", "#666666")}
DEFAULT_SEVERITY = "general"


def themes() -> tuple[Mapping[str, Any], ...]:
    """The checklist's themes, each with its items, in catalogue order."""
    return load_catalogue("patrol_checklist").entries


def item_labels() -> dict[str, str]:
    return {str(i["code"]): str(i["label"]) for theme in themes() for i in theme["items"]}


class FindingForm(QFrame):
    """A problem found on patrol, reported as a case of the item's suggested category."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, ctx: AppContext, category_code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.category_code = category_code
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("FindingForm { background: #fff4f4; }")
        category = issue_subcategory(category_code)
        form = QFormLayout()
        self.summary = QLabel()
        self.fields = FormFields(form, self.summary)
        self.category = QLabel(f"{category['class_name']} / {category['name']}")
        self.fields.add("category_code", self.tr("Category"), self.category)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What you saw"))
        self.fields.add("description", self.tr("What is wrong"), self.description)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Street, number, landmark"))
        self.fields.add("address", self.tr("Where"), self.address)
        self.severity = QComboBox()
        fill_combo(self.severity, choices("enums", "severity"))
        self.severity.setCurrentIndex(self.severity.findData(DEFAULT_SEVERITY))
        self.fields.add("severity", self.tr("How serious"), self.severity)
        self.photos = PhotoStrip(ctx, "report")
        self.fields.add("photos", self.tr("Photos"), self.photos)
        self.title_text = str(category["name"])

        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Report the problem"))
        heading.setStyleSheet("font-weight: bold; color: #c62828;")
        column.addWidget(heading)
        column.addLayout(form)
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.hide()
        column.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.report_button = QPushButton(qta.icon("fa5s.paper-plane", color="white"),
                                         self.tr("Report problem"))
        self.report_button.setStyleSheet("QPushButton { background: #c62828; color: white; "
                                         "font-weight: bold; padding: 6px 14px; }")
        self.report_button.clicked.connect(self._submit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.report_button)
        column.addLayout(buttons)
        self.setFocusProxy(self.description)

    def finding(self, grid_id: str, now: datetime) -> IssueInput:
        return IssueInput(grid_id=grid_id, category_code=self.category_code,
                          severity=self.severity.currentData(), title=self.title_text,
                          description=self.description.text().strip(),
                          address=self.address.text().strip(), occurred_at=now,
                          source="patrol", photos=self.photos.photos())

    def _submit(self) -> None:
        if self.photos.busy():
            self.summary.setText(self.tr("Photos are still being added; report again in a "
                                         "moment."))
            self.summary.show()
            return
        self.submitted.emit()


class ChecklistRow(QFrame):
    """One item to check. `chosen(result)` asks the page to record it; a finding to report
    comes as `report_requested(form)`."""

    chosen = Signal(str)
    report_requested = Signal(object)  # the FindingForm

    def __init__(self, ctx: AppContext, item: Mapping[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.code = str(item["code"])
        self.category_code = str(item["suggested_subcategory"])
        self.result: str | None = None
        self.finding_form: FindingForm | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        self.label = QLabel(str(item["label"]))
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-size: 16px;")
        top.addWidget(self.label, 1)
        self.buttons: dict[str, QPushButton] = {}
        for result in RESULTS:
            icon, color = _ICONS[result]
            button = QPushButton(qta.icon(icon, color=color),
                                 choice_label("enums", "check_results", result))
            button.setMinimumHeight(36)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked, r=result: self._clicked(r))
            self.buttons[result] = button
            top.addWidget(button)
        column.addLayout(top)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        column.addWidget(self.note)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        column.addWidget(self.status)

    def note_text(self) -> str | None:
        return self.note.text().strip() or None

    def _clicked(self, result: str) -> None:
        if self.result is not None:  # already recorded: the stored line stays as it is
            self._show_buttons()
            return
        if result == "problem":
            self._show_buttons("problem")
            self.open_finding()
            return
        self._busy(True)
        self.chosen.emit(result)

    def open_finding(self) -> FindingForm:
        if self.finding_form is None:
            self.finding_form = FindingForm(self.ctx, self.category_code)
            self.finding_form.cancelled.connect(self.close_finding)
            form = self.finding_form
            form.submitted.connect(lambda: self.report_requested.emit(form))
            self.layout().addWidget(self.finding_form)
        self.finding_form.show()
        self.finding_form.setFocus()
        return self.finding_form

    def close_finding(self) -> None:
        if self.finding_form is not None:
            self.finding_form.hide()
            self.finding_form.deleteLater()
            self.finding_form = None
        if self.result is None:
            self._show_buttons()

    def _busy(self, busy: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)

    def failed(self) -> None:
        """The service refused: let the user choose again."""
        self._busy(False)
        self._show_buttons()

    def mark(self, result: str, note: str | None, issue_id: str | None) -> None:
        """Show the stored result; the row cannot be recorded twice."""
        self.result = result
        self.close_finding()
        self._show_buttons(result)
        self._busy(False)
        self.note.setText(note or "")
        self.note.setReadOnly(True)
        text = self.tr("Recorded: %1").replace(
            "%1", choice_label("enums", "check_results", result))
        if issue_id:
            text += " · " + self.tr("a case was reported")
        self.status.setText(text)
        self.status.show()
        self.setStyleSheet("ChecklistRow { background: #f2f8f2; }")

    def _show_buttons(self, checked: str | None = None) -> None:
        checked = checked or self.result
        for result, button in self.buttons.items():
            button.setChecked(result == checked)
