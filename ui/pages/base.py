"""What the main window expects of a page (a navigation section)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from inspector.services.recording import Changes

from ..context import AppContext


class Page(QWidget):
    """A section of the main window. Loads its data the first time it is shown.

    Its name, title, icon and the entities it opens are listed in `ui.pages.PAGES`.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False

    @property
    def loaded(self) -> bool:
        """Whether the page has been shown (and so holds data worth refreshing)."""
        return self._loaded

    def activate(self) -> None:
        """Called each time the page is shown; the first call loads."""
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        """Fetch what the page shows (off the GUI thread)."""

    def on_changed(self, changes: Changes) -> None:
        """A service changed data; redraw what this page shows of it (if loaded)."""

    def show_record(self, entity: str, record_id: str) -> None:
        """Show one record of an entity its PageSpec `opens` (the page is already current)."""
