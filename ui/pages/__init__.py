"""The main window's sections, in navigation order.

Each page is described here and built the first time it is shown, so start-up
pays only for the page on screen (importing and building all of them cost a
third of a second).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.roles import ADMIN, SUPERVISOR

from ..context import AppContext
from .base import Page


@dataclass(frozen=True)
class PageSpec:
    name: str  # stable id, used by --view and tests
    module: str  # module under ui.pages
    cls: str
    icon: str  # qtawesome name
    label: str  # English; translated in the "pages" context
    opens: frozenset[str] = frozenset()  # entities the page shows on ctx.open_record
    roles: frozenset[str] | None = None  # who sees the page; None: everyone

    def title(self) -> str:
        return QCoreApplication.translate("pages", self.label)

    def build(self, ctx: AppContext) -> Page:
        page_class = getattr(import_module(f"{__name__}.{self.module}"), self.cls)
        return page_class(ctx)


OVERSEERS = frozenset({SUPERVISOR, ADMIN})

PAGES = (
    PageSpec("overview", "overview", "OverviewPage", "fa5s.sitemap",
             QT_TRANSLATE_NOOP("pages", "Overview")),
    PageSpec("inbox", "inbox", "InboxPage", "fa5s.inbox",
             QT_TRANSLATE_NOOP("pages", "Review"), roles=OVERSEERS),
    PageSpec("register", "register", "RegisterPage", "fa5s.address-book",
             QT_TRANSLATE_NOOP("pages", "Register"), frozenset({"household", "resident"})),
    PageSpec("patrols", "patrols", "PatrolsPage", "fa5s.walking",
             QT_TRANSLATE_NOOP("pages", "Patrols"), frozenset({"patrol"})),
    PageSpec("visits", "visits", "VisitsPage", "fa5s.door-open",
             QT_TRANSLATE_NOOP("pages", "Visits"), frozenset({"visit"})),
    PageSpec("issues", "issues", "IssuesPage", "fa5s.exclamation-triangle",
             QT_TRANSLATE_NOOP("pages", "Issues"), frozenset({"issue"})),
    PageSpec("tasks", "tasks", "TasksPage", "fa5s.tasks",
             QT_TRANSLATE_NOOP("pages", "Tasks"), frozenset({"task"})),
    PageSpec("map", "map", "MapPage", "fa5s.map", QT_TRANSLATE_NOOP("pages", "Map")),
    PageSpec("dashboard", "dashboard", "DashboardPage", "fa5s.chart-bar",
             QT_TRANSLATE_NOOP("pages", "Dashboard"), roles=OVERSEERS),
    PageSpec("oversight", "oversight", "OversightPage", "fa5s.balance-scale",
             QT_TRANSLATE_NOOP("pages", "Data quality"), roles=OVERSEERS),
    PageSpec("sync", "sync", "SyncPage", "fa5s.sync", QT_TRANSLATE_NOOP("pages", "Sync")),
)


def pages_for(role: str) -> tuple[PageSpec, ...]:
    """The pages a role works with, in navigation order."""
    return tuple(spec for spec in PAGES if spec.roles is None or role in spec.roles)
