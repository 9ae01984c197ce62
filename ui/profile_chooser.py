"""Choosing a profile at start: one per person and server, plus the demo district.

A laptop shared by two workers keeps two profiles (each one person's unsent work);
a new profile is just a name here and gets its account at its first login.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.profiles import DEMO, data_root, profile_dir


def real_profiles() -> list[str]:
    """Names of the profiles on this computer that hold a store, demo left out."""
    folder = data_root() / "profiles"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.name != DEMO and (p / "store.db").is_file())


class ProfileChooser(QDialog):
    """Emits `chosen(name)`: an existing profile, a new name, or the demo."""

    chosen = Signal(str)

    def __init__(self, names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a profile — Grid Inspector"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Whose work is this?")))
        self.profiles = QListWidget()
        self.profiles.setStyleSheet("font-size: 15px;")
        for name in names:
            self.profiles.addItem(QListWidgetItem(name))
        demo = QListWidgetItem(self.tr("Demo district (training)"))
        demo.setData(Qt.ItemDataRole.UserRole, DEMO)
        self.profiles.addItem(demo)
        self.profiles.setCurrentRow(0)
        layout.addWidget(self.profiles)
        layout.addWidget(QLabel(self.tr("Or a new profile (letters, digits, - and _):")))
        self.new_name = QLineEdit()
        layout.addWidget(self.new_name)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.profiles.itemActivated.connect(lambda _item: self.submit())
        layout.addWidget(buttons)

    def submit(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            item = self.profiles.currentItem()
            if item is None:
                return
            name = item.data(Qt.ItemDataRole.UserRole) or item.text()
        try:
            profile_dir(name)
        except ValueError:
            self.message.setText(self.tr("Profile name: use letters, digits, - and _ only."))
            self.new_name.setFocus()
            return
        self.chosen.emit(name)
        self.accept()
