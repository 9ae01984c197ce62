"""Search as you type: every keystroke searches, but never more than one query at a time.

A fixed debounce delay would add its full length to every result. Instead a
keystroke searches at once when the database thread is free; keystrokes that
arrive while a search runs are folded into one follow-up search for the latest
text. Results for text the user has since changed are dropped (sequence number).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from inspector.db import Store

from ..context import AppContext
from ..messages import describe


class TypeAhead(QObject):
    """Runs `search(store, text)` on the database thread as `edit` changes."""

    # (query, rows); rows is None when the box was cleared.
    results = Signal(str, object)

    def __init__(self, ctx: AppContext, edit: QLineEdit,
                 search: Callable[[Store, str], Any], parent: QObject | None = None):
        super().__init__(parent or edit)
        self.ctx, self.edit, self.search = ctx, edit, search
        self._seq = 0  # bumps on every change of the text
        self._running = False
        # A zero-delay timer folds a burst of changes in one event-loop turn (paste, IME commit).
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._start)
        edit.textChanged.connect(self._changed)

    def rerun(self) -> None:
        """Search again for the same text (the data changed under the results)."""
        self._changed()

    def _changed(self) -> None:
        self._seq += 1
        if not self._running:
            self._timer.start()

    def _start(self) -> None:
        query, seq = self.edit.text().strip(), self._seq
        if not query:
            self.results.emit("", None)
            return
        self._running = True
        search = self.search
        self.ctx.read(lambda store: search(store, query),
                      lambda rows: self._arrived(seq, query, rows), self._failed)

    def _arrived(self, seq: int, query: str, rows: Any) -> None:
        self._running = False
        if seq == self._seq:
            self.results.emit(query, rows)
        else:  # the text changed while this ran: search again for what is there now
            self._start()

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.ctx.notice.emit(describe(exc))
