"""Syncing from the app against a real server on a real port, as a worker would.

The server is the real FastAPI app under uvicorn (sync.server.local); the profile
is created, encrypted, by the login dialog once the server accepts the first login.
Work made in the app reaches the server and the pending count drops to 0.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from uikit import wait_idle

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))  # the sync tests' server kit
from synckit import PASSWORD, LiveServer, grid_id  # noqa: E402

from inspector.models import Household, Issue  # noqa: E402
from inspector.services import register  # noqa: E402
from inspector.services.attachments import import_photos  # noqa: E402
from inspector.services.cases import IssueInput, report_issue  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.login import LoginDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def profile(tmp_path):
    """The folder of a profile that does not exist yet, and the profile once opened."""
    opened = []
    yield tmp_path / "profile", opened
    for one in opened:
        one.store.close()


def log_in(qtbot, profile, url: str, password: str = PASSWORD):
    """Fill the first-login dialog as a user and return the profile it opened."""
    from ui.background import Worker

    folder, opened = profile
    worker = Worker(1)
    dialog = LoginDialog(folder, worker, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server, url)
    qtbot.keyClicks(dialog.username, "wgy1")
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(dialog.logged_in, timeout=20_000) as signal:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    worker.drain()
    opened.append(signal.args[0])
    return signal.args[0]


@pytest.fixture
def app_window(qtbot, server, profile):
    opened = log_in(qtbot, profile, server.url)
    ctx = AppContext(opened.store, opened.who, keyfile=opened.keyfile)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(ctx.sync.logged_in, timeout=20_000):
        ctx.sync.log_in(PASSWORD, lambda: None, lambda exc: None)
    with qtbot.waitSignal(ctx.sync.finished, timeout=60_000):
        ctx.sync.sync_now()  # the first sync: the worker's grid and catalogues arrive
    yield ctx, window
    ctx.sync.cancel()
    ctx.drain()


def make_work(ctx, tmp_path) -> None:
    """A household and an issue with a real photo, written by the services as the app does."""
    g01 = grid_id("G01")
    register.add_household(ctx.store, ctx.actor, {
        "grid_id": g01, "door_no": "3-201", "address": "示范路1号3-201",
        "housing_use": "owner_occupied"})
    picture = tmp_path / "pothole.jpg"
    Image.new("RGB", (800, 600), (90, 120, 150)).save(picture, "JPEG")
    photos = import_photos(ctx.store.photos, [(picture, "report")])
    report_issue(ctx.store, ctx.actor, IssueInput(
        grid_id=g01, category_code="manhole_cover_missing", severity="general",
        title="井盖缺失", description="人行道井盖缺失", address="示范路1号",
        occurred_at=datetime.now(UTC) - timedelta(minutes=5), photos=tuple(photos)))


def pending(window) -> str:
    return window.pending.text()


def test_first_login_binds_the_profile_and_wrong_password_is_refused(qtbot, server, profile):
    from ui.background import Worker

    worker = Worker(1)
    dialog = LoginDialog(profile[0], worker, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server, server.url)
    qtbot.keyClicks(dialog.username, "wgy1")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "did not accept" in dialog.message.text(), timeout=20_000)
    assert dialog.isVisible()
    assert not profile[0].exists()  # nothing is written before the server says yes
    opened = log_in(qtbot, profile, server.url)
    who = opened.who
    assert who.actor.username == "wgy1" and who.actor.role == "worker"
    assert who.actor.grid_ids == (grid_id("G01"),)
    assert opened.store.encrypted and opened.keyfile.escrowed
    worker.drain()


def test_sync_now_sends_everything_until_nothing_is_pending(qtbot, app_window, server,
                                                            tmp_path):
    ctx, window = app_window
    page = window.open_page("sync")
    make_work(ctx, tmp_path)
    window.refresh_status()
    qtbot.waitUntil(lambda: pending(window) != "Pending changes: 0", timeout=5_000)
    with qtbot.waitSignal(ctx.sync.finished, timeout=60_000):
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pending(window) == "Pending changes: 0", timeout=10_000)
    assert "Done" in page.outcome.text()
    assert "Online" in window.online.text()
    assert "Never" not in window.last_sync.text()
    with server.db.session() as session:
        assert session.query(Household).count() == 1
        issue = session.query(Issue).one()
        assert issue.number  # the server numbered the case
    assert not page.cancel_button.isEnabled() and page.sync_button.isEnabled()


def test_work_goes_by_itself_when_the_server_comes_back(qtbot, app_window, server, tmp_path):
    ctx, window = app_window
    server.stop()
    make_work(ctx, tmp_path)
    ctx.sync.check_now()  # what a reachability change from the OS triggers
    qtbot.waitUntil(lambda: "Offline" in window.online.text(), timeout=20_000)
    window.refresh_status()
    qtbot.waitUntil(lambda: pending(window) != "Pending changes: 0", timeout=5_000)

    back = LiveServer(server.settings.data_dir, port=server.port)
    back.start()
    try:
        with qtbot.waitSignal(ctx.sync.finished, timeout=60_000):
            ctx.sync.check_now()  # the network is back: the app syncs without being asked
        qtbot.waitUntil(lambda: pending(window) == "Pending changes: 0", timeout=10_000)
        with back.db.session() as session:
            assert session.query(Household).count() == 1
    finally:
        ctx.sync.cancel()
        wait_idle(qtbot, ctx, 30_000)
        back.stop()


def test_offline_sync_says_what_to_do_and_keeps_the_work(qtbot, app_window, server, tmp_path):
    ctx, window = app_window
    page = window.open_page("sync")
    server.stop()
    make_work(ctx, tmp_path)
    with qtbot.waitSignal(ctx.sync.failed, timeout=90_000):
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert "kept on this computer" in page.outcome.text()
    window.refresh_status()
    qtbot.waitUntil(lambda: pending(window) != "Pending changes: 0", timeout=5_000)
    assert page.sync_button.isEnabled()


def test_a_server_call_made_during_the_login_waits_for_it(qtbot, server, profile):
    opened = log_in(qtbot, profile, server.url)
    ctx = AppContext(opened.store, opened.who, keyfile=opened.keyfile)
    answers: list[object] = []
    ctx.sync.log_in(PASSWORD, lambda: None, answers.append)
    ctx.sync.call(lambda transport: transport.token is not None, answers.append,
                  answers.append)  # a page asking the server as the window opens
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    assert answers == [True]
    ctx.drain()
