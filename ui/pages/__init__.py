"""The main window's sections, in navigation order."""

from __future__ import annotations

from ..context import AppContext
from .base import Page


def build_pages(ctx: AppContext) -> list[Page]:
    from .issues import IssuesPage
    from .map import MapPage
    from .overview import OverviewPage
    from .patrols import PatrolsPage
    from .register import RegisterPage
    from .sync import SyncPage
    from .tasks import TasksPage
    from .visits import VisitsPage

    return [cls(ctx) for cls in (OverviewPage, RegisterPage, PatrolsPage, VisitsPage, IssuesPage,
                                 TasksPage, MapPage, SyncPage)]
