"""Issues (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class IssuesPage(Page):
    name = "issues"
    icon = "fa5s.exclamation-triangle"

    def title(self) -> str:
        return self.tr("Issues")
