"""A refused password's message, with the wait before the next try counted down."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from inspector.errors import LockedOut, WrongPassword

from ..messages import describe


class RetryWait(QTimer):
    """Shows why a password was refused and keeps `button` off while a wait runs."""

    def __init__(self, button: QWidget, message: QLabel, parent: QWidget):
        super().__init__(parent)
        self.button, self.label, self.left, self.text = button, message, 0, ""
        self.setInterval(1000)
        self.timeout.connect(self._tick)

    def refused(self, exc: Exception) -> None:
        self.text = describe(exc)
        self.left = exc.wait if isinstance(exc, WrongPassword) else 0
        if isinstance(exc, LockedOut):
            self.button.setEnabled(True)  # the server may still vouch for the password
        self._tick(first=True)

    def _tick(self, first: bool = False) -> None:
        if not first:
            self.left -= 1
        if self.left > 0:
            self.button.setEnabled(False)
            self.label.setText(self.text + "\n" + self.tr("You can try again in %n second(s).",
                                                          "", self.left))
            self.start()
        else:
            self.stop()
            self.button.setEnabled(True)
            self.label.setText(self.text)
