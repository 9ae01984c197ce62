"""Conflicts: the records whose fields were changed on a device and on the server, and a
side-by-side sheet per record: each field with the value before, the device's, the
server's now, and a box for another value. One click settles them all. ID numbers and
phones show masked until the eye beside the field is pressed, which is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.disclosure import MASKED_FIELDS
from inspector.services.privacy import record_shown
from sync.client import oversight
from sync.client.oversight import EDITED, KEEP_SERVER, TAKE_DEVICE, Choice, Conflict

from ..context import AppContext
from ..labels import choices, entity_label, local_time
from ..messages import describe
from .connection import ServerTab, record_list
from .words import CHOICES, TEXT_FIELDS, field_label, joined, show_value, tr

NUMBERS = {"floors": int, "lat": float, "lon": float}
# Refusals after which the list is stale: fetch it again.
STALE = frozenset({"already_resolved", "changed", "gone", "not_found"})


class Editor:
    """The box for another value: text, a catalogue choice, yes/no or a number."""

    def __init__(self, entity: str, field: str, current: Any, whole: bool = True):
        self.field = field
        self.widget: QLineEdit | QComboBox
        catalogue = CHOICES.get((entity, field))
        if catalogue is not None or field == "contact_card":
            combo = QComboBox()
            pairs = (choices(*catalogue) if catalogue is not None
                     else [(True, tr("Yes")), (False, tr("No"))])
            for code, name in pairs:
                combo.addItem(name, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.widget = combo
        else:
            # A masked field's box starts empty: its value is not shown until revealed.
            line = QLineEdit("" if current is None or not whole else str(current))
            line.setPlaceholderText(tr("Another value"))
            self.widget = line

    @staticmethod
    def possible(entity: str, field: str) -> bool:
        return (field in TEXT_FIELDS or field in NUMBERS or field == "contact_card"
                or ((entity, field) in CHOICES and field not in ("insurance", "care_tags",
                                                                  "restricted_tags")))

    def on_edit(self, fn: Callable[[], None]) -> None:
        if isinstance(self.widget, QComboBox):
            self.widget.activated.connect(lambda _i: fn())
        else:
            self.widget.textEdited.connect(lambda _t: fn())

    def value(self) -> Any:
        """The value as the record stores it; ValueError names what is wrong."""
        if isinstance(self.widget, QComboBox):
            return self.widget.currentData()
        text = self.widget.text().strip()
        if not text:
            return None
        kind = NUMBERS.get(self.field)
        if kind is None:
            return text
        try:
            return kind(text)
        except ValueError:
            raise ValueError(tr("%1: please enter a number.").replace(
                "%1", field_label(self.field))) from None


@dataclass
class FieldChoice:
    """One row of the sheet: a conflict and the user's choice for it."""

    conflict: Conflict
    device: QRadioButton
    server: QRadioButton
    other: QRadioButton
    editor: Editor | None

    def choice(self) -> Choice:
        if self.device.isChecked():
            return Choice(self.conflict.id, TAKE_DEVICE)
        if self.other.isChecked() and self.editor is not None:
            return Choice(self.conflict.id, EDITED, self.editor.value())
        return Choice(self.conflict.id, KEEP_SERVER)


class ConflictSheet(QWidget):
    """The conflicts of one record, one row per field, side by side."""

    reveal = Signal(str, str, str)  # entity, record id, field: to be shown whole

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[FieldChoice] = []
        self.conflicts: list[Conflict] = []
        self.grids: dict[str, str] = {}
        self.heading = QLabel(tr("Choose a record on the left."))
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(scroll, 1)

    def show_conflicts(self, conflicts: list[Conflict], grids: dict[str, str],
                       whole: frozenset[str] = frozenset()) -> None:
        """`whole`: the masked fields of this record to show whole (revealed before)."""
        self.conflicts, self.grids = conflicts, grids
        self._clear()
        if not conflicts:
            self.heading.setText(tr("Choose a record on the left."))
            self.explain.clear()
            return
        first = conflicts[0]
        self.heading.setText(f"{entity_label(first.entity)} · {first.title}".rstrip(" ·"))
        people = sorted({c.username for c in conflicts})
        self.explain.setText(tr("%1 changed these fields on a device while the server already "
                                "had other values. Choose per field which value stays, or "
                                "type another; then press Resolve. Every device gets the "
                                "result on its next sync.").replace("%1", joined(people)))
        heads = (tr("Field"), tr("Before both changes"), tr("On the device"),
                 tr("On the server now"), tr("Another value"))
        for col, text in enumerate(heads):
            label = QLabel(text)
            label.setStyleSheet("font-weight: bold; color: #555;")
            self.grid.addWidget(label, 0, col)
        for row, conflict in enumerate(conflicts, 1):
            self._add_row(row, conflict, conflict.field not in MASKED_FIELDS
                          or conflict.field in whole)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(3, 1)
        self.grid.setColumnStretch(4, 1)
        self.grid.setRowStretch(len(conflicts) + 1, 1)

    def _add_row(self, row: int, c: Conflict, whole: bool) -> None:
        def shown(value: Any) -> str:
            return show_value(c.entity, c.field, value, grids=self.grids, whole=whole)

        name = QWidget()
        name_row = QHBoxLayout(name)
        name_row.setContentsMargins(0, 0, 0, 0)
        name_row.addWidget(QLabel(field_label(c.field)))
        if not whole:
            eye = QToolButton()
            eye.setIcon(qta.icon("fa5s.eye"))
            eye.setToolTip(tr("Show the whole values (this is recorded)"))
            eye.clicked.connect(lambda: self.reveal.emit(c.entity, c.record_id, c.field))
            name_row.addWidget(eye)
        name_row.addStretch(1)
        base = QLabel(shown(c.base_value))
        base.setStyleSheet("color: #777;")
        base.setWordWrap(True)
        device = QRadioButton(shown(c.device_value))
        device.setToolTip(tr("Take the value %1 entered on the device").replace("%1", c.username))
        server = QRadioButton(shown(c.current_value))
        server.setToolTip(tr("Keep the value the server has now"))
        server.setChecked(True)
        other = QRadioButton()
        editor = Editor(c.entity, c.field, c.current_value, whole) if Editor.possible(
            c.entity, c.field) else None
        other_box = QWidget()
        other_row = QHBoxLayout(other_box)
        other_row.setContentsMargins(0, 0, 0, 0)
        other_row.addWidget(other)
        if editor is not None:
            other_row.addWidget(editor.widget, 1)
            editor.on_edit(lambda: other.setChecked(True))
        else:
            other.setEnabled(False)
            other.setToolTip(tr("This field cannot be typed here: choose one of the two values"))
            other_row.addStretch(1)
        group = QButtonGroup(self)
        for button in (device, server, other):
            group.addButton(button)
        for col, widget in enumerate((name, base, device, server, other_box)):
            self.grid.addWidget(widget, row, col)
        for button in (device, server):  # only as wide as its text: a click beside it misses
            self.grid.setAlignment(button, Qt.AlignmentFlag.AlignLeft)
        self.rows.append(FieldChoice(c, device, server, other, editor))

    def _clear(self) -> None:
        self.rows = []
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def choices(self) -> list[Choice]:
        return [row.choice() for row in self.rows]


class ConflictsTab(ServerTab):
    """Records with open conflicts on the left, the chosen record's sheet on the right."""

    resolved = Signal(object)  # sync.client.oversight.Resolved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.groups: list[list[Conflict]] = []
        self.grids: dict[str, str] = {}
        self._wanted: tuple[str, str] | None = None
        self._whole: set[tuple[str, str]] = set()  # (record id, field) shown whole
        self.records = record_list()
        self.empty = QLabel(tr("No open conflicts in your grids."))
        self.empty.hide()
        self.sheet = ConflictSheet()
        self.resolve_button = QPushButton(qta.icon("fa5s.check"), tr("Resolve"))
        self.resolve_button.setMinimumHeight(40)
        self.resolve_button.setEnabled(False)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.addWidget(self.records, 1)
        left_column.addWidget(self.empty)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.addWidget(self.sheet, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.resolve_button)
        right_column.addLayout(bottom)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.records.currentRowChanged.connect(self._show_group)
        self.resolve_button.clicked.connect(self._resolve)
        self.sheet.reveal.connect(self._reveal)

    def reload(self) -> None:
        self.call(oversight.conflicts, self._arrived)

    def _arrived(self, conflicts: list[Conflict]) -> None:
        by_record: dict[tuple[str, str], list[Conflict]] = {}
        for c in conflicts:
            by_record.setdefault((c.entity, c.record_id), []).append(c)
        current = self._current_key()
        self.groups = list(by_record.values())
        self.records.clear()
        for group in self.groups:
            first = group[0]
            self.records.addItem(
                f"{entity_label(first.entity)} · {first.title}".rstrip(" ·") + "\n"
                + joined(field_label(c.field) for c in group)
                + f" · {first.username} · {local_time(first.created_at)}")
        self.empty.setVisible(not self.groups)
        keys = [(g[0].entity, g[0].record_id) for g in self.groups]
        wanted = self._wanted or current
        row = keys.index(wanted) if wanted in keys else (0 if keys else -1)
        self._wanted = None
        with QSignalBlocker(self.records):
            self.records.setCurrentRow(row)
        self._show_group(row)

    def _current_key(self) -> tuple[str, str] | None:
        row = self.records.currentRow()
        if 0 <= row < len(self.groups):
            return (self.groups[row][0].entity, self.groups[row][0].record_id)
        return None

    def _show_group(self, row: int) -> None:
        group = self.groups[row] if 0 <= row < len(self.groups) else []
        whole = frozenset(f for r, f in self._whole if group and r == group[0].record_id)
        self.sheet.show_conflicts(group, self.grids, whole=whole)
        self.resolve_button.setEnabled(bool(group))

    def _reveal(self, entity: str, record_id: str, field: str) -> None:
        self._whole.add((record_id, field))
        self.ctx.write(lambda store, actor: record_shown(store, actor, entity, record_id,
                                                         [field]),
                       lambda _r: self._show_group(self.records.currentRow()))

    def _resolve(self) -> None:
        group = self.sheet.conflicts
        if not group or self.busy:
            return
        try:
            picked = self.sheet.choices()
        except ValueError as exc:
            self.say(str(exc), error=True)
            return
        rev = group[0].record_rev
        self.say(tr("Resolving…"))
        self.call(lambda t: oversight.resolve(t, rev, picked), self._resolved, self._refused)

    def _resolved(self, result: oversight.Resolved) -> None:
        self.say(tr("Resolved. Every device in the grid gets the value on its next sync."))
        self.resolved.emit(result)
        self.ctx.sync.sync_now(auto=True)  # this computer's copy follows at once
        self.reload()

    def _refused(self, exc: Exception) -> None:
        self.say(describe(exc), error=True)
        if getattr(exc, "code", None) in STALE:
            self._wanted = self._current_key()
            self.reload()
