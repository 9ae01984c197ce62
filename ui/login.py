"""Logging in: the first time against the server, afterwards on the laptop itself.

A new profile knows nothing yet, so its first login must reach the server (which
says who the user is, their role and grids); the profile is then created encrypted,
with its key wrapped by this password and escrowed on the server. Later logins
unwrap the key on the laptop, with no network (inspector.vault); when the laptop
refuses a password, the server may still vouch for it (sync.client.keys).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector import vault
from inspector.db import Store, open_store
from inspector.keyfile import KeyFile
from inspector.models import LocalProfile
from inspector.profiles import STORE_FILE
from sync.client.keys import convert_plain, create_profile, open_profile
from sync.errors import AuthExpired

from .background import Worker
from .context import Who, who_of
from .forms import ok_cancel
from .widgets.retry_wait import RetryWait


@dataclass
class Opened:
    """A profile the login has just opened: its store, who owns it, and its key file."""

    store: Store
    who: Who
    keyfile: KeyFile | None


def greeting(folder: Path) -> str | None:
    """The profile owner's display name, or None for a profile that has no account yet."""
    if vault.is_encrypted(folder):
        return KeyFile.load(vault.key_path(folder)).account.get("display_name") or ""
    if not (folder / STORE_FILE).is_file():
        return None
    store = open_store(folder / STORE_FILE)  # a profile from before encryption
    try:
        with store.read() as session:
            profile = session.get(LocalProfile, 1)
            return profile.display_name if profile else None
    finally:
        store.close()


class LoginDialog(QDialog):
    """Password (and, for a new profile, server and user name).

    Emits `logged_in(Opened, password)` once the profile is open.
    """

    logged_in = Signal(object, str)

    def __init__(self, folder: Path, worker: Worker, name: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.folder, self.worker, self.new = Path(folder), worker, name is None
        self.setWindowTitle(self.tr("Log in — Grid Inspector"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Log in with the account your administrator gave you.")
                       if self.new else
                       self.tr("Welcome back, %1. Enter your password.").replace("%1", name))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-size: 15px;")
        layout.addWidget(intro)
        form = QFormLayout()
        self.server = QLineEdit(placeholderText="https://grid.example.gov.cn")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if self.new:
            form.addRow(self.tr("Server address"), self.server)
            form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        self.ok = ok_cancel(self, self.tr("Log in"), self.submit)
        self.wait = RetryWait(self.ok, self.message, self)
        (self.server if self.new else self.password).setFocus()

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return  # a wait after wrong passwords is running
        password = self.password.text()
        missing = [(w, name) for w, name in (
            (self.server, self.tr("Server address")), (self.username, self.tr("User name")))
            if self.new and not w.text().strip()]
        if not password:
            missing.append((self.password, self.tr("Password")))
        if missing:
            widget, name = missing[0]
            self.message.setText(self.tr("%1: please fill this in.").replace("%1", name))
            widget.setFocus()
            return
        self.ok.setEnabled(False)
        self.message.setStyleSheet("color: #555;")
        self.message.setText(self.tr("Checking…"))
        folder = self.folder
        if self.new:
            url, username = self.server.text().strip(), self.username.text().strip()
            self.worker.submit(lambda: first_login(folder, url, username, password),
                               lambda opened: self._ok(opened, password), self._failed)
        else:
            self.worker.submit(lambda: open_existing(folder, password),
                               lambda opened: self._ok(opened, password), self._failed)

    def _ok(self, opened: Opened, password: str) -> None:
        self.logged_in.emit(opened, password)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        self.message.setStyleSheet("color: #c62828;")
        if isinstance(exc, AuthExpired):
            self.message.setText(self.tr(
                "The server did not accept this user name and password."))
        else:
            self.wait.refused(exc)
        self.password.selectAll()
        self.password.setFocus()


def open_existing(folder: Path, password: str) -> Opened:
    """Open a profile that already has an account (runs off the GUI thread)."""
    if vault.is_encrypted(folder):
        store, keyfile, _account = open_profile(folder, password)
    else:  # made before encryption: the old password (or the server) encrypts it now
        store, keyfile = convert_plain(folder, password)
    return _opened(store, keyfile)


def first_login(folder: Path, url: str, username: str, password: str) -> Opened:
    """A new profile from a first login to the server (runs off the GUI thread)."""
    return _opened(*create_profile(folder, url, username, password))


def _opened(store: Store, keyfile: KeyFile | None) -> Opened:
    with store.read() as session:
        return Opened(store, who_of(session.get(LocalProfile, 1)), keyfile)


def ask_login(folder: Path, worker: Worker, name: str | None,
              on_ok: Callable[[Opened, str], None], on_cancel: Callable[[], None]) -> LoginDialog:
    dialog = LoginDialog(folder, worker, name)
    dialog.logged_in.connect(on_ok)
    dialog.rejected.connect(on_cancel)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
