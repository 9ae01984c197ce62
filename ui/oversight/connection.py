"""Talking to the server from a tab, and what the page says when it cannot.

`ServerTab` runs a call through `ctx.sync.call` and hands the outcome back on the
GUI thread; a failure to reach the server at all (offline, not logged in, another
version) goes to the page's `ServerNotice`, which says why and offers the way out:
a password box right there, or "try again". A refusal of one action (settled by
someone else meanwhile, a bad value) is said in the tab itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from sync.client.transport import Transport
from sync.errors import AuthExpired, SyncError

from ..context import AppContext
from ..messages import describe
from .words import tr

# Failures that mean "no server to talk to", not "the server said no to this".
UNREACHABLE = frozenset({"offline", "auth", "incompatible", "server", "cancelled"})


def record_list() -> QListWidget:
    """The list on the left of a tab: one entry of two lines per record or group."""
    view = QListWidget()
    view.setStyleSheet("QListWidget { font-size: 15px; }"
                       " QListWidget::item { padding: 6px; border-bottom: 1px solid #e4e4e4; }"
                       " QListWidget::item:selected { background: #2f80c9; color: white; }")
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    return view


class ServerNotice(QFrame):
    """Why the page shows nothing from the server, with a way to log in or try again."""

    retry = Signal()  # logged in, or asked to try again: reload

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setStyleSheet("ServerNotice { background: #fff8e1; border: 1px solid #e0c060;"
                           " border-radius: 4px; }")
        icon = QLabel()
        icon.setPixmap(qta.icon("fa5s.plug", color="#8a6d00").pixmap(28, 28))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 15px;")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("Password"))
        self.password.setFixedWidth(220)
        self.login_button = QPushButton(qta.icon("fa5s.sign-in-alt"), tr("Log in"))
        self.retry_button = QPushButton(qta.icon("fa5s.redo"), tr("Try again"))
        layout = QHBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.password)
        layout.addWidget(self.login_button)
        layout.addWidget(self.retry_button)
        self.login_button.clicked.connect(self._log_in)
        self.password.returnPressed.connect(self._log_in)
        self.retry_button.clicked.connect(self._retry)
        ctx.sync.logged_in.connect(self._retry)
        self.hide()

    def show_problem(self, exc: Exception) -> None:
        kind = getattr(exc, "kind", None)
        needs_login = kind == "auth" and bool(self.ctx.who.server_url)
        if not self.ctx.who.server_url:
            text = tr("This profile is not connected to a server, and these checks run on "
                      "the server.")
        elif needs_login:
            text = tr("You are not logged in to the server. Conflicts, register changes and "
                      "duplicates are kept there: enter your password to see them.")
        elif kind == "offline":
            text = tr("The server cannot be reached, and these checks run on the server. "
                      "Try again when the network is back.")
        else:
            text = describe(exc)
        self.message.setText(text)
        for widget in (self.password, self.login_button):
            widget.setVisible(needs_login)
        self.retry_button.setVisible(not needs_login and bool(self.ctx.who.server_url))
        self.show()
        if needs_login:
            self.password.setFocus()

    def _log_in(self) -> None:
        password = self.password.text()
        if not password:
            self.message.setText(tr("Password: please enter it."))
            return
        self.login_button.setEnabled(False)

        def bad(exc: Exception) -> None:
            self.login_button.setEnabled(True)
            self.password.selectAll()
            self.message.setText(tr("The server did not accept this password.")
                                 if isinstance(exc, AuthExpired) else describe(exc))

        self.ctx.sync.log_in(password, lambda: self.login_button.setEnabled(True), bad)

    def _retry(self) -> None:
        self.password.clear()
        self.hide()
        self.retry.emit()


class ServerTab(QWidget):
    """A tab whose data comes from the server. `unreachable` carries a failure that is
    about the connection (the page shows its notice); `status` says the rest."""

    unreachable = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 14px;")

    def call(self, fn: Callable[[Transport], Any], done: Callable[[Any], None],
             refused: Callable[[Exception], None] | None = None) -> None:
        """`fn(transport)` off the GUI thread; `done(result)` or a message afterwards."""
        self._set_busy(True)

        def ok(result: Any) -> None:
            self._set_busy(False)
            done(result)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if getattr(exc, "kind", None) in UNREACHABLE or not isinstance(exc, SyncError):
                self.unreachable.emit(exc)
            elif refused is not None:
                refused(exc)
            else:
                self.say(describe(exc), error=True)

        self.ctx.sync.call(fn, ok, failed)

    def say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("font-size: 14px;" + (" color: #c62828;" if error else ""))
        self.status.setText(text)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def reload(self) -> None:
        """Fetch what the tab shows."""
