"""The one look of every list in the app: read-only, whole rows, large enough to read."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def record_table(model: QAbstractItemModel, stretch: int | None = None,
                 width: int | None = None) -> QTableView:
    """A table that selects one whole row; column `stretch` (default: the last) takes the
    spare width, and `width` sets the other columns' starting width."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setStyleSheet("QTableView { font-size: 15px; }")
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(32)
    header = view.horizontalHeader()
    if width is not None:
        header.setDefaultSectionSize(width)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
