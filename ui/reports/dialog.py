"""Which report to export: daily, weekly or monthly, and a day inside its period; then where.

The file dialog sits behind `choose_save_path`, a module function tests replace
(a native dialog would hang a headless run).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from inspector.queries.periods import DAILY, MONTHLY, REPORT_KINDS, WEEKLY, Period, report_period

from .pdf import report_title


def tr(text: str) -> str:
    return QCoreApplication.translate("ReportDialog", text)


def choose_save_path(parent: QWidget, suggested: str) -> str:
    """Ask where to save the PDF (blocking file dialog); '' when cancelled. Tests replace this."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _ = QFileDialog.getSaveFileName(parent, tr("Save the report as"),
                                          str(Path(folder) / suggested), tr("PDF files (*.pdf)"))
    return path


def suggested_name(kind: str, period: Period) -> str:
    """e.g. 网格事件周报_2026-11-16.pdf (the report's title in the UI language)."""
    return f"{report_title(kind)}_{period.first.isoformat()}.pdf".replace(" ", "_")


class ReportDialog(QDialog):
    """Kind and day; "Export…" asks for a file and accepts with `path` set."""

    def __init__(self, day: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a PDF case report"))
        self.path = ""
        self.kinds = QButtonGroup(self)
        row = QHBoxLayout()
        self.buttons: dict[str, QRadioButton] = {}
        for i, (kind, text) in enumerate(((DAILY, self.tr("Daily")), (WEEKLY, self.tr("Weekly")),
                                          (MONTHLY, self.tr("Monthly")))):
            button = QRadioButton(text)
            self.kinds.addButton(button, i)
            self.buttons[kind] = button
            row.addWidget(button)
        self.buttons[WEEKLY].setChecked(True)
        self.day = QDateEdit(QDate(day.year, day.month, day.day), calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.covers = QLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("Report:"), row)
        form.addRow(self.tr("Containing the day:"), self.day)
        form.addRow(self.tr("Covers:"), self.covers)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = box.addButton(self.tr("Export…"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self._export)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.kinds.idClicked.connect(self._show_period)
        self.day.dateChanged.connect(self._show_period)
        self._show_period()

    def kind(self) -> str:
        return REPORT_KINDS[self.kinds.checkedId()]

    def period(self) -> Period:
        qdate = self.day.date()
        return report_period(self.kind(), date(qdate.year(), qdate.month(), qdate.day()))

    def _show_period(self) -> None:
        period = self.period()
        text = period.first.isoformat() if period.days == 1 else self.tr("%1 to %2").replace(
            "%1", period.first.isoformat()).replace("%2", period.last.isoformat())
        self.covers.setText(text)

    def _export(self) -> None:
        path = choose_save_path(self, suggested_name(self.kind(), self.period()))
        if not path:
            return  # the user cancelled the file dialog: stay here
        self.path = path if path.lower().endswith(".pdf") else path + ".pdf"
        self.accept()
