"""A table model that holds only record ids and fetches rows in blocks, off the GUI thread.

Qt asks `data()` only for the rows on screen. A row not yet fetched shows a
placeholder while its block loads on the database thread; when the block arrives
the view repaints those rows. So a list of 100,000 households costs 100,000 ids,
and scrolling never waits for SQL (the approach of Anki's browser table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from inspector.db import Store

from .context import AppContext
from .messages import describe

Row = dict[str, Any]
Fetch = Callable[[Store, Sequence[str]], dict[str, Row]]
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the record id of a row, for selection and actions
PLACEHOLDER = "…"
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column:
    key: str  # key in the fetched row dict
    title: str  # already translated
    align: Qt.AlignmentFlag = _LEFT


class LazyTableModel(QAbstractTableModel):
    """Rows are `fetch(store, ids) -> {id: row}` dicts; a row's `_color` key tints its text."""

    BLOCK = 100
    rows_arrived = Signal()

    def __init__(self, ctx: AppContext, columns: Sequence[Column], fetch: Fetch,
                 parent: Any = None):
        super().__init__(parent)
        self.ctx, self.columns, self.fetch = ctx, list(columns), fetch
        self._ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._rows: dict[str, Row] = {}
        self._pending: set[int] = set()  # block numbers being fetched
        self._generation = 0  # bumps on every reset; late blocks of an older list are dropped

    # -- the list ------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._pos = {record_id: i for i, record_id in enumerate(self._ids)}
        self._rows.clear()
        self._pending.clear()
        self.endResetModel()

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int | None:
        return self._pos.get(record_id)

    def column_of(self, key: str) -> int:
        """The position of the column showing `key`."""
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def cached(self, record_id: str) -> Row | None:
        return self._rows.get(record_id)

    def refresh(self, record_ids: Sequence[str]) -> None:
        """Forget these rows so they are fetched again the next time they are shown."""
        rows = [self._pos[i] for i in record_ids if i in self._pos]
        for record_id in record_ids:
            self._rows.pop(record_id, None)
        for row in rows:
            self._pending.discard(row // self.BLOCK)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    # -- Qt's model interface ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        record_id = self._ids[index.row()]
        column = self.columns[index.column()]
        if role == ID_ROLE:
            return record_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        row = self._rows.get(record_id)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request(index.row() // self.BLOCK)
                return PLACEHOLDER
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = row.get(column.key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and row.get("_color"):
            return QColor(row["_color"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.get("_tip")
        return None

    # -- fetching ------------------------------------------------------------------
    def _request(self, block: int) -> None:
        if block in self._pending:
            return
        self._pending.add(block)
        generation = self._generation
        ids = self._ids[block * self.BLOCK:(block + 1) * self.BLOCK]
        fetch = self.fetch
        self.ctx.read(lambda store: fetch(store, ids),
                      lambda rows: self._arrived(generation, block, ids, rows),
                      lambda exc: self._failed(generation, block, exc))

    def _arrived(self, generation: int, block: int, ids: list[str], rows: dict[str, Row]) -> None:
        if generation != self._generation:
            return
        for record_id in ids:  # a record removed meanwhile shows as an empty row, not "…" forever
            self._rows[record_id] = rows.get(record_id, {})
        first = block * self.BLOCK
        last = min(first + len(ids), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self.rows_arrived.emit()

    def _failed(self, generation: int, block: int, exc: Exception) -> None:
        # The block stays marked pending (no retry storm on every repaint); a refresh retries.
        if generation == self._generation:
            self.ctx.notice.emit(describe(exc))
