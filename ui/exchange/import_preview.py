"""The import preview: what the file would add and change, every row that cannot be taken
and why, and the user's go-ahead. Nothing is written until "Import" is pressed; then the
chosen rows are written in one transaction, or none of them.
"""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.exchange.register_apply import ImportResult, apply_import
from inspector.exchange.register_preview import (
    BAD,
    DUPLICATE,
    NEW,
    UNCHANGED,
    UPDATE,
    ImportPreview,
)

from ..context import AppContext
from ..messages import describe
from ..widgets.tables import record_table

_RED, _AMBER = QColor("#c62828"), QColor("#8d5a00")


class RowsModel(QAbstractTableModel):
    """Read-only rows of plain values; the last column is coloured by `colors` when given."""

    def __init__(self, headers: tuple[str, ...], rows: list[tuple[Any, ...]],
                 colors: list[QColor] | None = None, tip_column: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.headers, self.rows, self.colors, self.tip_column = headers, rows, colors, tip_column

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.tip_column:
            return self.rows[row][column]  # a long text is cut in the cell
        if (role == Qt.ItemDataRole.ForegroundRole and self.colors
                and column == len(self.headers) - 1):
            return self.colors[row]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportPreviewDialog(QDialog):
    """`imported(result)` after the chosen rows were written."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, preview: ImportPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.preview = ctx, preview
        self.setWindowTitle(self.tr("Import the register: %1").replace("%1", preview.file_name))
        self.setMinimumSize(900, 560)
        self.setStyleSheet("QLabel, QCheckBox, QPushButton { font-size: 15px; }")

        self.summary = QLabel(self._summary_text())
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 16px;")
        error, duplicate = self.tr("Error"), self.tr("Duplicate")
        self.problems = RowsModel(
            (self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem"),
             self.tr("ID number"), self.tr("Kind")),
            [(p.sheet, p.row, p.column, p.reason, p.who, error if p.kind == BAD else duplicate)
             for p in preview.problems],
            [_RED if p.kind == BAD else _AMBER for p in preview.problems], 3, self)
        updates = [p for p in preview.planned if p.action == UPDATE]
        self.updates = RowsModel(
            (self.tr("Sheet"), self.tr("Row"), self.tr("ID number"), self.tr("Changes")),
            [(p.sheet, p.row, p.who, "、".join(p.changed)) for p in updates], tip_column=3,
            parent=self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._table(self.problems, (70, 60, 110, 0, 170, 70), 3,
                                     self.tr("Every row can be imported.")),
                         self.tr("Problems (%1)").replace("%1", str(len(preview.problems))))
        self.tabs.addTab(self._table(self.updates, (70, 60, 170, 0), 3,
                                     self.tr("No registered record is changed.")),
                         self.tr("Changes to registered records (%1)")
                         .replace("%1", str(len(updates))))
        self.ignored = QLabel(self.tr("These columns are not imported: %1")
                              .replace("%1", "、".join(preview.ignored_columns)))
        self.ignored.setWordWrap(True)
        self.ignored.setStyleSheet("color: #555;")

        self.new = QCheckBox(self.tr("Add %1 new households and %2 new residents")
                             .replace("%1", str(preview.count(NEW, "household")))
                             .replace("%2", str(preview.count(NEW, "resident"))))
        self.update = QCheckBox(self.tr("Update %1 households and %2 residents already "
                                        "registered")
                                .replace("%1", str(preview.count(UPDATE, "household")))
                                .replace("%2", str(preview.count(UPDATE, "resident"))))
        for box, action in ((self.new, NEW), (self.update, UPDATE)):
            box.setChecked(preview.count(action) > 0)
            box.setEnabled(preview.count(action) > 0)
            box.toggled.connect(self._choices_changed)
        self.note = QLabel(self.tr("Rows with a problem are left out. Correct them in the "
                                   "file and import it again; rows already imported then "
                                   "show as unchanged."))
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("importMessage")
        self.message.setStyleSheet("#importMessage { color: #c62828; }")
        self.message.setWordWrap(True)
        self.message.hide()

        self.buttons = QDialogButtonBox()
        self.apply_button = QPushButton(qta.icon("fa5s.file-import"), "")
        self.apply_button.setDefault(True)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.ignored)
        layout.addWidget(self.new)
        layout.addWidget(self.update)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.ignored.setVisible(bool(preview.ignored_columns))
        self._choices_changed()

    @staticmethod
    def _table(model: RowsModel, widths: tuple[int, ...], stretch: int, empty: str) -> QWidget:
        """The rows, or a sentence saying there are none."""
        if not model.rows:
            label = QLabel(empty)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return label
        view = record_table(model, stretch=stretch)
        for column, width in enumerate(widths):
            if width:
                view.setColumnWidth(column, width)
        return view

    def _summary_text(self) -> str:
        p = self.preview
        return (self.tr("New: %1 · Update: %2 · Unchanged: %3 · With errors: %4 · "
                        "Duplicates: %5")
                .replace("%1", str(p.count(NEW))).replace("%2", str(p.count(UPDATE)))
                .replace("%3", str(p.count(UNCHANGED))).replace("%4", str(p.rows(BAD)))
                .replace("%5", str(p.rows(DUPLICATE))))

    def chosen(self) -> set[str]:
        return {action for box, action in ((self.new, NEW), (self.update, UPDATE))
                if box.isChecked()}

    def _choices_changed(self) -> None:
        rows = sum(self.preview.count(action) for action in self.chosen())
        self.apply_button.setText(self.tr("Import %n row(s)", "", rows))
        self.apply_button.setEnabled(rows > 0)

    def apply(self) -> None:
        preview, actions = self.preview, self.chosen()
        for widget in (self.apply_button, self.new, self.update):
            widget.setEnabled(False)
        self.message.hide()
        self.apply_button.setText(self.tr("Importing…"))
        self.ctx.write(lambda store, actor: apply_import(store, actor, preview, actions),
                       self._applied, self._failed)

    def _applied(self, result: tuple[ImportResult, Any]) -> None:
        written = result[0].written
        self.ctx.notice.emit(
            self.tr("Imported: %1 households and %2 residents added, %3 records updated")
            .replace("%1", str(written.get(("household", NEW), 0)))
            .replace("%2", str(written.get(("resident", NEW), 0)))
            .replace("%3", str(written.get(("household", UPDATE), 0)
                               + written.get(("resident", UPDATE), 0))))
        self.imported.emit(result[0])
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(describe(exc))
        self.message.show()
        self.apply_button.setText(self.tr("Import failed: nothing was written"))
