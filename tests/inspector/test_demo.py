"""The demo district generator: deterministic, complete and consistent with the rules.

The classroom district (600 households, photos on) is generated once for the module;
every check reads it through the models and the same helpers the app uses. Values
of the (fictional) residents are compared through digests and never printed.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from inspector import caseflow
from inspector.db import Store, open_store
from inspector.demo import CLASSROOM_HOUSEHOLDS, generate
from inspector.demo.generator import SUPERVISOR
from inspector.models import (
    Area,
    AuditEntry,
    GridStaff,
    Household,
    Issue,
    IssueAction,
    OutboxEntry,
    Photo,
    PhotoLink,
    Resident,
    Task,
    Tombstone,
)
from inspector.photos import PhotoStore
from inspector.search import search
from inspector.validation import parse_id_number

NOW = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
SEED = 424242


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("classroom") / "store.db")
    generate(store, CLASSROOM_HOUSEHOLDS, seed=SEED, now=NOW, photos=True)
    yield store
    store.close()


def _digest(store: Store) -> tuple[dict[str, int], str]:
    """Row counts of every generated table and a digest of the sorted (name, id_number) list."""
    with store.read() as s:
        people = sorted(s.execute(select(Resident.name, Resident.id_number)))
        counts = {
            model.__tablename__: s.scalar(select(func.count()).select_from(model))
            for model in (Area, Household, Resident, Issue, IssueAction, Task, PhotoLink)
        }
    h = hashlib.sha256()
    for name, id_number in people:
        h.update(f"{name}\x1f{id_number}\x1e".encode())
    return counts, h.hexdigest()


def _fresh(path: Path, seed: int) -> Store:
    store = open_store(path)
    generate(store, 150, seed=seed, now=NOW, photos=False)
    return store


def test_same_seed_and_time_give_the_same_district(tmp_path: Path) -> None:
    stores = [_fresh(tmp_path / f"s{i}" / "store.db", SEED) for i in range(2)]
    other = _fresh(tmp_path / "other" / "store.db", SEED + 1)
    try:
        first, second, third = (_digest(s) for s in (*stores, other))
        assert first[0] == second[0]
        assert first[0]["household"] == 150 and first[0]["resident"] > 150
        assert first[1] == second[1]  # compared as hashes: no personal data in the output
        assert third[1] != first[1]  # the seed matters
        with stores[0].read() as a, stores[1].read() as b:  # ids come from the seed too
            assert (sorted(a.scalars(select(Resident.id)))
                    == sorted(b.scalars(select(Resident.id))))
    finally:
        for s in (*stores, other):
            s.close()


def test_classroom_size(classroom: Store) -> None:
    with classroom.read() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == CLASSROOM_HOUSEHOLDS
        levels = Counter(s.scalars(select(Area.level)))
        residents = s.scalar(select(func.count()).select_from(Resident))
    assert levels["grid"] == 6
    assert levels["district"] == 1 and levels["street"] >= 1 and levels["community"] >= 1
    assert 2 * CLASSROOM_HOUSEHOLDS < residents < 4 * CLASSROOM_HOUSEHOLDS


def test_every_case_state_occurs(classroom: Store) -> None:
    with classroom.read() as s:
        present = set(s.scalars(select(Issue.status)))
    assert present == set(caseflow.STATUSES)


def test_every_action_history_replays_through_the_case_rules(classroom: Store) -> None:
    with classroom.read() as s:
        issues = s.scalars(select(Issue)).all()
        actions: dict[str, list[IssueAction]] = defaultdict(list)
        for action in s.scalars(select(IssueAction).order_by(IssueAction.issue_id,
                                                             IssueAction.seq)):
            actions[action.issue_id].append(action)
        stages: dict[str, set[str]] = defaultdict(set)
        for record_id, stage in s.execute(select(PhotoLink.record_id, PhotoLink.stage)
                                          .where(PhotoLink.entity == "issue")):
            stages[record_id].add(stage)
    assert issues
    for issue in issues:
        status, verified = caseflow.DRAFT, False
        history = actions[issue.id]
        assert [a.seq for a in history] == list(range(1, len(history) + 1))
        for action in history:
            assert action.from_status == status
            req = caseflow.ActionRequest(
                action.kind, action.actor_role, reason=action.reason,
                department=action.department, deadline_at=action.deadline_at,
                outcome=action.outcome, photo_stages=frozenset(stages[issue.id]))
            target = caseflow.plan(status, req, verified=verified)  # raises if not allowed
            assert target == action.to_status
            if action.kind == "verify":
                verified = action.outcome == "passed"
            status = target
        assert status == issue.status
        assert (issue.number is None) == (issue.status == caseflow.DRAFT)
        if issue.status in (caseflow.CLOSED, caseflow.EVALUATED):
            assert issue.closed_at is not None
        times = [a.at for a in history]
        assert times == sorted(times) and all(t <= NOW for t in times)


def test_verifying_cases_have_an_open_verification_task(classroom: Store) -> None:
    with classroom.read() as s:
        verifying = set(s.scalars(select(Issue.id).where(Issue.status == caseflow.VERIFYING)))
        tasks = s.execute(select(Task.issue_id, Task.kind, Task.status)).all()
    assert verifying
    open_tasks = {t.issue_id for t in tasks if t.status == "open" and t.kind == "verify_issue"}
    assert verifying <= open_tasks


def test_id_numbers_are_valid_and_agree_with_gender_and_birth_date(classroom: Store) -> None:
    with classroom.read() as s:
        residents = s.execute(select(Resident.id_number, Resident.gender,
                                     Resident.birth_date)).all()
    assert residents
    for id_number, gender, birth_date in residents:
        info = parse_id_number(id_number, today=NOW.date())
        assert info.gender == gender
        assert info.birth_date == birth_date
    assert len({r.id_number for r in residents}) == len(residents)


def test_every_household_with_residents_has_exactly_one_head(classroom: Store) -> None:
    with classroom.read() as s:
        rows = s.execute(select(Resident.household_id, Resident.relation)).all()
        heads = dict(s.execute(select(Household.id, Household.head_name)).all())
    relations: dict[str, list[str]] = defaultdict(list)
    for household_id, relation in rows:
        relations[household_id].append(relation)
    assert relations
    for household_id, rels in relations.items():
        assert rels.count("self") == 1
        assert heads[household_id] is not None


def test_every_grid_has_a_closed_polygon(classroom: Store) -> None:
    with classroom.read() as s:
        grids = s.scalars(select(Area).where(Area.level == "grid")).all()
    assert grids
    for grid in grids:
        assert grid.boundary is not None and grid.boundary["type"] == "Polygon"
        ring = grid.boundary["coordinates"][0]
        assert len(ring) >= 4 and ring[0] == ring[-1]


def test_grids_keep_their_head_and_accounts(classroom: Store) -> None:
    """Fields only some rows of a table carry (a grid's head, a worker's account) survive
    the bulk insert, so workers can be found by grid and log in to theirs."""
    with classroom.read() as s:
        grids = s.scalars(select(Area).where(Area.level == "grid")).all()
        staff = s.execute(select(GridStaff.grid_id, GridStaff.duty, GridStaff.username)).all()
    accounts: dict[str, dict[str, str | None]] = defaultdict(dict)
    for grid_id, duty, username in staff:
        accounts[grid_id][duty] = username
    workers = set()
    for grid in grids:
        assert grid.head_name
        assert accounts[grid.id]["监督员"] == SUPERVISOR
        assert accounts[grid.id]["网格员"]
        workers.add(accounts[grid.id]["网格员"])
    assert len(workers) == len(grids)


def test_linked_photos_exist_on_disk_and_verify(classroom: Store) -> None:
    photos = PhotoStore(classroom.photo_dir)
    with classroom.read() as s:
        linked = set(s.scalars(select(PhotoLink.photo_sha256)))
        sizes = dict(s.execute(select(Photo.sha256, Photo.size)).all())
        stages = set(s.scalars(select(PhotoLink.stage)))
    assert linked
    assert {"report", "before", "after", "verification"} <= stages
    for sha in linked:
        data = photos.read(sha)  # raises unless the bytes hash to their name
        assert sizes[sha] == len(data)
        assert photos.thumb_path(sha).is_file()


def test_search_finds_generated_residents_by_name(classroom: Store) -> None:
    with classroom.read() as s:
        residents = s.execute(select(Resident.id, Resident.name).order_by(Resident.id)).all()
        picked = random.Random(1).sample(residents, 30)
        for rid, name in picked:
            hits = search(s, name, kinds=("resident",), limit=1000)
            assert any(h.record_id == rid for h in hits)
            assert all(h.kind == "resident" for h in hits)


def test_nothing_waits_in_the_outbox(classroom: Store) -> None:
    with classroom.read() as s:
        for model in (OutboxEntry, AuditEntry, Tombstone):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        # as after a first pull: every record carries a server revision
        assert s.scalar(select(func.count()).select_from(Resident)
                        .where(Resident.server_rev.is_(None))) == 0
