"""One case in full: what was reported, its photos by stage, its history, and the next steps.

The history is the case's append-only action list: who, when, from which status to
which, why, and the photos that came with the step. Steps still waiting for the
server, or refused by it, say so. Buttons offer only the steps the user's role may
take from the case's status (inspector.caseflow). The status line says how much
time is left, amber when due soon and red when overdue, and names a request for
more time that is still waiting for an answer.
"""

from __future__ import annotations

import html

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from inspector.deadlines import DUE_SOON
from inspector.models import utcnow
from inspector.queries.cases import (
    ActionEntry,
    IssueDetail,
    PhotoRef,
    allowed_actions,
    category_name,
    issue_detail,
)

from ..context import AppContext
from ..labels import choice_label, local_time, role_label, status_label
from ..widgets.photo_strip import StoredPhoto, StoredPhotos
from .action_panel import ActionPanel
from .deadline_style import deadline_color, time_left, with_state
from .words import (
    department_label,
    outcome_label,
    severity_label,
    stage_label,
    step_label,
    tr,
)

STAGE_ORDER = ("report", "before", "after", "handling", "verification")
_EXTENSION_ANSWERS = ("approve_extension", "deny_extension")


def _stored(photos: tuple[PhotoRef, ...]) -> list[StoredPhoto]:
    return [StoredPhoto(p.sha256, p.stage, p.taken_at) for p in photos]


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _value(text: str | None) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class IssueDetailView(QWidget):
    """Shows the case given to `show_issue`; `back` asks to return to the list."""

    back = Signal()
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 with_actions: bool = True):
        super().__init__(parent)
        self.ctx = ctx
        self.with_actions = with_actions
        self.issue_id = ""
        self.detail: IssueDetail | None = None
        self.setStyleSheet("font-size: 15px;")

        self.back_button = QPushButton(qta.icon("fa5s.arrow-left"), tr("Back to the list"))
        self.back_button.clicked.connect(self.back)
        if not with_actions:  # setVisible(True) on a widget with no parent yet opens a window
            self.back_button.hide()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.state = QLabel()
        self.state.setStyleSheet("font-size: 16px;")

        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.fields = QFormLayout()
        self.body.addLayout(self.fields)
        self.photo_area = QVBoxLayout()
        self.body.addLayout(self.photo_area)
        self.timeline = QVBoxLayout()
        self.body.addLayout(self.timeline)
        self.body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)

        self.action_bar = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.panel = ActionPanel(ctx)
        self.panel.done.connect(self.reload)

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.action_bar)
        layout.addWidget(self.panel)

    def show_issue(self, issue_id: str) -> None:
        if issue_id != self.issue_id:
            self.panel.hide()
        self.issue_id = issue_id
        self.reload()

    def reload(self) -> None:
        issue_id = self.issue_id
        if issue_id:
            self.ctx.read(lambda store: issue_detail(store, issue_id), self._arrived)

    def _arrived(self, detail: IssueDetail | None) -> None:
        if detail is None or detail.id != self.issue_id:
            if detail is None:
                self.heading.setText(tr("This case is not on this computer."))
            return
        self.detail = detail
        number = detail.number or tr("(not numbered yet)")
        self.heading.setText(f"{detail.title}  ·  {number}")
        self._fill_state(detail)
        self._fill_fields(detail)
        self._fill_photos(detail)
        self._fill_timeline(detail)
        self._fill_actions(detail)
        self.loaded.emit()

    def _fill_state(self, d: IssueDetail) -> None:
        status = status_label(d.status)  # "overdue by …" below says it when late
        parts = [with_state(status, DUE_SOON) if d.deadline_state == DUE_SOON else status]
        if d.deadline_state:
            parts.append(time_left(d.deadline_at, utcnow()))
        extension = d.pending_extension
        if extension is not None:
            parts.append(tr("More time asked: %1").replace("%1", extension.reason or ""))
        self.state.setText("  ·  ".join(parts))
        color = deadline_color(d.deadline_state)
        self.state.setStyleSheet("font-size: 16px;" + (f" color: {color}; font-weight: bold;"
                                                       if color else ""))

    def _fill_fields(self, d: IssueDetail) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)
        point = f"{d.lat:.6f}, {d.lon:.6f}" if d.lat is not None and d.lon is not None else None
        rows = (
            (tr("Category"), category_name(d.category_code)),
            (tr("Severity"), severity_label(d.severity)),
            (tr("Triage"), choice_label("enums", "triage", d.triage)),
            (tr("Source"), choice_label("enums", "issue_sources", d.source)),
            (tr("Occurred at"), local_time(d.occurred_at)),
            (tr("Reported at"), local_time(d.reported_at)),
            (tr("Reported by"), d.reporter),
            (tr("Where"), f"{d.grid_name} · {d.address}"),
            (tr("Point"), point),
            (tr("Description"), d.description),
            (tr("Cause"), d.cause), (tr("Losses"), d.losses),
            (tr("Scope of impact"), d.scope), (tr("Likely development"), d.development),
            (tr("Measures taken"), d.measures),
            (tr("Department"), department_label(d.department)),
            (tr("Deadline"), local_time(d.deadline_at)),
            (tr("Closed at"), local_time(d.closed_at)),
        )
        for label, value in rows:
            self.fields.addRow(label, _value(value))

    def _fill_photos(self, d: IssueDetail) -> None:
        _clear(self.photo_area)
        self.photo_area.addWidget(_section(tr("Photos")))
        if not d.photos:
            self.photo_area.addWidget(QLabel(tr("No photos")))
        for stage in STAGE_ORDER:
            photos = [p for p in d.photos if p.stage == stage]
            if photos:
                self.photo_area.addWidget(QLabel(stage_label(stage)))
                view = StoredPhotos(self.ctx)
                view.setObjectName(f"photos_{stage}")
                view.set_photos(_stored(tuple(photos)))
                self.photo_area.addWidget(view)

    def _fill_timeline(self, d: IssueDetail) -> None:
        _clear(self.timeline)
        self.timeline.addWidget(_section(tr("History")))
        for entry in d.actions:
            self.timeline.addWidget(self._entry(entry))

    def _entry(self, a: ActionEntry) -> QFrame:
        box = QFrame()
        box.setObjectName("timeline_entry")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(box)
        moved = (status_label(a.to_status) if a.from_status == a.to_status else
                 f"{status_label(a.from_status)} → {status_label(a.to_status)}")
        line = QLabel(html.escape(f"{local_time(a.at)} · {a.actor} ({role_label(a.actor_role)}) · ")
                      + f"<b>{html.escape(step_label(a.kind))}</b> · {html.escape(moved)}")
        line.setObjectName("timeline_line")
        column.addWidget(line)
        details = []
        if a.outcome:
            details.append(tr("Result: %1").replace("%1", outcome_label(a.outcome)))
        if a.reason:
            details.append(tr("Reason: %1").replace("%1", a.reason))
        if a.department:
            details.append(tr("Department: %1").replace("%1", department_label(a.department)))
        if a.deadline_at:
            details.append(tr("Deadline: %1").replace("%1", local_time(a.deadline_at)))
        if a.sync_state == "pending":
            details.append(tr("Not yet sent to the server"))
        elif a.sync_state == "rejected":
            details.append(tr("Refused by the server: %1").replace("%1", a.rejected_reason or ""))
        for text in details:
            column.addWidget(_value(text))
        if a.photos:
            view = StoredPhotos(self.ctx)
            view.set_photos(_stored(a.photos))
            column.addWidget(view)
        return box

    def _fill_actions(self, d: IssueDetail) -> None:
        _clear(self.action_bar)
        self.action_buttons = {}
        if not self.with_actions:
            return
        asked = d.pending_extension is not None
        for kind in allowed_actions(d.status, self.ctx.actor.role):
            if kind in _EXTENSION_ANSWERS and not asked or kind == "request_extension" and asked:
                continue  # answer a request for more time only while one waits, ask only once
            button = QPushButton(step_label(kind))
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _=False, kind=kind: self.panel.start(d, kind))
            self.action_bar.addWidget(button)
            self.action_buttons[kind] = button
        self.action_bar.addStretch(1)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 17px; font-weight: bold; margin-top: 10px;")
    return label
