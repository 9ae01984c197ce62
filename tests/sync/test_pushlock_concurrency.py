"""Pushes apply side by side and queue only to number their changes, on PostgreSQL.

The revision counter's lock is taken in a push's last step (`feed.Revisions.allocate`),
not for its whole batch: a push stuck in the middle of its batch no longer holds up
pushes of other records, and a puller running all along still never misses a change.
What the early lock used to serialize besides is now serialized by record locks: two
pushes editing one record still give one `applied` and one `conflict`.

Deterministic: a push is stopped mid-batch by a row lock another transaction holds,
and every wait is checked in PostgreSQL's own lock tables, never by sleeping.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from synckit import (
    LiveServer,
    grid_id,
    placeholders_left,
    postgres_skip_reason,
    revisions_disagreeing,
)
from test_concurrency import (
    WAIT,
    _blocked_by,
    _client,
    _insert,
    _lock_waiters,
    _pid,
    _pull,
    _push,
    _Threads,
    _wait_until,
    pg_server,  # noqa: F401 - fixture
    watcher,  # noqa: F401 - fixture
)
from testkit import make_id, resident_data

from inspector.models import Household
from inspector.validation import clean_resident
from sync.server.models import FeedEntry, HeldResident

_PG_SKIP = postgres_skip_reason()
pytestmark = pytest.mark.skipif(bool(_PG_SKIP), reason=_PG_SKIP or "")


def _edit(household_id: str, base_notes: Any, notes: str) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "entity": "household", "record_id": household_id,
            "op": "update", "base_rev": None,
            "payload": {"fields": {"notes": notes}, "base": {"notes": base_notes}}}


def _notes(server: LiveServer, household_id: str) -> Any:
    with server.db.session() as s:
        return s.get(Household, household_id).notes


class _Puller(threading.Thread):
    """Pulls everything after its cursor, again and again, until told to stop (then once more)."""

    def __init__(self, server: LiveServer) -> None:
        super().__init__(daemon=True)
        self.transport = _client(server.url, "admin")
        self.cursor = _pull(self.transport, 0, 2000)["cursor"]
        self.start_cursor = self.cursor
        self.seen: list[tuple[int, str]] = []
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while True:
                last = self.stop.is_set()
                page = _pull(self.transport, self.cursor, 50)
                self.seen += [(c["rev"], c["id"]) for c in page["changes"]]
                self.cursor = page["cursor"]
                if last and not page["more"]:
                    return
        except BaseException as exc:  # noqa: BLE001 - re-raised by the test
            self.error = exc


@contextmanager
def _holding(server: LiveServer, household_id: str) -> Iterator[int]:
    """A transaction of the test's own holding one household row locked; yields its
    backend pid, so a test can see who waits on it. Released on leaving."""
    holder = server.db.session()
    holder.begin()
    try:
        pid = _pid(holder)
        holder.execute(select(Household).where(Household.id == household_id).with_for_update())
        yield pid
    finally:
        holder.rollback()
        holder.close()


def test_pushlock_a_push_stuck_mid_batch_holds_up_no_other_push(
        pg_server: LiveServer, watcher: Engine) -> None:  # noqa: F811
    a = _client(pg_server.url, "wgy1", retries=0)
    b = _client(pg_server.url, "wgy2", retries=0)
    stuck = _insert("G01", door_no="S-1")
    assert _push(a, [stuck])["receipts"][0]["status"] == "applied"
    puller = _Puller(pg_server)
    puller.start()

    # A's batch: three new households, then an edit of a household whose row another
    # transaction holds, so A stops in the middle of its batch with changes written.
    batch_a = [_insert("G01", door_no=f"A-{k}") for k in range(3)]
    batch_a.append(_edit(stuck["record_id"], _notes(pg_server, stuck["record_id"]), "A 改"))
    batch_b = [_insert("G02", door_no=f"B-{k}") for k in range(3)]
    answers: dict[str, Any] = {}
    threads = _Threads()
    with _holding(pg_server, stuck["record_id"]) as holder_pid:
        pushing_a = threads.start(lambda: answers.__setitem__("a", _push(a, batch_a)))
        _wait_until(lambda: len(_blocked_by(watcher, holder_pid)) == 1,
                    "push A to stop mid-batch on the held household row")
        # B, on other records, goes through while A is still stuck.
        answers["b"] = _push(b, batch_b)
        assert pushing_a.is_alive() and len(_blocked_by(watcher, holder_pid)) == 1
    threads.join(WAIT)
    threads.check()
    puller.stop.set()
    puller.join(WAIT)
    assert not puller.is_alive() and puller.error is None

    receipts = answers["a"]["receipts"] + answers["b"]["receipts"]
    assert [r["status"] for r in receipts] == ["applied"] * 7
    with pg_server.db.session() as s:
        feed = [(r.rev, r.record_id) for r in s.scalars(
            select(FeedEntry).where(FeedEntry.rev > puller.start_cursor).order_by(FeedEntry.rev))]
    # B committed first, so its revisions come before A's; none are missing or repeated.
    assert puller.seen == feed
    assert [rev for rev, _ in feed] == list(range(puller.start_cursor + 1,
                                                  puller.start_cursor + 1 + len(feed)))
    sent = [c["record_id"] for c in batch_a + batch_b]
    assert sorted((r["rev"], record_id) for r, record_id in zip(receipts, sent,
                                                                strict=True)) == feed
    assert max(r["rev"] for r in answers["b"]["receipts"]) < min(
        r["rev"] for r in answers["a"]["receipts"])
    assert placeholders_left(pg_server) == [] and revisions_disagreeing(pg_server) == []
    for t in (a, b, puller.transport):
        t.close()


def test_pushlock_two_pushes_editing_one_record_give_one_conflict(
        pg_server: LiveServer, watcher: Engine) -> None:  # noqa: F811
    """The second push waits on the record the first one is editing, then judges its edit
    against the committed value: a conflict, not a lost update."""
    a = _client(pg_server.url, "wgy1", retries=0)
    b = _client(pg_server.url, "sqgz1", retries=0)
    shared, blocker = _insert("G01", door_no="E-1"), _insert("G01", door_no="E-2")
    assert [r["status"] for r in _push(a, [shared, blocker])["receipts"]] == ["applied"] * 2
    base = _notes(pg_server, shared["record_id"])
    answers: dict[str, Any] = {}
    threads = _Threads()
    with _holding(pg_server, blocker["record_id"]) as holder_pid:
        threads.start(lambda: answers.__setitem__("a", _push(a, [
            _edit(shared["record_id"], base, "甲"),
            _edit(blocker["record_id"], _notes(pg_server, blocker["record_id"]), "甲")])))
        _wait_until(lambda: len(_blocked_by(watcher, holder_pid)) == 1,
                    "push A to stop on the held row, having edited the shared record")
        threads.start(lambda: answers.__setitem__("b", _push(b, [
            _edit(shared["record_id"], base, "乙")])))
        _wait_until(lambda: len(_lock_waiters(watcher)) == 2,
                    "push B to wait for the shared record A is editing")
    threads.join(WAIT)
    threads.check()
    assert [r["status"] for r in answers["a"]["receipts"]] == ["applied", "applied"]
    (second,) = answers["b"]["receipts"]
    assert second["status"] == "conflict" and second["fields"] == ["notes"]
    assert _notes(pg_server, shared["record_id"]) == "甲"
    for t in (a, b):
        t.close()


def test_pushlock_a_resident_whose_id_number_a_concurrent_push_took_is_held(
        pg_server: LiveServer, watcher: Engine) -> None:  # noqa: F811
    """Two pushes register residents with one ID number at once: the unique index makes
    the second wait for the first, which commits; the second is then held aside for a
    supervisor, as if the first had come long before (not refused)."""
    a = _client(pg_server.url, "wgy1", retries=0)
    b = _client(pg_server.url, "wgy1", retries=0)  # a second device of the same worker
    home, blocker = _insert("G01", door_no="R-1"), _insert("G01", door_no="R-2")
    assert [r["status"] for r in _push(a, [home, blocker])["receipts"]] == ["applied"] * 2
    id_number = make_id(seq="777")

    def resident() -> dict[str, Any]:
        record_id = str(uuid.uuid4())
        payload = clean_resident(resident_data(id_number)) | {
            "birth_date": "1980-01-01", "household_id": home["record_id"],
            "grid_id": grid_id("G01"), "id": record_id}
        return {"change_id": str(uuid.uuid4()), "entity": "resident", "record_id": record_id,
                "op": "insert", "base_rev": None, "payload": payload}

    answers: dict[str, Any] = {}
    threads = _Threads()
    with _holding(pg_server, blocker["record_id"]) as holder_pid:
        threads.start(lambda: answers.__setitem__("a", _push(a, [
            resident(),
            _edit(blocker["record_id"], _notes(pg_server, blocker["record_id"]), "甲")])))
        _wait_until(lambda: len(_blocked_by(watcher, holder_pid)) == 1,
                    "push A to stop on the held row, having added its resident")
        threads.start(lambda: answers.__setitem__("b", _push(b, [resident()])))
        _wait_until(lambda: len(_lock_waiters(watcher)) == 2 or "b" in answers,
                    "push B to wait on the ID number A's resident holds")
        assert "b" not in answers, answers
    threads.join(WAIT)
    threads.check()
    assert [r["status"] for r in answers["a"]["receipts"]] == ["applied", "applied"]
    (second,) = answers["b"]["receipts"]
    assert (second["status"], second.get("held"), second["rev"]) == ("applied", True, None)
    with pg_server.db.session() as s:
        assert s.scalar(select(func.count()).select_from(HeldResident)) == 1
    for t in (a, b):
        t.close()
