"""Duplicates: groups of records that look like one person (one ID number twice, or the
same name and date of birth or phone in two grids). Keep one and remove the others, or
say they are different people. Records outside your grids show only where they are."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sync.client import oversight
from sync.client.oversight import SAME_ID_NUMBER, Group, GroupPage, Member

from ..context import AppContext
from ..messages import describe
from .connection import ServerTab, record_list
from .words import EMPTY, joined, kind_label, show_value, tr

PAGE = 50
KINDS = (oversight.SAME_ID_NUMBER, oversight.SAME_NAME_BIRTH, oversight.SAME_NAME_PHONE)
MEMBER_COLUMNS = (
    QT_TRANSLATE_NOOP("oversight", "Keep"), QT_TRANSLATE_NOOP("oversight", "Name"),
    QT_TRANSLATE_NOOP("oversight", "ID number"), QT_TRANSLATE_NOOP("oversight", "Date of birth"),
    QT_TRANSLATE_NOOP("oversight", "Phone"), QT_TRANSLATE_NOOP("oversight", "Address"),
    QT_TRANSLATE_NOOP("oversight", "Grid"), QT_TRANSLATE_NOOP("oversight", "State"))


def _member_state(member: Member) -> str:
    if not member.visible:
        return tr("In another grid: details are not shown")
    if member.held:
        return tr("Waiting, sent by %1").replace("%1", member.registered_by or "")
    return tr("In the register")


def _member_texts(member: Member) -> list[str]:
    if not member.visible:
        return ["", tr("(registered elsewhere)"), "", "", "", "", member.grid_name,
                _member_state(member)]
    return ["", member.name or EMPTY, show_value("resident", "id_number", member.id_number),
            member.birth_date or EMPTY, show_value("resident", "phone", member.phone),
            member.address or EMPTY,
            member.grid_name, _member_state(member)]


class DuplicatesTab(ServerTab):

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.groups: list[Group] = []
        self.next_offset: int | None = None
        self.confirm: QMessageBox | None = None
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        refresh = QPushButton(qta.icon("fa5s.redo"), tr("Refresh"))
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Check")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(refresh)

        self.list = record_list()
        self.empty = QLabel(tr("Nothing found: no such records touch your grids."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.more = QPushButton(tr("Show more"))
        self.more.hide()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.list, 1)
        left_column.addWidget(self.empty)
        left_column.addWidget(self.more)

        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.members = QTableWidget(0, len(MEMBER_COLUMNS))
        self.members.setHorizontalHeaderLabels([tr(c) for c in MEMBER_COLUMNS])
        self.members.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.members.verticalHeader().hide()
        self.keep_group = QButtonGroup(self)
        self.keep_button = QPushButton(qta.icon("fa5s.user-check"),
                                       tr("Keep the chosen record, remove the others"))
        self.dismiss_button = QPushButton(qta.icon("fa5s.user-friends"),
                                          tr("Not the same person"))
        actions = QHBoxLayout()
        actions.addWidget(self.keep_button)
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addWidget(self.explain)
        right_column.addWidget(self.members, 1)
        right_column.addLayout(actions)
        right_column.addWidget(self.status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([330, 870])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.kind.activated.connect(lambda _i: self.reload())
        refresh.clicked.connect(self.reload)
        self.more.clicked.connect(lambda: self._fetch(self.next_offset or 0))
        self.list.currentRowChanged.connect(self._show)
        self.keep_button.clicked.connect(self._ask_keep)
        self.dismiss_button.clicked.connect(self._dismiss)
        self._show(-1)

    # -- the list --------------------------------------------------------------
    def reload(self) -> None:
        self.groups = []
        self._fetch(0)

    def _fetch(self, offset: int) -> None:
        kind = self.kind.currentData()
        self.call(lambda t: oversight.duplicates(t, kind, limit=PAGE, offset=offset),
                  lambda page: self._arrived(page, offset))

    def _arrived(self, page: GroupPage, offset: int) -> None:
        self.groups = (self.groups if offset else []) + page.groups
        self.next_offset = page.next_offset
        self.list.clear()
        for group in self.groups:
            seen = next((m for m in group.members if m.visible), None)
            self.list.addItem(
                (seen.name if seen and seen.name else EMPTY) + " · "
                + tr("%n record(s)", len(group.members)) + "\n"
                + joined(dict.fromkeys(m.grid_name for m in group.members)))
        self.empty.setVisible(not self.groups)
        self.more.setVisible(page.next_offset is not None)
        if offset == 0:
            with QSignalBlocker(self.list):
                self.list.setCurrentRow(0 if self.groups else -1)
            self._show(0 if self.groups else -1)

    def current(self) -> Group | None:
        row = self.list.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    # -- one group ---------------------------------------------------------------
    def _show(self, row: int) -> None:
        group = self.groups[row] if 0 <= row < len(self.groups) else None
        for button in self.keep_group.buttons():
            self.keep_group.removeButton(button)
        self.members.setRowCount(len(group.members) if group else 0)
        self.keep_button.setEnabled(group is not None)
        self.dismiss_button.setEnabled(group is not None and group.kind != SAME_ID_NUMBER)
        if group is None:
            self.explain.setText(tr("Choose a group on the left."))
            return
        if group.kind == SAME_ID_NUMBER:
            text = tr("One ID number on more than one record. The later one waits outside the "
                      "register until you keep one of them, or the worker corrects the number.")
        else:
            text = tr("These records look like one person living in two grids. Keep the right "
                      "one, or say they are different people.")
        self.explain.setText(text)
        # Those the supervisor may act on first; records elsewhere after them.
        for r, member in enumerate(sorted(group.members, key=lambda m: not m.visible)):
            for col, value in enumerate(_member_texts(member)):
                item = QTableWidgetItem(value)
                if not member.visible:
                    item.setForeground(Qt.GlobalColor.gray)
                self.members.setItem(r, col, item)
            keep = QRadioButton()
            keep.setProperty("record_id", member.record_id)
            self.keep_group.addButton(keep)
            self.members.setCellWidget(r, 0, keep)
        self.keep_group.buttons()[0].setChecked(True)

    def chosen(self) -> str | None:
        button = self.keep_group.checkedButton()
        return button.property("record_id") if button is not None else None

    # -- settling ----------------------------------------------------------------
    def _ask_keep(self) -> None:
        group, keep = self.current(), self.chosen()
        if group is None or keep is None or self.busy:
            return
        others = len(group.members) - 1
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question, tr("Remove records?"),
            tr("Keep the chosen record and remove %n other record(s)? Every device in their "
               "grids loses them on its next sync.", others), parent=self)
        yes = self.confirm.addButton(tr("Keep and remove"), QMessageBox.ButtonRole.AcceptRole)
        self.confirm.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.confirm.buttonClicked.connect(
            lambda button: self._confirmed(group, keep) if button is yes else None)
        self.confirm.open()

    def _confirmed(self, group: Group, keep: str) -> None:
        self.confirm = None
        self.call(lambda t: oversight.keep_one(t, group, keep),
                  lambda n: self._done(tr("Kept one record, removed %n.", n)), self._refused)

    def _dismiss(self) -> None:
        group = self.current()
        if group is None or self.busy:
            return
        self.call(lambda t: oversight.dismiss(t, group),
                  lambda _r: self._done(tr("Marked as different people.")), self._refused)

    def _done(self, message: str) -> None:
        self.say(message)
        self.ctx.sync.sync_now(auto=True)  # this computer's copy follows at once
        self.reload()

    def _refused(self, exc: Exception) -> None:
        self.say(describe(exc), error=True)
        self.reload()
