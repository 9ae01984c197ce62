"""Importing a register file a person filled in: every bad row and every duplicate named
(sheet, row, column, reason, never the value), nothing written before the user confirms,
then exactly the confirmed rows, or nothing at all."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from testkit import bad_check_digit, counts, household_data, make_id, resident_data
from xlsxkit import write_book

from inspector.exchange.errors import FileRefused, ImportFailed
from inspector.exchange.register_apply import apply_import
from inspector.exchange.register_preview import (
    BAD,
    DUPLICATE,
    NEW,
    UPDATE,
    preview_import,
)
from inspector.exchange.register_read import read_register
from inspector.exchange.workbook import MAX_FILE_BYTES
from inspector.models import AuditEntry, Household, OutboxEntry, Resident
from inspector.services import register

HOUSEHOLD_HEADER = ["户编号", "网格", "门牌号", "地址", "住房用途", "户主姓名", "联系电话"]
RESIDENT_HEADER = ["户编号", "姓名", "身份证号", "与户主关系", "居住类型", "联系电话", "关注标签"]

GOOD_HEAD = make_id(birth="19700512", seq="031")
GOOD_TAGGED = make_id(birth="19450304", seq="022")
TWICE = make_id(birth="19820101", seq="051")
STORED = make_id(birth="19600101", seq="011")
STORED_SPOUSE = make_id(birth="19620101", seq="022")
ORPHAN = make_id(birth="19900101", seq="071")
LOST = make_id(birth="19910101", seq="081")
NUMERIC = make_id(birth="19920101", seq="091")


@pytest.fixture
def existing(store, tree, staff):
    """Households entered by hand, one with two residents: what the file collides with."""
    household_id, _ = register.add_household(store, staff, household_data(
        tree.g1, address="幸福路9号1单元101", door_no="1单元101"))
    register.add_household(store, staff, household_data(
        tree.g1, address="幸福路9号1单元102", door_no="1单元102"))
    resident_id, _ = register.add_resident(store, staff, household_id, resident_data(STORED))
    register.add_resident(store, staff, household_id, resident_data(
        STORED_SPOUSE, name="林秀英", relation="spouse"))
    return household_id, resident_id


@pytest.fixture
def messy(tmp_path, existing):
    household_id, _ = existing
    return write_book(tmp_path / "台账.xlsx", {
        "住户": [
            HOUSEHOLD_HEADER,
            ["H1", "第一网格", "1单元201", "幸福路9号1单元201", "自住", "周建华", "13800000001"],
            ["H2", "第一网格", "1单元202", "幸福路9号1单元202", "出租", "吴立", None],
            ["H3", "第一网格", None, "幸福路9号1单元203", "自住", None, None],
            [household_id, "第一网格", "1单元101", "幸福路9号1单元101", "自住", "陈建国",
             "13900000009"],
            ["H5", "第一网格", "1单元102", "幸福路9号1单元102", "自住", None, None],
            ["H6", "第二网格", "2单元301", "和平路3号2单元301", "自住", None, None],
            ["H6", "第二网格", "2单元302", "和平路3号2单元302", "自住", None, None],
            ["H8", "第九网格", "1", "某路1号", "自住", None, None],
        ],
        "人口": [
            RESIDENT_HEADER,
            ["H1", "周建华", GOOD_HEAD, "本人", "户籍", "13800000001", None],           # 2 new
            ["H1", "周丽", bad_check_digit(GOOD_TAGGED), "配偶", "户籍", None, None],   # 3 bad
            ["H1", "周明", "110105800101123", "子女", "户籍", None, None],              # 4 bad
            ["H1", "周亮", None, None, "户籍", None, None],                             # 5 bad
            ["H1", "周红", TWICE, "子女", "户籍", None, None],                          # 6 dup
            ["H1", "周兰", TWICE, "子女", "户籍", None, None],                          # 7 dup
            ["H1", "周平", STORED_SPOUSE, "父母", "户籍", None, None],                  # 8 dup
            [household_id, "陈建国", STORED, "本人", "户籍", "13900000009", None],       # 9 upd
            ["H2", "吴立", ORPHAN, "本人", "户籍", None, None],                         # 10 bad
            ["HX", "郑一", LOST, "本人", "户籍", None, None],                           # 11 bad
            ["H1", "周全", int(NUMERIC[:17]) * 10, "子女", "户籍", None, None],          # 12 bad
            ["H1", "周安", "1101**********1234", "子女", "户籍", None, None],            # 13 bad
            ["H1", "周老", GOOD_TAGGED, "父母", "户籍", None, "低保、残疾（肢体，二级）"],  # 14 new
        ],
        "说明": [["本表由社区整理"]],
    })


def _problems(preview) -> dict[tuple[str, int, str], str]:
    return {(p.sheet, p.row, p.column): p.kind for p in preview.problems}


def test_preview_names_every_bad_row_and_duplicate(store, staff, messy) -> None:
    before = counts(store)

    preview = preview_import(store, staff, read_register(messy, staff.role))

    assert counts(store) == before  # reading and previewing write nothing
    expected = {
        ("住户", 3, "房东姓名"): BAD,            # a rental needs its landlord
        ("住户", 4, "门牌号"): BAD,              # missing
        ("住户", 6, "地址"): DUPLICATE,          # the stored household's address, another key
        ("住户", 7, "户编号"): DUPLICATE,        # H6 twice in the file
        ("住户", 8, "户编号"): DUPLICATE,
        ("住户", 9, "网格"): BAD,                # no such grid
        ("人口", 3, "身份证号"): BAD,            # wrong check digit
        ("人口", 4, "身份证号"): BAD,            # 15 digits
        ("人口", 5, "身份证号"): BAD,            # missing
        ("人口", 5, "与户主关系"): BAD,          # missing
        ("人口", 6, "身份证号"): DUPLICATE,      # twice in the file
        ("人口", 7, "身份证号"): DUPLICATE,
        ("人口", 8, "身份证号"): DUPLICATE,      # already registered in another household
        ("人口", 10, "户编号"): BAD,             # its household row is bad
        ("人口", 11, "户编号"): BAD,             # no such household
        ("人口", 12, "身份证号"): BAD,           # Excel made it a number
        ("人口", 13, "身份证号"): BAD,           # masked
    }
    assert _problems(preview) == expected
    assert len(preview.problems) == len(expected)  # one reason per mistake, not two
    reasons = {(p.sheet, p.row, p.column): p.reason for p in preview.problems}
    assert "校验位" in reasons[("人口", 3, "身份证号")]
    assert "15位" in reasons[("人口", 4, "身份证号")]
    assert reasons[("人口", 5, "身份证号")] == "必填"
    assert "另一户" in reasons[("人口", 8, "身份证号")]
    assert "第 6、7 行" in reasons[("人口", 6, "身份证号")]
    assert "住户表第 3 行" in reasons[("人口", 10, "户编号")]
    assert "数字" in reasons[("人口", 12, "身份证号")]
    assert "打码" in reasons[("人口", 13, "身份证号")]
    assert (preview.count(NEW, "household"), preview.count(UPDATE, "household")) == (1, 1)
    assert (preview.count(NEW, "resident"), preview.count(UPDATE, "resident")) == (2, 1)
    assert (preview.rows(BAD), preview.rows(DUPLICATE)) == (10, 6)
    assert [(p.entity, p.row, p.changed) for p in preview.planned if p.action == UPDATE] == [
        ("household", 5, ("联系电话",)), ("resident", 9, ("联系电话",))]
    assert preview.ignored_columns == ()


def test_problems_never_carry_a_value(store, staff, messy) -> None:
    preview = preview_import(store, staff, read_register(messy, staff.role))
    secrets = {GOOD_HEAD, GOOD_TAGGED, TWICE, STORED, STORED_SPOUSE, ORPHAN, LOST, NUMERIC,
               bad_check_digit(GOOD_TAGGED), "110105800101123", "周丽", "周平", "13900000009"}
    shown = " ".join(f"{p.column} {p.reason} {p.who}" for p in preview.problems)
    leaked = [s for s in secrets if s in shown]
    assert leaked == [], "a problem shows a value"
    who = {p.row: p.who for p in preview.problems if p.sheet == "人口"}
    assert who[8] == STORED_SPOUSE[:4] + "*" * 10 + STORED_SPOUSE[-4:]


def test_confirmed_rows_are_written_with_outbox_and_audit(store, staff, existing, messy) -> None:
    household_id, resident_id = existing
    preview = preview_import(store, staff, read_register(messy, staff.role))
    before = counts(store)

    result, changes = apply_import(store, staff, preview)

    assert result.written == {("household", "new"): 1, ("household", "update"): 1,
                              ("resident", "new"): 2, ("resident", "update"): 1}
    after = counts(store)
    assert after["household"] == before["household"] + 1
    assert after["resident"] == before["resident"] + 2
    assert after["outbox"] == before["outbox"] + 5
    assert after["audit"] == before["audit"] + 6  # five records and the import
    with store.read() as s:
        numbers = set(s.scalars(select(Resident.id_number)))
        new_home = s.scalars(select(Household).where(
            Household.address == "幸福路9号1单元201")).one()
        tagged = s.scalars(select(Resident).where(Resident.id_number == GOOD_TAGGED)).one()
        updated = s.get(Resident, resident_id)
        home = s.get(Household, household_id)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
        queued = s.scalars(select(OutboxEntry.record_id)).all()
    assert numbers == {STORED, STORED_SPOUSE, GOOD_HEAD, GOOD_TAGGED}  # no refused row
    assert tagged.household_id == new_home.id
    written_tags = tagged.care_tags == ["subsistence_allowance", {
        "code": "disability", "category": "physical", "grade": "grade_2"}]
    assert written_tags, "care tags not read as the catalogue's codes"
    assert (updated.phone, home.phone) == ("13900000009", "13900000009")
    assert {new_home.id, tagged.id, updated.id, home.id} <= set(queued)
    assert (entry.entity, entry.record_id) == ("register", preview.run_id)
    assert "resident.id_number" in entry.fields and "household.address" in entry.fields
    assert changes.touched["household"] == {new_home.id, home.id}


def test_only_the_chosen_kind_of_row_is_written(store, staff, existing, messy) -> None:
    _, resident_id = existing
    preview = preview_import(store, staff, read_register(messy, staff.role))
    before = counts(store)

    result, _ = apply_import(store, staff, preview, actions={UPDATE})

    assert result.written == {("household", "update"): 1, ("resident", "update"): 1}
    assert counts(store)["household"] == before["household"]
    assert counts(store)["resident"] == before["resident"]


def test_a_row_refused_at_apply_time_writes_nothing(store, staff, tree, messy) -> None:
    """Between preview and apply someone registers one of the file's new people by hand:
    the import fails at that row and the rows before it are rolled back too."""
    preview = preview_import(store, staff, read_register(messy, staff.role))
    other, _ = register.add_household(store, staff, household_data(
        tree.g2, address="和平路5号", door_no="5"))
    register.add_resident(store, staff, other, resident_data(GOOD_TAGGED, name="赵某"))
    before = counts(store)

    with pytest.raises(ImportFailed) as failed:
        apply_import(store, staff, preview)

    assert counts(store) == before
    assert "第 14 行" in str(failed.value) and "撤销" in str(failed.value)
    assert GOOD_TAGGED not in str(failed.value)
    with store.read() as s:
        assert s.scalars(select(Household).where(
            Household.address == "幸福路9号1单元201")).first() is None


# ---------------------------------------------------------------- files refused whole


def test_not_an_xlsx_file_is_refused(tmp_path, staff) -> None:
    csv = tmp_path / "台账.xlsx"
    csv.write_text("户编号,姓名\nH1,张三\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="不是 XLSX"):
        read_register(csv, staff.role)


def test_a_file_too_large_is_refused(tmp_path, staff) -> None:
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(FileRefused, match="太大"):
        read_register(big, staff.role)


def test_missing_required_columns_are_named(tmp_path, staff) -> None:
    path = write_book(tmp_path / "x.xlsx", {"人口": [["户编号", "姓名", "身份证号", "电话"]]})
    with pytest.raises(FileRefused) as refused:
        read_register(path, staff.role)
    assert "与户主关系" in str(refused.value) and "居住类型" in str(refused.value)


def test_a_household_sheet_needs_its_grid(tmp_path, staff) -> None:
    path = write_book(tmp_path / "x.xlsx", {"住户": [["户编号", "门牌号", "地址", "住房用途"]]})
    with pytest.raises(FileRefused, match="网格"):
        read_register(path, staff.role)


def test_a_workbook_without_register_sheets_is_refused(tmp_path, staff) -> None:
    path = write_book(tmp_path / "x.xlsx", {"Sheet1": [["日期", "金额"], ["2025-01-01", 3]]})
    with pytest.raises(FileRefused, match="没有找到"):
        read_register(path, staff.role)


def test_headers_are_matched_by_name_not_position(tmp_path, store, tree, staff) -> None:
    """A register made elsewhere: a title row, other names for the columns, another order,
    full-width marks and an extra column the app does not keep."""
    path = write_book(tmp_path / "x.xlsx", {
        "Sheet1": [
            ["幸福社区住户台账"],
            ["住房状态", " 地址 ", "门牌*", "所属网格", "户号", "楼层"],
            ["自住", "幸福路1号101", "101", "第一网格", "A", 1],
        ],
        "Sheet2": [
            ["户号", "公民身份号码", "姓名（必填）", "关系", "人口类型", "户籍地"],
            ["A", GOOD_HEAD, "周建华", "本人", "户籍", "某省某县"],
        ],
    })
    preview = preview_import(store, staff, read_register(path, staff.role))
    assert preview.problems == ()
    assert (preview.count(NEW, "household"), preview.count(NEW, "resident")) == (1, 1)
    assert preview.ignored_columns == ("Sheet1：楼层",)
