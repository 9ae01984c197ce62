"""Sync: send and fetch now, watch the phases go by, cancel, and read what the server refused.

Messages say what to do ("your work is kept; it goes when the network is back"),
never an error code alone. Conflicts and rejected actions stay listed until the
worker marks them read, so nothing the server refused disappears silently.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from inspector.queries.status import ProblemRow, SyncState, open_problems, sync_state
from sync.client.problems import acknowledge_problems
from sync.errors import AuthExpired

from ..labels import entity_label, local_time
from ..messages import describe
from .base import Page

PHASES = ("handshake", "push", "audit", "photos_up", "pull", "photos_down", "drift", "health")


class SyncPage(Page):

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.controller = ctx.sync
        self._problem_rows: list[ProblemRow] = []
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.server = QLabel()
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.sync_button = QPushButton(qta.icon("fa5s.sync"), self.tr("Sync now (F5)"))
        self.sync_button.setMinimumHeight(44)
        self.sync_button.setStyleSheet("font-size: 16px; padding: 0 18px;")
        self.cancel_button = QPushButton(qta.icon("fa5s.stop"), self.tr("Cancel"))
        self.cancel_button.setMinimumHeight(44)
        self.cancel_button.setEnabled(False)
        info = QVBoxLayout()
        info.addWidget(self.server)
        info.addWidget(self.state)
        top.addLayout(info, 1)
        top.addWidget(self.sync_button)
        top.addWidget(self.cancel_button)
        layout.addLayout(top)

        self.login_box = QGroupBox(self.tr("Log in to sync"))
        login_row = QHBoxLayout(self.login_box)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.login_button = QPushButton(self.tr("Log in and sync"))
        login_row.addWidget(self.password, 1)
        login_row.addWidget(self.login_button)
        self.login_box.hide()
        layout.addWidget(self.login_box)

        phases_box = QGroupBox(self.tr("Progress"))
        phases_layout = QVBoxLayout(phases_box)
        self.phases = QListWidget()
        self.phases.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.phases.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for phase in PHASES:
            self.phases.addItem(QListWidgetItem(qta.icon("fa5s.circle", color="#bbb"),
                                                self._phase_name(phase)))
        self.phases.setMaximumHeight(self.phases.sizeHintForRow(0) * len(PHASES) + 8)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setStyleSheet("font-size: 14px;")
        phases_layout.addWidget(self.phases)
        phases_layout.addWidget(self.bar)
        phases_layout.addWidget(self.outcome)
        layout.addWidget(phases_box)

        problems_box = QGroupBox(self.tr("What the server did not accept"))
        problems_layout = QVBoxLayout(problems_box)
        self.problems = QTableWidget(0, 4)
        self.problems.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("What"), self.tr("Kind"), self.tr("Reason")])
        self.problems.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        self.ack_button = QPushButton(qta.icon("fa5s.check"), self.tr("Mark all as read"))
        problems_layout.addWidget(self.problems)
        problems_layout.addWidget(self.ack_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(problems_box, 1)

        self.sync_button.clicked.connect(lambda: self.controller.sync_now())
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.login_button.clicked.connect(self._log_in)
        self.password.returnPressed.connect(self._log_in)
        self.ack_button.clicked.connect(self._acknowledge)
        self.problems.cellDoubleClicked.connect(self._open_problem)
        QShortcut(QKeySequence("F5"), self, context=Qt.ShortcutContext.ApplicationShortcut
                  ).activated.connect(lambda: self.controller.sync_now())
        c = self.controller
        c.started.connect(self._started)
        c.progress.connect(self._progress)
        c.finished.connect(self._finished)
        c.failed.connect(self._failed)
        c.login_needed.connect(self._ask_login)
        c.online_changed.connect(lambda _online: self._show_server())
        self._show_server()


    def _phase_name(self, phase: str) -> str:
        return {
            "handshake": self.tr("Connect to the server"),
            "push": self.tr("Send records"),
            "photos_up": self.tr("Send photos"),
            "pull": self.tr("Fetch updates"),
            "photos_down": self.tr("Fetch photos"),
            "audit": self.tr("Send audit trail"),
            "drift": self.tr("Check data"),
            "health": self.tr("Report status"),
        }[phase]

    # -- data ----------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.read(sync_state, self._show_state)
        self.ctx.read(open_problems, self._show_problems)

    def on_changed(self, changes) -> None:
        if self._loaded:
            self.ctx.read(sync_state, self._show_state)

    def _show_server(self) -> None:
        url = self.controller.server_url
        if not url:
            self.server.setText(self.tr("This profile has no server to sync with."))
            self.sync_button.setEnabled(False)
            return
        where = self.tr("Server: %1").replace("%1", url)
        online = self.tr("online") if self.controller.online else self.tr("offline")
        self.server.setText(f"{where} ({online})")

    def _show_state(self, state: SyncState) -> None:
        lines = [self.tr("%n change(s) waiting to be sent.", "", state.pending)]
        if state.last_success_at:
            lines.append(self.tr("Last good sync: %1").replace(
                "%1", local_time(state.last_success_at)))
        else:
            lines.append(self.tr("Not synced yet."))
        if state.problems:
            lines.append(self.tr("%n item(s) need your attention below.", "", state.problems))
        self.state.setText("\n".join(lines))

    def _show_problems(self, rows: list[ProblemRow]) -> None:
        self._problem_rows = rows
        self.problems.setRowCount(len(rows))
        for i, row in enumerate(rows):
            kind = self.tr("Conflict") if row.kind == "conflict" else self.tr("Refused")
            reason = row.reason or ""
            if row.fields:
                reason += " (" + ", ".join(row.fields) + ")"
            cells = (local_time(row.at),
                     entity_label(row.entity), kind, reason)
            for col, text in enumerate(cells):
                self.problems.setItem(i, col, QTableWidgetItem(text))
        self.ack_button.setEnabled(bool(rows))

    def _acknowledge(self) -> None:
        ids = [problem.id for problem in self._problem_rows]
        self.ctx.db.submit(lambda: acknowledge_problems(self.ctx.store, ids),
                           lambda _n: self.reload(), self._failed)

    def _open_problem(self, row: int, _col: int) -> None:
        problem = self._problem_rows[row]
        self.ctx.open_record(problem.entity, problem.record_id)

    # -- a running cycle -------------------------------------------------------------
    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.outcome.setText(self.tr("Syncing…"))
        for i in range(self.phases.count()):
            self.phases.item(i).setIcon(qta.icon("fa5s.circle", color="#bbb"))
        self.bar.setRange(0, 0)

    def _progress(self, progress) -> None:
        if progress.phase not in PHASES:
            return
        current = PHASES.index(progress.phase)
        for i in range(self.phases.count()):
            item = self.phases.item(i)
            if i < current:
                item.setIcon(qta.icon("fa5s.check-circle", color="#1a7f37"))
            elif i == current:
                item.setIcon(qta.icon("fa5s.arrow-circle-right", color="#1565c0"))
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
        else:
            self.bar.setRange(0, 0)

    def _stopped(self) -> None:
        self.sync_button.setEnabled(bool(self.controller.server_url))
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self._show_server()
        if self._loaded:
            self.reload()

    def _finished(self, report) -> None:
        self._stopped()
        for i in range(self.phases.count()):
            self.phases.item(i).setIcon(qta.icon("fa5s.check-circle", color="#1a7f37"))
        self.bar.setValue(1)
        pushed = report.pushed
        text = self.tr("Done. Sent %1, received %2.").replace(
            "%1", str(pushed.applied)).replace("%2", str(report.pulled))
        if pushed.conflict or pushed.rejected:
            text += " " + self.tr("Some changes were not accepted; see the list below.")
        self.outcome.setText(text)

    def _failed(self, exc: Exception) -> None:
        self._stopped()
        self.outcome.setText(describe(exc))

    # -- login -----------------------------------------------------------------------
    def _ask_login(self) -> None:
        self.login_box.show()
        self.outcome.setText(self.tr("Enter your password to connect to the server."))
        self.password.setFocus()

    def _log_in(self) -> None:
        password = self.password.text()
        if not password:
            self.outcome.setText(self.tr("Password: please enter it."))
            return
        self.login_button.setEnabled(False)

        def ok() -> None:
            self.password.clear()
            self.login_box.hide()
            self.login_button.setEnabled(True)
            self.controller.sync_now()

        def bad(exc: Exception) -> None:
            self.login_button.setEnabled(True)
            self.password.selectAll()
            if isinstance(exc, AuthExpired):  # at login, 401 means a wrong password
                self.outcome.setText(self.tr("The server did not accept this password."))
            else:
                self.outcome.setText(describe(exc))

        self.controller.log_in(password, ok, bad)

    def activate(self) -> None:
        super().activate()
        self._show_server()
