"""Helpers for GUI tests."""

from __future__ import annotations

from ui.context import AppContext


def wait_idle(qtbot, ctx: AppContext, timeout: int = 10_000) -> None:
    """Wait until every queued read and write has come back to the GUI thread."""
    qtbot.waitUntil(lambda: not ctx.db.busy() and not ctx.work.busy(), timeout=timeout)
