"""Read-only queries behind the patrol and visit screens, on a real store written by services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from testkit import household_data, make_id, resident_data

from inspector.queries import activities as q
from inspector.services.activities import (
    NeedInput,
    VisitInput,
    check_item,
    finish_patrol,
    record_visit,
    start_patrol,
)
from inspector.services.cases import IssueInput
from inspector.services.register import add_household, add_resident


def _home(store, staff, grid, address="幸福路12号3栋2单元501", name="陈建国", seq="123"):
    household, _ = add_household(store, staff, household_data(grid, address=address,
                                                              head_name=name))
    resident, _ = add_resident(store, staff, household,
                               resident_data(make_id(seq=seq), name=name))
    return household, resident


def test_visit_subject_lists_the_people_of_the_household(store, tree, staff):
    household, resident = _home(store, staff, tree.g1)
    subject = q.visit_subject(store, household)
    assert subject.address == "幸福路12号3栋2单元501"
    assert subject.residents == (q.Person(resident, "陈建国"),)
    assert q.visit_subject(store, "no-such-household") is None


def test_visit_rows_count_needs_and_filter_by_kind(store, tree, staff):
    household, resident = _home(store, staff, tree.g1)
    first, _ = record_visit(store, staff, VisitInput(
        household, "routine", people_met=(resident,), satisfaction="satisfied",
        needs=(NeedInput("hardship_aid", "申请临时救助"), NeedInput("other", "楼道灯坏了"))))
    second, _ = record_visit(store, staff, VisitInput(household, "follow_up"))
    assert q.visit_ids(store) == [second, first]
    assert q.visit_ids(store, kind="routine") == [first]
    assert q.visit_ids(store, grid_ids=[tree.g2]) == []
    row = q.visit_rows(store, [first])[first]
    assert (row["address"], row["kind"], row["needs"], row["satisfaction"], row["visitor"]) == (
        "幸福路12号3栋2单元501", "routine", 2, "satisfied", "li.si")
    assert sorted(q.visit_needs(store, first)) == [("hardship_aid", "申请临时救助"),
                                                   ("other", "楼道灯坏了")]


def test_households_not_visited_puts_never_visited_first(store, tree, staff):
    visited, _ = _home(store, staff, tree.g1, "幸福路1号")
    never, _ = _home(store, staff, tree.g1, "幸福路2号", "林小红", "124")
    long_ago, _ = _home(store, staff, tree.g1, "幸福路3号", "王大明", "125")
    now = datetime.now(UTC)
    record_visit(store, staff, VisitInput(visited, "routine", visited_at=now - timedelta(days=3)))
    record_visit(store, staff, VisitInput(long_ago, "routine",
                                          visited_at=now - timedelta(days=60)))
    assert q.households_not_visited(store, 30) == [never, long_ago]
    assert q.households_not_visited(store, 90) == [never]
    assert q.households_not_visited(store, 30, grid_ids=[tree.g2]) == []
    assert q.household_rows(store, [long_ago])[long_ago]["address"] == "幸福路3号"


def test_find_households_by_address_or_by_a_resident_name(store, tree, staff):
    household, _ = _home(store, staff, tree.g1, "光明路88号", "欧阳春")
    _home(store, staff, tree.g1, "幸福路3号", "王大明", "125")
    assert q.find_households(store, "光明路") == [household]
    assert q.find_households(store, "欧阳春") == [household]
    assert q.find_households(store, "光明路", grid_ids=[tree.g2]) == []


def test_patrol_state_history_rows_and_resume(store, tree, worker):
    assert [g.id for g in q.patrol_grids(store, worker.grid_ids)] == [tree.g1, tree.g2]
    patrol, _ = start_patrol(store, worker, tree.g1)
    assert q.open_patrol(store, worker.username).id == patrol
    check_item(store, worker, patrol, "order_parking", "ok")
    finding = IssueInput(tree.g1, "illegal_parking", "general", "乱停车", "路口机动车占道",
                         "幸福路口", datetime.now(UTC))
    check_item(store, worker, patrol, "order_vendors", "problem", finding=finding)
    check_item(store, worker, patrol, "fire_gas", "not_applicable")
    state = q.patrol_state(store, patrol)
    assert [(i.item_code, i.result) for i in state.items] == [
        ("order_parking", "ok"), ("order_vendors", "problem"), ("fire_gas", "not_applicable")]
    assert state.items[1].issue_id is not None and state.grid_name == "第一网格"
    finish_patrol(store, worker, patrol)
    assert q.open_patrol(store, worker.username) is None
    assert q.patrol_ids(store, [tree.g1]) == [patrol]
    row = q.patrol_rows(store, [patrol])[patrol]
    assert (row["grid"], row["checked"], row["problems"], row["issues"]) == ("第一网格", 3, 1, 1)
    assert row["ended_at"] is not None
