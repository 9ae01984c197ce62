"""A case moved to another grid takes its actions and photos with it, on every device."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from synckit import grid_id
from testkit import jpeg_bytes

from inspector.models import Issue, IssueAction, PhotoLink, utcnow
from inspector.photos import PhotoStore
from inspector.services import cases
from inspector.services.attachments import import_photos
from inspector.services.cases import IssueInput
from sync.server.models import RecordIndex


def _rows(device, model) -> list:
    with device.store.read() as s:
        return s.scalars(select(model)).all()


def test_a_case_moved_between_grids_brings_its_history(server, device_factory) -> None:
    first, second, supervisor = (device_factory("wgy1"), device_factory("wgy2"),
                                 device_factory("jdy1"))
    first.sync()
    photos = tuple(import_photos(PhotoStore(first.store.photo_dir),
                                 [(jpeg_bytes((90, 90, 200)), "report")]))
    issue_id, _ = cases.report_issue(first.store, first.actor, IssueInput(
        grid_id=grid_id("G01"), category_code="exposed_garbage", severity="general",
        title="垃圾堆放", description="路口有暴露垃圾", address="两网格交界处",
        occurred_at=utcnow() - timedelta(hours=1), photos=photos))
    first.sync()
    supervisor.sync()
    # The supervisor finds the place lies in the neighbouring grid and moves the case.
    supervisor.transport.json("POST", "/sync/push", json={
        "device_id": supervisor.transport.device_id, "batch_id": "move-batch-0001",
        "changes": [{"change_id": "move-change-0001", "entity": "issue", "record_id": issue_id,
                     "op": "update", "payload": {"fields": {"grid_id": grid_id("G02")},
                                                 "base": {"grid_id": grid_id("G01")}}}]})
    with server.db.session() as s:
        grids = {(r.entity, r.grid_id) for r in s.scalars(select(RecordIndex).where(
            RecordIndex.entity.in_(["issue", "issue_action", "photo_link"])))}
    assert grids == {("issue", grid_id("G02")), ("issue_action", grid_id("G02")),
                     ("photo_link", grid_id("G02"))}

    second.sync()
    assert [i.id for i in _rows(second, Issue)] == [issue_id]
    assert len(_rows(second, IssueAction)) == 1 and len(_rows(second, PhotoLink)) == 1
    first.engine._pull(first.engine._profile())  # the pull alone, without the drift check
    assert _rows(first, Issue) == [] and _rows(first, IssueAction) == []
    assert _rows(first, PhotoLink) == []
