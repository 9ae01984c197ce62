"""The main window: the area tree with the counts a grid head checks first, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.services.overview import Overview


class MainWindow(QMainWindow):
    def __init__(self, demo: bool):
        super().__init__()
        self.setWindowTitle(self.tr("Grid Inspector"))
        self.resize(1100, 720)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        if demo:
            banner = QLabel(self.tr("Demo mode — fictional data for training only"))
            banner.setObjectName("demoBanner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            banner.setStyleSheet("#demoBanner { background: #f0a020; color: black; "
                                 "font-weight: bold; padding: 6px; }")
            layout.addWidget(banner)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Area"), self.tr("Households"), self.tr("Residents"),
                                   self.tr("Open cases"), self.tr("Overdue")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree)
        self.setCentralWidget(central)
        self.pending = QLabel()
        self.statusBar().addPermanentWidget(self.pending)
        self.statusBar().showMessage(self.tr("Loading…"))

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
        self.pending.setText(self.tr("Pending changes: %n", "", overview.pending_changes))
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message)
