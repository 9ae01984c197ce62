"""The demo classroom: a real built-in server and one real device per role, in one folder."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from synckit import ThreadedServer, make_device, seed
from testkit import counts

from inspector import caseflow
from inspector.db import Store, open_store
from inspector.demo.accounts import DEMO_PASSWORD, demo_account
from inspector.models import Household, Issue, LocalProfile, utcnow
from inspector.services import cases
from inspector.services.recording import Actor
from sync.classroom import ROLES, Classroom
from sync.client import SyncEngine, Transport, login
from sync.errors import Incompatible

HOUSEHOLDS = 200  # two grids: enough to tell a worker's scope from the supervisor's


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("classroom-template")
    Classroom(folder).build(HOUSEHOLDS)
    return folder


@pytest.fixture
def classroom(built, tmp_path) -> Iterator[Classroom]:
    room = Classroom(shutil.copytree(built, tmp_path / "classroom"))
    yield room
    room.stop()


def _open(room: Classroom, role: str) -> tuple[Store, SyncEngine, Actor]:
    store = open_store(room.device_path(role))
    actor = _actor(store)
    transport = Transport(room.server.url, actor.device_id)
    login(transport, demo_account(role), DEMO_PASSWORD)
    return store, SyncEngine(store, transport), actor


def _actor(store: Store) -> Actor:
    with store.read() as session:
        profile = session.get(LocalProfile, 1)
        return Actor(profile.username, profile.role, profile.device_id, tuple(profile.grid_ids))


def _report(store: Store, actor: Actor) -> str:
    issue_id, _ = cases.report_issue(store, actor, cases.IssueInput(
        grid_id=actor.grid_ids[0], category_code="drain_blocked", severity="general",
        title="雨水口堵塞", description="路口雨水口被落叶堵住", address="演示路1号",
        occurred_at=utcnow() - timedelta(minutes=5)))
    return issue_id


def _households(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(Household))


def test_each_role_has_its_own_device_with_the_data_of_its_scope(classroom) -> None:
    stores = {role: open_store(classroom.device_path(role)) for role in ROLES}
    try:
        assert _households(stores["worker"]) == 100
        assert _households(stores["supervisor"]) == HOUSEHOLDS
        assert _households(stores["staff"]) == HOUSEHOLDS
        for role, store in stores.items():
            state = counts(store)
            assert state["outbox"] == 0, role
            with store.read() as session:
                profile = session.get(LocalProfile, 1)
                assert profile.demo and profile.role == role
    finally:
        for store in stores.values():
            store.close()


def test_a_workers_report_reaches_the_supervisor_through_the_built_in_server(classroom):
    classroom.start()
    worker, worker_sync, actor = _open(classroom, "worker")
    supervisor, supervisor_sync, _ = _open(classroom, "supervisor")
    try:
        issue_id = _report(worker, actor)
        assert worker_sync.run().pending_after == 0
        supervisor_sync.run()
        with supervisor.read() as session:
            arrived = session.get(Issue, issue_id)
            assert arrived is not None and arrived.status == "reported"
            assert arrived.number  # numbered by the server
    finally:
        for store, engine in ((worker, worker_sync), (supervisor, supervisor_sync)):
            engine.transport.close()
            store.close()


def test_reset_brings_the_initial_state_back(classroom) -> None:
    before = {}
    for role in ROLES:
        store = open_store(classroom.device_path(role))
        before[role] = counts(store)
        _report(store, _actor(store))  # a trainee's practice, waiting to be sent
        assert counts(store) != before[role]
        store.close()
    classroom.reset()
    for role in ROLES:
        store = open_store(classroom.device_path(role))
        assert counts(store) == before[role]
        store.close()


def test_the_server_must_be_stopped_before_a_reset(classroom) -> None:
    classroom.start()
    with pytest.raises(RuntimeError):
        classroom.reset()


def test_a_real_profile_never_syncs_with_the_demo_server(classroom, tmp_path) -> None:
    url = classroom.start()
    seed(classroom.server.db)  # real accounts on the demo server, so login itself works
    device = make_device(tmp_path, url, "wgy1")
    try:
        with pytest.raises(Incompatible, match="演示服务器"):
            device.sync()
    finally:
        device.close()


def test_a_classroom_device_never_syncs_with_a_real_server(classroom, tmp_path) -> None:
    real = ThreadedServer(tmp_path / "real").start()
    try:
        seed(real.db)
        store = open_store(classroom.device_path("worker"))
        transport = Transport(real.url, str(uuid.uuid4()))
        try:
            login(transport, "wgy1", "correct-horse-42")
            with pytest.raises(Incompatible, match="演示"):
                SyncEngine(store, transport).run()
        finally:
            transport.close()
            store.close()
    finally:
        real.stop()


def test_skipping_time_makes_open_cases_overdue_on_every_laptop_after_a_sync(classroom):
    classroom.start()
    supervisor, engine, _ = _open(classroom, "supervisor")
    try:
        now = utcnow()
        with supervisor.read() as session:
            due = {i.id: i.deadline_at for i in session.scalars(select(Issue).where(
                Issue.status.in_(caseflow.OPEN), Issue.deadline_at.is_not(None)))}
        late_before = sum(d < now for d in due.values())
        assert due and late_before < len(due)
        assert classroom.skip_time(30) == len(due)
        engine.run()
        with supervisor.read() as session:
            for issue_id, deadline in due.items():
                assert session.get(Issue, issue_id).deadline_at == deadline - timedelta(days=30)
            assert session.scalar(select(func.count()).select_from(Issue).where(
                Issue.deadline_at < now, Issue.status.in_(caseflow.OPEN))) > late_before
    finally:
        engine.transport.close()
        supervisor.close()
