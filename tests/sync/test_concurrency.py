"""The change feed under concurrent writers, on PostgreSQL (DESIGN §5, "Pull").

A puller reads "every change after my cursor". That is only safe if revisions
become visible in the order they were given: a revision handed out to a writer
that commits later than a writer holding a higher revision would land behind
cursors that have already moved past it, and be skipped for ever. The server
numbers a transaction's changes in its last step, under the revision counter's
row lock kept to commit (`sync.server.feed.Revisions.allocate`). These tests
run real writers and pullers over real HTTP against a real PostgreSQL database,
show the hazard the lock prevents, and check the lock deterministically by
watching PostgreSQL's own lock waits (pg_stat_activity / pg_blocking_pids),
never by sleeping.
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from synckit import (
    PASSWORD,
    LiveServer,
    area_geojson,
    grid_id,
    postgres_database,
    postgres_skip_reason,
    seed,
)
from testkit import household_data, jpeg_bytes

from inspector.models import Household, PhotoLink
from inspector.validation import clean_household
from sync.client import Transport, login
from sync.server.feed import Revisions, publish
from sync.server.models import FeedEntry, HeldLink, RevCounter

_PG_SKIP = postgres_skip_reason()
pytestmark = pytest.mark.skipif(bool(_PG_SKIP), reason=_PG_SKIP or "")

WRITERS = 20
BATCHES = 15
PER_BATCH = 5
# Writer accounts in turn, with the grid each writes into (all inside the pullers' scope).
WRITER_ACCOUNTS = [("wgy1", "G01"), ("wgy2", "G02"), ("sqgz1", "G01"), ("jdy1", "G02")]
# Pullers: an admin (everything) and a supervisor of G01+G02, with small and large pages.
PULLERS = [("admin", 7), ("admin", 500), ("jdy1", 50), ("jdy1", 2000)]
AREAS = len(area_geojson()["features"])  # the seed's feed entries before the writers start
WAIT = 30.0  # seconds any single wait for the database may take before the test gives up


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[LiveServer]:
    with postgres_database() as url:
        live = LiveServer(tmp_path / "server", url)
        seed(live.db)
        live.start()
        try:
            yield live
        finally:
            live.stop()


@pytest.fixture
def watcher(pg_server: LiveServer) -> Iterator[Engine]:
    """A separate connection for looking at PostgreSQL's lock waits."""
    engine = create_engine(pg_server.db.url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _client(url: str, username: str, **kw: Any) -> Transport:
    t = Transport(url, str(uuid.uuid4()), **kw)
    login(t, username, PASSWORD)
    return t


def _twin(t: Transport) -> Transport:
    """The same device (id and login) on a connection of its own, for a second thread."""
    return Transport(t.base_url, t.device_id, token=t.token, retries=t.retries)


def _insert(grid_code: str, **extra: object) -> dict[str, Any]:
    record_id = str(uuid.uuid4())
    return {"change_id": str(uuid.uuid4()), "entity": "household", "record_id": record_id,
            "op": "insert", "payload": household_data(grid_id(grid_code), **extra)
            | {"id": record_id}, "base_rev": None}


def _push(t: Transport, changes: list[dict[str, Any]], batch_id: str | None = None) -> Any:
    return t.json("POST", "/sync/push", json={"device_id": t.device_id,
                                              "batch_id": batch_id or str(uuid.uuid4()),
                                              "changes": changes})


def _pull(t: Transport, cursor: int, limit: int = 500) -> dict[str, Any]:
    return t.json("GET", "/sync/pull", params={"cursor": cursor, "limit": limit})


def _wait_until(check: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    """Poll a condition with a deadline (state-based waiting, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for: {what}")
        time.sleep(0.01)


def _blocked_by(watcher: Engine, holder_pid: int) -> list[int]:
    """Backends of this database that wait for a lock `holder_pid` holds."""
    with watcher.connect() as conn:
        return list(conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND :holder = ANY(pg_blocking_pids(pid))"), {"holder": holder_pid}).scalars())


def _lock_waiters(watcher: Engine) -> list[int]:
    """Backends of this database waiting for a lock (PostgreSQL queues the second waiter
    for a row behind the first, so pg_blocking_pids would name the first waiter)."""
    with watcher.connect() as conn:
        return list(conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock'")).scalars())


def _pid(session: Any) -> int:
    return session.execute(text("SELECT pg_backend_pid()")).scalar_one()


class _Threads:
    """Threads whose exceptions are collected and re-raised in the test."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.threads: list[threading.Thread] = []

    def start(self, fn: Callable[..., Any], *args: Any) -> threading.Thread:
        def run() -> None:
            try:
                fn(*args)
            except BaseException as exc:  # noqa: BLE001 - reported by check()
                self.errors.append(exc)

        thread = threading.Thread(target=run, daemon=True)
        self.threads.append(thread)
        thread.start()
        return thread

    def join(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        for thread in self.threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        alive = [t for t in self.threads if t.is_alive()]
        assert not alive, f"{len(alive)} threads still running after {timeout}s"

    def check(self) -> None:
        if self.errors:
            raise self.errors[0]


# ---------------------------------------------------------------------------------------------
# Many writers, several pullers, real HTTP


def test_concurrent_writers_never_let_a_puller_skip_a_change(pg_server: LiveServer) -> None:
    # One login per account (Argon2 is slow on purpose); each writer and puller is a device
    # of its own, with its own device id and connection, using that account's token.
    tokens = {}
    for name in {a for a, _ in WRITER_ACCOUNTS} | {a for a, _ in PULLERS}:
        first = _client(pg_server.url, name)
        tokens[name] = first.token
        first.close()
    writers = [Transport(pg_server.url, str(uuid.uuid4()),
                         token=tokens[WRITER_ACCOUNTS[n % len(WRITER_ACCOUNTS)][0]])
               for n in range(WRITERS)]
    pullers = [(Transport(pg_server.url, str(uuid.uuid4()), token=tokens[name]), limit)
               for name, limit in PULLERS]
    start = threading.Barrier(WRITERS + len(PULLERS))
    writers_done = threading.Event()
    lock = threading.Lock()
    in_flight = {"now": 0, "max": 0}
    applied: dict[str, int] = {}  # record id → revision from its receipt
    seen: list[list[tuple[int, str, str]]] = [[] for _ in PULLERS]
    mid_run_pages = [0] * len(PULLERS)

    def write(n: int, t: Transport) -> None:
        grid = WRITER_ACCOUNTS[n % len(WRITER_ACCOUNTS)][1]
        start.wait(WAIT)
        for b in range(BATCHES):
            changes = [_insert(grid, door_no=f"{n}-{b}-{k}") for k in range(PER_BATCH)]
            with lock:
                in_flight["now"] += 1
                in_flight["max"] = max(in_flight["max"], in_flight["now"])
            try:
                receipts = _push(t, changes)["receipts"]
            finally:
                with lock:
                    in_flight["now"] -= 1
            assert [r["status"] for r in receipts] == ["applied"] * PER_BATCH, receipts
            revs = [r["rev"] for r in receipts]
            assert revs == sorted(set(revs)), f"one batch's revisions out of order: {revs}"
            with lock:
                applied.update({c["record_id"]: r for c, r in zip(changes, revs, strict=True)})

    def pull(n: int, t: Transport, limit: int) -> None:
        cursor = 0
        start.wait(WAIT)
        while True:
            finished = writers_done.is_set()  # read before the request: then it saw every commit
            page = _pull(t, cursor, limit)
            revs = [c["rev"] for c in page["changes"]]
            assert revs == sorted(set(revs)), f"page not in revision order: {revs}"
            assert not revs or revs[0] > cursor, f"page starts at {revs[0]}, cursor {cursor}"
            assert page["cursor"] == (revs[-1] if revs else cursor), page["cursor"]
            assert len(revs) <= limit
            seen[n].extend((c["rev"], c["entity"], c["id"]) for c in page["changes"])
            if not finished and any(c["entity"] == "household" for c in page["changes"]):
                mid_run_pages[n] += 1
            cursor = page["cursor"]
            if finished and not page["more"]:
                return
            if not page["more"]:
                writers_done.wait(0.05)  # pacing only: don't spin on an empty feed

    threads, pull_threads = _Threads(), _Threads()
    for n, t in enumerate(writers):
        threads.start(write, n, t)
    for n, (t, limit) in enumerate(pullers):
        pull_threads.start(pull, n, t, limit)
    try:
        threads.join()
    finally:
        writers_done.set()
    pull_threads.join()
    threads.check()
    pull_threads.check()

    with pg_server.db.session() as s:
        households = set(s.scalars(select(Household.id)))
        feed = list(s.scalars(select(FeedEntry.rev).order_by(FeedEntry.rev)))
        counter = s.scalar(select(RevCounter.value))
        feed_households = dict(s.execute(select(FeedEntry.record_id, FeedEntry.rev)
                                         .where(FeedEntry.entity == "household")).all())

    total = WRITERS * BATCHES * PER_BATCH
    assert len(applied) == total and set(applied) == households
    # The writes really overlapped, and the pullers really read while they went on.
    assert in_flight["max"] > 1
    assert sum(mid_run_pages) > 0

    for n, (name, limit) in enumerate(PULLERS):
        revs = [rev for rev, _, _ in seen[n]]
        got = [record_id for _, entity, record_id in seen[n] if entity == "household"]
        assert revs == sorted(set(revs)), f"puller {name}/{limit}: revisions not increasing"
        assert len(got) == len(set(got)), f"puller {name}/{limit}: duplicates"
        missed = households - set(got)
        assert not missed, f"puller {name}/{limit} skipped {len(missed)} committed households"
        assert set(got) == households
        # Every change is in both pullers' scope, so each saw the whole feed, in order.
        assert revs == feed, f"puller {name}/{limit} did not see the whole feed"

    # The feed is gap-free: 1 … max, and the counter stands at max.
    assert feed == list(range(1, len(feed) + 1)) and counter == len(feed) == AREAS + total
    assert feed_households == applied  # every receipt's revision is the record's feed entry
    for t in writers + [t for t, _ in pullers]:
        t.close()


# ---------------------------------------------------------------------------------------------
# The hazard the lock prevents, shown on bare PostgreSQL


def test_a_sequence_allocated_before_commit_lets_a_cursor_skip_a_row() -> None:
    """The naive design: a feed numbered by a SEQUENCE. Writer A draws 1, writer B draws 2
    and commits, a reader moves its cursor to 2, then A commits row 1: the reader never
    sees it. (This is why `Revisions` holds the counter's row lock until commit.)"""
    with postgres_database() as url:
        engine = create_engine(url)
        try:
            with engine.begin() as conn:
                conn.execute(text("CREATE SEQUENCE naive_rev"))
                conn.execute(text("CREATE TABLE naive_feed (rev bigint PRIMARY KEY, what text)"))
            with engine.connect() as a, engine.connect() as b, engine.connect() as reader:
                a.begin()
                rev_a = a.execute(text("SELECT nextval('naive_rev')")).scalar_one()
                a.execute(text("INSERT INTO naive_feed VALUES (:r, 'A')"), {"r": rev_a})
                b.begin()
                rev_b = b.execute(text("SELECT nextval('naive_rev')")).scalar_one()
                b.execute(text("INSERT INTO naive_feed VALUES (:r, 'B')"), {"r": rev_b})
                b.commit()

                def after(cursor: int) -> list[int]:
                    rows = reader.execute(text(
                        "SELECT rev FROM naive_feed WHERE rev > :c ORDER BY rev"),
                        {"c": cursor}).scalars().all()
                    reader.commit()
                    return list(rows)

                seen = after(0)
                cursor = max(seen)
                a.commit()
                seen += after(cursor)
                with engine.connect() as check:
                    committed = set(check.execute(text("SELECT rev FROM naive_feed")).scalars())
        finally:
            engine.dispose()
    assert rev_a < rev_b
    assert committed == {rev_a, rev_b}
    assert seen == [rev_b], "the reader's cursor moved past A's row before A committed"
    assert rev_a not in seen  # skipped for ever: every later read starts after rev_b


# ---------------------------------------------------------------------------------------------
# The real design, deterministically


def _household(session: Any, revs: Revisions, grid_code: str, door: str) -> tuple[str, int]:
    """A household written the way a push writes one: row, then its feed entry."""
    household = Household(**clean_household(household_data(grid_id(grid_code), door_no=door)))
    session.add(household)
    session.flush()
    rev = publish(revs, "household", household.id, grid_id(grid_code))
    household.server_rev = rev
    session.flush()
    return household.id, rev


def test_second_writer_waits_for_the_first_to_commit_and_revisions_follow_commits(
        pg_server: LiveServer, watcher: Engine) -> None:
    """Writers work side by side and queue only to number their changes: B, fully written,
    waits in its commit for the counter lock A took when it numbered its own."""
    puller = _client(pg_server.url, "jdy1")
    cursor = _pull(puller, 0, 2000)["cursor"]  # the area tree
    session_a = pg_server.db.session()
    session_a.begin()
    pid_a = _pid(session_a)
    revs_a = Revisions(session_a)
    id_a, placeholder_a = _household(session_a, revs_a, "G01", "A")
    revs_a.allocate()  # A's last step: the counter is locked until A commits
    rev_a = revs_a.real(placeholder_a)

    b_pid: list[int] = []
    b_written, b_committed = threading.Event(), threading.Event()
    result_b: dict[str, Any] = {}

    def writer_b() -> None:
        with pg_server.db.transaction() as session_b:
            b_pid.append(_pid(session_b))
            revs_b = Revisions(session_b)
            result_b["id"], placeholder = _household(session_b, revs_b, "G02", "B")
            b_written.set()  # not blocked by A while writing
        result_b["rev"] = revs_b.real(placeholder)
        b_committed.set()

    threads = _Threads()
    thread_b = threads.start(writer_b)
    try:
        assert b_written.wait(WAIT), "writer B was blocked before its last step"
        _wait_until(lambda: bool(b_pid) and b_pid[0] in _blocked_by(watcher, pid_a),
                    "writer B to wait for writer A's counter lock in its commit")
        assert not b_committed.is_set() and thread_b.is_alive()
        # Nothing of A is visible yet, and a puller's cursor does not move.
        page = _pull(puller, cursor)
        assert page["changes"] == [] and page["cursor"] == cursor

        session_a.commit()
        thread_b.join(WAIT)
        assert b_committed.is_set()
        threads.check()
    finally:
        session_a.close()
        threads.join(WAIT)
    page = _pull(puller, cursor)
    assert [(c["rev"], c["id"]) for c in page["changes"]] == [
        (rev_a, id_a), (result_b["rev"], result_b["id"])]
    assert result_b["rev"] == rev_a + 1  # revision order is commit order: A, then B
    puller.close()


# ---------------------------------------------------------------------------------------------
# Replays and held photo links racing on the lock


def test_a_batch_resent_while_the_first_copy_waits_gets_the_same_receipts(
        pg_server: LiveServer, watcher: Engine) -> None:
    """A device whose push timed out resends the same batch while the first copy is still
    queued on the counter lock (a long batch of another device holds it). Both copies must
    get the first copy's receipts, not a server error."""
    device = _client(pg_server.url, "wgy1", retries=0)
    copies = [device, _twin(device)]
    changes = [_insert("G01", door_no=f"R-{k}") for k in range(3)]
    batch_id = str(uuid.uuid4())
    answers: list[Any] = [None, None]

    holder = pg_server.db.session()
    holder.begin()
    holder_pid = _pid(holder)
    Revisions(holder).lock()  # another writer numbering a long batch

    def send(n: int) -> None:
        answers[n] = _push(copies[n], changes, batch_id)

    threads = _Threads()
    try:
        for n in range(2):
            threads.start(send, n)
        _wait_until(lambda: len(_lock_waiters(watcher)) == 2
                    and bool(_blocked_by(watcher, holder_pid)),
                    "both copies of the batch to queue on the counter lock")
    finally:
        holder.rollback()
        holder.close()
    threads.join(WAIT)
    threads.check()

    first, second = answers
    assert first["receipts"] == second["receipts"]
    assert [r["status"] for r in first["receipts"]] == ["applied"] * 3
    with pg_server.db.session() as s:
        ids = set(s.scalars(select(Household.id)))
        assert ids == {c["record_id"] for c in changes}
    for t in copies:
        t.close()


def test_a_photo_finishing_while_its_link_is_being_pushed_releases_the_link(
        pg_server: LiveServer, watcher: Engine) -> None:
    """A link pushed before its photo is held; the upload that completes the photo releases
    it. If the upload completes while the push that holds the link is still open, the link
    must still be released (else it stays invisible for ever: the device sees the photo
    on the server and never uploads it again)."""
    device = _client(pg_server.url, "wgy1", retries=0)
    house = _insert("G01", door_no="P-1")
    assert _push(device, [house])["receipts"][0]["status"] == "applied"
    photo = jpeg_bytes()
    sha = hashlib.sha256(photo).hexdigest()
    link_id = str(uuid.uuid4())
    link = {"change_id": str(uuid.uuid4()), "entity": "photo_link", "record_id": link_id,
            "op": "insert", "base_rev": None,
            "payload": {"id": link_id, "photo_sha256": sha, "entity": "household",
                        "record_id": house["record_id"], "stage": "before"}}
    # The same batch then edits the household, whose row another transaction holds: the
    # push stays open (counter locked, link held but not committed) until we let it go.
    with pg_server.db.session() as s:
        base = {"notes": s.get(Household, house["record_id"]).notes}
    edit = {"change_id": str(uuid.uuid4()), "entity": "household",
            "record_id": house["record_id"], "op": "update", "base_rev": None,
            "payload": {"fields": {"notes": "已拍照"}, "base": base}}

    row_holder = pg_server.db.session()
    row_holder.begin()
    row_holder_pid = _pid(row_holder)
    row_holder.execute(select(Household).where(Household.id == house["record_id"])
                       .with_for_update())
    answers: dict[str, Any] = {}

    def push() -> None:
        answers["push"] = _push(device, [link, edit])

    uploader = _twin(device)

    def upload() -> None:
        answers["upload"] = uploader.json(
            "PUT", f"/photos/{sha}/upload", data=photo,
            params={"device_id": device.device_id, "offset": 0, "total": len(photo)},
            headers={"Content-Type": "application/octet-stream"})

    threads = _Threads()
    try:
        threads.start(push)
        _wait_until(lambda: len(_blocked_by(watcher, row_holder_pid)) == 1,
                    "the push to wait on the household row")
        push_pid = _blocked_by(watcher, row_holder_pid)[0]
        uploading = threads.start(upload)
        # The upload either finishes at once or queues behind the open push; both are fine.
        _wait_until(lambda: not uploading.is_alive() or bool(_blocked_by(watcher, push_pid)),
                    "the upload to finish or to wait for the push")
    finally:
        row_holder.rollback()
        row_holder.close()
    threads.join(WAIT)
    threads.check()

    assert [r["status"] for r in answers["push"]["receipts"]] == ["applied", "applied"]
    assert answers["upload"]["complete"] is True
    with pg_server.db.session() as s:
        assert s.scalar(select(func.count()).select_from(HeldLink)) == 0
        assert s.get(PhotoLink, link_id) is not None
    supervisor = _client(pg_server.url, "jdy1")
    pulled = {c["id"] for c in _pull(supervisor, 0, 2000)["changes"] if c["entity"] == "photo_link"}
    assert pulled == {link_id}
    for t in (supervisor, uploader, device):
        t.close()
