"""Add or edit one resident: a non-modal dialog that saves through the register services.

The ID number and the phone of a saved resident stay masked until the user presses
"Show" (ui.register.masked); that look is written to the audit trail
(inspector.services.privacy). Only then can the value be corrected, so a save never
sends a value nobody looked at. Restricted tags appear only for roles that may see them.
"""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.catalogues import load_catalogue
from inspector.errors import ValidationError
from inspector.roles import sees_restricted
from inspector.services import register

from ..context import AppContext
from ..forms import FormFields
from ..labels import choice_label, choices, fill_combo
from ..messages import describe
from .masked import MaskedField


class TagList(QListWidget):
    """Tick boxes for the catalogue's care tags (or its restricted tags).

    A stored tag may carry details ({"code": "disability", "grade": ...}); it is kept
    as it is while its box stays ticked.
    """

    def __init__(self, restricted: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._stored: dict[str, Any] = {}
        for tag in load_catalogue("resident_tags").members("tags"):
            if bool(tag.get("restricted")) != restricted:
                continue
            code = str(tag["code"])
            item = QListWidgetItem(choice_label("resident_tags", "tags", code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setFixedHeight(110)

    def set_values(self, tags: list[Any] | None) -> None:
        self._stored = {(t["code"] if isinstance(t, dict) else t): t for t in tags or ()}
        for i in range(self.count()):
            item = self.item(i)
            ticked = item.data(Qt.ItemDataRole.UserRole) in self._stored
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def values(self) -> list[Any]:
        out = []
        for i in range(self.count()):
            item = self.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                code = item.data(Qt.ItemDataRole.UserRole)
                out.append(self._stored.get(code, code))
        return out


class ResidentDialog(QDialog):
    """`row` comes from `inspector.queries.register.resident_form`; None adds a new person."""

    saved = Signal(str)  # the resident's id

    def __init__(self, ctx: AppContext, household_id: str | None, row: dict[str, Any] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.household_id = household_id
        self.resident_id: str | None = row["id"] if row else None
        self.setWindowTitle(self.tr("Edit resident") if row else self.tr("Add resident"))
        self.setMinimumWidth(560)

        form = QFormLayout()
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.fields = FormFields(form, self.summary)
        self.name = self.fields.add("name", self.tr("Name"), QLineEdit())
        self.id_field = self._masked_row(
            "id_number", self.tr("ID number"),
            self.tr("Show the full ID number (this is recorded)"))
        self.id_number, self.show_id = self.id_field.edit, self.id_field.show_button
        self.derived = QLabel(self.tr("Gender and date of birth are read from the ID number."))
        self.derived.setStyleSheet("color: #555;")
        form.addRow("", self.derived)
        self.relation = self.fields.add("relation", self.tr("Relation to head"), QComboBox())
        self.residence_type = self.fields.add("residence_type", self.tr("Residence"), QComboBox())
        self.phone_field = self._masked_row(
            "phone", self.tr("Phone"), self.tr("Show the whole phone number (this is recorded)"))
        self.phone = self.phone_field.edit
        self.domicile = self.fields.add("domicile", self.tr("Registered address (hukou)"),
                                        QLineEdit())
        self.employment = self.fields.add("employment", self.tr("Employment"), QComboBox())
        self.care_tags = self.fields.add("care_tags", self.tr("Care"), TagList(restricted=False))
        self.restricted_tags: TagList | None = None
        if sees_restricted(ctx.actor.role):
            self.restricted_tags = self.fields.add("restricted_tags", self.tr("Restricted"),
                                                   TagList(restricted=True))
        self.notes = self.fields.add("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        blank = self.tr("— choose —")
        fill_combo(self.relation, choices("resident_tags", "relations"), blank=blank)
        fill_combo(self.residence_type, choices("resident_tags", "residence_types"), blank=blank)
        fill_combo(self.employment, choices("resident_tags", "employment_statuses"), blank=blank)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Save"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setIcon(qta.icon("fa5s.save"))
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)

        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.summary)
        column.addWidget(self.buttons)
        self.setStyleSheet("QDialog { font-size: 15px; }")
        self._load(row or {})

    def _masked_row(self, key: str, label: str, tooltip: str) -> MaskedField:
        field = MaskedField(self.ctx, "resident", key, tooltip)
        self.fields.add(key, label, field)
        self.fields.widgets[key] = field.edit  # errors focus the line edit
        field.failed.connect(self._say)
        return field

    def _load(self, row: dict[str, Any]) -> None:
        self.name.setText(row.get("name") or "")
        for field in (self.id_field, self.phone_field):
            field.load(self.resident_id, row.get(f"{field.field}_masked") or "")
        self.domicile.setText(row.get("domicile") or "")
        self.notes.setPlainText(row.get("notes") or "")
        for combo, key in ((self.relation, "relation"), (self.residence_type, "residence_type"),
                           (self.employment, "employment")):
            combo.setCurrentIndex(max(combo.findData(row.get(key)), 0))
        self.care_tags.set_values(row.get("care_tags"))
        if self.restricted_tags is not None:
            self.restricted_tags.set_values(row.get("restricted_tags"))
        if row.get("birth_date"):
            self.derived.setText(self.tr("%1, born %2").replace("%1", row.get("gender") or "")
                                 .replace("%2", row["birth_date"].isoformat()))

    def values(self) -> dict[str, Any]:
        """The form as the services take it; a masked ID number or phone is never sent."""
        data: dict[str, Any] = {
            "name": self.name.text(),
            "domicile": self.domicile.text(), "notes": self.notes.toPlainText(),
            "relation": self.relation.currentData(),
            "residence_type": self.residence_type.currentData(),
            "employment": self.employment.currentData(),
            "care_tags": self.care_tags.values(),
        }
        for field in (self.id_field, self.phone_field):
            if field.value() is not None:
                data[field.field] = field.value()
        if self.restricted_tags is not None:
            data["restricted_tags"] = self.restricted_tags.values()
        return data

    # -- actions ---------------------------------------------------------------------
    def save(self) -> None:
        data, household_id, resident_id = self.values(), self.household_id, self.resident_id
        self.save_button.setEnabled(False)
        if resident_id is None:
            self.ctx.write(lambda store, actor: register.add_resident(
                store, actor, household_id, data), self._saved, self._failed)
        else:
            self.ctx.write(lambda store, actor: register.edit_resident(
                store, actor, resident_id, data), self._saved, self._failed)

    def _saved(self, result: Any) -> None:
        if isinstance(result, tuple):
            self.resident_id = result[0]
        self.ctx.notice.emit(self.tr("Resident saved"))
        self.saved.emit(self.resident_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.fields.show(exc)
        else:
            self._say(describe(exc))

    def _say(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.show()
