"""The whole start of the app on a real profile, through `ui.app.run`, against a real server:
a first login creates the profile encrypted; the next start takes the password on the
laptop; locking drops the key and the password brings it back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from synckit import PASSWORD

import ui.app
from inspector.profiles import profile_dir
from ui.login import LoginDialog
from ui.main_window import MainWindow


def _top(kind: type) -> object | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, kind) and w.isVisible()), None)


def _drive(qapp, qtbot, steps: list[Callable[[], bool]]) -> int:
    """Run the app; each step is tried every 50 ms until it returns True, in order."""
    todo = list(steps)

    def tick() -> None:
        if todo and todo[0]():
            todo.pop(0)
        if not todo:
            qapp.exit(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(50)
    give_up = QTimer(singleShot=True, interval=90_000)  # a hung start fails, not waits
    give_up.timeout.connect(lambda: qapp.exit(-1))
    give_up.start()
    name = qapp.applicationName()
    try:
        code = ui.app.run(["--profile", "field", "--lang", "en"])
    finally:
        timer.stop()
        give_up.stop()
        qtbot.wait(20)  # the Quit posted by the closed window must not end later loops
        qapp.setApplicationName(name)
    assert not todo, f"stuck before step {len(steps) - len(todo) + 1}"
    return code


def test_first_start_then_a_later_one_and_a_lock(qapp, qtbot, tmp_path, monkeypatch, server):
    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path))
    seen: dict[str, object] = {}

    def first_login() -> bool:
        dialog = _top(LoginDialog)
        if dialog is None:
            return False
        dialog.server.setText(server.url)
        dialog.username.setText("wgy1")
        dialog.password.setText(PASSWORD)
        dialog.submit()
        return True

    def window_open() -> bool:
        window = _top(MainWindow)
        if window is None:
            return False
        seen["window"] = window
        return True

    assert _drive(qapp, qtbot, [first_login, window_open]) == 0
    folder = profile_dir("field")
    assert (folder / "key.json").is_file()
    assert not (folder / "store.db").read_bytes().startswith(b"SQLite format 3")

    def wrong_then_right() -> bool:
        dialog = _top(LoginDialog)
        if dialog is None:
            return False
        assert not dialog.server.isVisible()  # the laptop knows its account now
        if "Wrong password" not in dialog.message.text():
            if dialog.ok.isEnabled() and dialog.password.text() != "not-it":
                dialog.password.setText("not-it")
                dialog.submit()
            return False
        dialog.password.setText(PASSWORD)
        dialog.submit()
        return True

    def lock() -> bool:
        window = _top(MainWindow)
        if window is None:
            return False
        window.lock()
        seen["key"] = window.ctx.store.keys.key
        return True

    def key_dropped() -> bool:
        return not seen["key"].live

    def unlock() -> bool:
        screen = _top(MainWindow).lock_screen
        screen.password.setText(PASSWORD)
        screen.try_unlock()
        return True

    def unlocked() -> bool:
        window = _top(MainWindow)
        return not window.locked and window.ctx.store.keys.key.live

    assert _drive(qapp, qtbot, [wrong_then_right, lock, key_dropped, unlock, unlocked]) == 0
