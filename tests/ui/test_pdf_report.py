"""A PDF case report exported through the dashboard, read back with pypdf and checked.

The app runs in Chinese here (a translator over the zh_CN tables), as users see it.
Expected values are counted in Python from plain rows of the demo store.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTranslator
from sqlalchemy import select
from uikit import wait_idle

import ui.reports.dialog as report_dialog
from inspector.caseflow import OPEN
from inspector.catalogues import issue_subcategory
from inspector.models import AuditEntry, Issue
from inspector.queries.periods import month_of, today

TABLES = Path(__file__).parents[2] / "resources" / "translations" / "zh_CN"
KINDS = {"component": "部件", "event": "事件", "grid": "网格事项"}


class ChineseTables(QTranslator):
    """The app's English → Chinese tables as a translator (what the built .qm holds)."""

    def __init__(self) -> None:
        super().__init__()
        self.table: dict[str, str] = {}
        for path in sorted(TABLES.glob("*.json")):
            self.table.update(json.loads(path.read_text(encoding="utf-8")))

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return self.table.get(source)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def role() -> str:
    return "supervisor"


@pytest.fixture
def chinese(qapp):
    translator = ChineseTables()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


# Radicals the CJK fonts share a glyph with, which NFKC does not map back.
RADICALS = str.maketrans({"⻚": "页", "⻓": "长"})


def norm(text: str) -> str:
    """Text compared without spacing, full-width forms or look-alike radicals.

    Qt writes each glyph's text as the lowest code point the font gives it, so a
    few characters come back from the PDF as radicals (网 as ⽹); NFKC turns most
    back, RADICALS the rest. Expected text goes through the same, so "：" = ":".
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))


def pdf_text(path: Path) -> tuple[str, int]:
    """The normalised text of every page, and the page count."""
    reader = PdfReader(str(path))
    return norm("".join(p.extract_text() for p in reader.pages)), len(reader.pages)


def test_monthly_report_through_the_dashboard(qtbot, ctx, window, chinese, tmp_path,
                                              monkeypatch) -> None:
    page = window.open_page("dashboard")
    wait_idle(qtbot, ctx)
    target = tmp_path / "月报"  # no suffix typed: the app adds .pdf
    suggested: list[str] = []
    monkeypatch.setattr(report_dialog, "choose_save_path",
                        lambda parent, name: suggested.append(name) or str(target))
    day = today()
    period = month_of(day)

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.report_dialog
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.buttons["monthly"], Qt.MouseButton.LeftButton)
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    assert norm(dialog.covers.text()) == norm(
        f"{period.first.isoformat()} 至 {period.last.isoformat()}")
    before = datetime.now(UTC)
    with qtbot.waitSignal(page.exporter.finished, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    after = datetime.now(UTC)
    path = Path(done.args[0])
    assert path == target.with_suffix(".pdf") and path.exists()
    assert suggested == [f"网格事件月报_{period.first.isoformat()}.pdf"]

    text, pages = pdf_text(path)
    with ctx.store.read() as s:
        rows = s.execute(select(Issue.number, Issue.category_code, Issue.status,
                                Issue.reported_at, Issue.closed_at, Issue.deadline_at)).all()
        district = s.execute(select(AuditEntry.action, AuditEntry.entity, AuditEntry.record_id)
                             .where(AuditEntry.entity == "report")).all()
    cohort = [r for r in rows if r.reported_at and period.start <= r.reported_at < period.end]
    assert cohort, "the demo district has cases this month"

    assert "网格事件月报" in text
    first, last = period.first.isoformat(), period.last.isoformat()
    assert norm(f"统计周期：{first} 至 {last}（北京时间）") in text
    # Summary: reported, not accepted, closed, closure rate.
    rejected = sum(r.status == "rejected" for r in cohort)
    closed = sum(r.closed_at is not None and r.closed_at < period.end for r in cohort)
    rate = f"{closed / (len(cohort) - rejected) * 100:.1f}%"
    assert f"{len(cohort)}{rejected}{closed}{rate}" in text
    # Counts by category class, row by row: name, kind, reported, closed, closure rate.
    classes: dict[tuple[str, str], list] = {}
    for r in cohort:
        sub = issue_subcategory(r.category_code)
        classes.setdefault((sub["class_name"], sub["kind"]), []).append(r)
    for (name, kind), members in classes.items():
        shut = sum(r.closed_at is not None and r.closed_at < period.end for r in members)
        open_to_close = sum(r.status != "rejected" for r in members)
        share = f"{shut / open_to_close * 100:.1f}%" if open_to_close else "—"
        assert f"{name}{KINDS[kind]}{len(members)}{shut}{share}" in text, name
    # The overdue list: every case late when the report was made, by its number.
    late_before = {r.number for r in rows if r.status in OPEN and r.deadline_at
                   and r.deadline_at < before}
    late_after = {r.number for r in rows if r.status in OPEN and r.deadline_at
                  and r.deadline_at < after}
    assert late_before and all(n in text for n in late_before)
    listed = set(re.findall(r"QH\d{6}-\d{8}-\d{4}", text.split("超期事件清单")[1]))
    assert late_before <= listed <= late_after
    assert norm(f"第{pages}页，共{pages}页") in text and pages >= 2
    assert district == [("export", "report", f"monthly:{period.first.isoformat()}")]


def test_a_cancelled_file_choice_writes_nothing(qtbot, ctx, window, monkeypatch) -> None:
    page = window.open_page("dashboard")
    wait_idle(qtbot, ctx)
    monkeypatch.setattr(report_dialog, "choose_save_path", lambda parent, name: "")
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.report_dialog
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # still asking; nothing started
    dialog.reject()
    wait_idle(qtbot, ctx)
    with ctx.store.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "report")).all() == []


def test_an_unwritable_place_is_a_message(qtbot, ctx, window, tmp_path, monkeypatch) -> None:
    page = window.open_page("dashboard")
    wait_idle(qtbot, ctx)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(report_dialog, "choose_save_path",
                        lambda parent, name: str(blocker / "report.pdf"))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.exporter.failed, timeout=60_000) as failed:
        qtbot.mouseClick(page.report_dialog.export_button, Qt.MouseButton.LeftButton)
    assert "report.pdf" in failed.args[0]
    assert page.export_button.isEnabled()
    with ctx.store.read() as s:  # no file, no audit entry
        assert s.scalars(select(AuditEntry).where(AuditEntry.entity == "report")).all() == []


def test_weekly_report_with_no_cases(qtbot, ctx, window, chinese, tmp_path,
                                     monkeypatch) -> None:
    page = window.open_page("dashboard")
    wait_idle(qtbot, ctx)
    monkeypatch.setattr(report_dialog, "choose_save_path",
                        lambda parent, name: str(tmp_path / name))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    dialog = page.report_dialog
    qtbot.mouseClick(dialog.buttons["weekly"], Qt.MouseButton.LeftButton)
    dialog.day.setDate(QDate(2020, 3, 4))  # a Wednesday long before the demo district
    with qtbot.waitSignal(page.exporter.finished, timeout=60_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text, _pages = pdf_text(Path(done.args[0]))
    assert "网格事件周报" in text
    assert norm("统计周期：2020-03-02至2020-03-08（北京时间）") in text
    assert "本期没有上报的事件。" in text
    assert Path(done.args[0]).name == "网格事件周报_2020-03-02.pdf"
