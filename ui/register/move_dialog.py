"""Move a resident to another household, found by typing its address or head's name,
or record that the person moved away (迁出: kept in the register, in no household)."""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.queries import register as q
from inspector.services import register

from ..context import AppContext
from ..lazymodel import ID_ROLE
from ..messages import describe
from .models import SearchResultsModel
from .typeahead import TypeAhead


class MoveDialog(QDialog):
    moved = Signal(str, object)  # resident id, new household id (None: moved away)

    def __init__(self, ctx: AppContext, resident_id: str, from_household: str | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.resident_id, self.from_household = ctx, resident_id, from_household
        self.setWindowTitle(self.tr("Move resident"))
        self.setMinimumSize(620, 420)
        self.setStyleSheet("QDialog { font-size: 15px; }")
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Type the new address or the head's name"))
        self.query.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.results = QTableView()
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.verticalHeader().hide()
        self.results.doubleClicked.connect(self.move_here)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.move_button = QPushButton(qta.icon("fa5s.people-arrows"), self.tr("Move here"))
        self.move_button.setDefault(True)
        self.move_button.clicked.connect(self.move_here)
        self.away_button = QPushButton(qta.icon("fa5s.sign-out-alt"),
                                       self.tr("Moved away (out of this area)"))
        self.away_button.clicked.connect(lambda: self._move(None))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.away_button)
        buttons.addStretch(1)
        buttons.addWidget(self.move_button)
        buttons.addWidget(cancel)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Find the household the person moves to:")))
        column.addWidget(self.query)
        column.addWidget(self.results, 1)
        column.addWidget(self.message)
        column.addLayout(buttons)

        grid_ids = list(ctx.actor.grid_ids)
        self.typeahead = TypeAhead(ctx, self.query, lambda store, text: q.search_rows(
            store, text, grid_ids, kinds=("household",)), self)
        self.typeahead.results.connect(self._show)

    def _show(self, _query: str, rows: list[dict[str, Any]] | None) -> None:
        rows = [r for r in rows or () if r["id"] != self.from_household]
        self.model.set_rows(rows)
        if rows:
            self.results.selectRow(0)

    def move_here(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid():
            self.message.setText(self.tr("Choose a household from the list first."))
            return
        self._move(index.data(ID_ROLE))

    def _move(self, household_id: str | None) -> None:
        resident_id = self.resident_id
        self.move_button.setEnabled(False)
        self.ctx.write(lambda store, actor: register.move_resident(
            store, actor, resident_id, household_id),
            lambda _changes: self._moved(household_id), self._failed)

    def _moved(self, household_id: str | None) -> None:
        self.ctx.notice.emit(self.tr("Resident moved"))
        self.moved.emit(self.resident_id, household_id)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.move_button.setEnabled(True)
        self.message.setText(describe(exc))
