"""Excel export and import in the window: the buttons, the progress, the preview dialog,
driven on a real demo store with real XLSX files (only the file dialogs are answered)."""

from __future__ import annotations

import re
import threading

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select
from testkit import bad_check_digit, counts, make_id
from uikit import wait_idle

from inspector.exchange.export import export_register
from inspector.models import AuditEntry, Household, Resident
from ui.exchange import files
from ui.exchange.export_job import ExportJob

LEFT = Qt.MouseButton.LeftButton
MASKED = re.compile(r"^[0-9]{4}\*{10}[0-9X]{4}$")


@pytest.fixture
def role() -> str:
    return "staff"


@pytest.fixture
def page(qtbot, window, ctx):
    register_page = window.open_page("register")
    qtbot.waitUntil(lambda: register_page.households.rowCount() > 0, timeout=10_000)
    wait_idle(qtbot, ctx)
    return register_page


def _answer_save(monkeypatch, path) -> None:
    monkeypatch.setattr(files, "choose_save_path", lambda parent, title, suggested: str(path))


def _answer_open(monkeypatch, path) -> None:
    monkeypatch.setattr(files, "choose_open_path", lambda parent, title: str(path))


def test_export_button_writes_the_register_and_audits_it(qtbot, page, ctx, tmp_path,
                                                         monkeypatch) -> None:
    path = tmp_path / "台账.xlsx"
    _answer_save(monkeypatch, path)
    notices: list[str] = []
    ctx.notice.connect(notices.append)

    qtbot.mouseClick(page.export_button, LEFT)
    assert page.export_job.progress.isVisible()  # shown at once, the GUI keeps running
    with qtbot.waitSignal(page.export_job.finished, timeout=60_000) as done:
        pass

    summary = done.args[0]
    book = load_workbook(path)
    with ctx.store.read() as s:
        households = s.scalar(select(func.count(Household.id)))
        audited = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert book["住户"].max_row - 1 == summary.rows["household"] == households
    assert audited.record_id == summary.run_id and audited.entity == "register"
    assert not page.export_job.progress.isVisible()
    assert any("台账.xlsx" in n for n in notices)


def test_import_preview_dialog_on_a_real_file(qtbot, page, ctx, tmp_path, monkeypatch) -> None:
    exported = tmp_path / "台账.xlsx"
    _answer_save(monkeypatch, exported)
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitSignal(page.export_job.finished, timeout=60_000).wait()
    wait_idle(qtbot, ctx)

    # The staff member corrects a phone number, adds a family and makes two mistakes.
    book = load_workbook(exported)
    homes, people = book["住户"], book["人口"]
    people.cell(2, 6).value = "13700000002"
    first = [c.value for c in homes[2]]
    homes.append(["NEW-1", first[1], first[2], None, None, "9单元901", "示范路9号9单元901",
                  "自住", "韩梅", "13700000001"])
    people.append(["NEW-1", "韩梅", make_id(birth="19850606", seq="062"), None, None, None,
                   "本人", None, "户籍"])
    people.append(["NEW-1", "韩雷", bad_check_digit(make_id(birth="20100101", seq="011")),
                   None, None, None, "子女", None, "户籍"])
    people.append(["NEW-1", "韩雪", None, None, None, None, "子女", None, "户籍"])
    edited = tmp_path / "台账-补充.xlsx"
    book.save(edited)
    before = counts(ctx.store)
    _answer_open(monkeypatch, edited)

    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.import_flow is not None and page.import_flow.dialog is not None,
                    timeout=60_000)
    dialog = page.import_flow.dialog
    assert dialog.isVisible()
    assert counts(ctx.store) == before  # the preview wrote nothing
    model = dialog.problems
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    bad_row = people.max_row - 1
    assert [(r[0], r[1], r[2]) for r in rows] == [("人口", bad_row, "身份证号"),
                                                 ("人口", bad_row + 1, "身份证号")]
    assert MASKED.match(rows[0][4])  # the table shows the number masked, never whole
    assert "校验位" in rows[0][3] and rows[1][3] == "必填"
    assert "New: 2" in dialog.summary.text()  # the household and one person
    assert dialog.new.isChecked() and dialog.update.isChecked()
    updates = dialog.updates
    assert [[updates.index(0, c).data() for c in range(4)]] == [
        ["人口", 2, updates.index(0, 2).data(), "联系电话"]]
    assert MASKED.match(updates.index(0, 2).data())
    dialog.grab().save(str(tmp_path / "preview.png"))
    dialog.update.setChecked(False)  # the user keeps the stored phone after all
    assert dialog.apply_button.text() == "Import 2 row(s)"

    with qtbot.waitSignal(dialog.imported, timeout=60_000) as imported:
        qtbot.mouseClick(dialog.apply_button, LEFT)
    wait_idle(qtbot, ctx)

    assert imported.args[0].written == {("household", "new"): 1, ("resident", "new"): 1}
    after = counts(ctx.store)
    assert (after["household"], after["resident"]) == (before["household"] + 1,
                                                       before["resident"] + 1)
    with ctx.store.read() as s:
        added = s.scalars(select(Resident).where(Resident.name == "韩梅")).one()
        assert s.get(Household, added.household_id).address == "示范路9号9单元901"


def test_a_file_that_is_not_xlsx_is_refused_with_its_reason(qtbot, page, tmp_path,
                                                            monkeypatch) -> None:
    text = tmp_path / "台账.csv"
    text.write_text("户编号,姓名\n", encoding="utf-8")
    _answer_open(monkeypatch, text)

    qtbot.mouseClick(page.import_button, LEFT)
    qtbot.waitUntil(lambda: page.import_flow.box is not None, timeout=10_000)

    assert "XLSX" in page.import_flow.box.text()
    assert page.import_flow.dialog is None


@pytest.mark.parametrize("role", ["worker"])
def test_workers_export_but_do_not_import(qtbot, page, tmp_path, monkeypatch) -> None:
    assert page.export_button.isVisible() and not page.import_button.isVisible()
    path = tmp_path / "台账.xlsx"
    _answer_save(monkeypatch, path)
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitSignal(page.export_job.finished, timeout=60_000).wait()
    numbers = [row[2] for row in load_workbook(path)["人口"].iter_rows(min_row=2,
                                                                     values_only=True)]
    assert numbers and all(MASKED.match(n) for n in numbers)


@pytest.mark.parametrize("role", ["supervisor"])
def test_case_list_export_takes_the_list_filters(qtbot, window, ctx, tmp_path,
                                                 monkeypatch) -> None:
    issues = window.open_page("issues")
    qtbot.waitUntil(lambda: issues.list.model.rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(issues.list.loaded, timeout=10_000):
        issues.list.overdue.setChecked(True)
    shown = issues.list.model.rowCount()
    path = tmp_path / "案件.xlsx"
    _answer_save(monkeypatch, path)

    qtbot.mouseClick(issues.export_button, LEFT)
    qtbot.waitSignal(issues.export_job.finished, timeout=60_000).wait()

    ws = load_workbook(path)["案件"]
    assert ws.max_row - 1 == shown > 0
    assert {row[10] for row in ws.iter_rows(min_row=2, values_only=True)} == {"是"}


def test_stop_leaves_no_file(qtbot, page, ctx, tmp_path) -> None:
    """The progress window's button stops the export: no file, no audit entry, a notice."""
    gate = threading.Event()
    for _ in range(ctx.work.pool.maxThreadCount()):  # the export waits until Stop is pressed
        ctx.background(gate.wait, lambda _result: None)
    path = tmp_path / "台账.xlsx"
    job = ExportJob(ctx, export_register, str(path), "…", page)
    job.start()
    qtbot.mouseClick(job.progress.findChild(QPushButton), LEFT)
    with qtbot.waitSignal(ctx.notice, timeout=60_000) as notice:
        gate.set()
    wait_idle(qtbot, ctx)

    assert notice.args[0] == "Export stopped; no file was written."
    assert not path.exists() and list(tmp_path.iterdir()) == [tmp_path / "profile"]
    with ctx.store.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "export")) == 0
