"""Who may do what on the sync server: every endpoint × who asks × their own grid or another.

One live server per database (module scope) holds records, photos, conflicts and
device reports in G01 (a grid every named account covers) and in G03 (a grid only
the admin covers). The matrix then calls each endpoint over real HTTP as each
principal — the four roles, nobody, and credentials that no longer count — and checks
the status and that answers carry nothing from outside the caller's grids.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import os
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from sqlalchemy import func, select
from synckit import (
    PASSWORD,
    LiveServer,
    area_geojson,
    grid_id,
    postgres_database,
    postgres_skip_reason,
    seed,
)
from testkit import household_data, jpeg_bytes, make_id, resident_data

from inspector import validation
from inspector.audit_chain import GAP, GENESIS, entry_hash
from inspector.catalogues import restricted_tags
from inspector.models import ENTITIES, GridStaff, Household, Resident, utcnow
from inspector.services.recording import wire_value
from sync import protocol as p
from sync.server import admin
from sync.server.models import (
    Conflict,
    DeviceAudit,
    DeviceAuditState,
    DeviceHealth,
    DeviceKey,
    Dismissal,
    FeedEntry,
    HeldResident,
    RecordIndex,
    RegisterChange,
    User,
)
from sync.server.quality import group_id
from sync.server.security import issue_token, revoke_token

_PG_SKIP = postgres_skip_reason()

API = p.API
OWN, OTHER = "own", "other"  # G01: every account's grid; G03: only the admin's
GRID_OF = {OWN: "G01", OTHER: "G03"}
USER_OF = {"worker": "wgy1", "staff": "sqgz1", "supervisor": "jdy1", "admin": "admin"}
ROLES = tuple(USER_OF)
# Grids each role's account reads (None: all), written out here rather than taken from
# the server's scope code, so the test checks that code instead of repeating it.
READS: dict[str, frozenset[str] | None] = {
    "worker": frozenset({grid_id("G01")}),
    "staff": frozenset({grid_id("G01")}),
    "supervisor": frozenset({grid_id("G01"), grid_id("G02")}),
    "admin": None,
}
# Principals whose requests must be refused with 401: nobody, a made-up token, an
# expired one, a revoked one, and the live token of an account disabled since.
DEAD = ("anonymous", "garbage", "expired", "revoked", "disabled")
# inspector/roles.py: restricted tags go to supervisors only (not even to admins).
SEES_RESTRICTED = {"worker": False, "staff": False, "supervisor": True, "admin": False}
TAGS = sorted(restricted_tags())
HOUSEHOLD_WRITERS = {"worker", "staff", "supervisor"}  # sync.protocol.WRITERS["household"]

_ids = itertools.count(100)
_colors = itertools.count(1)


def new_id() -> str:
    return str(uuid.uuid4())


def sees(role: str, grid: str) -> bool:
    return grid == OWN or role == "admin"


# --- building requests -------------------------------------------------------------------


def change(entity: str, record_id: str, payload: dict[str, Any], op: str = "insert") -> dict:
    return {"change_id": new_id(), "entity": entity, "record_id": record_id, "op": op,
            "payload": payload}


def update(entity: str, record_id: str, fields: dict[str, Any], base: dict[str, Any]) -> dict:
    return change(entity, record_id, {"fields": fields, "base": base}, op="update")


def household(code: str, **extra: Any) -> dict[str, Any]:
    return validation.clean_household(household_data(grid_id(code), **extra))


def resident(code: str, household_id: str, **extra: Any) -> dict[str, Any]:
    clean = validation.clean_resident(resident_data(make_id(seq=f"{next(_ids):03d}"), **extra))
    return {k: wire_value(v) for k, v in clean.items()} | {
        "grid_id": grid_id(code), "household_id": household_id}


def photo_link(sha: str, entity: str, record_id: str) -> dict[str, Any]:
    return {"photo_sha256": sha, "entity": entity, "record_id": record_id, "stage": "before",
            "caption": None}


def grid_staff(code: str, name: str) -> dict[str, Any]:
    return {"grid_id": grid_id(code), "name": name, "duty": "楼长", "username": None,
            "phone": None}


def fresh_jpeg() -> bytes:
    n = next(_colors)
    return jpeg_bytes((n % 250, (n * 7) % 250, (n * 13) % 250), (40 + n % 30, 30))


@dataclass
class World:
    server: LiveServer
    tokens: dict[str, str] = field(default_factory=dict)  # principal → bearer token
    devices: dict[str, str] = field(default_factory=dict)  # principal → device id
    ids: dict[str, str] = field(default_factory=dict)  # fixture name → record id
    photos: dict[str, bytes] = field(default_factory=dict)  # sha → bytes
    sha: dict[str, str] = field(default_factory=dict)  # fixture name → sha
    protocol: str | None = "1"  # the X-Grid-Protocol header sent (None: left out)

    def call(self, who: str, method: str, path: str, *,
             headers: dict[str, str] | None = None, **kwargs: Any) -> requests.Response:
        sent = dict(headers or {})
        if self.protocol is not None:
            sent[p.VERSION_HEADER] = self.protocol
        token = self.tokens.get(who)
        if token is not None:
            sent["Authorization"] = f"Bearer {token}"
        return requests.request(method, self.server.url + path, headers=sent, timeout=30,
                                **kwargs)

    def push(self, who: str, *changes: dict) -> list[dict[str, Any]]:
        r = self.call(who, "POST", f"{API}/sync/push", json={
            "device_id": self.devices[who], "batch_id": new_id(), "changes": list(changes)})
        assert r.status_code == 200, r.text
        receipts = r.json()["receipts"]
        assert [x["change_id"] for x in receipts] == [c["change_id"] for c in changes]
        return receipts

    def upload(self, who: str, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        r = self.call(who, "PUT", f"{API}/photos/{sha}/upload", data=data,
                      headers={"Content-Type": "application/octet-stream"},
                      params={"device_id": self.devices[who], "offset": 0, "total": len(data)})
        assert r.status_code == 200 and r.json()["complete"], r.text
        self.photos[sha] = data
        return sha

    def pull_all(self, who: str) -> list[dict[str, Any]]:
        r = self.call(who, "GET", f"{API}/sync/pull", params={"cursor": 0,
                                                                "limit": p.MAX_PULL_PAGE})
        assert r.status_code == 200, r.text
        assert r.json()["more"] is False  # the world is small: one page holds it
        return r.json()["changes"]

    def row(self, model: type, record_id: str) -> Any:
        with self.server.db.session() as s:
            obj = s.get(model, record_id)
            if obj is not None:
                s.expunge(obj)
            return obj

    def indexed(self, entity: str, record_id: str) -> RecordIndex | None:
        with self.server.db.session() as s:
            row = s.get(RecordIndex, (entity, record_id))
            if row is not None:
                s.expunge(row)
            return row

    def feed_head(self) -> int:
        with self.server.db.session() as s:
            return s.scalar(select(func.coalesce(func.max(FeedEntry.rev), 0)))


def hold(world: World, code: str, id_number: str) -> str:
    """A resident held aside in grid `code` for having `id_number`, as a push would leave it."""
    held = new_id()
    household_id = world.ids["H1" if code == "G01" else "H3"]
    with world.server.db.transaction() as s:
        s.add(HeldResident(record_id=held, id_number=id_number, grid_id=grid_id(code),
                           data=resident(code, household_id) | {"id": held,
                                                                "id_number": id_number},
                           device_id=new_id(), username="wgy1"))
    return held


def statuses(receipts: list[dict[str, Any]]) -> list[str]:
    return [r["status"] for r in receipts]


def login(server: LiveServer, username: str, device_id: str) -> requests.Response:
    return requests.post(f"{server.url}{API}/auth/login", timeout=30,
                         headers={p.VERSION_HEADER: "1"},
                         json={"username": username, "password": PASSWORD,
                               "device_id": device_id})


def build(world: World) -> None:
    """Records, photos, conflicts and device reports in G01 and G03, then dead credentials."""
    server = world.server
    for who, username in [*USER_OF.items(), ("disabled", "wgy9"), ("revoked", "wgy1")]:
        world.devices[who] = new_id()
        r = login(server, username, world.devices[who])
        assert r.status_code == 200, r.text
        world.tokens[who] = r.json()["token"]
    ids = world.ids
    for name in ("H1", "R1", "L1", "L13a", "HM2", "RR", "H3", "R3", "L3", "L13b", "GS3", "GSM",
                 "R1dup", "H4"):
        ids[name] = new_id()
    for name in ("P1", "P3", "P13"):
        world.sha[name] = world.upload("worker", fresh_jpeg())
    sha = world.sha

    # G01, through the API: a worker's household, resident and photos, and a household a
    # supervisor later moves out of G01 (to G02, then changes there).
    h1 = household("G01")
    assert statuses(world.push(
        "worker",
        change("household", ids["H1"], h1),
        change("resident", ids["R1"], resident("G01", ids["H1"])),
        change("photo_link", ids["L1"], photo_link(sha["P1"], "household", ids["H1"])),
        change("photo_link", ids["L13a"], photo_link(sha["P13"], "household", ids["H1"])),
        change("household", ids["HM2"], household("G01", door_no="9-9-902")),
    )) == ["applied"] * 5
    assert statuses(world.push(
        "supervisor",
        change("resident", ids["RR"], resident("G01", ids["H1"], name="李受限",
                                                restricted_tags=[TAGS[0]])),
        update("household", ids["HM2"], {"grid_id": grid_id("G02")},
               {"grid_id": grid_id("G01")}),
        update("household", ids["HM2"], {"phone": "13900000002"}, {"phone": h1["phone"]}),
    )) == ["applied"] * 3
    # A conflict in G01: the worker changes a field from a value the server no longer has.
    assert statuses(world.push("worker", update("household", ids["H1"], {"door_no": "1-1-101"},
                                                {"door_no": "0-0-000"}))) == ["conflict"]

    # G03: only the admin covers it. Households come by the admin's import (admins do not
    # write registers from a device); the grid staff list is the admin's to write, and
    # the admin moves one entry from G01 to G03.
    h3 = household("G03", door_no="3-3-303", phone="13900000003")
    admin.import_records(server.db, "household", [h3 | {"id": ids["H3"]}])
    admin.import_records(server.db, "resident",
                         [resident("G03", ids["H3"], name="王三") | {"id": ids["R3"]}])
    admin.import_records(server.db, "photo_link", [
        photo_link(sha["P3"], "household", ids["H3"]) | {"id": ids["L3"]},
        photo_link(sha["P13"], "household", ids["H3"]) | {"id": ids["L13b"]}])
    assert statuses(world.push(
        "admin",
        change("grid_staff", ids["GS3"], grid_staff("G03", "赵楼长")),
        update("grid_staff", ids["GS3"], {"name": "钱楼长"}, {"name": "孙楼长"}),
        change("grid_staff", ids["GSM"], grid_staff("G01", "冯楼长")),
        update("grid_staff", ids["GSM"], {"grid_id": grid_id("G03"), "phone": "13900000033"},
               {"grid_id": grid_id("G01"), "phone": None}),
    )) == ["applied", "conflict", "applied", "applied"]

    # A second registration of R1's ID number is held aside (a data-quality group in G01);
    # one of R3's in G03 too (written straight in: no field account covers G03). G04, a
    # grid nobody but the admin covers, holds a household for look-alikes outside G01-G03.
    r1 = world.row(Resident, ids["R1"])
    receipt, = world.push("worker", change("resident", ids["R1dup"], resident(
        "G01", ids["H1"]) | {"id_number": r1.id_number}))
    assert receipt["held"] is True, receipt
    hold(world, "G03", world.row(Resident, ids["R3"]).id_number)
    areas = area_geojson()
    areas["features"].append({"type": "Feature", "geometry": areas["features"][-1]["geometry"],
                              "properties": {"code": "G04", "name": "第4网格", "level": "grid",
                                             "parent_code": "C1"}})
    admin.import_areas(server.db, areas)
    admin.import_records(server.db, "household", [household("G04") | {"id": ids["H4"]}])

    for who in ("worker", "admin"):
        r = world.call(who, "POST", f"{API}/sync/health",
                       json={"device_id": world.devices[who], "queue_depth": 3})
        assert r.status_code == 204, r.text
    # Broken audit chains: a laptop of wgy1 (G01) and one of the admin (no grid).
    with server.db.transaction() as s:
        for name, username in (("AB1", "wgy1"), ("AB3", "admin")):
            ids[name] = new_id()
            s.add(DeviceAuditState(device_id=ids[name], username=username, last_seq=3,
                                   last_hash=GENESIS, broken_seq=2, broken_reason=GAP))

    # Credentials that no longer count.
    with server.db.transaction() as s:
        token, _ = issue_token(s, s.get(User, "wgy1"), new_id(), -1.0)
        world.tokens["expired"] = token
        revoke_token(s, world.tokens["revoked"])
    admin.disable_user(server.db, "wgy9")
    world.tokens["garbage"] = "not-a-token-" + uuid.uuid4().hex


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with ExitStack() as stack:
        url = ""
        if request.param == "postgresql":
            if _PG_SKIP:
                pytest.skip(_PG_SKIP)
            url = stack.enter_context(postgres_database())
        live = LiveServer(tmp_path_factory.mktemp("authz"), url)
        stack.callback(live.db.dispose)
        seed(live.db)
        admin.create_user(live.db, "wgy9", PASSWORD, "worker", [grid_id("G01")])
        live.start()
        stack.callback(live.stop)
        w = World(live)
        build(w)
        yield w


# --- the matrix --------------------------------------------------------------------------


@dataclass
class Sent:
    response: requests.Response
    effect: Callable[[], bool] | None = None  # did the call leave its mark on the server?
    expected: Any = None  # what the answer should hold, where the request decides it


Send = Callable[[World, str, str], Sent]
Check = Callable[[World, str, str, Sent], None]


@dataclass(frozen=True)
class Endpoint:
    send: Send
    access: str = "user"  # public | user | overseer
    ok: int = 200
    check: Check | None = None
    status: Callable[[str, str], int] | None = None  # (role, grid) → status, if not `ok`


def _get(path: str, **params: Any) -> Send:
    return lambda w, who, grid: Sent(w.call(who, "GET", path, params=params or None))


def _fixture_keys(grid: str) -> list[tuple[str, str]]:
    if grid == OWN:
        return [("household", "H1"), ("resident", "R1"), ("photo_link", "L1")]
    return [("household", "H3"), ("resident", "R3"), ("photo_link", "L3"),
            ("photo_link", "L13b"), ("grid_staff", "GS3")]


def _in_scope(role: str, grid: str | None) -> bool:
    allowed = READS[role]
    return grid is None or allowed is None or grid in allowed


def check_pull(w: World, role: str, grid: str, sent: Sent) -> None:
    body = sent.response.json()
    assert body["more"] is False
    for c in body["changes"]:
        data = c.get("data") or {}
        assert _in_scope(role, data.get("grid_id")), f"{c['entity']} {c['id']} leaked: {c}"
        if c["entity"] == "resident" and data:
            assert ("restricted_tags" in data) == SEES_RESTRICTED[role]
    seen = {(c["entity"], c["id"]) for c in body["changes"]}
    for entity, name in _fixture_keys(grid):
        assert ((entity, w.ids[name]) in seen) == sees(role, grid), (entity, name)


def scoped_index(w: World, role: str) -> dict[str, list[tuple[str, int]]]:
    """The live records `role` may read, straight from the server's index."""
    with w.server.db.session() as s:
        rows = s.execute(select(RecordIndex.entity, RecordIndex.record_id, RecordIndex.grid_id,
                                RecordIndex.rev, RecordIndex.deleted)).all()
    out: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for entity, record_id, grid, rev, deleted in rows:
        if not deleted and _in_scope(role, grid):
            out[entity].append((record_id, rev))
    return out


def check_digest(w: World, role: str, grid: str, sent: Sent) -> None:
    expected = scoped_index(w, role)
    got = sent.response.json()["entities"]
    assert set(got) == set(ENTITIES)
    for entity in ENTITIES:
        rows = expected.get(entity, [])
        assert got[entity] == {"count": len(rows), "digest": p.digest_of(rows)}, entity


def check_ids(w: World, role: str, grid: str, sent: Sent) -> None:
    got = {record_id for record_id, _ in sent.response.json()["ids"]}
    assert got == {record_id for record_id, _ in scoped_index(w, role)["household"]}
    assert (w.ids["H1" if grid == OWN else "H3"] in got) == sees(role, grid)


def send_records(w: World, who: str, grid: str) -> Sent:
    wanted = [w.ids["H1"], w.ids["R1"]] if grid == OWN else [w.ids["H3"], w.ids["R3"]]
    return Sent(w.call(who, "POST", f"{API}/sync/records",
                       json={"entity": "household", "ids": wanted[:1]}))


def check_records(w: World, role: str, grid: str, sent: Sent) -> None:
    got = [r["id"] for r in sent.response.json()["records"]]
    assert got == ([w.ids["H1" if grid == OWN else "H3"]] if sees(role, grid) else [])


def send_push(w: World, who: str, grid: str) -> Sent:
    record_id = new_id()
    r = w.call(who, "POST", f"{API}/sync/push", json={
        "device_id": w.devices.get(who) or new_id(), "batch_id": new_id(),
        "changes": [change("household", record_id, household(GRID_OF[grid]))]})
    return Sent(r, lambda: w.indexed("household", record_id) is not None
                or w.row(Household, record_id) is not None)


def check_push(w: World, role: str, grid: str, sent: Sent) -> None:
    (receipt,) = sent.response.json()["receipts"]
    applied = role in HOUSEHOLD_WRITERS and sees(role, grid)
    assert receipt["status"] == ("applied" if applied else "rejected"), receipt
    if not applied:
        assert receipt["reason"]
    assert sent.effect is not None and sent.effect() == applied


def send_health(w: World, who: str, grid: str) -> Sent:
    device_id = new_id()
    r = w.call(who, "POST", f"{API}/sync/health", json={"device_id": device_id,
                                                        "queue_depth": 1})
    return Sent(r, lambda: w.row(DeviceHealth, device_id) is not None)


def check_effect(w: World, role: str, grid: str, sent: Sent) -> None:
    assert sent.effect is not None and sent.effect()


def send_missing(w: World, who: str, grid: str) -> Sent:
    unknown = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
    sha = w.sha["P1" if grid == OWN else "P3"]
    r = w.call(who, "POST", f"{API}/photos/missing", json={"hashes": [sha, unknown]})
    return Sent(r, expected={"missing": [unknown]})


def check_missing(w: World, role: str, grid: str, sent: Sent) -> None:
    assert sent.response.json() == sent.expected


def send_upload_status(w: World, who: str, grid: str) -> Sent:
    sha = w.sha["P1" if grid == OWN else "P3"]
    return Sent(w.call(who, "GET", f"{API}/photos/{sha}/upload",
                       params={"device_id": new_id()}))


def send_upload(w: World, who: str, grid: str) -> Sent:
    data = fresh_jpeg()
    sha = hashlib.sha256(data).hexdigest()
    r = w.call(who, "PUT", f"{API}/photos/{sha}/upload", data=data,
               headers={"Content-Type": "application/octet-stream"},
               params={"device_id": new_id(), "offset": 0, "total": len(data)})
    return Sent(r, lambda: w.server.app.state.photos.has(sha))


def check_upload(w: World, role: str, grid: str, sent: Sent) -> None:
    assert sent.response.json()["complete"] is True
    assert sent.effect is not None and sent.effect()


def send_download(w: World, who: str, grid: str) -> Sent:
    return Sent(w.call(who, "GET", f"{API}/photos/{w.sha['P1' if grid == OWN else 'P3']}"))


def check_download(w: World, role: str, grid: str, sent: Sent) -> None:
    if sees(role, grid):
        assert sent.response.content == w.photos[w.sha["P1" if grid == OWN else "P3"]]


def check_devices(w: World, role: str, grid: str, sent: Sent) -> None:
    rows = sent.response.json()
    devices = {r["device_id"] for r in rows}
    if grid == OWN:
        assert w.devices["worker"] in devices
    else:
        assert (w.devices["admin"] in devices) == (role == "admin")
    allowed = READS[role]
    if allowed is not None:
        with w.server.db.session() as s:
            grids = {u.username: set(u.grid_ids or ()) for u in s.scalars(select(User))}
        for r in rows:
            assert grids[r["username"]] & allowed, r


def check_conflicts(w: World, role: str, grid: str, sent: Sent) -> None:
    rows = sent.response.json()
    for r in rows:
        assert _in_scope(role, r["grid_id"]), r
    records = {r["record_id"] for r in rows}
    if grid == OWN:
        assert w.ids["H1"] in records
    else:
        assert (w.ids["GS3"] in records) == (role == "admin")


def check_me(w: World, role: str, grid: str, sent: Sent) -> None:
    body = sent.response.json()
    assert (body["username"], body["role"]) == (USER_OF[role], role)


def send_login(w: World, who: str, grid: str) -> Sent:
    return Sent(w.call(who, "POST", f"{API}/auth/login", json={
        "username": "wgy2", "password": PASSWORD, "device_id": new_id()}))


def send_logout(w: World, who: str, grid: str) -> Sent:
    """A fresh login of the role's account logs out, so the world's tokens stay live."""
    if who not in USER_OF:
        return Sent(w.call(who, "POST", f"{API}/auth/logout"))
    fresh = f"{who}-fresh-{new_id()}"
    w.tokens[fresh] = login(w.server, USER_OF[who], new_id()).json()["token"]
    r = w.call(fresh, "POST", f"{API}/auth/logout")
    return Sent(r, lambda: w.call(fresh, "GET", f"{API}/me").status_code == 401)


def send_password(w: World, who: str, grid: str) -> Sent:
    """A change that would revoke the world's tokens is not made: a new password equal to
    the old one gets as far as the checks (422) for a live login, and 401 for a dead one."""
    return Sent(w.call(who, "POST", f"{API}/auth/password",
                       json={"old_password": PASSWORD, "new_password": PASSWORD}))


def send_deposit(w: World, who: str, grid: str) -> Sent:
    device = w.devices.get(who)
    key = base64.b64encode(os.urandom(32)).decode()
    r = w.call(who, "PUT", f"{API}/device/key", json={"key": key})
    return Sent(r, lambda: device is not None and w.row(DeviceKey, device) is not None)


def send_recover(w: World, who: str, grid: str) -> Sent:
    """The caller's device deposits a key, then asks for it back."""
    key = base64.b64encode(os.urandom(32)).decode()
    w.call(who, "PUT", f"{API}/device/key", json={"key": key})
    device = w.devices.get(who)
    return Sent(w.call(who, "GET", f"{API}/device/key"),
                lambda: device is not None and w.row(DeviceKey, device) is not None
                and w.row(DeviceKey, device).recovered_at is not None, expected=key)


def check_recover(w: World, role: str, grid: str, sent: Sent) -> None:
    assert sent.response.json()["key"] == sent.expected
    assert w.row(DeviceKey, w.devices[role]).username == USER_OF[role]


def send_audit(w: World, who: str, grid: str) -> Sent:
    """The caller's device goes on with its audit chain by one entry."""
    device = w.devices.get(who)
    state = w.row(DeviceAuditState, device) if device else None
    seq, prev = (state.last_seq + 1, state.last_hash) if state else (1, GENESIS)
    entry = {"seq": seq, "at": utcnow().isoformat(), "actor": USER_OF.get(who, who),
             "device_id": device or new_id(), "action": "reveal", "entity": "resident",
             "record_id": new_id(), "fields": ["id_number"]}
    entry |= {"prev_hash": prev, "hash": entry_hash(prev, entry)}
    r = w.call(who, "POST", f"{API}/sync/audit", json={"entries": [entry]})
    return Sent(r, lambda: device is not None and w.row(DeviceAudit, (device, seq)) is not None)


def check_audit(w: World, role: str, grid: str, sent: Sent) -> None:
    assert sent.effect is not None and sent.effect()
    assert sent.response.json()["broken_seq"] is None  # its own chain, well continued


def check_broken_chains(w: World, role: str, grid: str, sent: Sent) -> None:
    rows = sent.response.json()
    devices = {r["device_id"] for r in rows}
    if grid == OWN:
        assert w.ids["AB1"] in devices
    else:
        assert (w.ids["AB3"] in devices) == (role == "admin")
    allowed = READS[role]
    if allowed is not None:
        with w.server.db.session() as s:
            grids = {u.username: set(u.grid_ids or ()) for u in s.scalars(select(User))}
        for r in rows:
            assert grids[r["username"]] & allowed, r


def send_handshake(w: World, who: str, grid: str) -> Sent:
    return Sent(w.call(who, "POST", f"{API}/handshake",
                       json={"protocol": 1, "device_id": new_id()}))


def _found_if_seen(role: str, grid: str) -> int:
    return 200 if sees(role, grid) else 404


def _grid_record(w: World, grid: str) -> str:
    return w.ids["H1" if grid == OWN else "H3"]


def check_changes(w: World, role: str, grid: str, sent: Sent) -> None:
    rows = sent.response.json()["changes"]
    for r in rows:
        assert _in_scope(role, r["grid_id"]), r
        if r["entity"] == "resident" and r["record"]:
            assert ("restricted_tags" in r["record"]) == SEES_RESTRICTED[role]
    logged = {r["record_id"] for r in rows}
    if grid == OWN:
        assert {w.ids["H1"], w.ids["R1"]} <= logged
    else:
        assert (w.ids["H3"] in logged) == (role == "admin")


def _logged_change(w: World, grid: str) -> str:
    """A fresh entry of the review log, as a worker's push of a household edit leaves it."""
    with w.server.db.transaction() as s:
        row = RegisterChange(username="wgy1", device_id=new_id(), entity="household",
                             record_id=_grid_record(w, grid), op="update",
                             grid_id=grid_id(GRID_OF[grid]), fields=["notes"])
        s.add(row)
    return row.id


def _change_state(w: World, change_id: str) -> str:
    return w.row(RegisterChange, change_id).state


def send_review(w: World, who: str, grid: str) -> Sent:
    change_id = _logged_change(w, grid)
    r = w.call(who, "POST", f"{API}/register/changes/review", json={"ids": [change_id]})
    return Sent(r, lambda: _change_state(w, change_id) != "new")


def send_return(w: World, who: str, grid: str) -> Sent:
    change_id = _logged_change(w, grid)
    r = w.call(who, "POST", f"{API}/register/changes/{change_id}/return",
               json={"note": "请入户核实"})
    return Sent(r, lambda: _change_state(w, change_id) != "new")


def send_resolve(w: World, who: str, grid: str) -> Sent:
    record_id = _grid_record(w, grid)
    with w.server.db.transaction() as s:
        h = s.get(Household, record_id)
        clash = Conflict(entity="household", record_id=record_id, grid_id=h.grid_id,
                         field="notes", base_value=None, device_value="设备上的备注",
                         server_value=h.notes, device_id=new_id(), username="wgy1")
        s.add(clash)
        s.flush()
        conflict_id, rev = clash.id, h.server_rev
    r = w.call(who, "POST", f"{API}/conflicts/resolve", json={
        "record_rev": rev, "choices": [{"conflict_id": conflict_id, "take": "server"}]})
    return Sent(r, lambda: w.row(Conflict, conflict_id).resolved_at is not None)


def check_duplicates(w: World, role: str, grid: str, sent: Sent) -> None:
    groups = sent.response.json()["groups"]
    for g in groups:
        assert any(m["visible"] for m in g["members"]), g["group_id"]
        for m in g["members"]:
            assert m["visible"] == _in_scope(role, m["grid_id"])
            if not m["visible"]:
                assert [m[k] for k in ("name", "id_number", "birth_date", "phone", "address",
                                       "household_id", "registered_by")] == [None] * 7
    members = {m["record_id"] for g in groups for m in g["members"]}
    if grid == OWN:
        assert {w.ids["R1"], w.ids["R1dup"]} <= members
    else:
        assert (w.ids["R3"] in members) == (role == "admin")


def send_keep(w: World, who: str, grid: str) -> Sent:
    live = new_id()
    person = resident(GRID_OF[grid], _grid_record(w, grid)) | {"id": live}
    admin.import_records(w.server.db, "resident", [person])
    held = hold(w, GRID_OF[grid], person["id_number"])
    r = w.call(who, "POST", f"{API}/quality/duplicates/keep", json={
        "kind": "id_number", "record_ids": [live, held], "keep": live})
    return Sent(r, lambda: w.row(HeldResident, held) is None)


def send_dismiss(w: World, who: str, grid: str) -> Sent:
    """Look-alikes in two grids: G01 and G02 (a supervisor's), or G03 and G04 (nobody's)."""
    name = f"张{next(_ids)}"
    homes = ([("G01", "H1"), ("G02", "HM2")] if grid == OWN else [("G03", "H3"), ("G04", "H4")])
    people = [resident(code, w.ids[home], name=name) | {"id": new_id()} for code, home in homes]
    admin.import_records(w.server.db, "resident", people)
    ids = [p["id"] for p in people]
    r = w.call(who, "POST", f"{API}/quality/duplicates/dismiss",
               json={"kind": "name_birth", "record_ids": ids})
    return Sent(r, lambda: w.row(Dismissal, group_id("name_birth", ids)) is not None)


MATRIX: dict[tuple[str, str], Endpoint] = {
    ("POST", f"{API}/handshake"): Endpoint(send_handshake, "public"),
    ("POST", f"{API}/auth/login"): Endpoint(send_login, "public"),
    ("POST", f"{API}/auth/logout"): Endpoint(send_logout, ok=204, check=check_effect),
    ("POST", f"{API}/auth/password"): Endpoint(send_password, ok=422),
    ("PUT", f"{API}/device/key"): Endpoint(send_deposit, ok=204, check=check_effect),
    ("GET", f"{API}/device/key"): Endpoint(send_recover, check=check_recover),
    ("GET", f"{API}/me"): Endpoint(_get(f"{API}/me"), check=check_me),
    ("POST", f"{API}/sync/push"): Endpoint(send_push, check=check_push),
    ("GET", f"{API}/sync/pull"): Endpoint(_get(f"{API}/sync/pull", limit=p.MAX_PULL_PAGE),
                                          check=check_pull),
    ("GET", f"{API}/sync/digest"): Endpoint(_get(f"{API}/sync/digest"), check=check_digest),
    ("GET", f"{API}/sync/ids"): Endpoint(_get(f"{API}/sync/ids", entity="household"),
                                         check=check_ids),
    ("POST", f"{API}/sync/records"): Endpoint(send_records, check=check_records),
    ("POST", f"{API}/sync/health"): Endpoint(send_health, ok=204, check=check_effect),
    ("POST", f"{API}/sync/audit"): Endpoint(send_audit, check=check_audit),
    ("POST", f"{API}/photos/missing"): Endpoint(send_missing, check=check_missing),
    ("GET", f"{API}/photos/{{sha}}/upload"): Endpoint(send_upload_status),
    ("PUT", f"{API}/photos/{{sha}}/upload"): Endpoint(send_upload, check=check_upload),
    ("GET", f"{API}/photos/{{sha}}"): Endpoint(send_download, check=check_download,
                                                status=_found_if_seen),
    ("GET", f"{API}/devices/health"): Endpoint(_get(f"{API}/devices/health"), "overseer",
                                               check=check_devices),
    ("GET", f"{API}/audit/broken"): Endpoint(_get(f"{API}/audit/broken"), "overseer",
                                             check=check_broken_chains),
    ("GET", f"{API}/conflicts"): Endpoint(_get(f"{API}/conflicts"), "overseer",
                                          check=check_conflicts),
    ("POST", f"{API}/conflicts/resolve"): Endpoint(send_resolve, "overseer", check=check_effect,
                                                   status=_found_if_seen),
    ("GET", f"{API}/register/changes"): Endpoint(
        _get(f"{API}/register/changes", state="all", limit=200), "overseer",
        check=check_changes),
    ("POST", f"{API}/register/changes/review"): Endpoint(
        send_review, "overseer", check=check_effect, status=_found_if_seen),
    ("POST", f"{API}/register/changes/{{change_id}}/return"): Endpoint(
        send_return, "overseer", check=check_effect, status=_found_if_seen),
    ("GET", f"{API}/quality/duplicates"): Endpoint(
        _get(f"{API}/quality/duplicates", kind="id_number", limit=200), "overseer",
        check=check_duplicates),
    ("POST", f"{API}/quality/duplicates/keep"): Endpoint(
        send_keep, "overseer", check=check_effect, status=_found_if_seen),
    ("POST", f"{API}/quality/duplicates/dismiss"): Endpoint(
        send_dismiss, "overseer", check=check_effect, status=_found_if_seen),
    ("GET", "/health"): Endpoint(_get("/health"), "public"),
    ("GET", "/health/ready"): Endpoint(_get("/health/ready"), "public"),
    # Served to loopback (as here) or by address and token; that rule is tested in
    # test_ops_metrics.py. It holds counts only, no data.
    ("GET", "/metrics"): Endpoint(_get("/metrics"), "public"),
    # FastAPI's API description and its viewers: public by FastAPI's default. They hold
    # the shape of the API only, no data.
    ("GET", "/openapi.json"): Endpoint(_get("/openapi.json"), "public"),
    ("GET", "/docs"): Endpoint(_get("/docs"), "public"),
    ("GET", "/docs/oauth2-redirect"): Endpoint(_get("/docs/oauth2-redirect"), "public"),
    ("GET", "/redoc"): Endpoint(_get("/redoc"), "public"),
}
ENDPOINTS = sorted(MATRIX)


def _label(key: tuple[str, str]) -> str:
    return f"{key[0]} {key[1]}"


def app_endpoints(app: Any) -> set[tuple[str, str]]:
    """Every (method, path) the app answers; HEAD rides along with GET."""
    try:  # FastAPI ≥ 0.13x keeps included routers as lazy branches
        from fastapi.routing import iter_route_contexts
        routes: Any = iter_route_contexts(app.routes)
    except ImportError:  # pragma: no cover - older FastAPI flattens them itself
        routes = app.routes
    found = set()
    for route in routes:
        assert route.path, f"a route without a path: {route!r}"
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path))
    return found


def test_matrix_covers_every_endpoint(world: World) -> None:
    """A new endpoint fails here until someone decides, in MATRIX, who may call it."""
    served = app_endpoints(world.server.app)
    assert served == set(MATRIX), {"not in the matrix": sorted(served - set(MATRIX)),
                                   "no longer served": sorted(set(MATRIX) - served)}


@pytest.mark.parametrize("grid", (OWN, OTHER))
@pytest.mark.parametrize("principal", DEAD)
@pytest.mark.parametrize("key", ENDPOINTS, ids=_label)
def test_without_live_credentials(world: World, key: tuple[str, str], principal: str,
                                  grid: str) -> None:
    endpoint = MATRIX[key]
    sent = endpoint.send(world, principal, grid)
    r = sent.response
    if endpoint.access == "public":
        assert r.status_code == endpoint.ok, r.text
        return
    assert r.status_code == 401, r.text
    code = r.json()["detail"]["code"]
    assert code == ("auth_required" if principal == "anonymous" else "auth_expired")
    if sent.effect is not None:
        assert not sent.effect(), "a refused request left a mark on the server"


@pytest.mark.parametrize("grid", (OWN, OTHER))
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", ENDPOINTS, ids=_label)
def test_role_and_grid(world: World, key: tuple[str, str], role: str, grid: str) -> None:
    endpoint = MATRIX[key]
    sent = endpoint.send(world, role, grid)
    if endpoint.access == "overseer" and role not in ("supervisor", "admin"):
        expected = 403
    elif endpoint.status is not None:
        expected = endpoint.status(role, grid)
    else:
        expected = endpoint.ok
    assert sent.response.status_code == expected, sent.response.text
    if expected == 403:
        assert sent.response.json()["detail"]["code"] == "forbidden"
    elif endpoint.check is not None and expected < 300:
        endpoint.check(world, role, grid, sent)


@pytest.mark.parametrize("key", [k for k in ENDPOINTS if k[1].startswith(API)], ids=_label)
def test_api_requires_a_protocol_version(world: World, key: tuple[str, str]) -> None:
    for protocol in (None, "2", "x"):
        world.protocol = protocol
        try:
            r = MATRIX[key].send(world, "admin", OWN).response
        finally:
            world.protocol = "1"
        assert r.status_code == 426, (protocol, r.text)
        assert r.json()["detail"]["code"] == "incompatible"


def test_disabled_account_cannot_log_in_again(world: World) -> None:
    r = login(world.server, "wgy9", new_id())
    assert r.status_code == 401
    assert r.json()["detail"]["code"] == "bad_credentials"


@pytest.mark.parametrize("role", ROLES)
def test_a_photo_linked_in_two_grids_is_seen_from_either(world: World, role: str) -> None:
    r = world.call(role, "GET", f"{API}/photos/{world.sha['P13']}")
    assert r.status_code == 200, r.text
    assert r.content == world.photos[world.sha["P13"]]


# --- scope of writes ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ("worker", "staff", "supervisor"))
def test_writes_into_another_grid_are_rejected_and_leave_nothing(world: World,
                                                                  role: str) -> None:
    ids, sha = world.ids, world.sha
    own = new_id()
    assert statuses(world.push(role, change("household", own, household("G01")))) == [
        "applied"]
    h3_before = world.row(Household, ids["H3"])
    head = world.feed_head()
    attempts = [
        change("household", new_id(), household("G03")),
        change("resident", new_id(), resident("G03", ids["H3"])),
        update("household", ids["H3"], {"door_no": "6-6-606"},
               {"door_no": h3_before.door_no}),
        update("household", own, {"grid_id": grid_id("G03")}, {"grid_id": grid_id("G01")}),
        change("household", ids["H3"], {}, op="delete"),
        change("photo_link", new_id(), photo_link(sha["P1"], "household", ids["H3"])),
        change("grid_staff", new_id(), grid_staff("G03", "周楼长")),
    ]
    receipts = world.push(role, *attempts)
    assert statuses(receipts) == ["rejected"] * len(attempts), receipts
    assert all(r["reason"] for r in receipts)
    assert world.feed_head() == head, "a rejected change reached the feed"
    for c in attempts:
        if c["op"] == "insert":
            assert world.indexed(c["entity"], c["record_id"]) is None
    h3_after = world.row(Household, ids["H3"])
    assert (h3_after.door_no, h3_after.version) == (h3_before.door_no, h3_before.version)
    assert world.row(Household, own).grid_id == grid_id("G01")


FORBIDDEN = sorted((entity, role) for entity, writers in p.WRITERS.items()
                   for role in ROLES if role not in writers)


def test_the_writers_table_is_enforced(world: World) -> None:
    assert ("area", "worker") in FORBIDDEN and ("household", "admin") in FORBIDDEN
    assert p.WRITERS["household"] == HOUSEHOLD_WRITERS  # as the push matrix expects
    head = world.feed_head()
    for role in ROLES:
        attempts = [change(entity, new_id(), {}) for entity, r in FORBIDDEN if r == role]
        if not attempts:
            continue
        receipts = world.push(role, *attempts)
        assert statuses(receipts) == ["rejected"] * len(attempts), (role, receipts)
        assert all("角色" in r["reason"] for r in receipts), receipts
        for c in attempts:
            assert world.indexed(c["entity"], c["record_id"]) is None
    assert world.feed_head() == head
    # …and those the table names may write: an admin the area tree, a supervisor the
    # grid staff of their own grid.
    area = new_id()
    boundary = {"type": "Polygon", "coordinates": [[[116.5, 39.9], [116.6, 39.9],
                                                    [116.6, 40.0], [116.5, 39.9]]]}
    assert statuses(world.push("admin", change("area", area, {
        "code": f"G9{uuid.uuid4().hex[:6]}", "name": "新网格", "level": "grid",
        "parent_id": admin.area_id("C1"), "head_name": None, "boundary": boundary}))) == [
        "applied"]
    staff = new_id()
    assert statuses(world.push("supervisor", change("grid_staff", staff,
                                                    grid_staff("G01", "吴楼长")))) == ["applied"]
    assert world.row(GridStaff, staff) is not None
    assert world.indexed("area", area).grid_id is None  # the tree goes to every device


# --- restricted fields -------------------------------------------------------------------


def _resident_copies(world: World, who: str, record_id: str) -> list[dict[str, Any]]:
    pulled = [c["data"] for c in world.pull_all(who)
              if c["entity"] == "resident" and c["id"] == record_id and c.get("data")]
    r = world.call(who, "POST", f"{API}/sync/records",
                   json={"entity": "resident", "ids": [record_id]})
    assert r.status_code == 200, r.text
    fetched = r.json()["records"]
    assert pulled and len(fetched) == 1, "the resident is in the caller's grid"
    return pulled + fetched


@pytest.mark.parametrize("role", ROLES)
def test_restricted_tags_reach_only_roles_that_see_them(world: World, role: str) -> None:
    record_id = world.ids["RR"]
    assert world.row(Resident, record_id).restricted_tags == [TAGS[0]]
    for data in _resident_copies(world, role, record_id):
        if SEES_RESTRICTED[role]:
            assert data["restricted_tags"] == [TAGS[0]]
        else:
            assert "restricted_tags" not in data, data


@pytest.mark.parametrize("role", ("worker", "staff"))
def test_field_roles_can_neither_set_nor_clear_restricted_tags(world: World,
                                                               role: str) -> None:
    h1 = world.ids["H1"]
    mine, guarded = new_id(), new_id()
    assert statuses(world.push("supervisor", change("resident", guarded, resident(
        "G01", h1, name="周受限", restricted_tags=[TAGS[1]])))) == ["applied"]
    receipts = world.push(
        role,
        change("resident", mine, resident("G01", h1, name="吴自设", restricted_tags=[TAGS[0]])),
        update("resident", guarded, {"restricted_tags": None, "notes": "已走访"},
               {"restricted_tags": [TAGS[1]], "notes": None}),
        update("resident", guarded, {"notes": "再次走访"}, {"notes": "不是服务器上的值"}),
    )
    assert statuses(receipts) == ["applied", "applied", "conflict"], receipts
    assert world.row(Resident, mine).restricted_tags is None
    kept = world.row(Resident, guarded)
    assert (kept.restricted_tags, kept.notes) == ([TAGS[1]], "已走访")
    assert receipts[2]["server"]["notes"] == "已走访"
    assert "restricted_tags" not in receipts[2]["server"]


def test_conflicts_do_not_show_restricted_values_to_roles_that_may_not_see_them(
        world: World) -> None:
    record_id = new_id()
    server_tag, device_tag, base_tag = TAGS[2], TAGS[3], TAGS[4]
    assert statuses(world.push("supervisor", change("resident", record_id, resident(
        "G01", world.ids["H1"], name="郑受限", restricted_tags=[server_tag])))) == ["applied"]
    assert statuses(world.push("supervisor", update(
        "resident", record_id, {"restricted_tags": [device_tag]},
        {"restricted_tags": [base_tag]}))) == ["conflict"]

    r = world.call("supervisor", "GET", f"{API}/conflicts")
    (clash,) = [c for c in r.json() if c["record_id"] == record_id]
    assert (clash["field"], clash["server_value"], clash["device_value"]) == (
        "restricted_tags", [server_tag], [device_tag])
    for role in ROLES:
        if SEES_RESTRICTED[role]:
            continue
        r = world.call(role, "GET", f"{API}/conflicts")
        if r.status_code == 403:
            continue
        assert r.status_code == 200
        for tag in (server_tag, device_tag, base_tag):
            assert tag not in r.text, f"{role} was shown restricted tag {tag} in a conflict"
