"""Scorecard tables (per grid, per worker): one row of figures each, sortable by any column.

A supervisor's district has up to a thousand grids: small enough to hold as plain
rows, so the model keeps them all and a sort proxy orders them by the raw number
(`SORT_ROLE`), not by the text shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from inspector.queries.scorecard import Figures, GridScore, WorkerScore

from ..widgets.tables import record_table
from .formats import hours, percent

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING = QColor("#b3261e")
CONTEXT = "ScoreTable"


@dataclass(frozen=True)
class Column:
    title: str  # English, translated in CONTEXT
    tip: str
    value: Callable[[Any], Any]  # row -> raw value (number, text or None)
    text: Callable[[Any], str] = str
    warn: bool = False  # any value above 0 is shown in red


def _f(name: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row.figures, name)


FIGURES = (
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Patrols"),
           QT_TRANSLATE_NOOP("ScoreTable",
                             "Patrols started in the period with something checked"),
           _f("patrols")),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Nothing checked"),
           QT_TRANSLATE_NOOP("ScoreTable",
                             "Patrols with nothing checked: not counted as patrols"),
           _f("empty_patrols"), warn=True),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Visits"),
           QT_TRANSLATE_NOOP("ScoreTable", "Door-to-door visits made in the period"),
           _f("visits")),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Households"),
           QT_TRANSLATE_NOOP("ScoreTable", "Households registered in the grid(s)"),
           _f("households")),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Visited 30 d"),
           QT_TRANSLATE_NOOP("ScoreTable",
                             "Households visited in the 30 days before the period's end"),
           _f("coverage_30"), percent),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Visited 90 d"),
           QT_TRANSLATE_NOOP("ScoreTable",
                             "Households visited in the 90 days before the period's end"),
           _f("coverage_90"), percent),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Cases reported"),
           QT_TRANSLATE_NOOP("ScoreTable", "Cases reported in the period"),
           _f("reported")),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Cases closed"),
           QT_TRANSLATE_NOOP("ScoreTable", "Of those cases, closed before the period's end"),
           _f("closed")),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Closure rate"),
           QT_TRANSLATE_NOOP("ScoreTable", "Closed ÷ reported (rejected reports left out)"),
           _f("closure_rate"), percent),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "On time"),
           QT_TRANSLATE_NOOP("ScoreTable", "Closed no later than the deadline ÷ closed"),
           _f("on_time_rate"), percent),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Hours to close"),
           QT_TRANSLATE_NOOP("ScoreTable", "Average hours from report to close"),
           _f("average_handling_hours"), hours),
)
GRID_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Grid"), "", lambda row: row.name),
    *FIGURES,
)
WORKER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Name"), "", lambda row: row.name),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Account"), "", lambda row: row.username),
    Column(QT_TRANSLATE_NOOP("ScoreTable", "Grids"),
           QT_TRANSLATE_NOOP("ScoreTable", "Grids the person is listed for or worked in"),
           lambda row: row.grid_count),
    *FIGURES,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


class ScoreModel(QAbstractTableModel):
    """Rows of GridScore or WorkerScore under a fixed set of columns."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[GridScore | WorkerScore] = []

    def set_rows(self, rows: Sequence[GridScore | WorkerScore]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(column.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tr(column.tip) or None
        return None

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        value = column.value(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(value)
        if role == SORT_ROLE:
            return -1 if value is None else value  # "—" sorts below 0%
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(value, str):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.warn and value:
            return WARNING
        return None

    def figures(self, row: int) -> Figures:
        return self.rows[row].figures


def score_view(columns: Sequence[Column]) -> tuple[QTableView, ScoreModel]:
    """A sortable table of scorecard rows (click a header to rank by it)."""
    model = ScoreModel(columns)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = record_table(proxy, stretch=0, width=96)
    proxy.setParent(view)
    model.setParent(view)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view, model
