"""Logging in: the first time against the server, afterwards on the laptop itself.

A new profile knows nothing yet, so its first login must reach the server (which
says who the user is, their role and grids). After that the profile keeps a
verifier of the password (inspector.credentials), so a worker with no network can
still log in; the app then asks the server for a token in the background when it
can, and syncs.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.credentials import check_password, remember_password
from inspector.db import Store
from inspector.models import LocalProfile
from sync.client import Transport, login
from sync.client.account import adopt_account
from sync.errors import AuthExpired

from .background import Worker
from .context import Who, who_of
from .messages import describe


class LoginDialog(QDialog):
    """Password (and, for a new profile, server and user name). Emits `logged_in(Who, password)`."""

    logged_in = Signal(object, str)

    def __init__(self, store: Store, worker: Worker, who: Who | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.worker, self.who = store, worker, who
        self.setWindowTitle(self.tr("Log in — Grid Inspector"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Log in with the account your administrator gave you.")
                       if who is None else
                       self.tr("Welcome back, %1. Enter your password.").replace(
                           "%1", who.display_name))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-size: 15px;")
        layout.addWidget(intro)
        form = QFormLayout()
        self.server = QLineEdit(placeholderText="https://grid.example.gov.cn")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if who is None:
            form.addRow(self.tr("Server address"), self.server)
            form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.server if who is None else self.password).setFocus()

    def submit(self) -> None:
        password = self.password.text()
        missing = [(w, name) for w, name in (
            (self.server, self.tr("Server address")), (self.username, self.tr("User name")))
            if self.who is None and not w.text().strip()]
        if not password:
            missing.append((self.password, self.tr("Password")))
        if missing:
            widget, name = missing[0]
            self.message.setText(self.tr("%1: please fill this in.").replace("%1", name))
            widget.setFocus()
            return
        self.buttons.setEnabled(False)
        self.message.setStyleSheet("color: #555;")
        self.message.setText(self.tr("Checking…"))
        if self.who is None:
            url, username = self.server.text().strip(), self.username.text().strip()
            self.worker.submit(lambda: first_login(self.store, url, username, password),
                               lambda who: self._ok(who, password), self._failed)
        else:
            store = self.store
            self.worker.submit(lambda: check_password(store, password),
                               lambda ok: self._checked(ok, password), self._failed)

    def _checked(self, ok: bool, password: str) -> None:
        if ok:
            self._ok(self.who, password)
        else:
            self._refuse(self.tr("Wrong password. Try again."))

    def _ok(self, who: Who, password: str) -> None:
        self.logged_in.emit(who, password)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, AuthExpired):
            self._refuse(self.tr("The server did not accept this user name and password."))
        else:
            self._refuse(describe(exc))

    def _refuse(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(text)
        self.password.selectAll()
        self.password.setFocus()


def first_login(store: Store, url: str, username: str, password: str) -> Who:
    """Log in to the server and bind this profile to the account (runs off the GUI thread)."""
    device_id = str(uuid.uuid4())
    transport = Transport(url, device_id)
    try:
        account = login(transport, username, password)
    finally:
        transport.close()
    adopt_account(store, account, url, device_id=device_id)
    remember_password(store, password)
    with store.read() as session:
        return who_of(session.get(LocalProfile, 1))


def ask_login(store: Store, worker: Worker, who: Who | None,
              on_ok: Callable[[Who, str], None], on_cancel: Callable[[], None]) -> LoginDialog:
    dialog = LoginDialog(store, worker, who)
    dialog.logged_in.connect(on_ok)
    dialog.rejected.connect(on_cancel)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
