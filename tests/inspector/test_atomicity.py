"""A failure injected inside a write leaves no data, no outbox and no audit row (DESIGN §4).

Two injections: a crash while the service is still recording (the n-th audit
entry of the write cannot be made, after the rows before it were flushed), and
a crash at the very end, after everything was flushed to the database but
before the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session
from testkit import household_data, jpeg_bytes, make_id, resident_data

import inspector.services.recording as recording
from inspector.caseflow import ActionRequest
from inspector.models import AuditEntry, Base, Issue, Task
from inspector.photos import PhotoStore
from inspector.services import activities, register
from inspector.services.attachments import import_photos
from inspector.services.cases import IssueInput, complete_verification, report_issue, take_action


class PowerCut(Exception):
    pass


def snapshot(store) -> dict[str, int]:
    """Row count of every table, the search index included."""
    with store.read() as s:
        out = {t.name: s.scalar(select(func.count()).select_from(t))
               for t in Base.metadata.sorted_tables}
        out["search_doc"] = s.execute(text("SELECT count(*) FROM search_doc")).scalar()
        out["search_trigram"] = s.execute(text("SELECT count(*) FROM search_trigram")).scalar()
    return out


@pytest.fixture
def fail_at_audit(monkeypatch) -> Callable[[int], None]:
    """Make the n-th audit entry of the next write blow up (rows before it already flushed)."""

    def arm(n: int) -> None:
        made = 0

        def exploding(**kw):
            nonlocal made
            made += 1
            if made == n:
                raise PowerCut(f"power cut at audit entry {n}")
            return AuditEntry(**kw)

        monkeypatch.setattr(recording, "AuditEntry", exploding)

    return arm


@pytest.fixture
def fail_before_commit() -> Iterator[Callable[[], None]]:
    """Blow up in the commit's own flush: data, outbox and audit are all in the file by then."""
    seen: dict[str, int] = {}

    def committing(session: Session) -> None:
        session.info["committing"] = True

    def hook(session: Session, _ctx: object) -> None:
        if session.info.pop("committing", False):
            conn = session.connection()
            seen["outbox"] = conn.execute(text("SELECT count(*) FROM outbox")).scalar()
            seen["audit"] = conn.execute(text("SELECT count(*) FROM audit")).scalar()
            raise PowerCut("power cut before commit")

    listeners = (("before_commit", committing), ("after_flush", hook))

    def arm() -> None:
        for name, fn in listeners:
            event.listen(Session, name, fn)

    arm.seen = seen  # type: ignore[attr-defined]
    yield arm
    for name, fn in listeners:
        if event.contains(Session, name, fn):
            event.remove(Session, name, fn)


def _ago(hours: int = 1) -> datetime:
    return datetime.now(UTC) - timedelta(hours=hours)


def _issue(grid_id: str, photos=()) -> IssueInput:
    return IssueInput(grid_id=grid_id, category_code="illegal_parking", severity="major",
                      title="占道停车", description="消防通道被占", address="幸福路8号",
                      occurred_at=_ago(), photos=tuple(photos))


# Each scenario: (prepare(store, tree, actors, photos) -> state, write(state), audits it makes)
def _register_add(store, tree, a, photos):
    return {"write": lambda: register.add_household(store, a["staff"], household_data(tree.g1)),
            "audits": 1}


def _register_add_resident(store, tree, a, photos):
    home, _ = register.add_household(store, a["staff"], household_data(tree.g1))
    return {"write": lambda: register.add_resident(store, a["staff"], home,
                                                   resident_data(make_id())),
            "audits": 1}


def _register_edit_moving_grid(store, tree, a, photos):
    home, _ = register.add_household(store, a["staff"], household_data(tree.g1))
    register.add_resident(store, a["staff"], home, resident_data(make_id()))
    register.add_resident(store, a["staff"], home, resident_data(make_id(seq="246"),
                                                                 name="陈小红", relation="child"))
    return {"write": lambda: register.edit_household(store, a["staff"], home,
                                                     {"grid_id": tree.g2}),
            "audits": 3}


def _register_remove(store, tree, a, photos):
    home, _ = register.add_household(store, a["staff"], household_data(tree.g1))
    rid, _ = register.add_resident(store, a["staff"], home, resident_data(make_id()))
    return {"write": lambda: register.remove_resident(store, a["staff"], rid), "audits": 1}


def _case_report(store, tree, a, photos):
    pics = import_photos(photos, [(jpeg_bytes(), "report")])
    return {"write": lambda: report_issue(store, a["worker"], _issue(tree.g1, pics)),
            "audits": 3}  # issue, photo link, report action


def _case_request_verification(store, tree, a, photos):
    issue_id, _ = report_issue(store, a["worker"], _issue(tree.g1))
    with store.write() as s:  # the server accepted it
        s.get(Issue, issue_id).status = "handled"
    req = ActionRequest("request_verification", "supervisor")
    return {"write": lambda: take_action(store, a["supervisor"], issue_id, req),
            "audits": 2}  # action, task


def _case_verification(store, tree, a, photos):
    issue_id, _ = report_issue(store, a["worker"], _issue(tree.g1))
    with store.write() as s:
        s.get(Issue, issue_id).status = "handled"
    take_action(store, a["supervisor"], issue_id, ActionRequest("request_verification",
                                                                "supervisor"))
    with store.read() as s:
        task_id = s.scalar(select(Task.id).where(Task.issue_id == issue_id))
    pics = tuple(import_photos(photos, [(jpeg_bytes((0, 200, 0)), "verification")]))
    return {"write": lambda: complete_verification(store, a["worker"], task_id, "passed", None,
                                                   pics),
            "audits": 3}  # photo link, verify action, task update


def _patrol_finding(store, tree, a, photos):
    patrol_id, _ = activities.start_patrol(store, a["worker"], tree.g1)
    return {"write": lambda: activities.check_item(store, a["worker"], patrol_id, "order_parking",
                                                   "problem", finding=_issue(tree.g1)),
            "audits": 3}  # issue, report action, patrol item


def _visit(store, tree, a, photos):
    home, _ = register.add_household(store, a["staff"], household_data(tree.g1))
    data = activities.VisitInput(home, "routine", needs=(
        activities.NeedInput("other", "想了解养老政策"),))
    return {"write": lambda: activities.record_visit(store, a["staff"], data),
            "audits": 3}  # visit, need, household last visit


SCENARIOS = {
    "register add household": _register_add,
    "register add resident": _register_add_resident,
    "register edit household grid": _register_edit_moving_grid,
    "register remove resident": _register_remove,
    "case report with photo": _case_report,
    "case request verification": _case_request_verification,
    "case verification": _case_verification,
    "patrol finding": _patrol_finding,
    "visit": _visit,
}


@pytest.fixture
def actors(worker, staff, supervisor):
    return {"worker": worker, "staff": staff, "supervisor": supervisor}


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenarios_write_the_audits_they_claim(name, store, tree, actors, tmp_path) -> None:
    """Guard for the tests below: the write succeeds and makes exactly that many audits."""
    sc = SCENARIOS[name](store, tree, actors, PhotoStore(tmp_path / "photos"))
    before = snapshot(store)
    sc["write"]()
    after = snapshot(store)
    assert after["audit"] - before["audit"] == sc["audits"]
    assert after["outbox"] - before["outbox"] == sc["audits"]


@pytest.mark.parametrize("name", SCENARIOS)
def test_crash_while_recording_leaves_nothing(name, store, tree, actors, tmp_path,
                                              fail_at_audit) -> None:
    sc = SCENARIOS[name](store, tree, actors, PhotoStore(tmp_path / "photos"))
    before = snapshot(store)
    for n in range(1, sc["audits"] + 1):
        fail_at_audit(n)
        with pytest.raises(PowerCut):
            sc["write"]()
        assert snapshot(store) == before, f"crash at audit {n} left rows behind"


@pytest.mark.parametrize("name", SCENARIOS)
def test_crash_before_commit_leaves_nothing(name, store, tree, actors, tmp_path,
                                            fail_before_commit) -> None:
    sc = SCENARIOS[name](store, tree, actors, PhotoStore(tmp_path / "photos"))
    before = snapshot(store)
    fail_before_commit()
    with pytest.raises(PowerCut):
        sc["write"]()
    # every row really was in the transaction when it died ...
    assert fail_before_commit.seen["outbox"] == before["outbox"] + sc["audits"]
    assert fail_before_commit.seen["audit"] == before["audit"] + sc["audits"]
    # ... and none of them survived
    assert snapshot(store) == before


def test_store_still_works_after_a_crashed_write(store, tree, actors, tmp_path,
                                                 fail_at_audit) -> None:
    fail_at_audit(1)
    with pytest.raises(PowerCut):
        register.add_household(store, actors["staff"], household_data(tree.g1))
    fail_at_audit(99)
    hid, _ = register.add_household(store, actors["staff"], household_data(tree.g1))
    assert snapshot(store)["household"] == 1
    assert snapshot(store)["audit"] == 1
    with store.read() as s:
        assert s.get(AuditEntry, s.scalar(select(AuditEntry.id))).record_id == hid
