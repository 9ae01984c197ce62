"""What the export and import buttons do: ask for a file, then work off the GUI thread.

Pages keep the returned job or flow (tests reach the progress window and the preview
dialog through it). Who may import is `inspector.exchange.policy.may_import`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.exchange.export import export_cases, export_register
from inspector.exchange.register_preview import ImportPreview, preview_import
from inspector.exchange.register_read import read_register
from inspector.queries.cases import IssueFilter

from ..context import AppContext
from ..messages import describe
from . import files
from .export_job import ExportJob
from .import_preview import ImportPreviewDialog


def tr(text: str) -> str:
    return QCoreApplication.translate("exchange", text)


def _stamp() -> str:
    return date.today().strftime("%Y%m%d")


def start_register_export(ctx: AppContext, parent: QWidget) -> ExportJob | None:
    path = files.choose_save_path(parent, tr("Export the register"),
                                  tr("register") + f"-{_stamp()}.xlsx")
    if path is None:
        return None
    job = ExportJob(ctx, export_register, path, tr("Exporting the register"), parent)
    job.start()
    return job


def start_case_export(ctx: AppContext, parent: QWidget, flt: IssueFilter) -> ExportJob | None:
    """The cases the list shows now (its filters), within the actor's grids."""
    path = files.choose_save_path(parent, tr("Export the case list"),
                                  tr("cases") + f"-{_stamp()}.xlsx")
    if path is None:
        return None
    job = ExportJob(ctx, lambda store, actor, out, progress, stop: export_cases(
        store, actor, flt, out, progress, stop), path, tr("Exporting the case list"), parent)
    job.start()
    return job


class ImportFlow(QObject):
    """File → read (worker pool) → preview (database thread) → the preview dialog.

    `shown(dialog)` once the preview is up; `refused(message)` when the file cannot be
    imported at all, said in a message box that names the reason.
    """

    shown = Signal(object)
    refused = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.parent_widget = ctx, parent
        self.dialog: ImportPreviewDialog | None = None
        self.box: QMessageBox | None = None

    def start(self) -> bool:
        path = files.choose_open_path(self.parent_widget, tr("Import the register"))
        if path is None:
            return False
        role, actor = self.ctx.actor.role, self.ctx.actor
        self.ctx.notice.emit(tr("Checking %1…").replace("%1", Path(path).name))
        self.ctx.background(
            lambda: read_register(path, role),
            lambda parsed: self.ctx.read(lambda store: preview_import(store, actor, parsed),
                                         self._show, self._refuse),
            self._refuse)
        return True

    def _show(self, preview: ImportPreview) -> None:
        dialog = ImportPreviewDialog(self.ctx, preview, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        self.shown.emit(dialog)

    def _refuse(self, exc: Exception) -> None:
        message = describe(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("This file cannot be imported"),
                          message, QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()
        self.refused.emit(message)
