"""Choose an issue category: class → subclass from the catalogue, narrowed as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from inspector.catalogues import load_catalogue

CODE_ROLE = Qt.ItemDataRole.UserRole


class CategoryTree(QWidget):
    """A filter box above the category tree. Only subclasses can be chosen (an issue records one).

    `chosen(code)` fires with the subclass code, or "" when the choice is cleared.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to find a category, e.g. 井盖"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._narrow)
        column.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumHeight(180)
        self.tree.currentItemChanged.connect(self._current_changed)
        column.addWidget(self.tree)
        self.setFocusProxy(self.filter)
        for cls in load_catalogue("issue_categories").entries:
            parent_item = QTreeWidgetItem(self.tree, [cls["name"]])
            parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a class is not a choice
            for sub in cls["children"]:
                child = QTreeWidgetItem(parent_item, [sub["name"]])
                child.setData(0, CODE_ROLE, sub["code"])
        self._code = ""

    def code(self) -> str:
        return self._code

    def set_code(self, code: str) -> None:
        for item in self._subclasses():
            if item.data(0, CODE_ROLE) == code:
                self.tree.setCurrentItem(item)
                return
        self.tree.setCurrentItem(None)

    def visible_codes(self) -> list[str]:
        """Subclass codes left after the filter (what a user can still pick)."""
        return [item.data(0, CODE_ROLE) for item in self._subclasses() if not item.isHidden()]

    def _subclasses(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i).child(j) for i in range(self.tree.topLevelItemCount())
                for j in range(self.tree.topLevelItem(i).childCount())]

    def _narrow(self, text: str) -> None:
        """Show subclasses whose own or class name holds the text; open what is left."""
        needle = text.strip().lower()
        matches = []
        for i in range(self.tree.topLevelItemCount()):
            cls = self.tree.topLevelItem(i)
            class_hit = needle in cls.text(0).lower()
            shown = 0
            for j in range(cls.childCount()):
                child = cls.child(j)
                visible = not needle or class_hit or needle in child.text(0).lower()
                child.setHidden(not visible)
                shown += visible
                if visible:
                    matches.append(child)
            cls.setHidden(shown == 0)
            cls.setExpanded(bool(needle) and shown > 0)
        if needle and len(matches) == 1:
            self.tree.setCurrentItem(matches[0])  # one left: that is the one meant

    def _current_changed(self, item: QTreeWidgetItem | None, _previous) -> None:
        code = item.data(0, CODE_ROLE) if item is not None else None
        self._code = code or ""
        self.chosen.emit(self._code)
