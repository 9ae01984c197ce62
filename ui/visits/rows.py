"""Columns and row fetchers of the visits page's two lists: past visits, and households to visit.

The fetchers run on the database thread (LazyTableModel calls them there) and turn
the query's codes into display text, so the model only holds strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from inspector.db import Store
from inspector.queries.activities import household_rows, visit_rows

from ..labels import choice_label, local_time
from ..lazymodel import RIGHT, Column

DISSATISFIED = "#c62828"


def tr(text: str) -> str:
    return QCoreApplication.translate("visits", text)



def visit_columns() -> list[Column]:
    return [Column("when", tr("Date")), Column("address", tr("Household address")),
            Column("kind", tr("Kind")), Column("needs", tr("Needs"), RIGHT),
            Column("satisfaction", tr("Satisfaction")), Column("visitor", tr("Visitor"))]


def fetch_visits(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for visit_id, row in visit_rows(store, ids).items():
        out[visit_id] = {
            "when": local_time(row["visited_at"]), "address": row["address"],
            "kind": choice_label("visit_needs", "visit_kinds", row["kind"]),
            "needs": row["needs"],
            "satisfaction": choice_label("visit_needs", "satisfaction", row["satisfaction"]),
            "visitor": row["visitor"], "household_id": row["household_id"],
            "_color": DISSATISFIED if row["satisfaction"] == "dissatisfied" else None}
    return out


def household_columns() -> list[Column]:
    return [Column("address", tr("Household address")), Column("head", tr("Head of household")),
            Column("last_visit", tr("Last visit"))]


def fetch_households(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {household_id: {"address": row["address"], "head": row["head_name"] or "",
                           "last_visit": local_time(row["last_visit_at"]) or tr("Never visited")}
            for household_id, row in household_rows(store, ids).items()}
