"""Exporting a report: data on the database thread, the PDF on a worker, then the audit entry.

The GUI thread only starts the steps and hears how they ended; a failure at any
step says so in words and leaves nothing half-recorded (the audit entry is written
only once the file exists).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inspector.queries.periods import Period
from inspector.queries.reports import CaseReport, case_report
from inspector.services.report_exports import record_report_export

from ..context import AppContext
from ..messages import describe
from .pdf import write_pdf


class ReportExport(QObject):
    """One export at a time; `finished(path)` or `failed(message)` when it ends."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.running = False

    def start(self, kind: str, period: Period, path: str) -> None:
        if self.running:
            return
        self.running = True
        grids = self.ctx.actor.grid_ids
        made_by = self.ctx.who.display_name
        self.ctx.read(lambda store: case_report(store, kind, period, grids),
                      lambda report: self._render(report, Path(path), made_by), self._broke)

    def _render(self, report: CaseReport, path: Path, made_by: str) -> None:
        self.ctx.background(lambda: write_pdf(report, path, made_by),
                            lambda _pages: self._audit(report, path), self._broke)

    def _audit(self, report: CaseReport, path: Path) -> None:
        kind, first = report.kind, report.period.first
        self.ctx.write(lambda store, actor: record_report_export(store, actor, kind, first),
                       lambda _none: self._done(path), self._broke)

    def _done(self, path: Path) -> None:
        self.running = False
        self.finished.emit(str(path))

    def _broke(self, exc: Exception) -> None:
        self.running = False
        self.failed.emit(describe(exc))
