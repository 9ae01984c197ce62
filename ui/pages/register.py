"""Register (台账): grids and buildings on the left, their households in the middle, the
chosen household with its residents on the right; typing in the search box shows
matching residents and households instead of the list.

Everything is read on the database thread: the household list holds ids only
(LazyTableModel), a grid's buildings load when it is opened, and a change
refreshes only the rows it touched. "Export…" and "Import…" exchange the register
with Excel workbooks (ui/exchange); only roles that keep the register may import.
"""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.errors import ValidationError
from inspector.exchange.policy import may_import
from inspector.queries import register as q
from inspector.roles import sees_restricted
from inspector.services import register
from inspector.services.recording import Changes

from ..context import AppContext
from ..exchange.actions import ImportFlow, start_register_export
from ..exchange.export_job import ExportJob
from ..lazymodel import ID_ROLE
from ..messages import describe
from ..register.household_form import HouseholdForm
from ..register.models import (
    HOUSEHOLD_ROLE,
    KIND_ROLE,
    SearchResultsModel,
    household_model,
    resident_model,
)
from ..register.move_dialog import MoveDialog
from ..register.resident_dialog import ResidentDialog
from ..register.typeahead import TypeAhead
from ..widgets.tables import record_table
from .base import Page

_SCOPE_ROLE = Qt.ItemDataRole.UserRole  # tree item -> ("all" | "grid" | "building", id)
_LOADED_ROLE = Qt.ItemDataRole.UserRole + 1  # a grid item's buildings are in place
SEARCH_LIMIT = 50  # hits shown; more means the user should type more, not scroll


class RegisterPage(Page):

    # Emitted once search results are on screen, with the query they answer (for benchmarks).
    search_shown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._scope: tuple[tuple[str, ...], str | None] = (tuple(ctx.actor.grid_ids), None)
        self._ids_seq = 0  # drops a household list that arrives after the scope changed again
        self._household_id: str | None = None  # the household on the right
        self._list_wanted: str | None = None  # select this household once the list arrives
        self._resident_wanted: str | None = None  # select this resident once its list arrives
        self._default_grid: str | None = None
        self.resident_dialog: ResidentDialog | None = None
        self.move_dialog: MoveDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.export_job: ExportJob | None = None
        self.import_flow: ImportFlow | None = None
        self.setStyleSheet("QTreeWidget, QTableView, QLineEdit, QComboBox, QLabel, "
                           "QPushButton, QCheckBox, QGroupBox { font-size: 15px; }")

        # -- left: grids and their buildings ----------------------------------------
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.itemExpanded.connect(self._expand)
        self.tree.currentItemChanged.connect(self._scope_chosen)

        # -- middle: search box and household list (or search results) ----------------
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin, last digits of ID number, phone, address (Ctrl+F)"))
        self.search.addAction(qta.icon("fa5s.search"), QLineEdit.ActionPosition.LeadingPosition)
        QShortcut(QKeySequence.StandardKey.Find, self).activated.connect(self._focus_search)
        self.households = household_model(ctx, self)
        self.household_view = record_table(self.households)
        for column, width in enumerate((240, 90, 110, 70, 70)):
            self.household_view.setColumnWidth(column, width)
        self.household_view.selectionModel().currentRowChanged.connect(self._household_chosen)
        self.household_view.clicked.connect(self._household_chosen)  # back from search results
        self.results = SearchResultsModel(self)
        self.results_view = record_table(self.results)
        for column, width in enumerate((80, 100, 170)):
            self.results_view.setColumnWidth(column, width)
        self.results_view.selectionModel().currentRowChanged.connect(self._result_chosen)
        self.lists = QStackedWidget()
        self.lists.addWidget(self.household_view)
        self.lists.addWidget(self.results_view)
        self.count = QLabel()
        self.new_button = QPushButton(qta.icon("fa5s.plus"), self.tr("New household"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("Register a new household (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_household)
        middle = QWidget()
        middle_column = QVBoxLayout(middle)
        middle_column.setContentsMargins(0, 0, 0, 0)
        middle_column.addWidget(self.search)
        middle_column.addWidget(self.lists, 1)
        self.export_button = QPushButton(qta.icon("fa5s.file-excel"), self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the households and residents of your "
                                              "grids as an Excel workbook"))
        self.export_button.clicked.connect(self.export_register)
        self.import_button = QPushButton(qta.icon("fa5s.file-import"), self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add or update households and residents from "
                                              "an Excel workbook; you see every change first"))
        self.import_button.clicked.connect(self.import_register)
        self.import_button.setVisible(may_import(ctx.actor.role))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.new_button)
        middle_column.addLayout(bottom)
        grid_ids = tuple(ctx.actor.grid_ids)
        self.typeahead = TypeAhead(ctx, self.search, lambda store, text: q.search_rows(
            store, text, grid_ids, limit=SEARCH_LIMIT), self)
        self.typeahead.results.connect(self._show_results)

        # -- right: the household and its residents ------------------------------------
        self.form = HouseholdForm(ctx)
        self.form.save_requested.connect(self.save_household)
        self.form.visit_requested.connect(self.log_visit)
        self.form.remove_requested.connect(self.remove_household)
        self.message = QLabel()  # refusals of remove/move, in plain words
        self.message.setObjectName("registerMessage")
        self.message.setStyleSheet("#registerMessage { color: #c62828; }")
        self.message.setWordWrap(True)
        self.message.hide()
        self.residents = resident_model(ctx, self)
        self.resident_view = record_table(self.residents)
        self.resident_view.setMinimumHeight(180)
        for column, width in enumerate((90, 170, 50, 50, 110)):
            self.resident_view.setColumnWidth(column, width)
        self.resident_view.doubleClicked.connect(self.edit_resident)
        self.add_resident_button = QPushButton(qta.icon("fa5s.user-plus"), self.tr("Add resident"))
        self.add_resident_button.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.add_resident_button.setToolTip(self.tr("Add a person to this household "
                                                    "(Ctrl+Shift+A)"))
        self.add_resident_button.clicked.connect(self.add_resident)
        self.edit_resident_button = QPushButton(qta.icon("fa5s.user-edit"), self.tr("Edit"))
        self.edit_resident_button.clicked.connect(self.edit_resident)
        self.move_resident_button = QPushButton(qta.icon("fa5s.people-arrows"),
                                                self.tr("Move…"))
        self.move_resident_button.clicked.connect(self.move_resident)
        self.remove_resident_button = QPushButton(qta.icon("fa5s.user-times"), self.tr("Remove"))
        self.remove_resident_button.clicked.connect(self.remove_resident)
        self.residents_box = QGroupBox(self.tr("Residents"))
        residents_column = QVBoxLayout(self.residents_box)
        residents_column.addWidget(self.resident_view)
        resident_buttons = QHBoxLayout()
        for button in (self.add_resident_button, self.edit_resident_button,
                       self.move_resident_button):
            resident_buttons.addWidget(button)
        resident_buttons.addStretch(1)
        resident_buttons.addWidget(self.remove_resident_button)
        residents_column.addLayout(resident_buttons)
        self.residents_hint = QLabel(self.tr("Save the household first, then add its residents."))
        residents_column.addWidget(self.residents_hint)

        detail = QWidget()
        detail_column = QVBoxLayout(detail)
        detail_column.addWidget(self.form)
        detail_column.addWidget(self.message)
        detail_column.addWidget(self.residents_box, 1)
        self.detail = QScrollArea()
        self.detail.setWidgetResizable(True)
        self.detail.setWidget(detail)
        self.empty = QLabel(self.tr("Choose a household from the list, or press "
                                    "“New household”."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.detail)

        splitter = QSplitter()
        for widget in (self.tree, middle, self.right):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([200, 640, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.search, self.lists)


    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        grid_ids = list(self.ctx.actor.grid_ids)
        self.ctx.read(lambda store: q.grids(store, grid_ids), self._fill_tree)
        self._load_ids()

    def _fill_tree(self, grids: list[q.Node]) -> None:
        if self.tree.topLevelItemCount():  # already built: only the counts change
            self._relabel(self._grid_items(), grids)
            return
        self.form.set_grids(grids)
        self._default_grid = grids[0].id if grids else None
        self.tree.blockSignals(True)
        self.tree.clear()
        parent: Any = self.tree
        if len(grids) > 1:
            parent = QTreeWidgetItem(self.tree, [self.tr("All my grids")])
            parent.setIcon(0, qta.icon("fa5s.layer-group"))
            parent.setData(0, _SCOPE_ROLE, ("all", None))
            parent.setExpanded(True)
        for grid in grids:
            item = QTreeWidgetItem(parent, [f"{grid.name} ({grid.households})"])
            item.setIcon(0, qta.icon("fa5s.th-large"))
            item.setData(0, _SCOPE_ROLE, ("grid", grid.id))
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.tree.blockSignals(False)

    def _expand(self, item: QTreeWidgetItem) -> None:
        kind, grid_id = item.data(0, _SCOPE_ROLE)
        if kind != "grid" or item.data(0, _LOADED_ROLE):
            return
        item.setData(0, _LOADED_ROLE, True)
        self.ctx.read(lambda store: q.buildings(store, grid_id),
                      lambda nodes: self._fill_buildings(item, nodes))

    def _fill_buildings(self, item: QTreeWidgetItem, nodes: list[q.Node]) -> None:
        if item.childCount():  # already shown: only the counts change
            self._relabel([item.child(i) for i in range(item.childCount())], nodes)
            return
        for node in nodes:
            child = QTreeWidgetItem(item, [f"{node.name} ({node.households})"])
            child.setIcon(0, qta.icon("fa5s.building"))
            child.setData(0, _SCOPE_ROLE, ("building", node.id))
        if not nodes:
            item.setChildIndicatorPolicy(
                QTreeWidgetItem.ChildIndicatorPolicy.DontShowIndicatorIfNoChildren)

    def _grid_items(self) -> list[QTreeWidgetItem]:
        items = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        return [i for i in items if i.data(0, _SCOPE_ROLE)[0] == "grid"]

    @staticmethod
    def _relabel(items: list[QTreeWidgetItem], nodes: list[q.Node]) -> None:
        """Show fresh household counts on items already in the tree."""
        names = {node.id: f"{node.name} ({node.households})" for node in nodes}
        for item in items:
            record_id = item.data(0, _SCOPE_ROLE)[1]
            if record_id in names:
                item.setText(0, names[record_id])

    def _recount(self) -> None:
        """Households were added or removed: the tree's counts follow."""
        grid_ids = list(self.ctx.actor.grid_ids)
        self.ctx.read(lambda store: q.grids(store, grid_ids), self._fill_tree)
        for item in self._grid_items():
            if item.data(0, _LOADED_ROLE):
                grid_id = item.data(0, _SCOPE_ROLE)[1]
                self.ctx.read(lambda store, g=grid_id: q.buildings(store, g),
                              lambda nodes, i=item: self._fill_buildings(i, nodes))

    def _scope_chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        kind, record_id = item.data(0, _SCOPE_ROLE)
        if kind == "all":
            self._scope = (tuple(self.ctx.actor.grid_ids), None)
        elif kind == "grid":
            self._scope = ((record_id,), None)
        else:
            grid_id = item.parent().data(0, _SCOPE_ROLE)[1]
            self._scope = ((grid_id,), record_id)
        self.search.clear()
        self._load_ids()

    def _load_ids(self) -> None:
        self._ids_seq += 1
        seq, (grid_ids, building_id) = self._ids_seq, self._scope
        self.ctx.read(lambda store: q.household_ids(store, grid_ids, building_id),
                      lambda ids: self._ids_arrived(seq, ids))

    def _ids_arrived(self, seq: int, ids: list[str]) -> None:
        if seq != self._ids_seq:
            return
        current = self._list_wanted or self._household_id
        self._list_wanted = None
        self.households.set_ids(ids)
        self._show_count()
        row = self.households.row_of(current) if current else None
        if row is not None:
            self._select_row(self.household_view, row)

    def _show_count(self) -> None:
        if self.lists.currentWidget() is self.results_view:
            found = self.results.rowCount()
            self.count.setText(self.tr("First %n matches: type more to narrow", "", found)
                               if found >= SEARCH_LIMIT else self.tr("%n found", "", found))
        else:
            self.count.setText(self.tr("%n households", "", self.households.rowCount()))

    @staticmethod
    def _select_row(view: QTableView, row: int) -> None:
        view.selectRow(row)
        view.scrollTo(view.model().index(row, 0))

    # -- search --------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_results(self, query: str, rows: list[dict[str, Any]] | None) -> None:
        if rows is None:
            self.lists.setCurrentWidget(self.household_view)
        else:
            self.results.set_rows(rows)
            self.lists.setCurrentWidget(self.results_view)
        self._show_count()
        if rows is not None:
            self.search_shown.emit(query)

    def _result_chosen(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        household_id = current.data(HOUSEHOLD_ROLE)
        if current.data(KIND_ROLE) == "household":
            self.show_household(household_id)
        elif household_id is not None:
            self.show_household(household_id, resident_id=current.data(ID_ROLE))
        else:  # moved away: in no household, so show the person alone
            self._open_resident(current.data(ID_ROLE))

    # -- the household on the right ------------------------------------------------------
    def _household_chosen(self, current: QModelIndex) -> None:
        household_id = current.data(ID_ROLE) if current.isValid() else None
        if household_id and household_id != self._household_id:  # keep unsaved typing
            self.show_household(household_id)

    def show_household(self, household_id: str, resident_id: str | None = None) -> None:
        self._household_id = household_id
        self._resident_wanted = resident_id
        self.ctx.read(lambda store: q.household_form(store, household_id),
                      lambda row: self._household_arrived(household_id, row))
        self._load_residents()

    def _household_arrived(self, household_id: str, row: dict[str, Any] | None) -> None:
        if household_id != self._household_id:
            return
        if row is None:  # removed meanwhile
            self._clear_detail()
            return
        self.form.load(row)
        self._show_detail(saved=True)

    def _show_detail(self, saved: bool) -> None:
        self.message.hide()
        self.right.setCurrentWidget(self.detail)
        for widget in (self.resident_view, self.add_resident_button, self.edit_resident_button,
                       self.move_resident_button, self.remove_resident_button):
            widget.setEnabled(saved)
        self.residents_hint.setVisible(not saved)

    def _clear_detail(self) -> None:
        self._household_id = None
        self.residents.set_ids([])
        self.right.setCurrentWidget(self.empty)

    def _load_residents(self) -> None:
        household_id = self._household_id
        if household_id is None:
            self.residents.set_ids([])
            return
        self.ctx.read(lambda store: q.resident_ids(store, household_id),
                      lambda ids: self._residents_arrived(household_id, ids))

    def _residents_arrived(self, household_id: str, ids: list[str]) -> None:
        if household_id != self._household_id:
            return
        selected = self._resident_wanted or self._current_resident()
        self._resident_wanted = None
        self.residents.set_ids(ids)
        row = self.residents.row_of(selected) if selected else None
        if row is not None:
            self.resident_view.selectRow(row)

    def _current_resident(self) -> str | None:
        index = self.resident_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def new_household(self) -> None:
        grid_ids, building_id = self._scope
        grid_id = grid_ids[0] if len(grid_ids) == 1 else self._default_grid
        self._household_id = None
        self.household_view.setCurrentIndex(QModelIndex())
        self.residents.set_ids([])
        self.form.load(None, grid_id=grid_id, building_id=building_id)
        self._show_detail(saved=False)
        self.form.address.setFocus()

    def save_household(self) -> None:
        data, household_id = self.form.values(), self.form.household_id
        self.form.save.setEnabled(False)
        if household_id is None:
            self.ctx.write(lambda store, actor: register.add_household(store, actor, data),
                           self._household_saved, self._household_failed)
        else:
            self.ctx.write(lambda store, actor: register.edit_household(
                store, actor, household_id, data), self._household_saved,
                self._household_failed)

    def _household_saved(self, result: Any) -> None:
        self.form.save.setEnabled(True)
        household_id = result[0] if isinstance(result, tuple) else self.form.household_id
        self._list_wanted = household_id
        self.ctx.notice.emit(self.tr("Household saved"))
        self.show_household(household_id)  # shows what was stored (phone numbers normalised)

    def _household_failed(self, exc: Exception) -> None:
        self.form.save.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.form.show_error(exc)
        else:
            self._refused(exc)

    def remove_household(self) -> None:
        household_id = self.form.household_id
        if household_id is None:
            return
        self._confirm(self.tr("Remove this household from the register?"),
                      lambda: self.ctx.write(lambda store, actor: register.remove_household(
                          store, actor, household_id), lambda _c: self._clear_detail(),
                          self._refused))

    def log_visit(self) -> None:
        if self.form.household_id is None:
            return
        try:
            from ..dialogs.visit import open_visit
        except ImportError:
            self.ctx.notice.emit(self.tr("Logging visits is not available in this version."))
            return
        open_visit(self.ctx, self.form.household_id, self)

    # -- Excel -------------------------------------------------------------------------------
    def export_register(self) -> None:
        self.export_job = start_register_export(self.ctx, self) or self.export_job

    def import_register(self) -> None:
        flow = ImportFlow(self.ctx, self)
        if flow.start():
            self.import_flow = flow

    # -- residents -------------------------------------------------------------------------
    def add_resident(self) -> None:
        if self._household_id is not None:
            self._open_dialog(self._household_id, None)

    def edit_resident(self) -> None:
        resident_id = self._current_resident()
        if resident_id is not None:
            self._open_resident(resident_id)

    def _open_resident(self, resident_id: str) -> None:
        with_restricted = sees_restricted(self.ctx.actor.role)
        self.ctx.read(lambda store: q.resident_form(store, resident_id, with_restricted),
                      lambda row: row and self._open_dialog(row["household_id"], row))

    def _open_dialog(self, household_id: str | None, row: dict[str, Any] | None) -> None:
        dialog = ResidentDialog(self.ctx, household_id, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda resident_id: setattr(self, "_resident_wanted", resident_id))
        self.resident_dialog = dialog
        dialog.open()

    def move_resident(self) -> None:
        resident_id = self._current_resident()
        if resident_id is None:
            return
        dialog = MoveDialog(self.ctx, resident_id, self._household_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.moved.connect(self._moved)
        self.move_dialog = dialog
        dialog.open()

    def _moved(self, _resident_id: str, household_id: str | None) -> None:
        if household_id is not None:  # the old household's count changed too
            self.households.refresh([household_id])

    def remove_resident(self) -> None:
        resident_id = self._current_resident()
        if resident_id is None:
            return
        self._confirm(self.tr("Remove this person from the register? If they moved away, "
                              "use “Move…” instead."),
                      lambda: self.ctx.write(lambda store, actor: register.remove_resident(
                          store, actor, resident_id), lambda _c: None, self._refused))

    # -- messages ------------------------------------------------------------------------------
    def _confirm(self, question: str, action: Any) -> None:
        """Ask before removing; non-modal so nothing blocks (and tests can press the buttons)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Please confirm"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: box.standardButton(button) == QMessageBox.StandardButton.Yes
            and action())
        self.confirm_box = box
        box.open()

    def _refused(self, exc: Exception) -> None:
        """Say why an action was refused, in the detail pane where the user is looking."""
        if isinstance(exc, ValidationError):
            text = "\n".join(exc.reasons().values())
        else:
            text = describe(exc)
        self.message.setText(text)
        self.message.show()
        self.ctx.notice.emit(text)

    # -- outside requests and changes -------------------------------------------------------------
    def show_record(self, entity: str, record_id: str) -> None:
        if entity == "household":
            self._list_wanted = record_id
            self.show_household(record_id)
            row = self.households.row_of(record_id)
            if row is not None:
                self._select_row(self.household_view, row)
        elif entity == "resident":
            with_restricted = sees_restricted(self.ctx.actor.role)
            self.ctx.read(lambda store: q.resident_form(store, record_id, with_restricted),
                          self._show_resident)

    def _show_resident(self, row: dict[str, Any] | None) -> None:
        if row is None:
            self.ctx.notice.emit(self.tr("This person is no longer in the register."))
            return
        if row["household_id"]:
            self.show_household(row["household_id"], resident_id=row["id"])
        self._open_dialog(row["household_id"], row)

    def on_changed(self, changes: Changes) -> None:
        if not self._loaded:
            return
        households = set(changes.touched.get("household", ()))
        residents = set(changes.touched.get("resident", ()))
        if not households and not residents:
            return
        if households:
            self.ctx.read(lambda store: q.existing_ids(store, "household", households),
                          lambda existing: self._households_changed(households, existing))
        if residents and self._household_id is not None:
            self.households.refresh([self._household_id])  # its member count
            self.residents.refresh(list(residents))
            self._load_residents()
        if self.lists.currentWidget() is self.results_view:
            self.typeahead.rerun()

    def _households_changed(self, touched: set[str], existing: set[str]) -> None:
        listed = {i for i in touched if self.households.row_of(i) is not None}
        if listed - existing or (existing - listed):  # removed, or new (maybe in this scope)
            self._load_ids()
            self._recount()
        else:
            self.households.refresh(list(listed))
        if self._household_id in touched - existing:
            self._clear_detail()
