"""Data quality (supervisors): conflicts to settle, register changes to review and duplicate
records to resolve, all kept on the server and asked for when the page is shown.

Offline or not logged in, the page says so above the tabs and offers the password box
right there; nothing here blocks the window or needs the network to open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from inspector.queries.activities import Grid, patrol_grids

from ..context import AppContext
from ..oversight.changes import ChangesTab
from ..oversight.conflicts import ConflictsTab
from ..oversight.connection import ServerNotice, ServerTab
from ..oversight.duplicates import DuplicatesTab
from .base import Page


class OversightPage(Page):

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.notice = ServerNotice(ctx)
        self.conflicts = ConflictsTab(ctx)
        self.changes = ChangesTab(ctx)
        self.duplicates = DuplicatesTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.tabs.addTab(self.changes, self.tr("Register changes"))
        self.tabs.addTab(self.duplicates, self.tr("Duplicates"))
        self._fresh: set[ServerTab] = set()  # tabs loaded since the last reload
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        for tab in self.server_tabs:
            tab.unreachable.connect(self._unreachable)
        self.notice.retry.connect(self.reload)
        self.tabs.currentChanged.connect(lambda _i: self._load_current())

    @property
    def server_tabs(self) -> tuple[ServerTab, ...]:
        return (self.conflicts, self.changes, self.duplicates)

    def reload(self) -> None:
        """Fresh from the server: the tab on screen now, the others when they are shown."""
        self._fresh.clear()
        grid_ids = self.ctx.actor.grid_ids
        self.ctx.read(lambda store: patrol_grids(store, grid_ids), self._grids_arrived)
        self._load_current()

    def _grids_arrived(self, grids: list[Grid]) -> None:
        names = {g.id: g.name for g in grids}
        self.conflicts.grids = names
        self.changes.set_grids(names)

    def _load_current(self) -> None:
        tab = self.tabs.currentWidget()
        if self._loaded and isinstance(tab, ServerTab) and tab not in self._fresh:
            self._fresh.add(tab)
            tab.reload()

    def _unreachable(self, exc: Exception) -> None:
        self._fresh.clear()  # nothing came: load again once the server answers
        self.notice.show_problem(exc)
