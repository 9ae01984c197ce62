"""The household detail: its fields with the core's reasons under them, and its actions.

The form only gathers what was typed and shows errors; the page runs the services.
Phones of a saved household show masked until "Show" is pressed (ui.register.masked);
a masked phone is left out of what the form saves.
"""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.catalogues import load_catalogue
from inspector.errors import ValidationError
from inspector.queries import register as q

from ..context import AppContext
from ..forms import FormFields
from ..labels import choices, fill_combo
from .masked import MaskedField


def _rental_uses() -> set[str]:
    """Housing uses that need a landlord (出租, 群租), from the catalogue."""
    return {str(v["code"]) for v in load_catalogue("resident_tags").members("housing_uses")
            if v.get("rental_details")}


class HouseholdForm(QWidget):
    """Add or edit one household. `household_id` is None while it is a new one."""

    save_requested = Signal()
    visit_requested = Signal()
    remove_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: str | None = None
        self._building_wanted: str | None = None
        self._rentals = _rental_uses()

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        form = QFormLayout()
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #c62828;")
        self.summary.hide()
        self.fields = FormFields(form, self.summary)
        self.grid = self.fields.add("grid_id", self.tr("Grid"), QComboBox())
        self.building = self.fields.add("building_id", self.tr("Building"), QComboBox())
        self.address = self.fields.add("address", self.tr("Address"), QLineEdit())
        self.door_no = self.fields.add("door_no", self.tr("Door number"), QLineEdit())
        self.housing_use = self.fields.add("housing_use", self.tr("Housing"), QComboBox())
        self.head_name = self.fields.add("head_name", self.tr("Head of household"), QLineEdit())
        shown = self.tr("Show the whole phone number (this is recorded)")
        self.phone_field = MaskedField(ctx, "household", "phone", shown)
        self.phone = self._masked_row("phone", self.tr("Phone"), self.phone_field)
        self.landlord_name = self.fields.add("landlord_name", self.tr("Landlord"), QLineEdit())
        self.landlord_phone_field = MaskedField(ctx, "household", "landlord_phone", shown)
        self.landlord_phone = self._masked_row("landlord_phone", self.tr("Landlord's phone"),
                                               self.landlord_phone_field)
        self.contact_card = self.fields.add("contact_card", self.tr("Contact card"),
                                            QCheckBox(self.tr("Contact card given")))
        self.notes = self.fields.add("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        self.address.setPlaceholderText(self.tr("e.g. 12 Xingfu Road, building 3, unit 2"))
        fill_combo(self.housing_use, choices("resident_tags", "housing_uses"),
                   blank=self.tr("— choose —"))
        self.housing_use.currentIndexChanged.connect(self._show_rental_rows)
        self.grid.currentIndexChanged.connect(self._load_buildings)

        self.save = QPushButton(qta.icon("fa5s.save"), self.tr("Save household"))
        self.save.setShortcut(QKeySequence.StandardKey.Save)
        self.save.setToolTip(self.tr("Save (Ctrl+S)"))
        self.visit = QPushButton(qta.icon("fa5s.walking"), self.tr("Log visit"))
        self.visit.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.visit.setToolTip(self.tr("Record a door-to-door visit (Ctrl+Shift+V)"))
        self.remove = QPushButton(qta.icon("fa5s.trash-alt"), self.tr("Remove household"))
        self.save.clicked.connect(self.save_requested)
        self.visit.clicked.connect(self.visit_requested)
        self.remove.clicked.connect(self.remove_requested)
        buttons = QHBoxLayout()
        for button in (self.save, self.visit):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(form)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        self._show_rental_rows()

    # -- filling -----------------------------------------------------------------
    def set_grids(self, grids: list[q.Node]) -> None:
        fill_combo(self.grid, [(g.id, g.name) for g in grids])
        self.grid.setEnabled(len(grids) > 1)

    def load(self, row: dict[str, Any] | None, grid_id: str | None = None,
             building_id: str | None = None) -> None:
        """Show a household (row from `q.household_form`), or an empty one in a grid."""
        row = row or {}
        self.fields.clear()
        self.household_id = row.get("id")
        self.heading.setText(self.tr("Household") if self.household_id else
                             self.tr("New household"))
        self._building_wanted = row.get("building_id", building_id)
        self._select(self.grid, row.get("grid_id", grid_id))
        self._load_buildings()
        for edit, key in ((self.address, "address"), (self.door_no, "door_no"),
                          (self.head_name, "head_name"), (self.landlord_name, "landlord_name")):
            edit.setText(row.get(key) or "")
        for field, key in ((self.phone_field, "phone"),
                           (self.landlord_phone_field, "landlord_phone")):
            field.load(self.household_id, row.get(f"{key}_masked") or "")
        self._select(self.housing_use, row.get("housing_use"))
        self.contact_card.setChecked(bool(row.get("contact_card")))
        self.notes.setPlainText(row.get("notes") or "")
        self.visit.setEnabled(self.household_id is not None)
        self.remove.setEnabled(self.household_id is not None)

    def values(self) -> dict[str, Any]:
        """What the user typed, as the services take it; a masked phone is left out."""
        data = {"grid_id": self.grid.currentData(), "building_id": self.building.currentData(),
                "address": self.address.text(), "door_no": self.door_no.text(),
                "housing_use": self.housing_use.currentData(),
                "head_name": self.head_name.text(),
                "landlord_name": self.landlord_name.text(),
                "contact_card": self.contact_card.isChecked(),
                "notes": self.notes.toPlainText()}
        for field, key in ((self.phone_field, "phone"),
                           (self.landlord_phone_field, "landlord_phone")):
            if field.value() is not None:
                data[key] = field.value()
        return data

    def show_error(self, exc: ValidationError) -> None:
        self.fields.show(exc)

    # -- helpers -------------------------------------------------------------------
    def _masked_row(self, key: str, label: str, field: MaskedField) -> QLineEdit:
        """A phone row; errors mark its line edit, a refused reveal shows in the summary."""
        self.fields.add(key, label, field)
        self.fields.widgets[key] = field.edit
        field.failed.connect(self._say)
        return field.edit

    def _say(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.show()

    @staticmethod
    def _select(combo: QComboBox, code: str | None) -> None:
        combo.setCurrentIndex(max(combo.findData(code), 0))

    def _load_buildings(self) -> None:
        grid_id = self.grid.currentData()
        self.building.clear()
        if grid_id is None:
            return
        self.ctx.read(lambda store: q.buildings(store, grid_id),
                      lambda nodes: self._fill_buildings(grid_id, nodes))

    def _fill_buildings(self, grid_id: str, nodes: list[q.Node]) -> None:
        if grid_id != self.grid.currentData():
            return  # the grid changed again meanwhile
        wanted, self._building_wanted = self._building_wanted, None
        fill_combo(self.building, [(n.id, n.name) for n in nodes], blank=self.tr("— none —"))
        self._select(self.building, wanted)

    def _show_rental_rows(self) -> None:
        rental = self.housing_use.currentData() in self._rentals
        for widget in (self.landlord_name, self.landlord_phone_field):
            self.fields.form.setRowVisible(widget.parentWidget(), rental)
