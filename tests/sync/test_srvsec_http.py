"""The server's HTTP hardening and the client's transport rules, over real sockets.

- Bodies over the size limit are refused (413) whether they declare a length or are
  sent chunked; photo chunks under it still upload.
- Answers carry CSP, Referrer-Policy and, for https, Strict-Transport-Security.
- The client sends nothing over plain http to another machine (unless a lab allows it)
  and reads its CA bundle from GRID_INSPECTOR_CA_BUNDLE.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from synckit import PASSWORD, LiveServer, seed
from testkit import jpeg_bytes

from sync import protocol as p
from sync.client import Transport, login
from sync.client.transport import ALLOW_HTTP_ENV, CA_BUNDLE_ENV, connection_problem
from sync.errors import Insecure

LIMIT = 64 * 1024


@pytest.fixture
def small(tmp_path: Path, database_url: str) -> Iterator[LiveServer]:
    """A server taking request bodies of at most 64 KiB."""
    live = LiveServer(tmp_path / "small", database_url, max_request_bytes=LIMIT)
    seed(live.db)
    live.start()
    yield live
    live.stop()


def auth(server: LiveServer, device_id: str = "dev-http") -> dict[str, str]:
    t = Transport(server.url, device_id)
    login(t, "wgy1", PASSWORD)
    t.close()
    return {p.VERSION_HEADER: "1", "Authorization": f"Bearer {t.token}"}


def pieces(data: bytes, size: int = 8192) -> Iterator[bytes]:
    """A generator body: requests sends it chunked, with no Content-Length."""
    for start in range(0, len(data), size):
        yield data[start:start + size]


def push_body(padding: int) -> bytes:
    """An empty push whose JSON is `padding` spaces longer."""
    body = json.dumps({"device_id": "dev-http", "batch_id": "b-1", "changes": []})
    return body[:-1].encode() + b" " * padding + b"}"


def test_a_chunked_body_over_the_limit_is_refused(small: LiveServer) -> None:
    headers = auth(small) | {"Content-Type": "application/json"}
    url = f"{small.url}{p.API}/sync/push"
    under = requests.post(url, data=pieces(push_body(LIMIT // 2)), headers=headers, timeout=30)
    assert under.status_code == 200, under.text  # chunked bodies are fine in themselves
    assert "content-length" not in under.request.headers

    over = requests.post(url, data=pieces(push_body(LIMIT * 3)), headers=headers, timeout=30)
    assert over.status_code == 413
    assert over.json()["detail"]["code"] == "too_large"
    assert over.headers["Content-Security-Policy"]  # the envelope still wraps it

    declared = requests.post(url, data=push_body(LIMIT * 3), headers=headers, timeout=30)
    assert declared.status_code == 413


def test_photo_chunks_upload_chunked_or_not_and_an_oversized_one_leaves_nothing(
        small: LiveServer) -> None:
    headers = auth(small) | {"Content-Type": "application/octet-stream"}
    photo = jpeg_bytes((10, 200, 30), (48, 32))
    assert len(photo) < LIMIT
    sha = hashlib.sha256(photo).hexdigest()
    url = f"{small.url}{p.API}/photos/{sha}/upload"
    params = {"device_id": "dev-http", "offset": 0, "total": len(photo)}
    r = requests.put(url, data=pieces(photo, 1000), params=params, headers=headers, timeout=30)
    assert r.status_code == 200 and r.json()["complete"], r.text

    big = os.urandom(LIMIT * 3)  # refused before anything looks at what it is
    sha = hashlib.sha256(big).hexdigest()
    url = f"{small.url}{p.API}/photos/{sha}/upload"
    r = requests.put(url, data=pieces(big), headers=headers, timeout=30,
                     params={"device_id": "dev-http", "offset": 0, "total": len(big)})
    assert r.status_code == 413
    held = requests.get(url, params={"device_id": "dev-http"}, headers=headers, timeout=30)
    assert held.json() == {"offset": 0, "complete": False}


def test_security_headers(server: LiveServer) -> None:
    for r in (requests.get(f"{server.url}/health", timeout=30),
              requests.get(f"{server.url}{p.API}/me", headers={p.VERSION_HEADER: "1"},
                           timeout=30)):
        assert r.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert r.headers["Referrer-Policy"] == "no-referrer"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in r.headers  # plain http: meaningless
    # FastAPI's API page loads its viewer, still framed by nobody.
    docs = requests.get(f"{server.url}/docs", timeout=30)
    assert "frame-ancestors 'none'" in docs.headers["Content-Security-Policy"]
    assert "https://cdn.jsdelivr.net" in docs.headers["Content-Security-Policy"]
    # Behind a trusted proxy (loopback, by default) that terminated TLS: HSTS.
    proxied = requests.get(f"{server.url}/health", headers={"X-Forwarded-Proto": "https"},
                           timeout=30)
    assert proxied.headers["Strict-Transport-Security"].startswith("max-age=")


# --- the client -------------------------------------------------------------------------


def this_machine() -> str | None:
    """A non-loopback address of this machine (no packet is sent), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


class Listener:
    """A bare HTTP listener on a non-loopback address that counts the requests it gets."""

    def __init__(self, host: str) -> None:
        self.sock = socket.create_server((host, 0))
        self.url = f"http://{host}:{self.sock.getsockname()[1]}"
        self.requests = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                self.requests += 1
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             b"Content-Length: 2\r\nConnection: close\r\n\r\n{}")

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def remote() -> Iterator[Listener]:
    host = this_machine()
    if host is None:
        pytest.skip("this machine has no non-loopback address to listen on")
    listener = Listener(host)
    yield listener
    listener.close()


def test_plain_http_to_another_machine_sends_nothing(remote: Listener,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_HTTP_ENV, raising=False)
    t = Transport(remote.url, "dev-http", retries=0)
    with pytest.raises(Insecure) as exc:
        login(t, "wgy1", PASSWORD)
    assert exc.value.kind == "insecure"
    assert "https://" in exc.value.message and ALLOW_HTTP_ENV in exc.value.message
    assert t.ping() is False
    t.close()
    assert remote.requests == 0

    monkeypatch.setenv(ALLOW_HTTP_ENV, "1")  # a lab without certificates
    lab = Transport(remote.url, "dev-http", retries=0)
    assert lab.json("GET", "/me") == {}
    lab.close()
    assert remote.requests == 1


def test_loopback_http_stays_allowed(server: LiveServer,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ALLOW_HTTP_ENV, raising=False)
    port = server.url.rsplit(":", 1)[1]
    for url in (server.url, f"http://localhost:{port}"):
        t = Transport(url, "dev-http", retries=0)
        assert login(t, "wgy1", PASSWORD).username == "wgy1"
        t.close()
    assert connection_problem("http://[::1]:8470") is None
    assert connection_problem("https://grid.example.gov.cn") is None
    assert connection_problem("http://grid.example.gov.cn") is not None


def test_the_ca_bundle_comes_from_the_environment(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "gov-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    monkeypatch.setenv(CA_BUNDLE_ENV, str(bundle))
    assert Transport("https://grid.example.gov.cn", "d").verify == str(bundle)
    # An explicit choice wins over the environment.
    assert Transport("https://grid.example.gov.cn", "d", verify=False).verify is False

    monkeypatch.setenv(CA_BUNDLE_ENV, str(tmp_path / "missing.pem"))
    t = Transport("https://grid.example.gov.cn", "d", retries=0)
    with pytest.raises(Insecure) as exc:
        t.json("GET", "/me")
    assert CA_BUNDLE_ENV in exc.value.message and "missing.pem" in exc.value.message
