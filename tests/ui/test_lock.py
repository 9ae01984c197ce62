"""The window locks after idle time or on Ctrl+L and opens again only with the password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from uikit import wait_idle

from inspector.demo.accounts import DEMO_PASSWORD
from ui.lock import IdleWatcher
from ui.login import LoginDialog


def test_ctrl_l_locks_and_only_the_right_password_unlocks(qtbot, window, ctx):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked and not window.content.isVisible()
    screen = window.lock_screen
    qtbot.keyClicks(screen.password, "wrong")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong password" in screen.message.text(), timeout=5_000)
    assert window.locked
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.locked  # navigation shortcuts do nothing behind the lock
    screen.password.clear()
    qtbot.keyClicks(screen.password, DEMO_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5_000)
    assert window.content.isVisible() and screen.password.text() == ""


def test_idle_time_locks_and_input_postpones_it(qtbot, qapp, window):
    watcher = IdleWatcher(0.01, window)  # 600 ms
    watcher.idle.connect(window.lock)
    qapp.installEventFilter(watcher)
    try:
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        assert watcher.timer.isActive() and watcher.timer.remainingTime() > 300
        with qtbot.waitSignal(watcher.idle, timeout=5_000):
            pass
        assert window.locked
    finally:
        qapp.removeEventFilter(watcher)


def test_later_logins_check_the_password_on_the_laptop(qtbot, ctx):
    wait_idle(qtbot, ctx)
    dialog = LoginDialog(ctx.store, ctx.db, ctx.who)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.server.isVisible()  # the profile already knows its server and account
    qtbot.keyClicks(dialog.password, "nope")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong password" in dialog.message.text(), timeout=5_000)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in, timeout=5_000) as signal:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert signal.args[0] == ctx.who
