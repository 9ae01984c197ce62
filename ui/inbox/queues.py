"""The inbox's queue list: one line per step of the loop waiting for the supervisor, with
how many cases wait there, and what to do with them.

The queues themselves are queries (`inspector.queries.inbox`); this module gives
them words, icons, the step Enter starts, and a list widget that shows the counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from inspector.queries import inbox as q

from ..issues.deadline_style import OVERDUE_COLOR

QUEUE_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("inbox", text)


@dataclass(frozen=True)
class QueueLook:
    label: str  # English, translated in the "inbox" context
    hint: str  # what the supervisor does with these cases
    icon: str  # qtawesome name
    step: str | None  # the step Enter starts on a case of this queue


LOOKS = {
    q.NEW: QueueLook(QT_TRANSLATE_NOOP("inbox", "New reports"),
                     QT_TRANSLATE_NOOP("inbox", "Accept (立案) or reject with a reason."),
                     "fa5s.inbox", "accept"),
    q.TO_DISPATCH: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "To dispatch"),
        QT_TRANSLATE_NOOP("inbox", "Dispatch to the responsible department with a deadline."),
        "fa5s.share-square", "dispatch"),
    q.EXTENSION: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "More time asked"),
        QT_TRANSLATE_NOOP("inbox", "Approve or refuse the department's request for more time."),
        "fa5s.hourglass-half", "approve_extension"),
    q.HANDLING: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "In handling"),
        QT_TRANSLATE_NOOP("inbox", "Record the department's feedback with photos, urge, "
                                   "ask for more time or escalate."),
        "fa5s.tools", "feedback"),
    q.TO_VERIFY: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "To verify"),
        QT_TRANSLATE_NOOP("inbox", "Handled: send a verification task to the reporting worker."),
        "fa5s.clipboard-check", "request_verification"),
    q.VERIFYING: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "Being verified"),
        QT_TRANSLATE_NOOP("inbox", "Waiting for the worker's verification on site."),
        "fa5s.walking", None),
    q.TO_CLOSE: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "Verified: to close"),
        QT_TRANSLATE_NOOP("inbox", "The verification passed: close the case."),
        "fa5s.check-circle", "close"),
    q.TO_REWORK: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "Verification failed"),
        QT_TRANSLATE_NOOP("inbox", "Send the case back to the department with a reason."),
        "fa5s.redo", "rework"),
    q.WAITING: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "Waiting for the server"),
        QT_TRANSLATE_NOOP("inbox", "Accepted or closed on this computer; the server confirms "
                                   "it at the next sync."),
        "fa5s.cloud-upload-alt", None),
    q.OVERDUE: QueueLook(
        QT_TRANSLATE_NOOP("inbox", "Overdue"),
        QT_TRANSLATE_NOOP("inbox", "Every open case past its deadline, most overdue first."),
        "fa5s.exclamation-circle", None),
}


def queue_label(queue: str) -> str:
    return tr(LOOKS[queue].label)


def queue_hint(queue: str) -> str:
    return tr(LOOKS[queue].hint)


class QueueList(QListWidget):
    """The queues in loop order with their counts; `chosen(queue)` when the current one changes.

    Alt+1 … Alt+9 and Alt+0 pick a queue from anywhere on the page (see InboxPage).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("QListWidget { font-size: 15px; } QListWidget::item { padding: 6px; }")
        for n, queue in enumerate(q.QUEUES):
            item = QListWidgetItem(qta.icon(LOOKS[queue].icon), queue_label(queue))
            item.setData(QUEUE_ROLE, queue)
            item.setToolTip(f"{queue_hint(queue)} (Alt+{(n + 1) % 10})")
            self.addItem(item)
        self.counts: dict[str, int] = {}
        self.currentItemChanged.connect(self._changed)
        self.setCurrentRow(0)

    def queue(self) -> str:
        item = self.currentItem()
        return item.data(QUEUE_ROLE) if item else q.QUEUES[0]

    def pick(self, queue: str) -> None:
        self.setCurrentRow(q.QUEUES.index(queue))

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = dict(counts)
        for row, queue in enumerate(q.QUEUES):
            item = self.item(row)
            count = counts.get(queue, 0)
            item.setText(f"{queue_label(queue)}  ({count})")
            font = item.font()
            font.setBold(count > 0 and LOOKS[queue].step is not None)
            item.setFont(font)
            late = queue == q.OVERDUE and count > 0
            item.setForeground(QColor(OVERDUE_COLOR) if late else self.palette().text().color())

    def _changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.chosen.emit(current.data(QUEUE_ROLE))
