"""The login dialog on a profile made by the first schema, which kept no password on the
laptop: the server checks the password once, then the profile is encrypted; without a
network the dialog says why it cannot let the worker in."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select
from synckit import PASSWORD, free_port

from inspector import vault
from inspector.models import OutboxEntry, Resident
from ui.background import Worker
from ui.login import LoginDialog, greeting

FIXTURE = Path(__file__).parents[1] / "fixtures" / "first_schema_profile"


def _profile(tmp_path: Path, server_url: str) -> Path:
    folder = tmp_path / "field"
    shutil.copytree(FIXTURE, folder)
    with closing(sqlite3.connect(folder / "store.db")) as conn:
        conn.execute("UPDATE profile SET server_url = ?", (server_url,))
        conn.commit()
    return folder


def _dialog(qtbot, folder: Path, worker: Worker) -> LoginDialog:
    dialog = LoginDialog(folder, worker, greeting(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(qtbot, dialog: LoginDialog, password: str) -> None:
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_offline_the_dialog_says_the_server_must_check_the_first_login(qtbot, tmp_path):
    folder = _profile(tmp_path, f"http://127.0.0.1:{free_port()}")
    worker = Worker(1)
    dialog = _dialog(qtbot, folder, worker)
    assert any("孙志强" in label.text() for label in dialog.findChildren(QLabel))  # welcome
    _try(qtbot, dialog, PASSWORD)
    qtbot.waitUntil(lambda: "连接网络" in dialog.message.text(), timeout=20_000)
    assert dialog.ok.isEnabled() and dialog.isVisible()
    assert not vault.is_encrypted(folder)
    worker.drain()


def test_online_the_server_checks_it_then_the_profile_is_encrypted(qtbot, tmp_path, server):
    folder = _profile(tmp_path, server.url)
    worker = Worker(1)
    dialog = _dialog(qtbot, folder, worker)
    _try(qtbot, dialog, "not-the-password")
    qtbot.waitUntil(lambda: "did not accept" in dialog.message.text(), timeout=20_000)
    assert not vault.is_encrypted(folder)

    with qtbot.waitSignal(dialog.logged_in, timeout=30_000) as signal:
        _try(qtbot, dialog, PASSWORD)
    opened = signal.args[0]
    try:
        assert opened.who.actor.username == "wgy1" and opened.store.encrypted
        assert opened.keyfile is not None and vault.is_encrypted(folder)
        with opened.store.read() as session:
            assert session.scalar(select(func.count()).select_from(Resident)) == 4
            assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 8
    finally:
        opened.store.close()
        worker.drain()
