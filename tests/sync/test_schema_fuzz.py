"""The server's own API description, fuzzed: no request it describes may cause a 5xx.

Schemathesis reads /openapi.json from a live server (real HTTP, SQLite) and, for
every operation, sends requests built from the schema — valid ones and ones that
break it — as a logged-in admin (the widest scope, so the deepest code paths) with
the protocol header, and fails on any server error. Examples are derandomized, so a
run in CI is the same run as on a laptop.

The operations are driven with Hypothesis directly, one subtest each, rather than by
`schemathesis.pytest.from_fixture`, whose lazy loader does not run under pytest 9.2
(it sets `Node._nodeid`, which pytest renamed).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from synckit import PASSWORD, LiveServer, grid_id, seed
from testkit import household_data, jpeg_bytes, make_id, resident_data

from inspector import validation
from inspector.models import ENTITIES
from inspector.services.recording import wire_value
from sync import protocol as p
from sync.wire import columns

MAX_EXAMPLES = 25  # per operation, about half of them breaking the schema on purpose
# Each login attempt hashes a password with Argon2 (deliberately slow): fewer of those.
FEWER = {f"POST {p.API}/auth/login": 8}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    live = LiveServer(Path(tmp_path_factory.mktemp("fuzz")), "")
    seed(live.db)
    live.start()
    yield live
    live.stop()


# Logging out revokes the token it is sent with: that operation gets a login of its own,
# or every operation fuzzed after it would meet nothing but 401.
OWN_LOGIN = {f"POST {p.API}/auth/logout"}


def admin_headers(server: LiveServer, device_id: str) -> dict[str, str]:
    r = requests.post(f"{server.url}{p.API}/auth/login", timeout=30,
                      headers={p.VERSION_HEADER: str(p.PROTOCOL_VERSION)},
                      json={"username": "admin", "password": PASSWORD, "device_id": device_id})
    assert r.status_code == 200, r.text
    return {p.VERSION_HEADER: str(p.PROTOCOL_VERSION),
            "Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture(scope="module")
def headers(fuzzed: LiveServer) -> dict[str, str]:
    return admin_headers(fuzzed, "fuzz-device-0001")


def api_operations(app: Any) -> set[str]:
    """'METHOD /path' of every API operation the app serves."""
    try:  # FastAPI ≥ 0.13x keeps included routers as lazy branches
        from fastapi.routing import iter_route_contexts
        routes: Any = iter_route_contexts(app.routes)
    except ImportError:  # pragma: no cover
        routes = app.routes
    return {f"{method} {route.path}" for route in routes
            for method in (route.methods or ()) if route.path.startswith(p.API)}


def _fuzz(operation: schemathesis.APIOperation, headers: dict[str, str]) -> None:
    strategy = st.one_of(operation.as_strategy(GenerationMode.POSITIVE),
                         operation.as_strategy(GenerationMode.NEGATIVE))

    @settings(max_examples=FEWER.get(operation.label, MAX_EXAMPLES), deadline=None,
              derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=headers, checks=[not_a_server_error], timeout=30)

    run()


def test_no_operation_answers_with_a_server_error(fuzzed: LiveServer, headers: dict[str, str],
                                                  subtests: pytest.Subtests) -> None:
    schema = schemathesis.openapi.from_url(f"{fuzzed.url}/openapi.json")
    fuzzed_labels = set()
    for result in schema.get_all_operations():
        operation = result.ok()  # a definition schemathesis cannot read fails here
        fuzzed_labels.add(operation.label)
        with subtests.test(operation.label):
            _fuzz(operation, admin_headers(fuzzed, "fuzz-device-0003")
                  if operation.label in OWN_LOGIN else headers)
    # The schema is the map: an API operation missing from it would go unfuzzed.
    assert api_operations(fuzzed.app) <= fuzzed_labels


# --- the push payload, which the schema leaves open ----------------------------------------
#
# `payload` is any JSON object in the schema, so schemathesis alone rarely gets past
# "unknown entity". Here the entity, the op and the column names are real and the values
# are anything JSON can carry, mixed with values that point at real records, so the
# changes reach the merge, scope and database code.

PUSHER = "jdy1"  # a supervisor writes every entity but the area tree, in G01 and G02
JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(-2**70, 2**70)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=5)


@pytest.fixture(scope="module")
def pusher(fuzzed: LiveServer) -> dict[str, Any]:
    """The supervisor's headers, and records in G01 for changes to point at and update."""
    r = requests.post(f"{fuzzed.url}{p.API}/auth/login", timeout=30,
                      headers={p.VERSION_HEADER: "1"},
                      json={"username": PUSHER, "password": PASSWORD,
                            "device_id": "fuzz-device-0002"})
    assert r.status_code == 200, r.text
    sent = {p.VERSION_HEADER: "1", "Authorization": f"Bearer {r.json()['token']}"}
    household, resident = str(uuid.uuid4()), str(uuid.uuid4())
    g01 = grid_id("G01")
    hh = validation.clean_household(household_data(g01))
    rs = validation.clean_resident(resident_data(make_id(seq="321")))
    rs = {k: wire_value(v) for k, v in rs.items()} | {"grid_id": g01, "household_id": household}
    r = requests.post(f"{fuzzed.url}{p.API}/sync/push", headers=sent, timeout=30, json={
        "device_id": "fuzz-device-0002", "batch_id": str(uuid.uuid4()), "changes": [
            {"change_id": str(uuid.uuid4()), "entity": "household", "record_id": household,
             "op": "insert", "payload": hh},
            {"change_id": str(uuid.uuid4()), "entity": "resident", "record_id": resident,
             "op": "insert", "payload": rs}]})
    assert [x["status"] for x in r.json()["receipts"]] == ["applied", "applied"], r.text
    return {"headers": sent, "ids": [household, resident], "grids": [g01, grid_id("G03")]}


@st.composite
def changes(draw: st.DrawFn, known: list[str], grids: list[str]) -> dict[str, Any]:
    entity = draw(st.sampled_from(sorted(ENTITIES)))
    names = sorted(columns(ENTITIES[entity]))
    plausible = st.sampled_from([*known, *grids, entity, "household", "resident"])
    value = st.one_of(plausible, JSON_VALUES)
    fields = draw(st.dictionaries(st.sampled_from(names), value, max_size=len(names)))
    op = draw(st.sampled_from(["insert", "update", "delete", "append"]))
    if op == "update":
        payload: dict[str, Any] = {"fields": fields, "base": draw(
            st.dictionaries(st.sampled_from(names), value, max_size=4))}
    else:
        payload = fields
    record_id = draw(st.sampled_from(known) | st.uuids().map(str))
    return {"change_id": str(uuid.uuid4()), "entity": entity, "record_id": record_id,
            "op": op, "payload": payload}


def test_pushed_changes_never_cause_a_server_error(fuzzed: LiveServer,
                                                   pusher: dict[str, Any]) -> None:
    @settings(max_examples=100, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(batch=st.lists(changes(pusher["ids"], pusher["grids"]), min_size=1, max_size=4))
    def run(batch: list[dict[str, Any]]) -> None:
        r = requests.post(f"{fuzzed.url}{p.API}/sync/push", headers=pusher["headers"],
                          timeout=30, json={"device_id": "fuzz-device-0002",
                                            "batch_id": str(uuid.uuid4()), "changes": batch})
        assert r.status_code < 500, r.text
        if r.status_code == 200:
            assert len(r.json()["receipts"]) == len(batch)

    run()


# --- values the generators seldom draw ---------------------------------------------------
#
# Each of these once answered 500: times without a zone or with no UTC equivalent, and
# numbers beyond the database's integer columns.

NAIVE, NO_UTC = "2025-06-01T08:30:00", "0001-01-01T00:00:00+05:00"
EDGES = [
    ("health, a time without a zone", "POST", "/sync/health",
     {"json": {"device_id": "edge-1", "queue_depth": 1, "oldest_unsent_at": NAIVE}}, 204),
    ("health, a time with no UTC equivalent", "POST", "/sync/health",
     {"json": {"device_id": "edge-2", "queue_depth": 1,
               "last_success_at": "9999-12-31T23:59:59-05:00"}}, 422),
    ("health, a queue deeper than an INTEGER", "POST", "/sync/health",
     {"json": {"device_id": "edge-3", "queue_depth": 2**31}}, 422),
    ("pull, a cursor beyond a BIGINT", "GET", "/sync/pull", {"params": {"cursor": 2**63}}, 422),
    ("upload, taken_at without a zone", "PUT", "upload", {"taken_at": NAIVE}, 200),
    ("upload, taken_at with no UTC equivalent", "PUT", "upload", {"taken_at": NO_UTC}, 422),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), [e[1:] for e in EDGES],
                         ids=[e[0] for e in EDGES])
def test_edge_values_are_answered_not_crashed_on(fuzzed: LiveServer, headers: dict[str, str],
                                                 method: str, path: str,
                                                 kwargs: dict[str, Any], status: int) -> None:
    if path == "upload":
        data = jpeg_bytes((9, 99, 199), (33 + len(kwargs["taken_at"]), 21))
        sha = hashlib.sha256(data).hexdigest()
        r = requests.put(f"{fuzzed.url}{p.API}/photos/{sha}/upload", data=data, timeout=30,
                         headers=headers | {"Content-Type": "application/octet-stream"},
                         params={"device_id": "edge-dev", "offset": 0, "total": len(data),
                                 "taken_at": kwargs["taken_at"]})
    else:
        r = requests.request(method, f"{fuzzed.url}{p.API}{path}", headers=headers,
                             timeout=30, **kwargs)
    assert r.status_code == status, r.text


def test_malformed_changes_are_rejected_not_crashed_on(fuzzed: LiveServer,
                                                       pusher: dict[str, Any]) -> None:
    household, g01 = str(uuid.uuid4()), pusher["grids"][0]
    batch = [
        ("household", "insert", household_data(g01)),
        ("photo_link", "insert", {"photo_sha256": "0" * 64, "stage": "before"}),  # no parent
        ("visit_need", "insert", {"category": "x"}),  # no visit_id
        ("household", "insert", {"grid_id": [g01]}),  # a list for a grid
        ("household", "update", {"fields": {"door_no": 2**70},
                                 "base": {"door_no": household_data(g01)["door_no"]}}),
        ("building", "insert", {"grid_id": g01, "code": "B1", "name": "一号楼",
                                "address": "幸福路1号", "floors": 2**70}),
    ]
    sent = [{"change_id": str(uuid.uuid4()), "entity": entity, "op": op,
             "record_id": household if n in (0, 4) else str(uuid.uuid4()), "payload": payload}
            for n, (entity, op, payload) in enumerate(batch)]
    r = requests.post(f"{fuzzed.url}{p.API}/sync/push", headers=pusher["headers"], timeout=30,
                      json={"device_id": "fuzz-device-0002", "batch_id": str(uuid.uuid4()),
                            "changes": sent})
    assert r.status_code == 200, r.text
    receipts = r.json()["receipts"]
    assert [x["status"] for x in receipts] == ["applied"] + ["rejected"] * 5, receipts
    assert all(x["reason"] for x in receipts[1:])
