"""Replaying pushed batches changes nothing (DESIGN §5: "replaying any batch, any number of
times, after any failure, changes nothing more").

A worker's device pushes varied work (inserts, an edit that partly conflicts, a delete, a
reported case with two photos: insert / update / delete / append changes, a conflict receipt
and held photo links) through real HTTP.
Every batch it sent is captured as sent and then posted again three times under its own
batch id and once more under a new batch id. The receipts must repeat exactly, the new batch
must be answered `duplicate` change by change, and the server's tables (domain rows, feed,
record index, receipts, held links, case counters, photo files) must be byte-for-byte what
they were before the replays.
"""

from __future__ import annotations

import copy
import hashlib
import uuid
from collections import Counter
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from synckit import Device, LiveServer, grid_id, placeholders_left, revisions_disagreeing
from testkit import household_data, jpeg_bytes, make_id, resident_data

from inspector.models import (
    Base,
    Household,
    Issue,
    IssueAction,
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
from sync.server.models import (
    DOMAIN_TABLES,
    Batch,
    CaseCounter,
    Conflict,
    FeedEntry,
    HeldLink,
    Receipt,
    RecordIndex,
)

REPLAYS = 3
SYNCED = ("household", "resident", "issue", "issue_action", "photo_link", "photo")


class Recorder:
    """Wraps a device transport's `json` and keeps a deep copy of every push and chunk sent,
    with the answer it got. The request itself goes out unchanged over real HTTP."""

    def __init__(self, device: Device) -> None:
        self.transport = device.transport
        self._json = device.transport.json
        self.pushes: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self.chunks: list[tuple[str, dict[str, Any], bytes]] = []
        device.transport.json = self  # type: ignore[method-assign]

    def __call__(self, method: str, path: str, **kwargs: Any) -> Any:
        answer = self._json(method, path, **kwargs)
        if method == "POST" and path == "/sync/push":
            self.pushes.append((copy.deepcopy(kwargs["json"]), copy.deepcopy(answer)))
        elif method == "PUT" and path.startswith("/photos/"):
            self.chunks.append((path, dict(kwargs["params"]), bytes(kwargs["data"])))
        return answer

    def send(self, method: str, path: str, **kwargs: Any) -> Any:
        """Straight to the real transport, not recorded."""
        return self._json(method, path, **kwargs)


def _issue_input(**extra: Any) -> cases.IssueInput:
    base = dict(grid_id=grid_id("G01"), category_code="exposed_garbage", severity="general",
                title="垃圾堆放", description="路口有暴露垃圾", address="幸福路12号",
                occurred_at=utcnow() - timedelta(hours=1))
    return cases.IssueInput(**(base | extra))


def _table_dump(server: LiveServer) -> dict[str, list[tuple]]:
    """Every row of every domain table and of the server's sync bookkeeping, in key order."""
    tables = [Base.metadata.tables[name] for name in DOMAIN_TABLES]
    tables += [m.__table__ for m in (FeedEntry, RecordIndex, Receipt, HeldLink, CaseCounter,
                                      Conflict)]
    out = {}
    with server.db.session() as s:
        for table in tables:
            rows = s.execute(select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def _photo_files(server: LiveServer) -> dict[str, str]:
    """Stored photo files (thumbnails aside) → SHA-256 of their bytes; leftover uploads too."""
    root = server.settings.photo_dir
    files = {f.name: hashlib.sha256(f.read_bytes()).hexdigest()
             for f in root.rglob("*.jpg") if "thumbs" not in f.parts}
    parts = sorted(str(f.relative_to(server.settings.upload_dir))
                   for f in server.settings.upload_dir.rglob("*.part"))
    return files | {"uploads in progress": repr(parts)}


def _batch_count(server: LiveServer) -> int:
    with server.db.session() as s:
        return s.scalar(select(func.count()).select_from(Batch))


def _ids(session: Any, model: Any) -> list[str]:
    key = model.sha256 if model is Photo else model.id
    return sorted(session.scalars(select(key)))


def _make_work(worker: Device, staff: Device) -> dict[str, Any]:
    """Two rounds of varied work, each synced; returns the ids to expect on the server.

    Between the rounds a staff member changes a household's phone, so the worker's later
    edit of the same phone (and of the notes) comes back as a conflict."""
    actor = worker.actor
    hh_a, _ = register.add_household(worker.store, actor, household_data(grid_id("G01")))
    hh_b, _ = register.add_household(worker.store, actor,
                                     household_data(grid_id("G01"), door_no="5-1-101",
                                                    address="幸福路14号5栋1单元101"))
    residents = [register.add_resident(worker.store, actor, hh, resident_data(
        make_id(seq=seq), relation="self" if n == 0 else "other"))[0]
        for n, (hh, seq) in enumerate([(hh_a, "101"), (hh_a, "102"), (hh_a, "103"),
                                       (hh_b, "104")])]
    pics = tuple(import_photos(PhotoStore(worker.store.photo_dir),
                               [(jpeg_bytes((200, 40, 40)), "report"),
                                (jpeg_bytes((40, 200, 40), size=(80, 60)), "report")]))
    issue_id, _ = cases.report_issue(worker.store, actor,
                                     _issue_input(household_id=hh_a, photos=pics))
    first = worker.sync()
    assert first.pushed.applied == 10 and first.photos.uploaded == 2, first

    staff.sync()
    register.edit_household(staff.store, staff.actor, hh_a, {"phone": "13700137000"})
    assert staff.sync().pushed.applied == 1

    # Second round on records the server already has: an update (one field merges, one
    # conflicts) and a real delete.
    register.edit_household(worker.store, actor, hh_a, {"phone": "13900139000",
                                                        "notes": "每周回访"})
    register.remove_resident(worker.store, actor, residents[2])
    second = worker.sync()
    assert (second.pushed.applied, second.pushed.conflict) == (1, 1), second
    assert second.pending_after == 0
    return {"household": [hh_a, hh_b], "resident": residents[:2] + residents[3:],
            "issue": [issue_id], "photo": [pic.photo.sha256 for pic in pics],
            "merged": (hh_a, "13700137000", "每周回访")}


def test_replaying_every_batch_changes_nothing(server: LiveServer, device_factory) -> None:
    worker, staff = device_factory("wgy1"), device_factory("sqgz1")
    worker.sync()
    worker.engine.batch_count = 3  # several batches, each with its own id
    recorder = Recorder(worker)
    expected = _make_work(worker, staff)

    sent = recorder.pushes
    ops = Counter(c["op"] for body, _ in sent for c in body["changes"])
    assert ops == {"insert": 9, "append": 1, "update": 1, "delete": 1}, ops
    assert len(sent) >= 5 and len({body["batch_id"] for body, _ in sent}) == len(sent)
    # Every change got a final answer the first time (nothing was deferred), and the photo
    # links, pushed before their photos, were held rather than refused.
    first = {r["change_id"]: r for _, answer in sent for r in answer["receipts"]}
    assert Counter(r["status"] for r in first.values()) == {p.APPLIED: 11, p.CONFLICT: 1}
    assert len(first) == sum(ops.values())
    links = [c["change_id"] for body, _ in sent for c in body["changes"]
             if c["entity"] == "photo_link"]
    assert len(links) == 2 and all(first[c]["held"] and first[c]["rev"] is None for c in links)

    before = _table_dump(server)
    files_before = _photo_files(server)
    batches_before = _batch_count(server)
    assert len(before["feed"]) > 0 and before["held_link"] == []
    assert len(before["conflict"]) == 1
    assert placeholders_left(server) == []  # every revision was numbered at commit
    assert revisions_disagreeing(server) == []

    # 1. The very same batches, three more times each: the very same answers.
    for body, answer in sent:
        for _ in range(REPLAYS):
            assert recorder.send("POST", "/sync/push", json=body) == answer
    assert _batch_count(server) == batches_before

    # 2. The same changes under a new batch id: each one is a duplicate of its first outcome.
    for body, _ in sent:
        again = recorder.send("POST", "/sync/push", json=body | {"batch_id": str(uuid.uuid4())})
        assert [r["change_id"] for r in again["receipts"]] == [
            c["change_id"] for c in body["changes"]]
        for r in again["receipts"]:
            was = first[r["change_id"]]
            assert (r["status"], r["original"], r["rev"]) == (p.DUPLICATE, was["status"],
                                                              was["rev"]), r
    assert _batch_count(server) == batches_before + len(sent)

    # 3. Every photo chunk again, three times: the photo is complete, nothing is rewritten.
    assert recorder.chunks
    for path, params, data in recorder.chunks:
        for _ in range(REPLAYS):
            state = recorder.send("PUT", path, data=data, params=params,
                                  headers={"Content-Type": "application/octet-stream"})
            assert state["complete"] is True

    assert _table_dump(server) == before
    assert _photo_files(server) == files_before
    assert all(name == f"{sha}.jpg" for name, sha in files_before.items()
               if name != "uploads in progress")

    # The device has nothing left to say and its next cycle pushes nothing.
    sent.clear()
    report = worker.sync()
    assert sent == []
    assert (report.pushed.finished, report.pushed.deferred, report.pending_after) == (0, 0, 0)
    with worker.store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
        # The conflict was noted once, from the first answer; nothing was refused.
        assert [x.kind for x in s.scalars(select(SyncProblem))] == ["conflict"]

    # On the server: exactly the records made, each once, with one case number.
    with server.db.session() as s:
        for entity in ("household", "resident", "issue", "photo"):
            model = {"household": Household, "resident": Resident, "issue": Issue,
                     "photo": Photo}[entity]
            assert _ids(s, model) == sorted(expected[entity]), entity
        assert len(_ids(s, IssueAction)) == 1 and len(_ids(s, PhotoLink)) == 2
        numbers = s.scalars(select(Resident.id_number)).all()
        assert len(numbers) == len(set(numbers)) == 3
        issue = s.get(Issue, expected["issue"][0])
        assert issue.number.endswith("-0001")
        hh_a, phone, notes = expected["merged"]
        assert (s.get(Household, hh_a).phone, s.get(Household, hh_a).notes) == (phone, notes)
        assert s.scalars(select(CaseCounter.last)).all() == [1]
        server_ids = {e: _ids(s, m) for e, m in (
            ("household", Household), ("resident", Resident), ("issue", Issue),
            ("issue_action", IssueAction), ("photo_link", PhotoLink), ("photo", Photo))}

    # A second device gets exactly one copy of each record, and the photos' bytes.
    supervisor = device_factory("jdy1")
    report = supervisor.sync()
    assert report.photos.failed == []
    with supervisor.store.read() as s:
        for entity, model in (("household", Household), ("resident", Resident),
                              ("issue", Issue), ("issue_action", IssueAction),
                              ("photo_link", PhotoLink), ("photo", Photo)):
            assert _ids(s, model) == server_ids[entity], entity
        local_numbers = s.scalars(select(Resident.id_number)).all()
        assert len(local_numbers) == len(set(local_numbers)) == 3
        assert s.get(Issue, expected["issue"][0]).number == issue.number
        assert (s.get(Household, hh_a).phone, s.get(Household, hh_a).notes) == (phone, notes)
    files = PhotoStore(supervisor.store.photo_dir)
    for sha in expected["photo"]:
        assert hashlib.sha256(files.read(sha)).hexdigest() == sha
