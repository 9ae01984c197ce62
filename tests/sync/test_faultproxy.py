"""The fault proxy itself: each fault breaks the connection where it says it does.

A tiny recording backend stands in for the sync server, so the tests can tell a
request the server never saw (drop_request, 502/503, stall) from one it fully
handled (drop_reply) or only partly received (cut_body).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from faultproxy import FaultProxy


class Backend:
    """Records (method, path with query, body bytes received) for every request it read."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str, int]] = []
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
        self._server.daemon_threads = True
        self._server.backend = self  # type: ignore[attr-defined]
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def record(self, entry: tuple[str, str, int]) -> None:
        with self._changed:
            self.received.append(entry)
            self._changed.notify_all()

    def wait_for(self, count: int) -> list[tuple[str, str, int]]:
        """Wait (on a condition, not a sleep) until `count` requests were recorded."""
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.received) >= count, timeout=5)
            return list(self.received)


class _Recorder(BaseHTTPRequestHandler):
    timeout = 5  # a cut body normally ends in EOF; this only bounds a broken test

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            body = self.rfile.read(length)
        except OSError:  # timed out waiting for the rest of the body
            body = b""
        self.server.backend.record((self.command, self.path, len(body)))  # type: ignore[attr-defined]
        if len(body) < length:
            self.close_connection = True  # the peer is gone; there is nobody to answer
            return
        payload = json.dumps({"path": self.path, "received": len(body)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def backend() -> Iterator[Backend]:
    b = Backend()
    b._thread.start()
    yield b
    b._server.shutdown()
    b._server.server_close()


@pytest.fixture
def proxy(backend: Backend) -> Iterator[FaultProxy]:
    with FaultProxy(backend.url) as p:
        yield p


@pytest.fixture
def http() -> Iterator[requests.Session]:
    s = requests.Session()
    s.trust_env = False  # never route 127.0.0.1 through an HTTP_PROXY from the environment
    yield s
    s.close()


def test_forwards_transparently(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    r = http.get(f"{proxy.url}/hello?x=1", timeout=5)
    assert r.status_code == 200
    assert r.json() == {"path": "/hello?x=1", "received": 0}
    assert r.headers["Connection"] == "close"

    body = bytes(range(256)) * 400
    r = http.post(f"{proxy.url}/sync/push", data=body, timeout=5)
    assert r.json() == {"path": "/sync/push", "received": len(body)}

    for i in range(5):  # one Session, a fresh connection per request
        assert http.get(f"{proxy.url}/n/{i}", timeout=5).json()["path"] == f"/n/{i}"

    assert backend.received[:2] == [("GET", "/hello?x=1", 0), ("POST", "/sync/push", len(body))]
    assert len(backend.received) == 7
    assert proxy.log[:2] == [("GET", "/hello", None), ("POST", "/sync/push", None)]
    assert all(fault is None for _, _, fault in proxy.log)


def test_drop_request_never_reaches_the_server(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm("drop_request")
    with pytest.raises(requests.ConnectionError):
        http.post(f"{proxy.url}/sync/push", json={"a": 1}, timeout=5)
    assert backend.received == []

    assert http.get(f"{proxy.url}/after", timeout=5).status_code == 200
    assert backend.received == [("GET", "/after", 0)]
    assert proxy.hits("drop_request") == 1


def test_drop_reply_lets_the_server_finish(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm("drop_reply")
    with pytest.raises(requests.ConnectionError):
        http.post(f"{proxy.url}/sync/push", data=b"x" * 1000, timeout=5)
    # No waiting needed: the proxy read the whole response before hanging up.
    assert backend.received == [("POST", "/sync/push", 1000)]
    assert proxy.hits("drop_reply") == 1


def test_cut_body_delivers_half_the_body(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm("cut_body")
    with pytest.raises(requests.ConnectionError):
        http.post(f"{proxy.url}/sync/push", data=b"y" * 10_000, timeout=5)
    assert backend.wait_for(1) == [("POST", "/sync/push", 5_000)]
    assert proxy.hits("cut_body") == 1


def test_cut_body_without_a_body_drops_the_request(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm("cut_body")
    with pytest.raises(requests.ConnectionError):
        http.get(f"{proxy.url}/sync/pull", timeout=5)
    assert http.get(f"{proxy.url}/after", timeout=5).status_code == 200
    assert backend.received == [("GET", "/after", 0)]


@pytest.mark.parametrize("status", [502, 503])
def test_error_status_is_answered_by_the_proxy(
    status: int, proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm(str(status))
    r = http.post(f"{proxy.url}/sync/push", json={"a": 1}, timeout=5)
    assert r.status_code == status
    assert "injected" in r.text
    assert r.headers["Connection"] == "close"
    assert backend.received == []
    assert proxy.hits(str(status)) == 1


def test_stall_times_out_the_client_and_stop_ends_it_at_once(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm("stall", stall_seconds=5)
    with pytest.raises(requests.ReadTimeout):
        http.get(f"{proxy.url}/sync/pull", timeout=0.3)
    started = time.monotonic()
    proxy.stop()
    assert time.monotonic() - started < 1.0
    assert backend.received == []
    assert proxy.log == [("GET", "/sync/pull", "stall")]


def test_times_applies_to_exactly_that_many_requests(
    proxy: FaultProxy, http: requests.Session
) -> None:
    proxy.arm("503", times=2)
    statuses = [http.get(f"{proxy.url}/x", timeout=5).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    assert proxy.hits("503") == 2


def test_method_and_path_prefix_select_the_request(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    proxy.arm("drop_request", method="post", path_prefix="/sync/push")
    assert http.get(f"{proxy.url}/sync/push", timeout=5).status_code == 200
    assert http.post(f"{proxy.url}/sync/pull", data=b"p", timeout=5).status_code == 200
    with pytest.raises(requests.ConnectionError):
        http.post(f"{proxy.url}/sync/push?since=3", data=b"p", timeout=5)
    assert http.post(f"{proxy.url}/sync/push", data=b"p", timeout=5).status_code == 200

    assert proxy.log == [
        ("GET", "/sync/push", None),
        ("POST", "/sync/pull", None),
        ("POST", "/sync/push", "drop_request"),
        ("POST", "/sync/push", None),
    ]
    assert [path for _, path, _ in backend.received] == ["/sync/push", "/sync/pull", "/sync/push"]
    assert proxy.hits("drop_request") == 1
    assert proxy.hits("503") == 0


def test_disarm_removes_pending_faults(proxy: FaultProxy, http: requests.Session) -> None:
    proxy.arm("503", times=5)
    proxy.disarm()
    assert http.get(f"{proxy.url}/x", timeout=5).status_code == 200
    assert proxy.hits("503") == 0


def test_arm_rejects_unknown_faults(proxy: FaultProxy) -> None:
    with pytest.raises(ValueError):
        proxy.arm("explode")
    with pytest.raises(ValueError):
        proxy.arm("503", times=0)


def test_chunked_bodies_are_refused_with_501(
    proxy: FaultProxy, backend: Backend, http: requests.Session
) -> None:
    r = http.post(f"{proxy.url}/sync/push", data=iter([b"a", b"b"]), timeout=5)
    assert r.status_code == 501
    assert backend.received == []
    assert proxy.log == [("POST", "/sync/push", "501")]


def test_unreachable_target_looks_like_a_connection_error(http: requests.Session) -> None:
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with FaultProxy(f"http://127.0.0.1:{port}") as proxy:
        with pytest.raises(requests.ConnectionError):
            http.get(f"{proxy.url}/x", timeout=5)
