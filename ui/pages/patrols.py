"""Patrols (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class PatrolsPage(Page):
    name = "patrols"
    icon = "fa5s.walking"

    def title(self) -> str:
        return self.tr("Patrols")
