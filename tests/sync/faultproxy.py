"""An HTTP proxy for sync tests that breaks the connection at chosen points of the protocol.

Sync must converge after a network failure at any point: before the server sees a
request, while the body is uploading, or after the server committed but before the
client heard back. Mocking `requests` cannot show that, so tests put this proxy
between the real client and a real server on 127.0.0.1 and arm a fault:

    with FaultProxy("http://127.0.0.1:8123") as proxy:
        client = SyncClient(proxy.url)
        proxy.arm("drop_reply", method="POST", path_prefix="/sync/push")
        with pytest.raises(requests.ConnectionError):
            client.push()
        client.push()  # the retry must not duplicate what the first push committed

Each client connection carries exactly one request: the proxy forces
`Connection: close` both ways, so `requests`' keep-alive pool simply reconnects and a
fault never leaks into the next request. Request bodies must have a Content-Length
(what `requests` sends for bytes and json); a chunked body is answered with 501.
The Host header is passed through unchanged. With cut_body the client may see its
error before the server has noticed the truncated upload; drop_reply has no such race
(the proxy reads the whole response before hanging up). Standard library only.
"""

from __future__ import annotations

import socket
import socketserver
import threading
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlsplit

FAULTS = frozenset({"drop_request", "drop_reply", "cut_body", "502", "503", "stall"})

# No socket operation waits longer than this, so a broken test fails instead of hanging.
IO_TIMEOUT = 30.0
MAX_HEAD = 64 * 1024
_HOP_BY_HOP = {b"connection", b"keep-alive", b"proxy-connection"}


@dataclass
class _Armed:
    fault: str
    method: str | None
    path_prefix: str | None
    remaining: int
    stall_seconds: float

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path_prefix is None or path.startswith(self.path_prefix)
        )


@dataclass
class _Request:
    """One request as read from the client; head already rewritten to `Connection: close`."""

    method: str
    path: str  # without the query string
    head: bytes
    body: bytes
    chunked: bool  # body not read: this proxy does not parse chunked encoding


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True  # a stuck handler never keeps the test process alive
    allow_reuse_address = True
    block_on_close = True  # server_close() joins the handler threads
    proxy: FaultProxy


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        try:
            self.server.proxy._serve(self.request)
        except (OSError, _Abort):
            pass  # the client or the target went away, or the proxy is stopping


class _Abort(Exception):
    """The connection cannot be served (stopping, malformed request); just close it."""


class FaultProxy:
    """Forwards HTTP/1.1 requests to `target`, except those matched by an armed fault."""

    def __init__(self, target: str):
        parts = urlsplit(target)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"target must be http://host[:port], got {target!r}")
        self._target = (parts.hostname, parts.port or 80)
        self.log: list[tuple[str, str, str | None]] = []
        self._armed: list[_Armed] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._open: set[socket.socket] = set()  # shut down by stop() to unblock handlers
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL the client should use (valid once started)."""
        if self._server is None:
            raise RuntimeError("FaultProxy not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FaultProxy:
        if self._server is not None:
            raise RuntimeError("FaultProxy already started")
        self._stopping.clear()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop accepting, cut every open connection (ends stalls at once), join threads."""
        if self._server is None:
            return
        with self._lock:
            self._stopping.set()
            open_socks = list(self._open)
        for sock in open_socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # close() alone does not wake a blocked recv
            except OSError:
                pass
        self._server.shutdown()
        self._server.server_close()
        assert self._thread is not None
        self._thread.join()
        self._server = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- faults ------------------------------------------------------------------------

    def arm(
        self,
        fault: str,
        *,
        method: str | None = None,
        path_prefix: str | None = None,
        times: int = 1,
        stall_seconds: float = 5.0,
    ) -> None:
        """Apply `fault` to the next `times` requests matching method and path prefix.

        The prefix is matched against the path without its query string. When several
        armed faults match a request, the one armed first is used.
        """
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; expected one of {sorted(FAULTS)}")
        if times < 1:
            raise ValueError("times must be at least 1")
        armed = _Armed(fault, method and method.upper(), path_prefix, times, stall_seconds)
        with self._lock:
            self._armed.append(armed)

    def disarm(self) -> None:
        """Remove all armed faults; requests are forwarded transparently again."""
        with self._lock:
            self._armed.clear()

    def hits(self, fault: str) -> int:
        """How many requests `fault` was applied to."""
        with self._lock:
            return sum(1 for _, _, applied in self.log if applied == fault)

    def _take_fault(self, method: str, path: str) -> _Armed | None:
        """Consume one use of the first matching fault and log the request."""
        with self._lock:
            chosen = next((a for a in self._armed if a.matches(method, path)), None)
            if chosen is not None:
                chosen.remaining -= 1
                if chosen.remaining == 0:
                    self._armed.remove(chosen)
            # Logged before acting, so the entry exists by the time the client sees the result.
            self.log.append((method, path, chosen.fault if chosen else None))
            return chosen

    # -- one connection ----------------------------------------------------------------

    def _serve(self, client: socket.socket) -> None:
        self._track(client)
        try:
            client.settimeout(IO_TIMEOUT)
            request = self._read_request(client)
            if request.chunked:
                with self._lock:
                    self.log.append((request.method, request.path, "501"))
                client.sendall(_plain_response(501, "chunked request bodies are not supported"))
                _drain(client)
                return
            armed = self._take_fault(request.method, request.path)
            fault = armed.fault if armed else None
            if fault is None:
                reply = self._exchange(request.head, request.body)
                if reply:  # empty: the target closed without answering; so do we
                    client.sendall(reply)
            elif fault == "drop_request":
                pass  # request fully read, nothing forwarded; closing is the fault
            elif fault == "drop_reply":
                self._exchange(request.head, request.body)  # the target finished; discard
            elif fault == "cut_body":
                if request.body:
                    self._send_partial(request.head + request.body[: len(request.body) // 2])
            elif fault in ("502", "503"):
                client.sendall(_plain_response(int(fault), f"injected {fault}"))
            elif fault == "stall":
                assert armed is not None
                self._stopping.wait(armed.stall_seconds)
        finally:
            self._untrack(client)

    def _read_request(self, client: socket.socket) -> _Request:
        """Read one request head and its Content-Length body from the client."""
        data = bytearray()
        while b"\r\n\r\n" not in data:
            if len(data) > MAX_HEAD:
                raise _Abort("request head too large")
            chunk = client.recv(65536)
            if not chunk:
                raise _Abort("client closed before sending a full request head")
            data += chunk
        head, _, rest = bytes(data).partition(b"\r\n\r\n")
        body = bytearray(rest)
        lines = head.split(b"\r\n")
        method, _, target = lines[0].decode("latin-1").partition(" ")
        path = target.partition(" ")[0].partition("?")[0]
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"transfer-encoding" and value.strip().lower() != b"identity":
                return _Request(method, path, head, b"", chunked=True)
            if name == b"content-length":
                try:
                    length = int(value.strip())
                except ValueError as exc:
                    raise _Abort("bad Content-Length") from exc
        while len(body) < length:
            chunk = client.recv(min(65536, length - len(body)))
            if not chunk:
                raise _Abort("client closed mid-body")
            body += chunk
        return _Request(method, path, _connection_close(head), bytes(body[:length]), chunked=False)

    def _connect_target(self) -> socket.socket:
        sock = socket.create_connection(self._target, timeout=IO_TIMEOUT)
        try:
            self._track(sock)
        except _Abort:
            sock.close()
            raise
        return sock

    def _exchange(self, head: bytes, body: bytes) -> bytes:
        """Send the request to the target and return its whole response (read to EOF).

        If the target is unreachable the OSError closes the client connection, so the
        client sees a connection error much as it would without the proxy.
        """
        target = self._connect_target()
        try:
            target.sendall(head + body)
            chunks = []
            while chunk := target.recv(65536):
                chunks.append(chunk)
        finally:
            self._untrack(target)
            target.close()
        reply = b"".join(chunks)
        reply_head, sep, reply_body = reply.partition(b"\r\n\r\n")
        return _connection_close(reply_head) + reply_body if sep else reply

    def _send_partial(self, data: bytes) -> None:
        """Send `data` to the target, then close as a dead network would mid-upload."""
        target = self._connect_target()
        try:
            target.sendall(data)
        finally:
            self._untrack(target)
            target.close()

    def _track(self, sock: socket.socket) -> None:
        # Checked under the lock stop() takes, so no socket escapes its shutdown sweep.
        with self._lock:
            if self._stopping.is_set():
                raise _Abort("proxy is stopping")
            self._open.add(sock)

    def _untrack(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)


def _connection_close(head: bytes) -> bytes:
    """Return a message head (no trailing blank line) with `Connection: close` forced."""
    lines = head.split(b"\r\n")
    kept = [
        line for line in lines[1:] if line.partition(b":")[0].strip().lower() not in _HOP_BY_HOP
    ]
    return b"\r\n".join([lines[0], *kept, b"Connection: close"]) + b"\r\n\r\n"


def _drain(client: socket.socket) -> None:
    """Half-close, then read until the client closes: closing with unread request data
    would send a reset that can destroy the answer before the client reads it."""
    client.shutdown(socket.SHUT_WR)
    client.settimeout(5.0)
    while client.recv(65536):
        pass


def _plain_response(status: int, text: str) -> bytes:
    body = f"fault proxy: {text}\n".encode()
    head = (
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body
