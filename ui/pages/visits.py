"""Visits (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class VisitsPage(Page):
    name = "visits"
    icon = "fa5s.door-open"

    def title(self) -> str:
        return self.tr("Visits")
