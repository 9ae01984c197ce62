"""Exports as a person opens them in Excel: Chinese headers, frozen header row, real dates,
only the actor's grids, ID numbers and restricted tags by role, every export audited."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from xlsxkit import actor, demo_copy, make_template

from inspector import caseflow
from inspector.exchange.errors import Cancelled
from inspector.exchange.export import export_cases, export_register, record_export
from inspector.models import AuditEntry, Household, Issue, Resident
from inspector.queries.cases import IssueFilter, issue_ids

MASKED = re.compile(r"^[0-9]{4}\*{10}[0-9X]{4}$")
FULL = re.compile(r"^[0-9]{17}[0-9X]$")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("xlsx"))


@pytest.fixture
def demo(tmp_path, demo_file):
    yield from demo_copy(demo_file, tmp_path)


def _column(ws, header: str) -> list:
    headers = [c.value for c in ws[1]]
    i = headers.index(header)
    return [row[i] for row in ws.iter_rows(min_row=2, values_only=True)]


def test_supervisor_register_has_full_numbers_and_restricted_tags(tmp_path, demo) -> None:
    supervisor = actor(demo, "supervisor")
    path = tmp_path / "台账.xlsx"
    summary = export_register(demo, supervisor, path)

    book = load_workbook(path)
    assert book.sheetnames == ["住户", "人口", "说明"]
    households, residents = book["住户"], book["人口"]
    with demo.read() as s:
        n_households = s.scalar(select(func.count(Household.id)))
        n_residents = s.scalar(select(func.count(Resident.id)).where(
            Resident.household_id.is_not(None)))
    assert summary.rows == {"household": n_households, "resident": n_residents}
    assert (households.max_row, residents.max_row) == (n_households + 1, n_residents + 1)
    assert households.freeze_panes == residents.freeze_panes == "A2"
    assert households.column_dimensions["G"].width >= 40  # the address
    assert "受限标签" in [c.value for c in residents[1]]
    assert all(FULL.match(n) for n in _column(residents, "身份证号"))
    births = _column(residents, "出生日期")
    assert all(isinstance(b, datetime) for b in births)  # real Excel dates, not text
    assert residents["E2"].number_format == "yyyy-mm-dd"
    assert set(_column(households, "住房用途")) <= {"自住", "出租", "群租", "空置", "商住混合"}
    assert set(_column(residents, "与户主关系")) >= {"本人", "配偶"}
    assert "resident.id_number" in summary.fields


def test_worker_register_is_masked_and_limited_to_their_grid(tmp_path, demo) -> None:
    worker = actor(demo, "worker")
    path = tmp_path / "台账.xlsx"
    summary = export_register(demo, worker, path)

    book = load_workbook(path)
    residents = book["人口"]
    with demo.read() as s:
        mine = s.scalar(select(func.count(Household.id)).where(
            Household.grid_id.in_(worker.grid_ids)))
        every = s.scalar(select(func.count(Household.id)))
    assert mine < every
    assert summary.rows["household"] == mine == book["住户"].max_row - 1
    assert "受限标签" not in [c.value for c in residents[1]]
    assert all(MASKED.match(n) for n in _column(residents, "身份证号"))
    assert "resident.id_number_masked" in summary.fields
    assert "resident.id_number" not in summary.fields
    assert "不能用于导入" in str(book["说明"]["B5"].value)


def test_an_export_is_audited_with_its_columns(tmp_path, demo) -> None:
    staff = actor(demo, "staff")
    summary = export_register(demo, staff, tmp_path / "台账.xlsx")
    record_export(demo, staff, summary)

    with demo.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert (entry.actor, entry.entity, entry.record_id) == (staff.username, "register",
                                                            summary.run_id)
    assert entry.fields == list(summary.fields)
    assert "household.address" in entry.fields


def test_case_list_follows_the_filter_and_the_scope(tmp_path, demo) -> None:
    supervisor = actor(demo, "supervisor")
    now = datetime.now().astimezone()
    flt = IssueFilter(statuses=frozenset(caseflow.OPEN))
    path = tmp_path / "案件.xlsx"
    summary = export_cases(demo, supervisor, flt, path, now=now)
    record_export(demo, supervisor, summary)

    ws = load_workbook(path)["案件"]
    expected = issue_ids(demo, flt, now)
    assert [c.value for c in ws[1]] == ["案件编号", "标题", "问题类别", "严重程度", "状态", "网格",
                                        "地址", "上报时间", "处置时限", "结案时间", "是否超期"]
    assert summary.rows["issue"] == len(expected) == ws.max_row - 1 > 0
    with demo.read() as s:
        numbers = dict(s.execute(select(Issue.id, Issue.number)).all())
        overdue = s.scalar(select(func.count(Issue.id)).where(
            Issue.status.in_(caseflow.OPEN), Issue.deadline_at < now))
    assert _column(ws, "案件编号") == [numbers[i] for i in expected]
    assert set(_column(ws, "状态")) <= {caseflow.STATUS_LABELS[s] for s in caseflow.OPEN}
    assert _column(ws, "是否超期").count("是") == overdue
    reported = [v for v in _column(ws, "上报时间") if v is not None]
    assert reported and all(isinstance(v, datetime) for v in reported)
    assert ws["H2"].number_format == "yyyy-mm-dd hh:mm"
    with demo.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "issue")).one()
    assert entry.action == "export" and "issue.deadline_at" in entry.fields


def test_case_list_of_a_worker_stays_in_their_grid(tmp_path, demo) -> None:
    worker = actor(demo, "worker")
    with demo.read() as s:
        other = s.scalar(select(Issue.grid_id).where(Issue.grid_id.not_in(worker.grid_ids)))
        theirs = s.scalar(select(func.count(Issue.id)).where(Issue.grid_id.in_(worker.grid_ids)))
    path = tmp_path / "案件.xlsx"

    assert export_cases(demo, worker, IssueFilter(grid_ids=(other,)), path).rows["issue"] == 0
    assert export_cases(demo, worker, IssueFilter(), path).rows["issue"] == theirs


def test_a_cancelled_export_leaves_the_old_file_alone(tmp_path, demo) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"an older export")
    with pytest.raises(Cancelled):
        export_register(demo, actor(demo, "supervisor"), path, stop=lambda: True)
    assert path.read_bytes() == b"an older export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo", "台账.xlsx"]  # no part file


def test_dates_are_local_dates(tmp_path, demo) -> None:
    """A birth date is a date, not shifted by time zones."""
    supervisor = actor(demo, "supervisor")
    path = tmp_path / "台账.xlsx"
    export_register(demo, supervisor, path)
    residents = load_workbook(path)["人口"]
    first = dict(zip([c.value for c in residents[1]], [c.value for c in residents[2]],
                     strict=True))
    with demo.read() as s:
        born = s.scalar(select(Resident.birth_date).where(
            Resident.id_number == first["身份证号"]))
    same = first["出生日期"].date() == born and isinstance(born, date)
    assert same, "birth date moved"
