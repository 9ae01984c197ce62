"""Starting the app on a profile whose upgrade fails: the file is put back as it was and
the start-up message names the backup it came from."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QMessageBox

import ui.app
from inspector.profiles import store_path

FIXTURE = Path(__file__).parents[1] / "fixtures" / "first_schema_profile"


def test_the_start_up_message_names_the_restored_backup(qapp, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path))
    path = store_path("field")
    shutil.copytree(FIXTURE, path.parent)
    with closing(sqlite3.connect(path)) as conn:  # migration 0004 cannot read this entry
        conn.execute("UPDATE audit SET fields = '[\"notes\"' WHERE action = 'update'")
        conn.commit()

    shown: list[str] = []

    def read_and_close_the_message() -> None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                shown.append(widget.text())
                widget.button(QMessageBox.StandardButton.Ok).click()

    watcher = QTimer()
    watcher.timeout.connect(read_and_close_the_message)
    watcher.start(20)
    give_up = QTimer(singleShot=True, interval=60_000)  # a hung start fails, not waits
    give_up.timeout.connect(lambda: qapp.exit(-1))
    give_up.start()
    name, locale = qapp.applicationName(), QLocale()
    try:
        code = ui.app.run(["--profile", "field", "--lang", "en"])
    finally:
        watcher.stop()
        give_up.stop()
        # Closing the last window posted a Quit; left pending, it would end the next
        # test's event loops at once.
        qtbot.wait(20)
        qapp.setApplicationName(name)  # QSettings of later tests stay the test app's
        QLocale.setDefault(locale)

    [backup] = path.parent.glob("store.db.before-*.bak")
    assert code == 1
    assert len(shown) == 1
    assert shown[0].startswith("Could not open the profile:")
    assert backup.name in shown[0] and "已恢复" in shown[0]
    assert path.read_bytes() == backup.read_bytes()
    with closing(sqlite3.connect(path)) as conn:  # the profile as it was before the attempt
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert conn.execute("SELECT count(*) FROM outbox").fetchone() == (8,)
