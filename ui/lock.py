"""Locking the window after idle minutes, so a laptop left open shows no resident's data.

`IdleWatcher` sees every key press and mouse action in the app; after the idle
time it asks the window to lock. Locking drops the profile's key (AppContext.lock),
so nothing more can be read from the disk; the lock screen covers everything and
unlocks with the profile's password, checked on the laptop (it works offline).
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .context import AppContext
from .widgets.retry_wait import RetryWait

DEFAULT_IDLE_MINUTES = 10
IDLE_CHOICES = (5, 10, 15, 30)  # offered in the account menu
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                    QEvent.Type.MouseMove, QEvent.Type.TouchBegin})


def idle_minutes() -> int:
    """Minutes without input before the window locks (QSettings security/idle_minutes)."""
    value = QSettings().value("security/idle_minutes", DEFAULT_IDLE_MINUTES)
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


def save_idle_minutes(minutes: int) -> None:
    QSettings().setValue("security/idle_minutes", int(minutes))


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        """Count the idle time afresh with the new length."""
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Covers the window while locked; emits `unlocked` after the right password."""

    unlocked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        icon = QLabel()
        icon.setPixmap(qta.icon("fa5s.lock", color="#555").pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Locked. Enter your password to continue."))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18px;")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.password.setMinimumHeight(36)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setMinimumHeight(36)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #c62828;")
        for widget in (icon, title, self.password, self.button, self.message):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        if ctx.who.demo:
            from inspector.demo.accounts import DEMO_PASSWORD

            hint = QLabel(self.tr("Demo password: %1").replace("%1", DEMO_PASSWORD))
            layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.wait = RetryWait(self.button, self.message, self)
        self.button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)

    def reset(self) -> None:
        self.password.clear()
        self.message.clear()
        self.button.setEnabled(True)
        self.password.setFocus()

    def try_unlock(self) -> None:
        password = self.password.text()
        if not password or not self.button.isEnabled():
            return
        self.button.setEnabled(False)
        self.ctx.unlock(password, self._opened, self._refused)

    def _opened(self) -> None:
        self.button.setEnabled(True)
        self.password.clear()
        self.unlocked.emit()

    def _refused(self, exc: Exception) -> None:
        self.button.setEnabled(True)
        self.wait.refused(exc)
        self.password.selectAll()
        self.password.setFocus()
