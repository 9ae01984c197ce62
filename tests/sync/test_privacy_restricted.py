"""Restricted tags (社区矫正, 精神障碍 …) never leave the server for a role that may not
see them: a real server over real HTTP (SQLite and PostgreSQL) holding tagged residents,
open and settled conflicts on those tags, a held duplicate and look-alikes; a worker,
a staff member and an administrator call every endpoint and the raw bytes of each
answer are searched for the tags' codes and names. A supervisor gets them. A worker's
or staff member's device that pushes tags anyway has them dropped."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from sqlalchemy import select
from synckit import PASSWORD, grid_id
from testkit import household_data, make_id, resident_data

from inspector.catalogues import load_catalogue
from inspector.models import OutboxEntry, Resident
from inspector.services import register
from sync import protocol as p
from sync.client import Transport, login, oversight
from sync.client.oversight import KEEP_SERVER, TAKE_DEVICE, Choice
from sync.server import admin
from sync.server.models import Conflict, HeldResident

RESTRICTED = [t for t in load_catalogue("resident_tags").members("tags") if t["restricted"]]
# Every way a tag could show in an answer: its code, its name, the name JSON-escaped.
WORDS = sorted({str(t["code"]) for t in RESTRICTED} | {str(t["name"]) for t in RESTRICTED}
               | {json.dumps(str(t["name"]))[1:-1] for t in RESTRICTED})
NAME, PHONE = "林秀英", "13900000001"
N1, N2 = make_id(seq="711"), make_id(seq="722")
N3 = make_id(region="310101", seq="733")  # the same birth date as N1: a look-alike


@dataclass
class World:
    p1: str  # G01, tagged; conflicts on its tags (settled) and notes (open)
    p2: str  # G01, tagged; an open conflict on its tags
    p3: str  # G02, tagged, N1's look-alike
    held: str  # G02, N1 again with tags, held aside
    residents: list[str]


def _person(device, hh: str, number: str, **extra: Any) -> str:
    person, _ = register.add_resident(device.store, device.actor, hh,
                                      resident_data(number, **extra))
    return person


def _household(device, grid: str) -> str:
    hh, _ = register.add_household(device.store, device.actor, household_data(grid_id(grid)))
    return hh


@pytest.fixture
def world(server, device_factory) -> World:
    admin.create_user(server.db, "jdy2", PASSWORD, "supervisor", [grid_id("G02")])
    boss, boss_again, other_boss = (device_factory("jdy1"), device_factory("jdy1"),
                                    device_factory("jdy2"))
    for device in (boss, boss_again, other_boss):
        device.sync()
    hh1 = _household(boss, "G01")
    p1 = _person(boss, hh1, N1, name=NAME, phone=PHONE, restricted_tags=["community_correction"],
                 care_tags=["advanced_age"])
    p2 = _person(boss, hh1, N2, relation="spouse", restricted_tags=["mental_disorder"])
    p3 = _person(boss, _household(boss, "G02"), N3, name=NAME, phone=PHONE,
                 restricted_tags=["key_stability"])
    boss.sync()
    # The other supervisor, who does not see G01, registers N1 again: held aside.
    held = _person(other_boss, _household(other_boss, "G02"), N1,
                   restricted_tags=["drug_user"])
    assert other_boss.sync().pushed.applied == 2
    # Two laptops of one supervisor change the same tags offline: conflicts on them.
    boss_again.sync()
    register.edit_resident(boss.store, boss.actor, p1, {
        "restricted_tags": ["community_correction", "key_stability"], "notes": "甲"})
    register.edit_resident(boss.store, boss.actor, p2, {"restricted_tags": ["drug_user"]})
    register.edit_resident(boss_again.store, boss_again.actor, p1, {
        "restricted_tags": ["released_prisoner"], "notes": "乙"})
    register.edit_resident(boss_again.store, boss_again.actor, p2,
                           {"restricted_tags": ["mental_disorder", "released_prisoner"]})
    boss.sync()
    assert boss_again.sync().pushed.conflict == 2
    # One of them settled: a settlement note in the feed of every device of G01.
    tags = next(c for c in oversight.conflicts(boss.transport)
                if c.record_id == p1 and c.field == "restricted_tags")
    oversight.resolve(boss.transport, tags.record_rev, [Choice(tags.id, TAKE_DEVICE)])
    # Changes from the field, for the review list.
    worker, staff = device_factory("wgy1"), device_factory("sqgz1")
    for device, person, change in ((worker, p2, {"phone": "13900000002"}),
                                   (staff, p1, {"domicile": "北京市东城区"})):
        device.sync()
        register.edit_resident(device.store, device.actor, person, change)
        device.sync()
    with server.db.session() as s:
        assert s.get(HeldResident, held).data["restricted_tags"] == ["drug_user"]
        residents = list(s.scalars(select(Resident.id)))
    return World(p1, p2, p3, held, residents)


@dataclass
class Caller:
    """Raw HTTP as one account: status and the very bytes of each answer."""

    url: str
    token: str
    device_id: str

    def __call__(self, method: str, path: str, **kwargs: Any) -> tuple[int, bytes]:
        headers = {p.VERSION_HEADER: str(p.PROTOCOL_VERSION),
                   "Authorization": f"Bearer {self.token}"}
        answer = requests.request(method, f"{self.url}{p.API}{path}", headers=headers,
                                  timeout=60, **kwargs)
        return answer.status_code, answer.content


def _caller(server, username: str) -> Caller:
    transport = Transport(server.url, str(uuid.uuid4()))
    try:
        login(transport, username, PASSWORD)
    finally:
        transport.close()
    return Caller(server.url, transport.token or "", transport.device_id)


def _pull_all(call: Caller) -> list[tuple[int, bytes]]:
    pages, cursor, more = [], 0, True
    while more:
        status, body = call("GET", "/sync/pull", params={"cursor": cursor, "limit": 500})
        pages.append((status, body))
        page = json.loads(body)
        cursor, more = page["cursor"], page["more"]
    return pages


def _open_conflict(server, record_id: str, field: str) -> tuple[str, int]:
    with server.db.session() as s:
        row = s.scalars(select(Conflict).where(Conflict.record_id == record_id,
                                               Conflict.field == field,
                                               Conflict.resolved_at.is_(None))).one()
        return row.id, s.get(Resident, record_id).server_rev


def _every_answer(server, world: World, call: Caller) -> dict[str, tuple[int, bytes]]:
    """Every endpoint a device or a supervisor's page calls, as this account."""
    tags_id, rev = _open_conflict(server, world.p2, "restricted_tags")
    stale = {"change_id": str(uuid.uuid4()), "entity": "resident", "record_id": world.p1,
             "op": "update", "base_rev": rev,
             "payload": {"fields": {"notes": "丙"}, "base": {"notes": "很久以前"}}}
    answers = {
        "handshake": call("POST", "/handshake", json={"protocol": p.PROTOCOL_VERSION,
                                                      "device_id": call.device_id}),
        "me": call("GET", "/me"),
        "digest": call("GET", "/sync/digest"),
        "ids": call("GET", "/sync/ids", params={"entity": "resident"}),
        "records": call("POST", "/sync/records",
                        json={"entity": "resident", "ids": world.residents + [world.held]}),
        "push": call("POST", "/sync/push", json={"device_id": call.device_id,
                                                 "batch_id": str(uuid.uuid4()),
                                                 "changes": [stale]}),
        "conflicts": call("GET", "/conflicts"),
        "resolve": call("POST", "/conflicts/resolve", json={
            "record_rev": rev, "choices": [{"conflict_id": tags_id, "take": KEEP_SERVER}]}),
        "changes": call("GET", "/register/changes", params={"state": "all"}),
        "health": call("GET", "/devices/health"),
        "audit": call("GET", "/audit/broken"),
    }
    for kind in ("id_number", "name_birth", "name_phone"):
        answers[f"quality {kind}"] = call("GET", "/quality/duplicates", params={"kind": kind})
    for n, page in enumerate(_pull_all(call)):
        answers[f"pull page {n}"] = page
    return answers


def _found(body: bytes) -> list[str]:
    return [word for word in WORDS if word.encode() in body]


@pytest.mark.parametrize("username", ["wgy1", "sqgz1", "admin"])
def test_no_answer_to_a_worker_staff_or_admin_carries_a_restricted_tag(server, world,
                                                                       username) -> None:
    call = _caller(server, username)
    answers = _every_answer(server, world, call)
    assert {name: _found(body) for name, (_, body) in answers.items() if _found(body)} == {}
    # They were asked for real: the records and the feed came, the push was judged.
    assert all(answers[name][0] == 200 for name in ("records", "push", "pull page 0"))
    records = json.loads(answers["records"][1])["records"]
    assert {r["id"] for r in records} >= {world.p1, world.p2}
    assert all("restricted_tags" not in r for r in records)
    (receipt,) = json.loads(answers["push"][1])["receipts"]
    overseer = username == "admin"
    if overseer:  # an administrator does not edit the register
        assert receipt["status"] == p.REJECTED
    else:  # the server's copy comes back with the conflict, without the tags
        assert receipt["status"] == p.CONFLICT and receipt["server"]["name"] == NAME
        assert "restricted_tags" not in receipt["server"]
    feed = [c for _, body in _pull_all(call) for c in json.loads(body)["changes"]]
    notes = [c["data"] for c in feed if c["entity"] == p.SETTLEMENT]
    assert notes and all("restricted_tags" not in n["fields"] for n in notes)
    for name in ("conflicts", "changes", "quality id_number", "quality name_birth"):
        assert answers[name][0] == (200 if overseer else 403), name
    if overseer:  # the open conflict on the notes shows, the ones on the tags do not
        shown = {(c["record_id"], c["field"]) for c in json.loads(answers["conflicts"][1])}
        assert shown == {(world.p1, "notes")}
        assert answers["resolve"][0] == 404
    assert _open_conflict(server, world.p2, "restricted_tags")  # still open for a supervisor


def test_a_supervisor_gets_the_tags(server, world) -> None:
    answers = _every_answer(server, world, _caller(server, "jdy1"))
    for name in ("records", "conflicts", "changes", "pull page 0", "push"):
        assert _found(answers[name][1]), name
    records = {r["id"]: r for r in json.loads(answers["records"][1])["records"]}
    assert records[world.p1]["restricted_tags"] == ["released_prisoner"]
    shown = {(c["record_id"], c["field"]) for c in json.loads(answers["conflicts"][1])}
    assert (world.p2, "restricted_tags") in shown
    assert answers["resolve"][0] == 200  # and it is this role that settles them


def _tamper(device, record_id: str, change: dict[str, Any]) -> None:
    """What a modified client would send: the queued change with restricted tags added."""
    with device.store.write() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.record_id == record_id)).one()
        payload = dict(entry.payload)
        if entry.op == "update":
            payload = {"fields": {**payload["fields"], **change},
                       "base": {**payload["base"], **{k: None for k in change}}}
        else:
            payload |= change
        entry.payload = payload


@pytest.mark.parametrize("username", ["wgy1", "sqgz1"])
def test_tags_pushed_by_a_worker_or_staff_are_dropped(server, device_factory, world,
                                                      username) -> None:
    device = device_factory(username)
    device.sync()
    hh = _household(device, "G01")
    newcomer = _person(device, hh, make_id(seq="745"))
    register.edit_resident(device.store, device.actor, world.p1, {"notes": f"{username} 来过"})
    _tamper(device, newcomer, {"restricted_tags": ["drug_user"]})
    _tamper(device, world.p1, {"restricted_tags": []})
    report = device.sync()
    assert (report.pushed.applied, report.pushed.rejected, report.pushed.conflict) == (3, 0, 0)
    with server.db.session() as s:
        assert s.get(Resident, newcomer).restricted_tags is None
        kept = s.get(Resident, world.p1)
        assert (kept.notes, kept.restricted_tags) == (f"{username} 来过", ["released_prisoner"])
    with device.store.read() as s:  # and the device still holds none
        assert s.get(Resident, world.p1).restricted_tags is None
