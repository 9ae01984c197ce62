"""The device's audit chain goes up with sync to a live server (SQLite and PostgreSQL): stored
once, checked to go on unbroken, a tampered chain flagged in the security log."""

from __future__ import annotations

import itertools
import json
import sqlite3
from contextlib import closing

import pytest
import requests
from faultproxy import FaultProxy
from sqlalchemy import select
from synckit import PASSWORD, Device, grid_id
from testkit import household_data, make_id, resident_data

from inspector import audit_chain
from inspector.audit_chain import BROKEN_LINK, EDITED, REWRITTEN
from inspector.models import AuditEntry
from inspector.services import privacy, register
from sync import protocol as p
from sync.client.audit import acknowledge, pending
from sync.errors import Offline, Refused
from sync.server import cli
from sync.server.config import save_settings
from sync.server.models import DeviceAudit, DeviceAuditState, SecurityEvent, User
from sync.server.security import issue_token


def _device(factory, username: str = "wgy1", **transport) -> Device:
    """A logged-in device that has pulled its grids (and has no audit entry yet)."""
    device = factory(username, **transport)
    device.sync()
    return device


_serial = itertools.count(100)


def _work(device: Device, n: int = 2) -> None:
    """Everyday work that leaves audit entries: households added, an ID number revealed."""
    actor = device.actor
    for _ in range(n):
        hid, _ = register.add_household(device.store, actor, household_data(
            grid_id("G01"), door_no=f"7-{next(_serial)}"))
    rid, _ = register.add_resident(device.store, actor, hid,
                                   resident_data(make_id(seq=str(next(_serial)))))
    privacy.reveal_id_number(device.store, actor, rid)


def _local(device: Device) -> list[tuple[int, str]]:
    with device.store.read() as s:
        return [tuple(r) for r in s.execute(select(AuditEntry.seq, AuditEntry.hash)
                                            .order_by(AuditEntry.seq))]


def _held(server, device: Device) -> list[tuple[int, str]]:
    with server.db.session() as s:
        return [tuple(r) for r in s.execute(
            select(DeviceAudit.seq, DeviceAudit.hash)
            .where(DeviceAudit.device_id == device.transport.device_id)
            .order_by(DeviceAudit.seq))]


def _state(server, device: Device) -> DeviceAuditState | None:
    with server.db.session() as s:
        return s.get(DeviceAuditState, device.transport.device_id)


def _events(server) -> list[SecurityEvent]:
    with server.db.session() as s:
        return list(s.scalars(select(SecurityEvent)
                              .where(SecurityEvent.action == "audit_chain_broken")))


def _sql(device: Device, sql: str, args: tuple = ()) -> None:
    with closing(sqlite3.connect(device.store.path)) as conn:
        conn.execute(sql, args)
        conn.commit()


def test_entries_reach_the_server_once_and_its_copy_checks_out(server, device_factory):
    device = _device(device_factory)
    _work(device)
    report = device.sync()
    local = _local(device)
    assert len(local) == 4 and report.audit.sent == 4 and report.audit.failed is None
    assert _held(server, device) == local and pending(device.store) == 0
    state = _state(server, device)
    assert (state.username, state.last_seq, state.broken_seq) == ("wgy1", 4, None)

    # The server's copy re-seals from its own columns: nothing of it depends on the device.
    with server.db.session() as s:
        rows = s.scalars(select(DeviceAudit).order_by(DeviceAudit.seq)).all()
        for row in rows:
            values = {"seq": row.seq, "at": row.at, "actor": row.username,
                      "device_id": row.device_id, "action": row.action, "entity": row.entity,
                      "record_id": row.record_id, "fields": row.fields}
            assert audit_chain.entry_hash(row.prev_hash, values) == row.hash
        assert [r.action for r in rows] == ["insert", "insert", "insert", "reveal"]

    assert device.sync().audit.sent == 0  # nothing new
    # The server's answer to an upload was lost: the device sends the same entries again.
    acknowledge(device.store, 0)
    again = device.sync()
    assert again.audit.sent == 4 and again.audit.broken_seq is None
    assert _held(server, device) == local and _events(server) == []
    _work(device, 1)
    device.sync()
    assert _held(server, device) == _local(device) and _state(server, device).last_seq == 7


def test_an_entry_edited_on_the_laptop_is_flagged_and_kept(server, device_factory, tmp_path,
                                                            capsys):
    worker = _device(device_factory)
    _work(worker)
    worker.sync()
    _work(worker)  # entries 5 … 8, not uploaded yet
    _sql(worker, "UPDATE audit SET action = 'insert', fields = ? WHERE seq = 8",
         (json.dumps(["door_no"]),))
    with worker.store.read() as s:
        assert (audit_chain.verify(s).bad_seq, audit_chain.verify(s).reason) == (8, EDITED)

    report = worker.sync()
    assert report.audit.sent == 4 and report.audit.broken_seq == 8
    assert report.pushed.applied == 3  # the records themselves went as usual
    state = _state(server, worker)
    assert (state.broken_seq, state.broken_reason, state.last_seq) == (8, EDITED, 8)
    assert _held(server, worker) == _local(worker)  # the evidence is stored, not dropped
    (event,) = _events(server)
    assert (event.username, event.device_id) == ("wgy1", worker.transport.device_id)
    assert "8" in event.detail

    supervisor = device_factory("jdy1")  # supervises G01, where wgy1 works
    (listed,) = supervisor.transport.json("GET", "/audit/broken")
    assert (listed["device_id"], listed["broken_seq"], listed["broken_reason"]) == (
        worker.transport.device_id, 8, EDITED)
    with pytest.raises(Refused) as refused:
        worker.transport.json("GET", "/audit/broken")
    assert refused.value.status == 403

    save_settings(server.settings)  # the folder becomes one the admin commands open
    capsys.readouterr()
    assert cli.main(["audit-chains", str(server.settings.data_dir)]) == 0
    out = capsys.readouterr().out
    assert worker.transport.device_id in out and "第 8 条" in out and "wgy1" in out


def test_a_chain_resealed_after_an_edit_passes_on_the_laptop_but_not_on_the_server(
        server, device_factory):
    """Someone edits the last uploaded entry and re-seals it: the laptop's own check passes,
    but the next upload no longer goes on from the server's copy."""
    device = _device(device_factory)
    _work(device)
    device.sync()
    _sql(device, "UPDATE audit SET action = 'export' WHERE seq = 4")
    with closing(sqlite3.connect(device.store.path)) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM audit ORDER BY seq")]
        prev = rows[2]["hash"]
        for row in rows[3:]:
            row["fields"] = json.loads(row["fields"])
            row["hash"] = audit_chain.entry_hash(prev, row | {"prev_hash": prev})
            conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?",
                         (prev, row["hash"], row["seq"]))
            prev = row["hash"]
        conn.commit()
    with device.store.read() as s:
        assert audit_chain.verify(s).ok
    _work(device, 1)
    report = device.sync()
    assert report.audit.broken_seq == 5
    assert (_state(server, device).broken_reason, len(_events(server))) == (BROKEN_LINK, 1)

    # A laptop put back to an older copy would send seq 4 again, with its rewritten hash.
    acknowledge(device.store, 3)
    device.sync()
    assert _events(server)[-1].detail == f"第 4 条：{audit_chain.REASONS[REWRITTEN]}"
    assert _held(server, device)[3][1] != _local(device)[3][1]  # the server kept the first copy
    assert _state(server, device).broken_seq == 5  # the first break stays on record


def test_an_offline_device_keeps_its_entries_until_the_next_sync(server, device_factory):
    with FaultProxy(server.url) as proxy:
        device = _device(device_factory, url=proxy.url, retries=0)
        _work(device)
        proxy.arm("drop_request", times=1000)  # no network at all
        with pytest.raises(Offline):
            device.sync()
        proxy.disarm()
        assert pending(device.store) == 4 and _held(server, device) == []

        # Only the audit upload fails: the rest of the cycle goes on, the entries wait.
        proxy.arm("drop_request", method="POST", path_prefix="/api/v1/sync/audit")
        report = device.sync()
        assert report.audit.failed and report.audit.sent == 0
        assert report.pushed.applied == 3 and report.pending_after == 0
        assert pending(device.store) == 4 and _held(server, device) == []

        assert device.sync().audit.sent == 4
        assert _held(server, device) == _local(device) and pending(device.store) == 0
        assert _state(server, device).broken_seq is None


def test_uploads_the_server_cannot_place_are_refused_with_the_reason(server, device_factory):
    device = _device(device_factory)
    _work(device, 1)
    with device.store.read() as s:
        entries = [audit_chain.to_wire(e) for e in s.scalars(
            select(AuditEntry).order_by(AuditEntry.seq))]

    def post(token: str, body: dict) -> requests.Response:
        return requests.post(f"{server.url}{p.API}/sync/audit", json=body, timeout=30,
                             headers={p.VERSION_HEADER: "1", "Authorization": f"Bearer {token}"})

    with server.db.transaction() as s:  # a login that names no device
        token, _ = issue_token(s, s.get(User, "wgy1"), None, 1.0)
    r = post(token, {"entries": entries})
    assert (r.status_code, r.json()["detail"]["code"]) == (403, "no_device")

    mine = device.transport.token
    r = post(mine, {"entries": entries[::-1]})
    assert r.status_code == 422 and "seq" in r.text
    r = post(mine, {"entries": [entries[0] | {"hash": "not-a-hash"}]})
    assert r.status_code == 422 and "hash" in r.text
    assert _held(server, device) == []

    # Another account's login that claims this laptop's device id cannot add to its chain.
    device.sync()
    intruder = requests.post(f"{server.url}{p.API}/auth/login", timeout=30,
                             headers={p.VERSION_HEADER: "1"},
                             json={"username": "wgy2", "password": PASSWORD,
                                   "device_id": device.transport.device_id})
    r = post(intruder.json()["token"], {"entries": entries})
    assert (r.status_code, r.json()["detail"]["code"]) == (409, "device_taken")
    assert _held(server, device) == _local(device) and _events(server) == []
