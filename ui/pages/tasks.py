"""Tasks (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class TasksPage(Page):
    name = "tasks"
    icon = "fa5s.tasks"

    def title(self) -> str:
        return self.tr("Tasks")
