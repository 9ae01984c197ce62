"""Applying pulled changes to a real store: references this device cannot satisfy never
fail a page, and local work is never overwritten."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from testkit import make_id

from inspector.models import Resident, SyncCursor, Visit
from sync.client.pull import apply_changes, apply_page


def _resident(tree, household_id: str) -> dict:
    return {"id": str(uuid.uuid4()), "household_id": household_id, "grid_id": tree.g1,
            "name": "测试人", "id_number": make_id(seq="777"), "gender": "male",
            "birth_date": "1980-01-01", "relation": "self", "residence_type": "registered",
            "server_rev": 7}


def _visit(tree, household_id: str) -> dict:
    return {"id": str(uuid.uuid4()), "household_id": household_id, "grid_id": tree.g1,
            "visitor": "wgy1", "kind": "routine",
            "visited_at": datetime(2026, 11, 1, tzinfo=UTC).isoformat(), "server_rev": 8}


def test_references_outside_scope_are_emptied_or_the_row_waits(store, tree) -> None:
    unknown = str(uuid.uuid4())
    resident, visit = _resident(tree, unknown), _visit(tree, unknown)
    with store.write() as s:
        applied = apply_changes(s, [
            {"entity": "resident", "id": resident["id"], "op": "upsert", "data": resident},
            {"entity": "visit", "id": visit["id"], "op": "upsert", "data": visit}])
    assert applied == 1
    with store.read() as s:
        assert s.get(Resident, resident["id"]).household_id is None  # may be empty: emptied
        assert s.get(Visit, visit["id"]) is None  # must have a household: left for later


def test_a_page_and_its_cursor_commit_together(store, tree) -> None:
    resident = _resident(tree, None)
    page = {"changes": [{"entity": "resident", "id": resident["id"], "op": "upsert",
                         "data": resident},
                        {"entity": "no_such_entity", "id": "x", "op": "upsert", "data": {}}],
            "cursor": 42, "more": False}
    assert apply_page(store, "scope-a", page) == 1
    with store.read() as s:
        assert s.get(SyncCursor, "scope-a").cursor == "42"
        assert len(s.scalars(select(Resident)).all()) == 1
