"""Changing one's password: on the server (the authority), then on the laptop.

The server must accept the change, so this needs the network; the laptop then
wraps the profile's key with the new password at once, so the next offline login
or unlock takes it. Other logins of the account are ended by the server.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector.credentials import check_new_password
from inspector.errors import FieldError, ValidationError
from sync.client.account import change_password
from sync.client.keys import server_accepted
from sync.errors import Refused

from ..context import AppContext
from ..forms import FormFields, ok_cancel
from ..messages import describe


class PasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The server checks the change, so this needs the network. "
                               "Your other logins will be ended."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields = FormFields(form)
        self.current, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        for field, label, edit in (("current", self.tr("Current password"), self.current),
                                   ("new", self.tr("New password"), self.new),
                                   ("repeat", self.tr("New password again"), self.repeat)):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields.add(field, label, edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        self.ok = ok_cancel(self, self.tr("Change"), self.submit)
        self.current.setFocus()

    def submit(self) -> None:
        current, new = self.current.text(), self.new.text()
        try:
            check_new_password(current, new, self.repeat.text())
        except ValidationError as exc:
            self.fields.show(exc)
            return
        self.fields.clear()
        self.ok.setEnabled(False)
        self.message.setStyleSheet("color: #555;")
        self.message.setText(self.tr("Checking…"))
        store, keyfile = self.ctx.store, self.ctx.keyfile

        def work(transport) -> None:
            change_password(transport, current, new)
            server_accepted(store, keyfile, transport, new)

        self.ctx.sync.call(work, lambda _none: self._done(), self._failed)

    def _done(self) -> None:
        self.ctx.notice.emit(self.tr("Your password has been changed."))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.ok.setEnabled(True)
        self.message.setStyleSheet("color: #c62828;")
        field = _SERVER_FIELDS.get(getattr(exc, "code", "")) if isinstance(exc, Refused) else None
        if field is None:
            self.message.setText(describe(exc))
            return
        self.message.clear()
        self.fields.show(ValidationError(FieldError(field, exc.message)))


# The server's refusals that are about one field of this form.
_SERVER_FIELDS = {"bad_password": "current", "invalid": "new"}
