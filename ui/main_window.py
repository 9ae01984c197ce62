"""The main window: navigation on the left, one page at a time, and a status bar that
always says whether the laptop is online, how much work waits to be sent and when the
last good sync was."""

from __future__ import annotations

from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.queries.status import SyncState, sync_state
from inspector.services.recording import Changes
from sync.client import CycleReport

from .context import AppContext
from .demo.banner import DemoBanner

if TYPE_CHECKING:
    from .about import AboutDialog
    from .demo.drill_panel import DrillPanel
    from .diagnostics import DiagnosticsDialog
from .labels import local_time, role_label
from .lock import IDLE_CHOICES, LockScreen, idle_minutes, save_idle_minutes
from .pages import pages_for
from .pages.base import Page


class MainWindow(QMainWindow):
    idle_minutes_chosen = Signal(int)  # the app's IdleWatcher follows the account menu

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Grid Inspector"))
        self.resize(1280, 800)
        self.content = QWidget()
        outer = QVBoxLayout(self.content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.demo_banner: DemoBanner | None = None
        if ctx.who.demo:
            self.demo_banner = DemoBanner(ctx.actor.role)
            self.demo_banner.drills_requested.connect(self.show_drills)
            outer.addWidget(self.demo_banner)
        self.drills: DrillPanel | None = None
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        outer.addLayout(body, 1)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("#navigation { font-size: 15px; } "
                               "#navigation::item { padding: 10px 6px; }")
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.lock_screen = LockScreen(ctx)
        self.lock_screen.unlocked.connect(self.unlock)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.content)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.shortcuts: list[QShortcut] = []

        self._built: dict[str, Page] = {}
        self.specs = pages_for(ctx.who.actor.role)
        for number, spec in enumerate(self.specs, start=1):
            item = QListWidgetItem(qta.icon(spec.icon), spec.title())
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", spec.title())
                            .replace("%2", str(number)))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
            if number <= 9:
                shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
                shortcut.activated.connect(lambda n=number - 1: self.nav.setCurrentRow(n))
                self.shortcuts.append(shortcut)
        self.nav.currentRowChanged.connect(self._show_page)
        lock = QShortcut(QKeySequence("Ctrl+L"), self)
        lock.activated.connect(self.lock)
        self.shortcuts.append(lock)
        about = QShortcut(QKeySequence(Qt.Key.Key_F1), self)
        about.activated.connect(self.show_about)
        self.shortcuts.append(about)

        who = ctx.who
        self.user = QToolButton()
        self.user.setText(f"{who.display_name} · {role_label(who.actor.role)}")
        self.user.setAutoRaise(True)
        self.user.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        account = QMenu(self.user)
        account.addAction(qta.icon("fa5s.lock"), self.tr("Lock now (Ctrl+L)"), self.lock)
        self._idle_menu(account.addMenu(self.tr("Lock when idle for")))
        if ctx.keyfile is not None:  # a real, encrypted profile (the demo's password stays)
            self.password_action = account.addAction(
                qta.icon("fa5s.key"), self.tr("Change password…"), self.change_password)
        account.addSeparator()
        self.about_action = account.addAction(qta.icon("fa5s.info-circle"),
                                              self.tr("About Grid Inspector (F1)"), self.show_about)
        self.diagnostics_action = account.addAction(
            qta.icon("fa5s.file-archive"), self.tr("Export diagnostics…"), self.export_diagnostics)
        self.about_dialog: AboutDialog | None = None
        self.diagnostics_dialog: DiagnosticsDialog | None = None
        self.user.setMenu(account)
        self.online = QLabel()
        self.pending = QLabel()
        self.last_sync = QLabel()
        self.statusBar().addPermanentWidget(self.user)
        for label in (self.online, self.pending, self.last_sync):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        self.set_online(False)
        ctx.changed.connect(self._changed)
        ctx.notice.connect(self.show_message)
        ctx.open_record.connect(self.open_record)
        ctx.sync.online_changed.connect(self.set_online)
        ctx.sync.finished.connect(self._synced)
        ctx.sync.failed.connect(lambda _exc: self.refresh_status())
        ctx.sync.login_needed.connect(
            lambda: self.show_message(self.tr("Log in on the Sync page to send your work.")))
        self.nav.setCurrentRow(0)
        self.refresh_status()

    def show_drills(self) -> None:
        if self.drills is None:
            from .demo.drill_panel import DrillPanel

            self.drills = DrillPanel(self.ctx, self)
        self.drills.show()
        self.drills.raise_()

    def _idle_menu(self, menu: QMenu) -> None:
        """Minutes without input before the window locks; kept in QSettings."""
        chosen = QActionGroup(menu)
        current = idle_minutes()
        for minutes in IDLE_CHOICES:
            action = menu.addAction(self.tr("%n minute(s)", "", minutes))
            action.setCheckable(True)
            action.setChecked(minutes == current)
            action.triggered.connect(lambda _on, m=minutes: self._set_idle(m))
            chosen.addAction(action)

    def _set_idle(self, minutes: int) -> None:
        save_idle_minutes(minutes)
        self.idle_minutes_chosen.emit(minutes)

    def change_password(self) -> None:
        from .dialogs.password import PasswordDialog

        dialog = PasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        """Versions, schema and folders (F1, or the account menu); one dialog, reopened."""
        if self.about_dialog is None:
            from .about import AboutDialog

            self.about_dialog = AboutDialog(self.ctx, self)
        self.about_dialog.refresh()
        self.about_dialog.open()

    def export_diagnostics(self) -> None:
        if self.diagnostics_dialog is None:
            from .diagnostics import DiagnosticsDialog

            self.diagnostics_dialog = DiagnosticsDialog(self.ctx, self)
        self.diagnostics_dialog.open()

    # -- locking ------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide everything behind the lock screen (Ctrl+L, or after idle minutes)."""
        if self.locked:
            return
        self.ctx.lock()
        self.content.setEnabled(False)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()

    def unlock(self) -> None:
        self.screens.setCurrentWidget(self.content)
        self.content.setEnabled(True)
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)

    # -- navigation ------------------------------------------------------------
    @property
    def pages(self) -> list[Page]:
        """The pages built so far (a page is built the first time it is shown)."""
        return list(self._built.values())

    def page(self, name: str) -> Page:
        """The page called `name`, built now if it was not yet."""
        if name not in self._built:
            row = next(i for i, spec in enumerate(self.specs) if spec.name == name)
            page = self.specs[row].build(self.ctx)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[name] = page
        return self._built[name]

    def open_page(self, name: str) -> Page:
        self.nav.setCurrentRow(next(i for i, spec in enumerate(self.specs) if spec.name == name))
        return self.page(name)

    def open_record(self, entity: str, record_id: str) -> None:
        spec = next((spec for spec in self.specs if entity in spec.opens), None)
        if spec is not None:
            self.open_page(spec.name).show_record(entity, record_id)

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            page = self.page(self.specs[row].name)
            self.stack.setCurrentIndex(row)
            page.activate()

    # -- status ----------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        for page in self.pages:
            page.on_changed(changes)
        self.refresh_status()

    def _synced(self, report: CycleReport) -> None:
        """Records that came down can touch any page: reload the ones showing data."""
        if report.pulled or report.drift.fetched or report.drift.dropped:
            for page in self.pages:
                if page.loaded:
                    page.reload()
        self.refresh_status()

    def refresh_status(self) -> None:
        self.ctx.read(sync_state, self.show_sync_state)

    def show_sync_state(self, state: SyncState) -> None:
        self.pending.setText(self.tr("Pending changes: %n", "", state.pending))
        if state.last_success_at is None:
            self.last_sync.setText(self.tr("Never synced"))
        else:
            self.last_sync.setText(self.tr("Last sync: %1").replace(
                "%1", local_time(state.last_success_at)))

    def set_online(self, online: bool) -> None:
        if online:
            self.online.setText(self.tr("● Online"))
            self.online.setStyleSheet("color: #1a7f37;")
        else:
            self.online.setText(self.tr("○ Offline"))
            self.online.setStyleSheet("color: #8a6d00;")

    def show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)
