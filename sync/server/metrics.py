"""Prometheus metrics for operators: requests by route, sync outcomes, photo bytes,
logins, security events, the feed revision and database connections.

Counted at the edge rather than inside the sync code: a pure ASGI middleware times each
request under its route template (never the raw path, which carries photo hashes), counts
the bytes of photo chunks as they arrive, and reads the answers to pushes (receipts by
status) and logins (outcome), the very answers devices get. Security events and the feed
revision are read from the database when scraped, so every worker reports the same totals,
including what the command line did (a disabled account, an unlocked one).

Several uvicorn workers are several processes: `serve --workers N` sets
PROMETHEUS_MULTIPROC_DIR, each worker writes its numbers to files there, and /metrics adds
them up (prometheus_client's multiprocess mode). One worker keeps them in memory.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol as p

from .config import Settings
from .database import Database
from .feed import current_rev
from .models import SecurityEvent
from .seclog import ACTIONS

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
PUSH = f"{p.API}/sync/push"
LOGIN = f"{p.API}/auth/login"
UPLOAD = f"{p.API}/photos/{{sha}}/upload"
UNMATCHED = "unmatched"  # no route: one label for every unknown path, however many
# Seconds; photo chunks on a slow line and large pushes under load take several.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
LOGIN_OUTCOMES = ("ok", "bad_credentials", "account_locked", "rate_limited")
RECEIPTS = (p.APPLIED, p.DUPLICATE, p.CONFLICT, p.REJECTED, p.DEFERRED)


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def prepare_multiprocess_dir(data_dir: Path) -> Path:
    """`DATA_DIR/metrics`, emptied of an earlier run's files (the library requires it)."""
    folder = data_dir / "metrics"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    return folder


def allowed_networks(text: str) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """`metrics_allow` parsed; a typo is named rather than silently shutting everyone out."""
    networks = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ValueError(f"metrics_allow 中的地址无效：{item}") from exc
    return networks


class DatabaseCollector(Collector):
    """What the database knows, read at each scrape: the same from every worker."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("grid_database_up", "1 if the last scrape could read the database")
        try:
            with self.db.session() as session:
                revision = current_rev(session)
                counts = {action: n for action, n in session.execute(
                    select(SecurityEvent.action, func.count()).group_by(SecurityEvent.action))}
        except SQLAlchemyError:  # the request metrics still matter, most of all now
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily("grid_feed_revision", "The newest revision in the change feed",
                                value=revision)
        events = CounterMetricFamily("grid_security_events",
                                     "Security log entries by action, since the server began",
                                     labels=["action"])
        for action in sorted(ACTIONS | counts.keys()):
            events.add_metric([action], counts.get(action, 0))
        yield events


class Metrics:
    """The server's metrics, one set per app (so servers in one test process keep theirs)."""

    def __init__(self, db: Database) -> None:
        self.registry = r = CollectorRegistry()
        self.requests = Histogram(
            "grid_http_request_duration_seconds",
            "Requests by method, route template and status (its _count is the request count)",
            ["method", "route", "status"], buckets=BUCKETS, registry=r)
        self.batches = Counter("grid_sync_batches", "Pushed batches answered with receipts",
                               registry=r)
        self.changes = Counter("grid_sync_changes", "Pushed changes by receipt status",
                               ["status"], registry=r)
        self.photo_bytes = Counter("grid_photo_bytes_received", "Bytes of photo chunks received",
                                   registry=r)
        self.logins = Counter("grid_logins", "Login answers by outcome", ["outcome"], registry=r)
        self.pool_size = Gauge("grid_db_pool_size", "Connections each worker's pool keeps",
                               registry=r, multiprocess_mode="livesum")
        self.connections = Gauge("grid_db_connections", "Database connections by state",
                                 ["state"], registry=r, multiprocess_mode="livesum")
        for status in RECEIPTS:
            self.changes.labels(status)
        for outcome in LOGIN_OUTCOMES:
            self.logins.labels(outcome)
        self.database = DatabaseCollector(db)
        r.register(self.database)
        self._watch_pool(db.engine)

    def _watch_pool(self, engine: Engine) -> None:
        """Connections open and lent out, kept up to date by the pool's own events."""
        if isinstance(engine.pool, QueuePool):
            self.pool_size.set(engine.pool.size())
        opened, in_use = self.connections.labels("open"), self.connections.labels("in_use")
        event.listen(engine, "connect", lambda *_: opened.inc())
        event.listen(engine, "close", lambda *_: opened.dec())
        event.listen(engine, "close_detached", lambda *_: opened.dec())
        event.listen(engine, "checkout", lambda *_: in_use.inc())
        event.listen(engine, "checkin", lambda *_: in_use.dec())

    def answered(self, route: str, status: int, body: bytes) -> None:
        """Count what a push or a login answer says."""
        if route == PUSH and status == 200:
            self.batches.inc()
            for receipt in json.loads(body)["receipts"]:
                self.changes.labels(receipt["status"]).inc()
        elif route == LOGIN:
            self.logins.labels("ok" if status == 200 else _problem_code(body)).inc()

    def exposition(self) -> tuple[bytes, str]:
        """The text format; with several workers, the sum of what each wrote."""
        if multiprocess_dir():
            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            registry.register(self.database)
        else:
            registry = self.registry
        return generate_latest(registry), CONTENT_TYPE_LATEST

    @staticmethod
    def worker_exit() -> None:
        """A worker that stops takes its connection gauges with it (its counters stay)."""
        if multiprocess_dir():
            multiprocess.mark_process_dead(os.getpid())


def _problem_code(body: bytes) -> str:
    """A refusal's `detail.code`; "invalid" for a body that failed validation."""
    try:
        detail = json.loads(body).get("detail")
    except ValueError:
        return "invalid"
    return detail.get("code", "invalid") if isinstance(detail, dict) else "invalid"


def route_of(scope: Scope) -> str:
    """The matched route's template. FastAPI 0.16x gives an included router's route as its
    router declared it, without the /api/v1 it was included under; earlier versions give a
    copy that has it. Either way the label is the full template."""
    path = getattr(scope.get("route"), "path", None)
    if path is None:
        return UNMATCHED
    if scope["path"].startswith(f"{p.API}/") and not path.startswith(f"{p.API}/"):
        return p.API + path
    return path


class RequestMetrics:
    """Pure ASGI middleware, outermost: times every request, whatever answered it."""

    READ = (PUSH, LOGIN)  # answers read for what they say; both are small JSON

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # if the app fails before answering, uvicorn sends a 500
        answer = bytearray()
        photo_bytes = self.metrics.photo_bytes

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request" and route_of(scope) == UPLOAD:
                photo_bytes.inc(len(message.get("body", b"")))
            return message

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and route_of(scope) in self.READ:
                answer.extend(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counted_receive, observed_send)
        finally:
            route = route_of(scope)
            self.metrics.requests.labels(scope["method"], route, str(status)).observe(
                time.perf_counter() - start)
            if route in self.READ:
                self.metrics.answered(route, status, bytes(answer))


def may_read(request: Request, settings: Settings,
             networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    """/metrics for the allowed addresses, or anyone with the metrics token. Behind a
    trusted proxy the address is the forwarded client's, so the public is refused."""
    if settings.metrics_token:
        given = request.headers.get("authorization", "").encode()
        if hmac.compare_digest(given, f"Bearer {settings.metrics_token}".encode()):
            return True
    try:
        address = ipaddress.ip_address(request.client.host if request.client else "")
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in networks)
