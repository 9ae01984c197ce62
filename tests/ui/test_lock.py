"""The window locks after idle time or on Ctrl+L and opens again only with the password.

On an encrypted profile locking drops the key: nothing can be read from the disk
until the password unwraps it again.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select
from uikit import wait_idle

from inspector import vault
from inspector.db import open_store
from inspector.demo.accounts import DEMO_PASSWORD, act_as
from inspector.errors import StoreLocked
from inspector.keyfile import FREE_TRIES, KeyFile
from inspector.models import Household
from ui.context import AppContext, who_of
from ui.lock import IdleWatcher
from ui.login import LoginDialog
from ui.main_window import MainWindow


@pytest.fixture
def sealed(tmp_path, demo_template):
    """A copy of the demo district as a real, encrypted worker's profile."""
    folder = tmp_path / "sealed"
    shutil.copytree(demo_template, folder)
    plain = open_store(folder / "store.db")
    act_as(plain, "worker")  # binds the profile and keeps a verifier of the demo password
    plain.close()
    store, keyfile = vault.encrypt_plain(folder, DEMO_PASSWORD)
    yield folder, store, keyfile
    store.close()


def _households(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Household))


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


def test_later_logins_unwrap_the_key_on_the_laptop(qtbot, sealed):
    folder, store, keyfile = sealed
    store.close()
    from ui.background import Worker

    worker = Worker(1)
    dialog = LoginDialog(folder, worker, keyfile.account["display_name"])
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
    opened = signal.args[0]
    assert opened.who.actor.role == "worker" and _households(opened.store) > 0
    opened.store.close()
    worker.drain()


def test_wrong_passwords_make_the_dialog_wait_before_the_next_try(qtbot, sealed):
    folder, store, _ = sealed
    store.close()
    from ui.background import Worker

    worker = Worker(1)
    dialog = LoginDialog(folder, worker, "")
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(FREE_TRIES):
        qtbot.waitUntil(dialog.ok.isEnabled, timeout=5_000)
        dialog.password.setText("nope")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong password" in dialog.message.text(), timeout=5_000)
    assert "try again in" in dialog.message.text() and not dialog.ok.isEnabled()
    dialog.password.setText(DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # refused for the wait: nothing happens
    assert dialog.isVisible() and KeyFile.load(folder / "key.json").failures == FREE_TRIES
    worker.drain()


def test_locking_an_encrypted_profile_drops_its_key_until_the_password(qtbot, sealed):
    folder, store, keyfile = sealed
    ctx = AppContext(store, who_of(_profile(store)), keyfile=keyfile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, ctx)
    before = _households(store)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not store.keys.key.live, timeout=5_000)
    assert bytes(store.keys.key._buf) == bytes(32)  # the key's buffer is overwritten
    with pytest.raises(StoreLocked):
        _households(store)
    screen = window.lock_screen
    qtbot.keyClicks(screen.password, DEMO_PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert store.keys.key.live and _households(store) == before
    wait_idle(qtbot, ctx)
    ctx.drain()


def _profile(store):
    from inspector.models import LocalProfile

    with store.read() as session:
        return session.get(LocalProfile, 1)


def test_the_idle_time_is_chosen_in_the_account_menu(qtbot, qapp, window):
    from PySide6.QtCore import QSettings

    from ui.lock import idle_minutes

    watcher = IdleWatcher(idle_minutes(), window)
    window.idle_minutes_chosen.connect(watcher.set_minutes)
    menu = next(a.menu() for a in window.user.menu().actions() if a.menu())
    five = next(a for a in menu.actions() if a.text().startswith("5 "))
    try:
        five.trigger()
        assert idle_minutes() == 5 and watcher.timer.interval() == 5 * 60_000
        assert five.isChecked()
    finally:
        QSettings().remove("security/idle_minutes")
