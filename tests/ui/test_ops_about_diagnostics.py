"""The account menu's About (also F1) and Export diagnostics, on a real demo window."""

from __future__ import annotations

import json
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select
from uikit import wait_idle

from inspector import __version__
from inspector.db import SCHEMA_HEAD
from inspector.models import AuditEntry, Resident
from ui import about as about_module
from ui import crash
from ui import diagnostics as diagnostics_module


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_the_account_menu_offers_about_and_diagnostics(window):
    texts = [a.text() for a in window.user.menu().actions()]
    assert "About Grid Inspector (F1)" in texts and "Export diagnostics…" in texts


def test_f1_shows_the_version_the_schema_and_where_data_and_logs_are(
        qtbot, ctx, window, home, monkeypatch):
    opened = []
    monkeypatch.setattr(crash, "open_folder", opened.append)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.about_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.values["schema"].text().startswith(SCHEMA_HEAD))
    assert dialog.values["schema"].text() == f"{SCHEMA_HEAD} (not encrypted)"  # a demo laptop
    assert dialog.values["version"].text() == __version__
    versions = about_module.versions() | about_module.qt_versions()
    assert dialog.values["sqlite"].text() == f"{versions['sqlite']} / {versions['sqlcipher']}"
    assert versions["pyside6"] in dialog.values["qt"].text()
    assert dialog.values["data"].text() == str(home)
    assert dialog.values["logs"].text() == str(home / "logs")
    assert dialog.values["profile"].text() == str(ctx.store.path.parent)
    qtbot.mouseClick(dialog.findChild(QPushButton, "open_logs"), Qt.MouseButton.LeftButton)
    assert opened == [home / "logs"] and (home / "logs").is_dir()
    dialog.reject()
    window.lock()
    qtbot.keyClick(window, Qt.Key.Key_F1)  # locked: no shortcut reaches the window
    assert not dialog.isVisible()


def test_export_diagnostics_saves_an_audited_zip_without_residents_data(
        qtbot, ctx, window, home, tmp_path, monkeypatch):
    target = tmp_path / "for-support"
    monkeypatch.setattr(diagnostics_module, "choose_save_path",
                        lambda parent, suggested: str(target) + ".zip")
    with ctx.store.read() as session:
        people = session.execute(select(Resident.name, Resident.id_number, Resident.phone)
                                 .limit(50)).all()
    window.diagnostics_action.trigger()
    dialog = window.diagnostics_dialog
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as done:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    written = done.args[0]
    assert written.path == tmp_path / "for-support.zip" and written.path.is_file()
    assert str(written.path) in dialog.status.text() and dialog.open_button.isVisible()

    with zipfile.ZipFile(written.path) as bundle:
        report = json.loads(bundle.read("diagnostics.json"))
        everything = b"".join(bundle.read(name) for name in bundle.namelist())
    assert report["versions"]["qt"] and report["platform"]["qt_platform"] == "offscreen"
    assert report["tables"]["resident"] > 0 and report["store"]["schema_revision"] == SCHEMA_HEAD
    leaked = [value for person in people for value in person
              if value and value.encode() in everything]
    assert leaked == []
    wait_idle(qtbot, ctx)
    with ctx.store.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert (entry.action, entry.entity, entry.record_id) == ("export", "diagnostics",
                                                             written.run_id)
