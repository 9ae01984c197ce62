"""Sync (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class SyncPage(Page):
    name = "sync"
    icon = "fa5s.sync"

    def title(self) -> str:
        return self.tr("Sync")
