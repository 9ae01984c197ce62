"""Map (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class MapPage(Page):
    name = "map"
    icon = "fa5s.map"

    def title(self) -> str:
        return self.tr("Map")
