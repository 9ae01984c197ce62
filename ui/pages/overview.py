"""Overview: the area tree with the counts a grid head checks first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from inspector.services.overview import Overview, area_overview
from inspector.services.recording import Changes

from .base import Page

_COUNTED = frozenset({"household", "resident", "issue", "issue_action"})


class OverviewPage(Page):

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Area"), self.tr("Households"), self.tr("Residents"),
                                   self.tr("Open cases"), self.tr("Overdue")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)


    def reload(self) -> None:
        self.ctx.read(area_overview, self.show_overview)

    def on_changed(self, changes: Changes) -> None:
        if self._loaded and any(entity in changes for entity in _COUNTED):
            self.reload()

    def show_overview(self, overview: Overview) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for row in overview.areas:  # ordered by code, so parents come before children
            parent = items.get(row.parent_id) if row.parent_id else None
            item = QTreeWidgetItem([row.name, str(row.households), str(row.residents),
                                    str(row.open_cases), str(row.overdue)])
            for col in range(1, 5):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight)
            if row.overdue:
                item.setForeground(4, Qt.GlobalColor.red)
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            items[row.id] = item
            if row.level != "grid":
                item.setExpanded(True)
