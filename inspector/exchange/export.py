"""Exports to XLSX: the register (台账) and a case list, as far as the actor's grids reach.

Rows stream from the database (yield_per) into a write-only workbook, so a
supervisor's 100k households leave memory flat. Writing the file changes no record;
`record_export` then writes the audit entry (columns only, never values). The two
are separate calls so a GUI can write the file on a worker thread and leave the
audit to the one database thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from .. import caseflow
from ..catalogues import label
from ..db import Store
from ..disclosure import MASKED_FIELDS, mask
from ..errors import NotFoundError
from ..models import Area, Building, Household, Issue, Resident, new_id, utcnow
from ..queries.cases import IssueFilter, category_name, issue_ids
from ..services.recording import Actor, audit
from .errors import Cancelled
from .layout import (
    HOUSEHOLD_SHEET,
    NOTES_SHEET,
    RESIDENT_SHEET,
    YES,
    Column,
    cell_out,
    columns,
)
from .policy import whole_in_exports
from .workbook import StreamingBook, moment

Progress = Callable[[int, int], None]  # (rows written, rows in all)
Stop = Callable[[], bool]  # True once the user has asked to stop
STEP = 1000  # rows between progress calls
_BLOCK = 500  # cases fetched per query


@dataclass(frozen=True)
class ExportSummary:
    """What a finished export wrote; `record_export` audits it under `run_id`."""

    run_id: str
    entity: str  # "register" or "issue"
    path: Path
    rows: dict[str, int]
    fields: tuple[str, ...]  # columns as the audit names them: "resident.id_number" …


class _Ticker:
    def __init__(self, total: int, progress: Progress | None, stop: Stop | None):
        self.done, self.total = 0, total
        self.progress, self.stop = progress, stop

    def __call__(self) -> None:
        self.done += 1
        if self.done % STEP == 0 or self.done == self.total:
            if self.stop and self.stop():
                raise Cancelled("导出已取消")
            if self.progress:
                self.progress(self.done, self.total)


def record_export(store: Store, actor: Actor, summary: ExportSummary) -> None:
    """The audit entry of an export: who, which columns, under the export's id."""
    with store.write() as session:
        audit(session, actor, "export", summary.entity, summary.run_id, list(summary.fields))


# ---------------------------------------------------------------- the register


def _scoped(query: Select, actor: Actor) -> Select:
    return query.where(Household.grid_id.in_(actor.grid_ids)) if actor.grid_ids else query


def _households(actor: Actor) -> Select:
    grid = aliased(Area)
    return _scoped(select(
        Household.id.label("key"), grid.code.label("grid_code"), grid.name.label("grid_name"),
        Building.code.label("building_code"), Building.name.label("building_name"),
        Household.door_no, Household.address, Household.housing_use, Household.head_name,
        Household.phone, Household.landlord_name, Household.landlord_phone,
        Household.rental.label("rental"), Household.contact_card, Household.last_visit_at,
        Household.notes)
        .join(grid, grid.id == Household.grid_id)
        .outerjoin(Building, Building.id == Household.building_id)
        .order_by(grid.code, Household.address, Household.door_no, Household.id), actor)


def _residents(actor: Actor) -> Select:
    grid = aliased(Area)
    return _scoped(select(
        Resident.household_id.label("household_key"), Resident.name, Resident.id_number,
        Resident.gender, Resident.birth_date, Resident.phone, Resident.relation,
        Resident.domicile, Resident.residence_type, Resident.temporary.label("temporary"),
        Resident.employment, Resident.insurance, Resident.care_tags, Resident.restricted_tags,
        Resident.notes)
        .join(Household, Household.id == Resident.household_id)
        .join(grid, grid.id == Household.grid_id)
        .order_by(grid.code, Household.address, Household.door_no, Household.id,
                  Resident.relation != "self", Resident.birth_date, Resident.id), actor)


def _value(row: Any, key: str) -> Any:
    field, _, part = key.partition(".")
    value = row[field]
    return (value or {}).get(part) if part else value


def _cells(cols: Sequence[Column], row: Any, full: bool) -> list[Any]:
    return [mask(c.key, row[c.key]) if c.key in MASKED_FIELDS and not full
            else cell_out(c, _value(row, c.key)) for c in cols]


def _stream(session: Session, query: Select) -> Any:
    return session.execute(query.execution_options(yield_per=2000)).mappings()


def _audit_names(entity: str, cols: Sequence[Column], full: bool) -> list[str]:
    return [f"{entity}.{c.key}_masked" if c.key in MASKED_FIELDS and not full
            else f"{entity}.{c.key}" for c in cols]


def export_register(store: Store, actor: Actor, path: str | Path,
                    progress: Progress | None = None, stop: Stop | None = None) -> ExportSummary:
    """The households in the actor's grids and their residents, one sheet each.

    ID numbers and phones are whole or masked by `policy.whole_in_exports`; the
    restricted-tags column is there only for roles that may see it. People moved out of every
    household are not in the register's households and are left out.
    """
    households, residents = columns("household", actor.role), columns("resident", actor.role)
    full = whole_in_exports(actor.role)
    book = StreamingBook(path)
    try:
        with store.read() as session:
            n_households = session.scalar(_scoped(select(func.count(Household.id)), actor))
            n_residents = session.scalar(_scoped(select(func.count(Resident.id)).join(
                Household, Household.id == Resident.household_id), actor))
            tick = _Ticker(n_households + n_residents, progress, stop)
            ws = book.sheet(HOUSEHOLD_SHEET, households)
            for row in _stream(session, _households(actor)):
                ws.append(_cells(households, row, full))
                tick()
            ws = book.sheet(RESIDENT_SHEET, residents)
            for row in _stream(session, _residents(actor)):
                ws.append(_cells(residents, row, full))
                tick()
        run_id = new_id()
        book.notes(NOTES_SHEET, _register_notes(actor, run_id, n_households, n_residents, full))
        book.save()
    except BaseException:
        book.discard()
        raise
    fields = _audit_names("household", households, full) + _audit_names(
        "resident", residents, full)
    return ExportSummary(run_id, "register", Path(path),
                         {"household": n_households, "resident": n_residents}, tuple(fields))


def _register_notes(actor: Actor, run_id: str, households: int, residents: int,
                    full: bool) -> list[tuple[str, Any]]:
    scope = f"{len(actor.grid_ids)} 个网格" if actor.grid_ids else "全部网格"
    return [
        ("内容", f"台账：住户 {households} 户，人口 {residents} 人（{scope}）"),
        ("导出人", actor.username),
        ("导出时间", datetime.now().replace(microsecond=0)),
        ("导出编号", run_id),
        ("身份证号和电话", "完整号码：属于个人信息，请妥善保管，用后删除" if full
         else "已打码：本文件只供查看，不能用于导入"),
        ("导入", "“住户”和“人口”两表以“户编号”关联；新增住户可自拟户编号。"
                 "橙色表头为必填列。性别、出生日期由身份证号得出，最近走访由走访记录得出，"
                 "导入时不读取。导入只新增和更新，不删除台账中的记录。"),
    ]


# ---------------------------------------------------------------- a case list

CASE_COLUMNS = (
    Column("number", "案件编号", 18),
    Column("title", "标题", 30),
    Column("category", "问题类别", 28),
    Column("severity", "严重程度", 10),
    Column("status", "状态", 10),
    Column("grid", "网格", 18),
    Column("address", "地址", 44),
    Column("reported_at", "上报时间", 17),
    Column("deadline_at", "处置时限", 17),
    Column("closed_at", "结案时间", 17),
    Column("overdue", "是否超期", 10),
)


def _severity(code: str) -> str:
    try:
        return label("enums", code, "severity")
    except NotFoundError:
        return code


def _case_filter(actor: Actor, flt: IssueFilter) -> IssueFilter | None:
    """The filter narrowed to the actor's grids; None when nothing is left."""
    if not actor.grid_ids:
        return flt
    if not flt.grid_ids:
        return replace(flt, grid_ids=tuple(actor.grid_ids))
    grids = tuple(g for g in flt.grid_ids if g in actor.grid_ids)
    return replace(flt, grid_ids=grids) if grids else None


def export_cases(store: Store, actor: Actor, flt: IssueFilter, path: str | Path,
                 progress: Progress | None = None, stop: Stop | None = None,
                 now: datetime | None = None) -> ExportSummary:
    """The cases the list shows with this filter, in its order, within the actor's grids."""
    now = now or utcnow()
    scoped = _case_filter(actor, flt)
    ids = issue_ids(store, scoped, now) if scoped is not None else []
    book = StreamingBook(path)
    try:
        ws = book.sheet("案件", CASE_COLUMNS)
        tick = _Ticker(len(ids), progress, stop)
        with store.read() as session:
            for start in range(0, len(ids), _BLOCK):
                block = ids[start:start + _BLOCK]
                rows = {r.id: r for r in session.execute(
                    select(Issue.id, Issue.number, Issue.title, Issue.category_code,
                           Issue.severity, Issue.status, Issue.address, Issue.reported_at,
                           Issue.deadline_at, Issue.closed_at, Area.name.label("grid"))
                    .join(Area, Area.id == Issue.grid_id).where(Issue.id.in_(block)))}
                for issue_id in block:
                    r = rows[issue_id]
                    overdue = caseflow.is_overdue(r.status, r.deadline_at, now)
                    ws.append([r.number, r.title, category_name(r.category_code),
                               _severity(r.severity),
                               caseflow.STATUS_LABELS.get(r.status, r.status), r.grid, r.address,
                               moment(ws, r.reported_at), moment(ws, r.deadline_at),
                               moment(ws, r.closed_at), YES if overdue else None])
                    tick()
        run_id = new_id()
        book.notes(NOTES_SHEET, [
            ("内容", f"案件清单：{len(ids)} 件"), ("导出人", actor.username),
            ("导出时间", datetime.now().replace(microsecond=0)), ("导出编号", run_id),
            ("说明", "时间为本机时区；“是否超期”按导出时刻计算。")])
        book.save()
    except BaseException:
        book.discard()
        raise
    return ExportSummary(run_id, "issue", Path(path), {"issue": len(ids)},
                         tuple(f"issue.{c.key}" for c in CASE_COLUMNS))
