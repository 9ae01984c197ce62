"""Export diagnostics: a zip for support, written off the GUI thread, then audited.

What goes into the file and what never does is `inspector.diagnostics`; this dialog
says so in plain words, asks where to save (`choose_save_path`, a module function
tests replace: a native file dialog would hang a headless run) and runs the export.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from inspector.diagnostics import DiagnosticsFile, record_export, write_bundle

from . import crash
from .about import qt_versions
from .context import AppContext
from .messages import describe


def choose_save_path(parent: QWidget, suggested: str) -> str | None:
    """Where to save the diagnostics file (None when the user cancels). Tests replace this."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("DiagnosticsDialog", "Save the diagnostics file as"),
        str(Path(folder or Path.home()) / suggested),
        QCoreApplication.translate("DiagnosticsDialog", "Zip files (*.zip)"))
    if not path:
        return None
    return path if path.lower().endswith(".zip") else path + ".zip"


def suggested_name() -> str:
    return f"grid-inspector-diagnostics-{datetime.now():%Y%m%d-%H%M}.zip"


def settings_values() -> dict[str, Any]:
    """Every QSettings value; inspector.diagnostics leaves out the secret-sounding ones."""
    settings = QSettings()
    return {key: settings.value(key) for key in settings.allKeys()}


def display_info() -> dict[str, Any]:
    return {"qt_platform": QGuiApplication.platformName(),
            "screens": [f"{s.size().width()}x{s.size().height()} @{s.devicePixelRatio():g}"
                        for s in QGuiApplication.screens()]}


class DiagnosticsDialog(QDialog):
    """What the file holds, Save…, then where it went. `exported(DiagnosticsFile)` once
    the file is written and audited."""

    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.written: DiagnosticsFile | None = None
        self.setWindowTitle(self.tr("Export diagnostics"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "A diagnostics file helps support find out what went wrong. It holds the versions "
            "of the app and its libraries, this computer's system, your settings, how many "
            "records of each kind this profile has, the work waiting to be sent and the sync "
            "problems, the checks of the database and of the audit trail, and the log files "
            "and crash reports.\n\nIt never holds residents' data, photos, passwords or keys. "
            "Save it, then send it to your administrator."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(self.tr("Save…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        self.open_button = buttons.addButton(self.tr("Open folder"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_folder)
        self.open_button.hide()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)

    def save(self) -> None:
        path = choose_save_path(self, suggested_name())
        if path is None:
            return
        self.save_button.setEnabled(False)
        self.open_button.hide()
        self._say(self.tr("Writing %1…").replace("%1", Path(path).name))
        store, keyfile = self.ctx.store, self.ctx.keyfile
        settings, versions, display = settings_values(), qt_versions(), display_info()
        self.ctx.background(
            lambda: write_bundle(store, path, settings=settings, extra_versions=versions,
                                 extra_platform=display, keyfile=keyfile),
            self._written, self._failed)

    def _written(self, written: DiagnosticsFile) -> None:
        self.ctx.write(lambda store, actor: record_export(store, actor, written),
                       lambda _none: self._done(written), self._failed)

    def _done(self, written: DiagnosticsFile) -> None:
        self.written = written
        self.save_button.setEnabled(True)
        self.open_button.show()
        self._say(self.tr("Saved %1 (%2 KB). Send this file to your administrator.")
                  .replace("%1", str(written.path))
                  .replace("%2", f"{max(1, round(written.size / 1024)):,}"))
        self.exported.emit(written)

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        self._say(self.tr("The diagnostics file was not saved: %1").replace("%1", describe(exc)),
                  error=True)

    def _open_folder(self) -> None:
        if self.written is not None:
            crash.open_folder(self.written.path.parent)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)
