"""An export running off the GUI thread, with a progress window that can stop it.

The file is written on the background pool: the export reads its own snapshot over
its own connection (SQLite's WAL lets a reader run beside the one writer), so the
database thread stays free for the pages during a minute-long export of a district.
Once the file is complete, the audit entry goes through `ctx.write` like any change.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from inspector.db import Store
from inspector.exchange.errors import Cancelled
from inspector.exchange.export import ExportSummary, Progress, Stop, record_export
from inspector.services.recording import Actor

from ..context import AppContext
from ..messages import describe

ExportFn = Callable[[Store, Actor, Path, Progress, Stop], ExportSummary]


class ExportJob(QObject):
    """`finished(summary)` once the file is written and audited; `failed(message)` when
    it could not be (a stop is no failure: the status line only says no file was left)."""

    progressed = Signal(int, int)  # emitted from the worker thread, delivered on the GUI's
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, export: ExportFn, path: str, title: str,
                 parent: QWidget):
        super().__init__(parent)
        self.ctx, self.export, self.path = ctx, export, Path(path)
        self._stop = threading.Event()
        self.progress = QProgressDialog(title, self.tr("Stop"), 0, 0, parent)
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumWidth(420)
        self.progress.canceled.connect(self._stop.set)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        store, actor, path = self.ctx.store, self.ctx.actor, self.path
        self.progress.setLabelText(self.tr("Writing %1…").replace("%1", path.name))
        self.progress.show()
        self.ctx.background(
            lambda: self.export(store, actor, path, self.progressed.emit, self._stop.is_set),
            self._written, self._failed)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setLabelText(self.tr("Writing %1: %2 of %3 rows")
                                   .replace("%1", self.path.name)
                                   .replace("%2", f"{done:,}").replace("%3", f"{total:,}"))

    def _written(self, summary: ExportSummary) -> None:
        self.ctx.write(lambda store, actor: record_export(store, actor, summary),
                       lambda _none: self._done(summary), self._failed)

    def _done(self, summary: ExportSummary) -> None:
        self.progress.close()
        rows, name = summary.rows, summary.path.name
        if summary.entity == "register":
            text = (self.tr("Exported %1 households and %2 residents to %3")
                    .replace("%1", f"{rows['household']:,}")
                    .replace("%2", f"{rows['resident']:,}").replace("%3", name))
        else:
            text = (self.tr("Exported %1 cases to %2")
                    .replace("%1", f"{rows['issue']:,}").replace("%2", name))
        self.ctx.notice.emit(text)
        self.finished.emit(summary)

    def _failed(self, exc: Exception) -> None:
        self.progress.close()
        if isinstance(exc, Cancelled):
            self.ctx.notice.emit(self.tr("Export stopped; no file was written."))
            return
        message = describe(exc)
        self.ctx.notice.emit(message)
        self.failed.emit(message)
