"""Sync converges after the network breaks at any step (DESIGN §5).

A real device talks to a real server through `FaultProxy`. A fault is armed on one protocol
step (handshake, push, the "which photos are missing" question, a photo chunk, pull, the
drift check); the cycle that meets it fails (or, for a photo, notes the photo and goes on),
and the next cycle, with the network healthy again, must leave exactly what a fault-free run
leaves: every record on the server once (no duplicates, none lost), the photos whole and
verified, the outbox empty, and a second device that pulls getting all of it.

The faulted device's transport has no retries and a short read timeout, so a fault fails
the cycle instead of being absorbed by a retry; one test shows the default retries absorbing
a 503 at every step within a single cycle.

The full fault × step matrix runs on SQLite. To keep it quick, servers here start from a
template database migrated and seeded once per module (cloned with CREATE DATABASE …
TEMPLATE on PostgreSQL), and devices use tokens issued in the template instead of logging
in (password hashing dominates the cost of a fresh server). A subset of the matrix runs on
PostgreSQL too, and the retry test uses the shared `server` fixture on both databases.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import shutil
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from faultproxy import FaultProxy
from PIL import Image
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError
from synckit import (
    ACCOUNTS,
    Device,
    LiveServer,
    grid_id,
    postgres_admin_url,
    postgres_skip_reason,
    seed,
)
from testkit import household_data, jpeg_bytes, make_id, resident_data

from inspector.db import open_store
from inspector.models import (
    Household,
    Issue,
    IssueAction,
    LocalProfile,
    OutboxEntry,
    Photo,
    PhotoLink,
    Resident,
    SyncProblem,
    utcnow,
)
from inspector.photos import PhotoStore
from inspector.services import cases, register
from inspector.services.attachments import import_photos
from sync import protocol as p
from sync.client import SyncEngine, Transport
from sync.client.account import adopt_account
from sync.client.transport import Account
from sync.errors import Offline, Refused
from sync.server.database import Database, migrate
from sync.server.models import CaseCounter, FeedEntry, HeldLink, Receipt, RecordIndex, User
from sync.server.security import issue_token

API = p.API
FAULT_READ_TIMEOUT = 1.0  # seconds; a stall outlasts it, so the client gives up
STALL_SECONDS = 30.0  # the proxy never forwards a stalled request (stop() ends the wait)
CALM_READ_TIMEOUT = 30.0  # for the cycles after the fault: only the fault may fail a cycle

STEPS: dict[str, tuple[str, str]] = {
    "handshake": ("POST", f"{API}/handshake"),
    "push": ("POST", f"{API}/sync/push"),
    "photos_missing": ("POST", f"{API}/photos/missing"),
    "photo_upload": ("PUT", f"{API}/photos/"),
    "pull": ("GET", f"{API}/sync/pull"),
    "drift": ("GET", f"{API}/sync/digest"),
}
FAULTS = ("drop_request", "drop_reply", "cut_body", "502", "503", "stall")
# cut_body cuts a request body; a GET has none to cut. The drift check, last in the cycle,
# gets two faults only: it fails like the pull before it.
MATRIX = [(fault, step) for step, (method, _) in STEPS.items() for fault in FAULTS
          if not (fault == "cut_body" and method == "GET")
          and (step != "drift" or fault in ("drop_reply", "stall"))]
POSTGRES_SUBSET = [("drop_reply", "push"), ("stall", "push"), ("cut_body", "photo_upload"),
                   ("drop_reply", "photo_upload"), ("drop_request", "pull"),
                   ("503", "handshake")]

ENTITY_MODELS = {"household": Household, "resident": Resident, "issue": Issue,
                 "issue_action": IssueAction, "photo_link": PhotoLink}


# ---------------------------------------------------------------- servers from a template


@dataclass
class Template:
    """A migrated, seeded server database and a login token per test account."""

    kind: str
    location: str  # the SQLite file, or the PostgreSQL database name
    tokens: dict[str, str] = field(repr=False)


def _prepare(db: Database) -> dict[str, str]:
    migrate(db.engine)
    seed(db)
    with db.transaction() as s:
        tokens = {name: issue_token(s, s.get(User, name), None, 24.0)[0] for name in ACCOUNTS}
    db.dispose()
    return tokens


class Templates:
    """Built on first use, once per module; the PostgreSQL one is dropped at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: dict[str, Template] = {}

    def get(self, kind: str) -> Template:
        if kind not in self._made:
            self._made[kind] = self._sqlite() if kind == "sqlite" else self._postgres()
        return self._made[kind]

    def _sqlite(self) -> Template:
        path = self.folder / "server.db"
        return Template("sqlite", str(path), _prepare(Database(f"sqlite:///{path}")))

    def _postgres(self) -> Template:
        name = f"gi_tmpl_{uuid.uuid4().hex[:12]}"
        _pg_admin(f'CREATE DATABASE "{name}"')
        return Template("postgresql", name, _prepare(Database(_pg_url(name))))

    def close(self) -> None:
        made = self._made.get("postgresql")
        if made is not None:
            _pg_drop(made.location)


def _pg_url(name: str) -> str:
    return postgres_admin_url().rsplit("/", 1)[0] + f"/{name}"  # type: ignore[union-attr]


def _pg_admin(sql: str) -> None:
    engine = create_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _pg_drop(name: str) -> None:
    """A plain DROP first: it stops an autovacuum worker busy in the database and waits for
    it, where WITH (FORCE) refuses a role that may not signal that worker. FORCE only if a
    connection of our own is still open."""
    try:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}"')
    except DBAPIError:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    made = Templates(tmp_path_factory.mktemp("server-template"))
    yield made
    made.close()


@dataclass
class Live:
    server: LiveServer
    tokens: dict[str, str] = field(repr=False)


@pytest.fixture
def live(request: pytest.FixtureRequest, tmp_path: Path, templates: Templates) -> Iterator[Live]:
    """A live server on a copy of the template (SQLite unless parametrized otherwise)."""
    kind = getattr(request, "param", "sqlite")
    data_dir = tmp_path / "server"
    data_dir.mkdir()
    database_url, dropped = "", None
    if kind == "postgresql":
        reason = postgres_skip_reason()
        if reason:
            pytest.skip(reason)
        template = templates.get(kind)
        dropped = f"gi_fault_{uuid.uuid4().hex[:12]}"
        _pg_admin(f'CREATE DATABASE "{dropped}" TEMPLATE "{template.location}"')
        database_url = _pg_url(dropped)
    else:
        template = templates.get(kind)
        for f in Path(template.location).parent.glob("server.db*"):
            shutil.copy(f, data_dir / f.name)
    server = LiveServer(data_dir, database_url).start()
    yield Live(server, template.tokens)
    server.stop()
    if dropped:
        _pg_drop(dropped)


@pytest.fixture
def devices(tmp_path: Path, live: Live) -> Iterator[Callable[..., Device]]:
    """Like conftest's `device_factory`, but with the template's token instead of a login."""
    made: list[Device] = []

    def make(username: str, url: str | None = None, **transport: Any) -> Device:
        store = open_store(tmp_path / "devices" / str(len(made)) / username / "store.db")
        device_id = str(uuid.uuid4())
        t = Transport(url or live.server.url, device_id, token=live.tokens[username],
                      **transport)
        me = t.json("GET", "/me")
        account = Account(me["username"], me["display_name"], me["role"],
                          tuple(me["grid_ids"]), live.tokens[username], "")
        adopt_account(store, account, url or live.server.url)
        with store.write() as s:
            s.get(LocalProfile, 1).device_id = device_id
        device = Device(username, store, t, SyncEngine(store, t))
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


@pytest.fixture
def proxy(live: Live) -> Iterator[FaultProxy]:
    with FaultProxy(live.server.url) as fp:
        yield fp


# ---------------------------------------------------------------- the work and its checks


@dataclass
class Work:
    """What the worker made locally: ids per entity, photo hashes, resident ID numbers."""

    ids: dict[str, list[str]] = field(default_factory=dict)
    photos: list[str] = field(default_factory=list)
    id_numbers: list[str] = field(default_factory=list)
    changes: int = 0  # outbox entries queued
    feed: Counter = field(default_factory=Counter)  # (entity, id) → feed entries it makes


def _issue_input(**extra: Any) -> cases.IssueInput:
    base = dict(grid_id=grid_id("G01"), category_code="exposed_garbage", severity="general",
                title="垃圾堆放", description="路口有暴露垃圾", address="幸福路12号",
                occurred_at=utcnow() - timedelta(hours=1))
    return cases.IssueInput(**(base | extra))


def _outbox(device: Device) -> int:
    with device.store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxEntry))


def make_work(worker: Device, photo: bytes | None = None) -> Work:
    """A household with two residents, an edit to it, and a case reported with one photo."""
    actor = worker.actor
    work = Work()
    hh, _ = register.add_household(worker.store, actor, household_data(grid_id("G01")))
    numbers = [make_id(seq="201"), make_id(seq="202")]
    residents = [register.add_resident(worker.store, actor, hh, resident_data(
        number, relation=relation))[0]
        for number, relation in zip(numbers, ("self", "child"), strict=True)]
    register.edit_household(worker.store, actor, hh, {"phone": "13900139000"})
    (pic,) = import_photos(PhotoStore(worker.store.photo_dir),
                           [(photo or jpeg_bytes((200, 40, 40)), "report")])
    issue_id, _ = cases.report_issue(worker.store, actor,
                                     _issue_input(household_id=hh, photos=(pic,)))
    with worker.store.read() as s:
        action = s.scalars(select(IssueAction.id)).one()
        link = s.scalars(select(PhotoLink.id)).one()
    work.ids = {"household": [hh], "resident": residents, "issue": [issue_id],
                "issue_action": [action], "photo_link": [link]}
    work.photos = [pic.photo.sha256]
    work.id_numbers = numbers
    work.changes = _outbox(worker)
    assert work.changes == 7  # 3 inserts, 1 update, issue insert + photo link + report action
    # A fault-free run publishes: the household twice (insert, edit), the case twice (insert,
    # then the report action numbering it), everything else once. More would mean a change
    # was applied twice.
    work.feed = Counter({("household", hh): 2, ("issue", issue_id): 2,
                         ("issue_action", action): 1, ("photo_link", link): 1,
                         **{("resident", r): 1 for r in residents}})
    return work


def _ids(session: Any, model: Any) -> list[str]:
    key = model.sha256 if model is Photo else model.id
    return sorted(session.scalars(select(key)))


def server_counts(server: LiveServer) -> dict[str, int]:
    with server.db.session() as s:
        return {name: s.scalar(select(func.count()).select_from(model))
                for name, model in [*ENTITY_MODELS.items(), ("photo", Photo),
                                    ("held_link", HeldLink)]}


def assert_photo_files_intact(server: LiveServer, expected: list[str]) -> None:
    """Every stored photo file hashes to its name; no upload is left half-way."""
    root = server.settings.photo_dir
    stored = {f.stem: hashlib.sha256(f.read_bytes()).hexdigest()
              for f in root.rglob("*.jpg") if "thumbs" not in f.parts}
    assert sorted(stored) == sorted(expected)
    assert all(name == digest for name, digest in stored.items()), stored
    assert list(server.settings.upload_dir.rglob("*.part")) == []


def assert_converged(live: Live, worker: Device, work: Work,
                     devices: Callable[..., Device]) -> None:
    server = live.server
    # The worker: nothing waiting, nothing refused, and another cycle sends nothing.
    report = worker.sync()
    assert (report.pushed.finished, report.pushed.deferred, report.pending_after) == (0, 0, 0)
    assert report.photos.failed == []
    with worker.store.read() as s:
        assert s.scalars(select(SyncProblem.reason)).all() == []
        assert s.scalars(select(Photo.sha256).where(Photo.uploaded.is_(False))).all() == []

    # The server: each record exactly once, nothing lost, nothing applied twice.
    with server.db.session() as s:
        for entity, model in ENTITY_MODELS.items():
            assert _ids(s, model) == sorted(work.ids[entity]), entity
        assert _ids(s, Photo) == sorted(work.photos)
        assert sorted(s.scalars(select(Resident.id_number))) == sorted(work.id_numbers)
        assert s.scalars(select(HeldLink.record_id)).all() == []
        feed = Counter((e.entity, e.record_id) for e in s.scalars(
            select(FeedEntry).where(FeedEntry.entity != "area")))
        assert feed == work.feed
        indexed = {(r.entity, r.record_id) for r in s.scalars(
            select(RecordIndex).where(RecordIndex.entity != "area"))}
        assert indexed == set(work.feed)
        assert s.scalar(select(func.count()).select_from(Receipt)) == work.changes
        issue = s.get(Issue, work.ids["issue"][0])
        assert issue.number is not None and issue.number.endswith("-0001")
        assert s.scalars(select(CaseCounter.last)).all() == [1]
    assert_photo_files_intact(server, work.photos)

    # A second device, straight to the server, gets all of it, photos included.
    supervisor = devices("jdy1")
    report = supervisor.sync()
    assert report.photos.failed == [] and report.photos.downloaded == len(work.photos)
    with supervisor.store.read() as s:
        for entity, model in ENTITY_MODELS.items():
            assert _ids(s, model) == sorted(work.ids[entity]), entity
        assert s.get(Issue, work.ids["issue"][0]).number == issue.number
    files = PhotoStore(supervisor.store.photo_dir)
    for sha in work.photos:
        assert hashlib.sha256(files.read(sha)).hexdigest() == sha


class Fuse:
    """Keeps the transport's short read timeout for the requests of one step only.

    A stall is detected by the read timeout running out. On a busy machine a healthy but
    slow answer elsewhere could run out the same short timeout and fail the cycle in the
    fault's place, so every other request gets a calm timeout.
    """

    def __init__(self, worker: Device) -> None:
        self.transport = worker.transport
        self.short = FAULT_READ_TIMEOUT
        self.step: tuple[str, str] | None = None  # (method, path prefix) on the short fuse
        self._request = worker.transport.request
        worker.transport.request = self  # type: ignore[method-assign]

    def __call__(self, method: str, path: str, **kwargs: Any) -> Any:
        short = self.step is not None and method == self.step[0] and (
            f"{API}{path}".startswith(self.step[1]))
        self.transport.read_timeout = self.short if short else CALM_READ_TIMEOUT
        return self._request(method, path, **kwargs)


def faulty_worker(devices: Callable[..., Device], proxy: FaultProxy) -> tuple[Device, Fuse]:
    """The worker behind the proxy, with no retries, after a clean first sync."""
    # Calm until the fuse is in: the device's set-up (GET /me) must not trip on a busy machine.
    worker = devices("wgy1", url=proxy.url, retries=0, read_timeout=CALM_READ_TIMEOUT)
    fuse = Fuse(worker)
    worker.sync()
    return worker, fuse


# ---------------------------------------------------------------- one fault at each step


def _run_fault(live: Live, proxy: FaultProxy, devices: Callable[..., Device], fault: str,
               step: str) -> None:
    worker, fuse = faulty_worker(devices, proxy)
    work = make_work(worker)
    method, prefix = STEPS[step]
    if fault == "stall":
        fuse.step = (method, prefix)
    proxy.arm(fault, method=method, path_prefix=prefix, stall_seconds=STALL_SECONDS)

    if step == "photo_upload":
        # A photo that cannot go up is noted and skipped; the cycle and the records go on.
        report = worker.sync()
        assert len(report.photos.failed) == 1 and report.photos.uploaded == 0
        assert report.pushed.applied == work.changes and report.pending_after == 0
    else:
        with pytest.raises(Offline) as failed:
            worker.sync()
        if fault in ("502", "503"):
            assert failed.value.status == int(fault)
    assert proxy.hits(fault) == 1
    proxy.disarm()
    fuse.step = None

    # What the server holds now shows where the fault struck (drop_reply: after it acted).
    records_up = step not in ("handshake", "push") or (step, fault) == ("push", "drop_reply")
    photo_up = step in ("pull", "drift") or (step, fault) == ("photo_upload", "drop_reply")
    counts = server_counts(live.server)
    assert counts["household"] == (1 if records_up else 0)
    assert counts["photo"] == (1 if photo_up else 0)
    assert (counts["photo_link"], counts["held_link"]) == (
        (1, 0) if photo_up else (0, 1) if records_up else (0, 0))
    # The device learns its changes arrived only from their receipts.
    acknowledged = step not in ("handshake", "push")
    assert _outbox(worker) == (0 if acknowledged else work.changes)

    report = worker.sync()
    assert report.pending_after == 0 and report.photos.failed == []
    # A batch whose answer was lost is resent as is and answered from the server's records.
    assert report.pushed.applied == (0 if acknowledged else work.changes)
    assert report.photos.uploaded == (0 if photo_up else 1)
    assert_converged(live, worker, work, devices)


@pytest.mark.parametrize(("fault", "step"), MATRIX, ids=[f"{s}-{f}" for f, s in MATRIX])
def test_sync_converges_after_a_fault(live: Live, proxy: FaultProxy, devices, fault: str,
                                      step: str) -> None:
    _run_fault(live, proxy, devices, fault, step)


@pytest.mark.parametrize("live", ["postgresql"], indirect=True)
@pytest.mark.parametrize(("fault", "step"), POSTGRES_SUBSET,
                         ids=[f"{s}-{f}" for f, s in POSTGRES_SUBSET])
def test_sync_converges_after_a_fault_on_postgresql(live: Live, proxy: FaultProxy, devices,
                                                    fault: str, step: str) -> None:
    _run_fault(live, proxy, devices, fault, step)


# ---------------------------------------------------------------- photos


def noisy_jpeg(width: int = 720, height: int = 540, seed: int = 7) -> bytes:
    """About 1 MB of random pixels: JPEG cannot squeeze noise, so the copy kept stays big."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=95)
    return buf.getvalue()


class ChunkSpy:
    """Wraps the worker transport's `json`: notes each chunk PUT's offset and size, and arms
    a fault on the proxy just before the n-th chunk so the earlier ones get through."""

    def __init__(self, worker: Device, proxy: FaultProxy) -> None:
        self._json = worker.transport.json
        self.proxy = proxy
        self.sent: list[tuple[int, int]] = []  # (offset, bytes) of each chunk attempted
        self.fault_at: tuple[int, str] | None = None
        worker.transport.json = self  # type: ignore[method-assign]

    def __call__(self, method: str, path: str, **kwargs: Any) -> Any:
        if method == "PUT" and path.startswith("/photos/"):
            self.sent.append((kwargs["params"]["offset"], len(kwargs["data"])))
            if self.fault_at is not None and len(self.sent) == self.fault_at[0]:
                self.proxy.arm(self.fault_at[1], method="PUT", path_prefix=f"{API}/photos/")
        return self._json(method, path, **kwargs)


@pytest.mark.parametrize("fault", ["cut_body", "drop_reply"])
def test_cut_upload_resumes_from_the_servers_offset(live: Live, proxy: FaultProxy, devices,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    fault: str) -> None:
    chunk = 16 * 1024
    monkeypatch.setattr(p, "PHOTO_CHUNK_BYTES", chunk)
    worker, _ = faulty_worker(devices, proxy)
    work = make_work(worker, photo=noisy_jpeg())
    (sha,) = work.photos
    size = len(PhotoStore(worker.store.photo_dir).read(sha))
    chunks = math.ceil(size / chunk)
    assert chunks >= 10, size

    spy = ChunkSpy(worker, proxy)
    spy.fault_at = (5, fault)  # four chunks get through, the fifth breaks
    report = worker.sync()
    assert len(report.photos.failed) == 1 and proxy.hits(fault) == 1
    # cut_body: the fifth chunk never arrived whole, so nothing of it is kept;
    # drop_reply: the server appended it and only its answer was lost.
    held = (4 if fault == "cut_body" else 5) * chunk
    state = worker.transport.json("GET", f"/photos/{sha}/upload",
                                  params={"device_id": worker.transport.device_id})
    assert state == {"offset": held, "complete": False}
    part = live.server.app.state.photos.part_path(sha, "wgy1", worker.transport.device_id)
    assert part.stat().st_size == held
    assert server_counts(live.server)["held_link"] == 1

    spy.fault_at = None
    spy.sent.clear()
    puts_before = sum(1 for method, _, _ in proxy.log if method == "PUT")
    report = worker.sync()
    assert report.photos.uploaded == 1 and report.photos.failed == []
    # The upload went on from where the server stood, not from the start.
    assert spy.sent[0] == (held, chunk)
    assert sum(n for _, n in spy.sent) == size - held
    puts = sum(1 for method, _, _ in proxy.log if method == "PUT") - puts_before
    assert puts == len(spy.sent) == math.ceil((size - held) / chunk) < chunks
    assert_converged(live, worker, work, devices)


def test_a_chunk_resent_after_its_lost_answer_is_kept_once(live: Live, proxy: FaultProxy,
                                                            devices,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """With retries on, the transport resends a chunk whose answer was lost; the server
    already holds it, answers 409 with its offset, and the upload goes on from there."""
    chunk = 16 * 1024
    monkeypatch.setattr(p, "PHOTO_CHUNK_BYTES", chunk)
    worker = devices("wgy1", url=proxy.url, retries=3, backoff=0.01)
    worker.sync()
    work = make_work(worker, photo=noisy_jpeg(seed=11))
    (sha,) = work.photos
    chunks = math.ceil(len(PhotoStore(worker.store.photo_dir).read(sha)) / chunk)

    spy = ChunkSpy(worker, proxy)
    spy.fault_at = (3, "drop_reply")
    puts_before = sum(1 for method, _, _ in proxy.log if method == "PUT")
    report = worker.sync()
    assert report.photos.uploaded == 1 and report.photos.failed == []
    assert proxy.hits("drop_reply") == 1
    # One PUT more than there are chunks (the resend), each offset asked for once.
    assert sum(1 for method, _, _ in proxy.log if method == "PUT") - puts_before == chunks + 1
    assert [offset for offset, _ in spy.sent] == [n * chunk for n in range(chunks)]
    assert_converged(live, worker, work, devices)


def test_a_photo_that_fails_does_not_hold_back_records(live: Live, proxy: FaultProxy,
                                                       devices) -> None:
    worker, _ = faulty_worker(devices, proxy)
    work = make_work(worker)
    (link,) = work.ids["photo_link"]
    proxy.arm("503", method="PUT", path_prefix=f"{API}/photos/")
    report = worker.sync()
    assert len(report.photos.failed) == 1 and proxy.hits("503") == 1
    assert report.pushed.applied == work.changes and report.pending_after == 0

    # Every record is on the server; the link waits, invisible, for its photo.
    with live.server.db.session() as s:
        for entity in ("household", "resident", "issue", "issue_action"):
            assert _ids(s, ENTITY_MODELS[entity]) == sorted(work.ids[entity])
        assert s.scalars(select(HeldLink.record_id)).all() == [link]
        assert s.get(PhotoLink, link) is None and s.get(Photo, work.photos[0]) is None
        assert s.get(RecordIndex, ("photo_link", link)) is None
        assert s.scalars(select(FeedEntry).where(FeedEntry.entity == "photo_link")).all() == []
    supervisor = devices("jdy1")
    supervisor.sync()
    with supervisor.store.read() as s:
        assert _ids(s, Issue) == work.ids["issue"] and _ids(s, Resident) == sorted(
            work.ids["resident"])
        assert _ids(s, PhotoLink) == [] and _ids(s, Photo) == []
    with pytest.raises(Refused) as hidden:
        supervisor.transport.request("GET", f"/photos/{work.photos[0]}")
    assert hidden.value.status == 404

    # The next cycle takes the photo up, and with it the link becomes visible.
    report = worker.sync()
    assert report.photos.uploaded == 1 and report.photos.failed == []
    with live.server.db.session() as s:
        assert s.scalars(select(HeldLink)).all() == []
        assert s.get(PhotoLink, link) is not None
        (entry,) = s.scalars(select(FeedEntry).where(FeedEntry.entity == "photo_link")).all()
        assert (entry.record_id, entry.op) == (link, p.UPSERT)
    report = supervisor.sync()
    assert report.photos.downloaded == 1
    with supervisor.store.read() as s:
        assert _ids(s, PhotoLink) == [link]
    assert hashlib.sha256(PhotoStore(supervisor.store.photo_dir).read(work.photos[0])
                          ).hexdigest() == work.photos[0]
    assert_converged(live, worker, work, devices)


# ---------------------------------------------------------------- retries absorb a blip


def test_default_retries_absorb_a_503_at_every_step(server: LiveServer, device_factory) -> None:
    """With the default retries (small backoff), one 503 at each step costs one more request
    there and nothing else: the cycle succeeds as if nothing happened."""
    with FaultProxy(server.url) as proxy:
        worker = device_factory("wgy1", url=proxy.url, retries=3, backoff=0.01)
        worker.sync()
        work = make_work(worker)
        start = len(proxy.log)
        for method, prefix in STEPS.values():
            proxy.arm("503", method=method, path_prefix=prefix)
        report = worker.sync()
        assert proxy.hits("503") == len(STEPS)
        assert report.pushed.applied == work.changes and report.pending_after == 0
        assert report.photos.uploaded == 1 and report.photos.failed == []
        for method, prefix in STEPS.values():
            tries = [fault for m, path, fault in proxy.log[start:]
                     if m == method and path.startswith(prefix)]
            assert tries[:2] == ["503", None], (method, prefix, tries)
    with server.db.session() as s:
        for entity, model in ENTITY_MODELS.items():
            assert _ids(s, model) == sorted(work.ids[entity]), entity
        assert s.scalars(select(HeldLink)).all() == []
        assert s.scalar(select(func.count()).select_from(Receipt)) == work.changes
    assert_photo_files_intact(server, work.photos)
