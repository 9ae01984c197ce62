"""A form field for an ID number or a phone: masked until the user presses "Show".

A saved record's value arrives masked (inspector.queries.register). Pressing "Show"
asks the audited reveal service (inspector.services.privacy) for the whole value;
only then can it be edited, so a save never sends a value nobody looked at. An empty
field, or one of a record not saved yet, is editable at once: there is nothing to hide.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from inspector.services.privacy import reveal

from ..context import AppContext
from ..messages import describe


class MaskedField(QWidget):
    """`edit` holds the text; `value()` is None while the text is still the masked one."""

    revealed = Signal()  # the whole value is shown
    failed = Signal(str)  # why it could not be shown

    def __init__(self, ctx: AppContext, entity: str, field: str, tooltip: str,
                 max_length: int = 20, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.entity, self.field = ctx, entity, field
        self.record_id: str | None = None
        self.masked = False
        self.edit = QLineEdit()
        self.edit.setMaxLength(max_length)
        self.show_button = QPushButton(qta.icon("fa5s.eye"), self.tr("Show"))
        self.show_button.setToolTip(tooltip)
        self.show_button.clicked.connect(self._reveal)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)
        self.load(None, "")

    def load(self, record_id: str | None, masked: str) -> None:
        """Show a saved record's masked value (read-only until revealed), or an empty field."""
        self.record_id = record_id
        self.masked = record_id is not None and bool(masked)
        self.edit.setText(masked if self.masked else "")
        self.edit.setReadOnly(self.masked)
        self.show_button.setVisible(self.masked)
        self.show_button.setEnabled(True)

    def value(self) -> str | None:
        """What to save: None while masked (the stored value stays as it is)."""
        return None if self.masked else self.edit.text()

    def _reveal(self) -> None:
        entity, record_id, field = self.entity, self.record_id, self.field
        if record_id is None:
            return
        self.show_button.setEnabled(False)
        self.ctx.write(lambda store, actor: reveal(store, actor, entity, record_id, field),
                       lambda value: self._shown(record_id, value), self._refused)

    def _shown(self, record_id: str, value: str) -> None:
        if record_id != self.record_id:
            return  # another record was loaded meanwhile
        self.masked = False
        self.edit.setReadOnly(False)
        self.edit.setText(value)
        self.show_button.hide()
        self.revealed.emit()

    def _refused(self, exc: Exception) -> None:
        self.show_button.setEnabled(True)
        self.failed.emit(describe(exc))
