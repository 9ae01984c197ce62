"""The demo as a trainer runs it: a worker's laptop and the supervisor's, one built-in server."""

from __future__ import annotations

import hashlib
import shutil
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from uikit import wait_idle

from inspector.db import open_store
from inspector.demo.accounts import DEMO_PASSWORD
from inspector.models import Issue, utcnow
from inspector.profiles import DEMO, profile_dir, store_path
from inspector.services.cases import IssueInput, report_issue
from sync.classroom import Classroom
from ui.app import open_classroom
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.profile_chooser import real_profiles


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("classroom")
    Classroom(folder).build(200)
    return folder


@pytest.fixture
def room(built, tmp_path):
    classroom = Classroom(shutil.copytree(built, tmp_path / "classroom"))
    yield classroom
    classroom.stop()


def _laptop(qtbot, room: Classroom, role: str):
    store, who = open_classroom(room, role)
    ctx = AppContext(store, who)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(ctx.sync.logged_in, timeout=20_000):
        ctx.sync.log_in(DEMO_PASSWORD, lambda: None, lambda exc: None)
    return store, ctx, window


def _close(ctx: AppContext, window: MainWindow) -> None:
    window.close()
    ctx.sync.cancel()
    ctx.drain()
    ctx.store.close()


def test_a_report_made_as_worker_is_in_the_supervisors_laptop_after_a_sync(qtbot, room):
    store, ctx, window = _laptop(qtbot, room, "worker")
    assert window.demo_banner is not None and window.demo_banner.isVisible()
    issue_id, _ = report_issue(store, ctx.actor, IssueInput(
        grid_id=ctx.actor.grid_ids[0], category_code="drain_blocked", severity="general",
        title="雨水口堵塞", description="路口雨水口被落叶堵住", address="演示路1号",
        occurred_at=utcnow() - timedelta(minutes=5)))
    with qtbot.waitSignal(ctx.sync.finished, timeout=60_000) as done:
        ctx.sync.sync_now()
    assert done.args[0].pending_after == 0
    _close(ctx, window)

    store, ctx, window = _laptop(qtbot, room, "supervisor")
    assert window.demo_banner.roles.currentData() == "supervisor"
    with qtbot.waitSignal(ctx.sync.finished, timeout=60_000):
        ctx.sync.sync_now()
    with store.read() as session:
        assert session.get(Issue, issue_id).status == "reported"
    _close(ctx, window)


def test_the_banner_asks_before_a_reset_and_offers_every_role(qtbot, room):
    store, ctx, window = _laptop(qtbot, room, "staff")
    banner = window.demo_banner
    assert [banner.roles.itemData(i) for i in range(banner.roles.count())] == [
        "worker", "staff", "supervisor"]
    with qtbot.waitSignal(banner.role_chosen) as chosen:
        banner.roles.activated.emit(2)
    assert chosen.args == ["supervisor"]
    banner.ask_reset()
    with qtbot.assertNotEmitted(banner.reset_confirmed):
        banner.confirm.button(QMessageBox.StandardButton.No).click()
    banner.ask_reset()
    with qtbot.waitSignal(banner.reset_confirmed):
        banner.confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(qtbot, ctx)
    _close(ctx, window)


def test_the_demo_lives_apart_from_real_profiles(qtbot, built, tmp_path, monkeypatch):
    monkeypatch.setenv("GRID_INSPECTOR_HOME", str(tmp_path / "home"))
    real = open_store(store_path("wang"))
    real.close()
    before = hashlib.sha256(store_path("wang").read_bytes()).hexdigest()
    room = Classroom(shutil.copytree(built, profile_dir(DEMO) / "classroom"))
    try:
        store, ctx, window = _laptop(qtbot, room, "worker")
        with qtbot.waitSignal(ctx.sync.finished, timeout=60_000):
            ctx.sync.sync_now()
        _close(ctx, window)
    finally:
        room.stop()
    assert hashlib.sha256(store_path("wang").read_bytes()).hexdigest() == before
    assert real_profiles() == ["wang"]
    demo_root = profile_dir(DEMO).resolve()
    for path in (room.device_path(role) for role in ("worker", "staff", "supervisor")):
        assert demo_root in path.resolve().parents
    assert room.server is None  # stopped with the app
