"""The register's lists: households and residents (lazy, id-only) and search results.

Codes become names here, on the database thread, so the GUI thread only paints
text. ID numbers arrive masked from the queries; nothing here can unmask them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from inspector.db import Store
from inspector.queries import register as q

from ..context import AppContext
from ..labels import choice_label
from ..lazymodel import ID_ROLE, RIGHT, Column, LazyTableModel, Row

Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = ID_ROLE + 1  # "household" or "resident" in the search results
HOUSEHOLD_ROLE = ID_ROLE + 2  # the household a search result belongs to (None: moved out)


def tr(text: str) -> str:
    return QCoreApplication.translate("register", text)


def fetch_households(store: Store, ids: Sequence[str]) -> dict[str, Row]:
    rows = q.household_rows(store, ids)
    for row in rows.values():
        row["housing_use"] = choice_label("resident_tags", "housing_uses", row["housing_use"])
    return rows


def fetch_residents(store: Store, ids: Sequence[str]) -> dict[str, Row]:
    rows = q.resident_rows(store, ids)
    for row in rows.values():
        row["relation"] = choice_label("resident_tags", "relations", row["relation"])
        row["residence_type"] = choice_label("resident_tags", "residence_types",
                                             row["residence_type"])
    return rows


def household_model(ctx: AppContext, parent: Any = None) -> LazyTableModel:
    return LazyTableModel(ctx, [
        Column("address", tr("Address")),
        Column("door_no", tr("Door")),
        Column("head_name", tr("Head of household")),
        Column("housing_use", tr("Housing")),
        Column("members", tr("Residents"), RIGHT),
        Column("last_visit", tr("Last visit")),
    ], fetch_households, parent)


def resident_model(ctx: AppContext, parent: Any = None) -> LazyTableModel:
    return LazyTableModel(ctx, [
        Column("name", tr("Name")),
        Column("id_number", tr("ID number")),
        Column("gender", tr("Gender")),
        Column("age", tr("Age"), RIGHT),
        Column("relation", tr("Relation to head")),
        Column("residence_type", tr("Residence")),
    ], fetch_residents, parent)


class SearchResultsModel(QAbstractTableModel):
    """At most a page of hits (residents and households mixed), all rows at hand."""

    KEYS = ("kind", "name", "id_number", "address")

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Row] = []
        self._titles = (tr("Type"), tr("Name"), tr("ID number"), tr("Address"))
        self._kinds = {"household": tr("Household"), "resident": tr("Resident")}

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.KEYS)):
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row["id"]
        if role == KIND_ROLE:
            return row["kind"]
        if role == HOUSEHOLD_ROLE:
            return row["household_id"]
        if role == Qt.ItemDataRole.DisplayRole:
            key = self.KEYS[index.column()]
            return self._kinds[row["kind"]] if key == "kind" else row[key]
        return None
