"""The dashboard's two charts (QtCharts): cases per grid as bars, cases per day as lines."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QPainter

from inspector.queries.reports import DailyCounts
from inspector.queries.scorecard import GridScore

MOST_GRIDS = 12  # bars stay readable; a district's other grids are in the table
REPORTED_COLOR = QColor("#1f6feb")
CLOSED_COLOR = QColor("#2da44e")


def _chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _count_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(4, top))
    axis.setTickCount(5)
    axis.applyNiceNumbers()
    return axis


class _ChartView(QChartView):
    """A chart view whose chart is replaced whole each time the figures change."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)

    def _replace(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


class GridBarsView(_ChartView):
    """Reported and closed cases of the grids with the most reports."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_grids([])

    def show_grids(self, grids: Sequence[GridScore]) -> None:
        busiest = sorted(grids, key=lambda g: (-g.figures.reported, g.code))[:MOST_GRIDS]
        reported, closed = QBarSet(self.tr("Cases reported")), QBarSet(self.tr("Cases closed"))
        reported.setColor(REPORTED_COLOR)
        closed.setColor(CLOSED_COLOR)
        for grid in busiest:
            reported.append(grid.figures.reported)
            closed.append(grid.figures.closed)
        series = QBarSeries()
        series.append([reported, closed])
        chart = _chart()
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([g.name for g in busiest])
        names.setLabelsAngle(-35 if len(busiest) > 4 else 0)
        chart.addAxis(names, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        counts = _count_axis(max((g.figures.reported for g in busiest), default=0))
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(counts)
        chart.setTitle(self.tr("Cases per grid") if len(grids) <= MOST_GRIDS else
                       self.tr("Cases per grid: the %1 grids with the most reports")
                       .replace("%1", str(MOST_GRIDS)))
        self._replace(chart)


class DailyLinesView(_ChartView):
    """Cases reported and closed on each day of the period."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_days(DailyCounts((), (), ()))

    def show_days(self, counts: DailyCounts, until: date | None = None) -> None:
        """Draw the days up to `until` (today: days to come have no figures yet)."""
        if until is not None:
            kept = sum(1 for d in counts.days if d <= until)
            counts = DailyCounts(counts.days[:kept], counts.reported[:kept], counts.closed[:kept])
        chart = _chart()
        axis = QDateTimeAxis()
        axis.setFormat("MM-dd")
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        values = _count_axis(max((*counts.reported, *counts.closed), default=0))
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for name, numbers, color in ((self.tr("Cases reported"), counts.reported, REPORTED_COLOR),
                                     (self.tr("Cases closed"), counts.closed, CLOSED_COLOR)):
            line = QLineSeries()
            line.setName(name)
            line.setColor(color)
            line.setPointsVisible(len(numbers) <= 31)
            line.setMarkerSize(7 if len(numbers) <= 10 else 4)
            for day, n in zip(counts.days, numbers, strict=True):
                line.append(_msecs(day), n)
            chart.addSeries(line)
            line.attachAxis(axis)
            line.attachAxis(values)
        if counts.days:
            half_day = 11 * 3600 * 1000 if len(counts.days) == 1 else 0  # one day: a visible span
            axis.setRange(QDateTime.fromMSecsSinceEpoch(_msecs(counts.days[0]) - half_day),
                          QDateTime.fromMSecsSinceEpoch(_msecs(counts.days[-1]) + half_day))
            axis.setTickCount(max(2, min(len(counts.days), 8)))
        chart.setTitle(self.tr("Cases reported and closed per day"))
        self._replace(chart)


def _msecs(day: date) -> int:
    """Noon of a report day on this machine's clock, which the axis labels use: the
    label under a point is its day whatever zone the machine is set to."""
    return QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch()
