"""Forms that show the core's validation messages next to the field they name.

The core refuses bad input with `ValidationError` (field + reason). A form built
with `FormFields` puts each reason under its widget in red and moves the focus to
the first bad field; what the user typed stays where it is, so fixing one digit
is one keystroke, not a retyped form.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import ValidationError

_INVALID = "border: 2px solid #c62828;"


class FormFields:
    """A QFormLayout whose rows know their core field names."""

    def __init__(self, form: QFormLayout, summary: QLabel | None = None):
        self.form = form
        self.summary = summary  # reasons for fields this form has no widget for
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, field: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet("color: #c62828;")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.form.addRow(label, box)
        self.widgets[field] = widget
        self.errors[field] = error
        return widget

    def show(self, exc: ValidationError) -> None:
        """Mark every field the error names; focus the first; list the rest in the summary."""
        self.clear()
        first: QWidget | None = None
        leftovers = []
        for field, reason in exc.reasons().items():
            widget = self.widgets.get(field)
            if widget is None:
                leftovers.append(f"{field}: {reason}")
                continue
            self.errors[field].setText(reason)
            self.errors[field].show()
            widget.setStyleSheet(_INVALID)
            first = first or widget
        if self.summary is not None:
            self.summary.setText("\n".join(leftovers))
            self.summary.setVisible(bool(leftovers))
        if first is not None:
            first.setFocus()

    def clear(self) -> None:
        for field, label in self.errors.items():
            label.hide()
            label.clear()
            self.widgets[field].setStyleSheet("")
        if self.summary is not None:
            self.summary.hide()

    def error_text(self, field: str) -> str:
        """The message shown under a field ('' when it is fine); tests read what a user reads."""
        label = self.errors[field]
        return label.text() if not label.isHidden() else ""


def ok_cancel(dialog: QDialog, ok_text: str, submit: Callable[[], None]) -> QPushButton:
    """OK (named `ok_text`, running `submit` without closing) and Cancel; returns OK."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    dialog.layout().addWidget(buttons)
    return ok
