"""About Grid Inspector: the version, what it is built on, the profile's schema revision,
and where the data and the logs are (what support asks first).

The versions come from `inspector.diagnostics.versions` (the diagnostics file says the
same); the schema revision is read on the database thread like any other query.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.db import Store, current_revision
from inspector.diagnostics import versions
from inspector.logs import log_folder
from inspector.profiles import data_root

from . import crash
from .context import AppContext


def qt_versions() -> dict[str, str]:
    return {"qt": qVersion(), "pyside6": PySide6.__version__}


def _schema(store: Store) -> tuple[str | None, bool]:
    return current_revision(store.engine), store.encrypted


class AboutDialog(QDialog):
    """Versions, the profile's schema, the folders (each with a button that opens it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Grid Inspector"))
        self.setMinimumWidth(560)
        found = versions() | qt_versions()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Grid Inspector %1").replace("%1", found["grid_inspector"]))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        summary = QLabel(self.tr("Offline field work for grid inspectors: the register, "
                                 "patrols, visits and cases, synced with the district's server."))
        summary.setWordWrap(True)
        layout.addWidget(summary)

        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        rows = [("version", self.tr("Version"), found["grid_inspector"]),
                ("python", "Python", found["python"]),
                ("qt", "Qt / PySide6", f"{found['qt']} / {found['pyside6']}"),
                ("sqlite", "SQLite / SQLCipher", f"{found['sqlite']} / {found['sqlcipher']}"),
                ("schema", self.tr("Profile schema"), self.tr("reading…"))]
        for key, label, value in rows:
            self.values[key] = QLabel(value)
            self.values[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, self.values[key])
        self.folders = {"profile": ctx.store.path.parent, "data": data_root(),
                        "logs": log_folder()}
        for key, label in (("profile", self.tr("This profile")), ("data", self.tr("Data")),
                           ("logs", self.tr("Logs and crash reports"))):
            form.addRow(label, self._folder_row(key))
        layout.addLayout(form)

        credits = QLabel(self.tr(
            "Proprietary software. Built with Qt for Python (PySide6, LGPLv3), SQLite (public "
            "domain), SQLCipher (BSD), SQLAlchemy and Alembic (MIT), and Font Awesome icons "
            "through qtawesome (icons CC BY 4.0, code MIT)."))
        credits.setWordWrap(True)
        credits.setStyleSheet("color: #555;")
        layout.addWidget(credits)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ctx = ctx

    def refresh(self) -> None:
        """Read the schema revision again (the window keeps one dialog and reopens it)."""
        self.values["schema"].setText(self.tr("reading…"))
        self.ctx.read(_schema, self._show_schema, lambda _exc: self._show_schema((None, False)))

    def _folder_row(self, key: str) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.values[key] = QLabel(str(self.folders[key]))
        self.values[key].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key].setWordWrap(True)
        line.addWidget(self.values[key], 1)
        button = QPushButton(self.tr("Open"))
        button.setObjectName(f"open_{key}")
        button.clicked.connect(lambda: self._open(self.folders[key]))
        line.addWidget(button)
        return row

    def _open(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)  # the log folder appears with the first line
        crash.open_folder(folder)

    def _show_schema(self, found: tuple[str | None, bool]) -> None:
        revision, encrypted = found
        if revision is None:
            self.values["schema"].setText(self.tr("unknown (the profile is locked)"))
            return
        self.values["schema"].setText(
            (self.tr("%1 (encrypted)") if encrypted else self.tr("%1 (not encrypted)"))
            .replace("%1", revision))
