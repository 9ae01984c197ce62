"""The period a dashboard looks at: this week, this month, the last 30 days, or chosen dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from inspector.queries.periods import Period, last_days, month_of, today, week_of

WEEK, MONTH, LAST_30, CUSTOM = "week", "month", "last30", "custom"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class PeriodPicker(QWidget):
    """A preset or two dates; `changed` carries the new `Period` whenever it really changes."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = QComboBox()
        for code, text in ((WEEK, self.tr("This week")), (MONTH, self.tr("This month")),
                           (LAST_30, self.tr("Last 30 days")), (CUSTOM, self.tr("Chosen dates"))):
            self.choice.addItem(text, code)
        self.first = QDateEdit(calendarPopup=True)
        self.last = QDateEdit(calendarPopup=True)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.to_label = QLabel(self.tr("to"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Period:")))
        layout.addWidget(self.choice)
        layout.addWidget(self.first)
        layout.addWidget(self.to_label)
        layout.addWidget(self.last)
        self.choice.setCurrentIndex(self.choice.findData(LAST_30))
        self._period = self._preset(LAST_30)
        self._show_dates(self._period)
        self._set_custom_visible(False)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.first.dateChanged.connect(self._dates_edited)
        self.last.dateChanged.connect(self._dates_edited)

    def period(self) -> Period:
        return self._period

    def set_custom(self, first: date, last: date) -> None:
        """Choose dates (as a user would with the two date boxes)."""
        self.choice.setCurrentIndex(self.choice.findData(CUSTOM))
        self.last.setDate(_qdate(last))
        self.first.setDate(_qdate(first))

    @staticmethod
    def _preset(code: str) -> Period:
        day = today()
        return {WEEK: week_of, MONTH: month_of, LAST_30: lambda d: last_days(30, d)}[code](day)

    def _set_custom_visible(self, visible: bool) -> None:
        for widget in (self.first, self.to_label, self.last):
            widget.setVisible(visible)

    def _show_dates(self, period: Period) -> None:
        for edit, day in ((self.first, period.first), (self.last, period.last)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _chosen(self) -> None:
        code = self.choice.currentData()
        self._set_custom_visible(code == CUSTOM)
        if code != CUSTOM:
            self._show_dates(self._preset(code))
        self._dates_edited()

    def _dates_edited(self) -> None:
        first, last = _day(self.first.date()), _day(self.last.date())
        if last < first:  # keep the range the right way round as either end moves
            edit = self.last if self.sender() is self.first else self.first
            edit.blockSignals(True)
            edit.setDate(_qdate(first if edit is self.last else last))
            edit.blockSignals(False)
            first, last = _day(self.first.date()), _day(self.last.date())
        period = Period(first, last)
        if period != self._period:
            self._period = period
            self.changed.emit(period)
