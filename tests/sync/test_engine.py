"""The engine as the app sees it: progress, cancel and resume, health, typed errors."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from synckit import grid_id
from testkit import household_data

from inspector.models import Household, LocalProfile, OutboxEntry, SyncStatus
from inspector.services import register
from sync.errors import AuthExpired, Cancelled, Incompatible
from sync.server import admin
from sync.server.models import DeviceHealth


def _queue(device, n: int) -> None:
    for k in range(n):
        register.add_household(device.store, device.actor,
                               household_data(grid_id("G01"), door_no=f"5-{k}"))


def _pending(device) -> int:
    with device.store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxEntry))


def test_progress_names_each_phase_in_order(server, device_factory) -> None:
    device = device_factory("wgy1")
    device.sync()
    _queue(device, 3)
    seen = []
    device.engine.on_progress = lambda p: seen.append(p.phase)
    device.sync()
    order = list(dict.fromkeys(seen))
    assert order == ["handshake", "push", "audit", "pull", "drift"]


def test_cancel_mid_push_keeps_everything_and_the_next_cycle_finishes(server, device_factory):
    device = device_factory("wgy1")
    device.sync()
    _queue(device, 6)
    device.engine.batch_count = 2
    batches = []

    def stop_after_first_batch(progress) -> None:
        if progress.phase == "push":
            batches.append(progress)
            if len(batches) == 2:
                device.engine.cancel.set()

    device.engine.on_progress = stop_after_first_batch
    with pytest.raises(Cancelled):
        device.sync()
    assert _pending(device) == 4  # the first batch was confirmed, the rest wait
    device.engine.cancel.clear()
    device.engine.on_progress = None
    assert device.sync().pending_after == 0
    with server.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 6


def test_health_reaches_the_supervisor(server, device_factory) -> None:
    worker = device_factory("wgy1")
    worker.sync()
    _queue(worker, 2)
    worker.engine._report_health(quiet=False)
    with server.db.session() as s:
        row = s.get(DeviceHealth, worker.transport.device_id)
        assert (row.username, row.queue_depth) == ("wgy1", 2)
        assert row.oldest_unsent_at is not None
    supervisor = device_factory("jdy1")
    health = supervisor.transport.json("GET", "/devices/health")
    assert [(h["username"], h["queue_depth"]) for h in health] == [("wgy1", 2)]
    worker.sync()
    with server.db.session() as s:
        row = s.get(DeviceHealth, worker.transport.device_id)
        assert row.queue_depth == 0 and row.last_success_at is not None


def test_revoked_login_is_a_typed_error_and_is_remembered(server, device_factory) -> None:
    worker = device_factory("wgy1")
    worker.sync()
    admin.disable_user(server.db, "wgy1")
    with pytest.raises(AuthExpired):
        worker.sync()
    with worker.store.read() as s:
        status = s.get(SyncStatus, 1)
        assert status.last_error and status.last_error_at is not None


def test_a_demo_profile_never_syncs_with_a_real_server(server, device_factory) -> None:
    device = device_factory("wgy1")
    with device.store.write() as s:
        s.get(LocalProfile, 1).demo = True
    with pytest.raises(Incompatible, match="演示"):
        device.sync()
