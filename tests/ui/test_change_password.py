"""Changing the password from the window: refused field by field, then taken by the server
and by the laptop's key file, against a real server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from synckit import PASSWORD
from uikit import wait_idle

from inspector.errors import WrongPassword
from sync.client import Transport, login
from sync.client.keys import create_profile, open_profile
from sync.errors import AuthExpired
from ui.context import AppContext, who_of
from ui.dialogs.password import PasswordDialog
from ui.main_window import MainWindow

NEW = "spring-rain-2027"


@pytest.fixture
def sealed_window(qtbot, tmp_path, server):
    store, keyfile = create_profile(tmp_path / "laptop", server.url, "wgy1", PASSWORD)
    from inspector.models import LocalProfile

    with store.read() as session:
        who = who_of(session.get(LocalProfile, 1))
    ctx = AppContext(store, who, keyfile=keyfile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(ctx.sync.logged_in, timeout=20_000):
        ctx.sync.log_in(PASSWORD, lambda: None, lambda exc: None)
    yield ctx, window
    wait_idle(qtbot, ctx)
    ctx.drain()
    store.close()


def _fill(qtbot, dialog, current: str, new: str, repeat: str) -> None:
    for edit, text in ((dialog.current, current), (dialog.new, new), (dialog.repeat, repeat)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_a_new_password_reaches_the_server_and_the_laptop(qtbot, sealed_window, server,
                                                          tmp_path):
    ctx, window = sealed_window
    assert window.password_action.isEnabled()
    dialog = PasswordDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()

    _fill(qtbot, dialog, PASSWORD, "short", "short")
    assert dialog.fields.errors["new"].isVisible()  # refused here, the server never asked
    _fill(qtbot, dialog, PASSWORD, NEW, NEW + "x")
    assert dialog.fields.errors["repeat"].isVisible()
    _fill(qtbot, dialog, "not-my-password", NEW, NEW)
    qtbot.waitUntil(lambda: dialog.fields.errors["current"].isVisible(), timeout=20_000)
    assert dialog.current.text() == "not-my-password"  # nothing typed is lost

    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        _fill(qtbot, dialog, PASSWORD, NEW, NEW)
    wait_idle(qtbot, ctx)

    probe = Transport(server.url, "probe")
    with pytest.raises(AuthExpired):
        login(probe, "wgy1", PASSWORD)
    login(probe, "wgy1", NEW)
    probe.close()
    server.stop()  # the laptop alone now takes the new password, not the old one
    folder = tmp_path / "laptop"
    with pytest.raises(WrongPassword):
        open_profile(folder, PASSWORD)
    ctx.store.close()
    open_profile(folder, NEW)[0].close()
