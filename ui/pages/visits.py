"""Visits (走访): what was logged, which households nobody has visited lately, and a new visit.

Staff plan their rounds from the "not visited in 30/90 days" lists ("不漏一户") and
log a visit from any household found by address or name (Ctrl+Shift+V).
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.queries.activities import (
    find_households,
    households_not_visited,
    visit_ids,
    visit_needs,
)
from inspector.services.recording import Changes

from ..context import AppContext
from ..dialogs.visit import VisitDialog, open_visit
from ..labels import choice_label, choices, fill_combo
from ..lazymodel import ID_ROLE, LazyTableModel
from ..visits.rows import (
    fetch_households,
    fetch_visits,
    household_columns,
    visit_columns,
)
from ..widgets.tables import record_table
from .base import Page

HISTORY, FOUND = "history", "found"
NOT_VISITED_DAYS = (30, 90)


class VisitsPage(Page):

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.dialog: VisitDialog | None = None
        self._select_after_load: str | None = None
        self._generation = 0

        column = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a household by address or name"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumHeight(34)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._run_search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self._run_search)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(qta.icon("fa5s.plus"), self.tr("New visit (Ctrl+Shift+V)"))
        self.new_button.setMinimumHeight(34)
        self.new_button.setToolTip(self.tr("Log a visit to the household selected in the list"))
        self.new_button.clicked.connect(self.new_visit)
        top.addWidget(self.new_button)
        column.addLayout(top)

        filters = QHBoxLayout()
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("Visits logged"), HISTORY)
        for days in NOT_VISITED_DAYS:
            self.show_combo.addItem(self.tr("Households not visited in %1 days")
                                    .replace("%1", str(days)), days)
        self.show_combo.addItem(self.tr("Households found"), FOUND)
        self.show_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.kind = QComboBox()
        fill_combo(self.kind, choices("visit_needs", "visit_kinds"), blank=self.tr("All kinds"))
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.count = QLabel()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.show_combo)
        filters.addWidget(QLabel(self.tr("Kind:")))
        filters.addWidget(self.kind)
        filters.addStretch(1)
        filters.addWidget(self.count)
        column.addLayout(filters)

        self.visits = LazyTableModel(ctx, visit_columns(), fetch_visits, self)
        self.households = LazyTableModel(ctx, household_columns(), fetch_households, self)
        self.visit_table = record_table(self.visits, self.visits.column_of("address"), 140)
        self.household_table = record_table(self.households,
                                            self.households.column_of("address"), 140)
        self.visit_table.selectionModel().currentRowChanged.connect(self._visit_selected)
        self.visit_table.activated.connect(lambda _i: self.new_visit())
        self.household_table.activated.connect(lambda _i: self.new_visit())
        self.stack = QStackedWidget()
        self.stack.addWidget(self.visit_table)
        self.stack.addWidget(self.household_table)
        column.addWidget(self.stack, 1)
        self.needs = QLabel()
        self.needs.setWordWrap(True)
        self.needs.setStyleSheet("font-size: 15px; padding: 6px;")
        column.addWidget(self.needs)

        QShortcut(QKeySequence("Ctrl+Shift+V"), self).activated.connect(self.new_visit)


    # -- lists ---------------------------------------------------------------
    def showing(self) -> str | int:
        return self.show_combo.currentData()

    def reload(self) -> None:
        self._generation += 1
        generation, grids = self._generation, tuple(self.ctx.actor.grid_ids)
        shown = self.showing()
        self.kind.setEnabled(shown == HISTORY)
        self.stack.setCurrentWidget(self.visit_table if shown == HISTORY
                                    else self.household_table)
        if shown == HISTORY:
            kind = self.kind.currentData()
            self.ctx.read(lambda store: visit_ids(store, grids, kind),
                          lambda ids: self._listed(generation, self.visits, ids))
        elif shown == FOUND:
            text = self.search.text().strip()
            self.ctx.read(lambda store: find_households(store, text, grids) if text else [],
                          lambda ids: self._listed(generation, self.households, ids))
        else:
            days = int(shown)
            self.ctx.read(lambda store: households_not_visited(store, days, grids),
                          lambda ids: self._listed(generation, self.households, ids))

    def _listed(self, generation: int, model: LazyTableModel, ids: list[str]) -> None:
        if generation != self._generation:
            return  # the user changed the filter meanwhile
        model.set_ids(ids)
        noun = (self.tr("%n visit(s)", "", len(ids)) if model is self.visits
                else self.tr("%n household(s)", "", len(ids)))
        self.count.setText(noun)
        self.needs.clear()
        wanted, self._select_after_load = self._select_after_load, None
        row = model.row_of(wanted) if wanted else None
        view = self.visit_table if model is self.visits else self.household_table
        if row is not None:
            view.selectRow(row)
            view.scrollTo(model.index(row, 0))

    def _run_search(self) -> None:
        self._search_timer.stop()
        if not self.search.text().strip():
            if self.showing() == FOUND:
                self.show_combo.setCurrentIndex(0)
            return
        if self.showing() != FOUND:
            self.show_combo.setCurrentIndex(self.show_combo.findData(FOUND))  # reloads
        else:
            self.reload()

    def _visit_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        visit_id = current.data(ID_ROLE) if current.isValid() else None
        if not visit_id:
            self.needs.clear()
            return
        self.ctx.read(lambda store: visit_needs(store, visit_id),
                      lambda needs: self._show_needs(visit_id, needs))

    def _show_needs(self, visit_id: str, needs: list[tuple[str, str]]) -> None:
        current = self.visit_table.currentIndex()
        if not current.isValid() or current.data(ID_ROLE) != visit_id:
            return
        if not needs:
            self.needs.setText(self.tr("No needs were raised during this visit."))
            return
        lines = [f"• {choice_label('visit_needs', 'need_categories', c)}: {d}" for c, d in needs]
        self.needs.setText("\n".join([self.tr("Needs raised:"), *lines]))

    # -- a new visit ---------------------------------------------------------
    def selected_household(self) -> str | None:
        if self.stack.currentWidget() is self.household_table:
            index = self.household_table.currentIndex()
            return index.data(ID_ROLE) if index.isValid() else None
        index = self.visit_table.currentIndex()
        row = self.visits.cached(index.data(ID_ROLE)) if index.isValid() else None
        return row.get("household_id") if row else None

    def new_visit(self) -> None:
        household_id = self.selected_household()
        if household_id is None:
            self.ctx.notice.emit(self.tr("First find the household: type its address or a "
                                         "name above, then choose it in the list."))
            self.search.setFocus()
            return
        self.dialog = open_visit(self.ctx, household_id, self)

    # -- outside events ------------------------------------------------------
    def on_changed(self, changes: Changes) -> None:
        if self._loaded and ("visit" in changes or "household" in changes):
            self.reload()

    def show_record(self, entity: str, record_id: str) -> None:
        self._select_after_load = record_id
        self.kind.setCurrentIndex(0)
        self.show_combo.setCurrentIndex(0)
        self._loaded = True
        self.reload()
