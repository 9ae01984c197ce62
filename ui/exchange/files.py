"""The file dialogs of the exchange, as module functions that tests replace.

A native file dialog blocks and cannot be driven headless, so the pages call these
through the module (`files.choose_save_path(...)`), never a QFileDialog directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("exchange", text)


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def choose_save_path(parent: QWidget, title: str, suggested: str) -> str | None:
    """Where to save an export (None when the user cancels)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(_documents() / suggested),
                                          tr("Excel workbook (*.xlsx)"))
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def choose_open_path(parent: QWidget, title: str) -> str | None:
    """Which workbook to import (None when the user cancels)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(_documents()),
                                          tr("Excel workbook (*.xlsx)"))
    return path or None
