"""A case report as an A4 PDF: Qt's PDF writer painting an HTML text document page by page.

Painting the pages ourselves (instead of QTextDocument.print_) lets each page carry
"page x of n" at its foot. Fonts are sized for the writer's resolution, and the
document asks for CJK fonts by name with Qt's font fallback behind them, so the
Chinese text is embedded and can be searched and extracted.

The words go through Qt translation like the rest of the app; times are shown in
the report's zone (China Standard Time), the zone its period is cut in. No
resident data goes into a report: cases are listed by number, category and grid.

Text extracted from the file may show a few characters as their look-alike radicals
(网 as ⽹): Qt maps each glyph back to the lowest code point the font gives it.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from inspector.catalogues import issue_subcategory, label
from inspector.errors import NotFoundError
from inspector.queries.periods import DAILY, MONTHLY, REPORT_ZONE, WEEKLY
from inspector.queries.reports import CaseReport
from inspector.queries.scorecard import CaseFigures

from ..dashboard.formats import duration, hours, percent
from ..labels import status_label

# Latin first: Noto CJK's Latin digits lose their text mapping in Qt's PDF output, so
# Linux takes DejaVu for Latin and Noto for Chinese; Windows has neither and uses YaHei.
FONTS = ["DejaVu Sans", "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", "SimSun"]
RESOLUTION = 300
STYLE = """
body { font-size: 10pt; }
h1 { font-size: 18pt; text-align: center; margin: 0; }
p.area { font-size: 12pt; text-align: center; margin: 0; }
p.meta { text-align: center; color: #444; margin: 2pt 0 6pt 0; }
h2 { font-size: 12pt; margin: 12pt 0 4pt 0; }
th { background-color: #e8eef6; font-weight: bold; }
td.n, th.n { text-align: right; }
"""


def tr(text: str) -> str:
    return QCoreApplication.translate("reports", text)


def report_title(kind: str) -> str:
    return {DAILY: tr("Daily case report"), WEEKLY: tr("Weekly case report"),
            MONTHLY: tr("Monthly case report")}[kind]


def _when(moment: datetime) -> str:
    return moment.astimezone(REPORT_ZONE).strftime("%Y-%m-%d %H:%M")


def period_text(report: CaseReport) -> str:
    first, last = report.period.first.isoformat(), report.period.last.isoformat()
    if first == last:
        return tr("Period: %1 (China Standard Time)").replace("%1", first)
    return tr("Period: %1 to %2 (China Standard Time)").replace("%1", first).replace("%2", last)


def _table(headers: list[str], rows: list[list[str]], numeric: set[int], *,
           widths: tuple[int, ...] = (), width: int = 100, small: bool = False) -> str:
    """An HTML table (cells escaped here): `numeric` columns right-aligned, `widths` in
    percent of the table, `small` type for a wide list."""
    style = ' style="font-size: 8.5pt"' if small else ""

    def cell(tag: str, i: int, text: str) -> str:
        attrs = (' class="n"' if i in numeric else "") + style
        if tag == "th" and i < len(widths):
            attrs += f' width="{widths[i]}%"'
        return f"<{tag}{attrs}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>"
                   for row in rows)
    return (f'<table border="1" cellspacing="0" cellpadding="3" width="{width}%">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _kind_name(kind: str) -> str:
    return {"component": tr("Component"), "event": tr("Event"), "grid": tr("Grid matter")}.get(
        kind, kind)


def _subclass(code: str) -> str:
    """The subclass's own name (its class is in the table by category)."""
    try:
        return issue_subcategory(code)["name"]
    except NotFoundError:
        return code


def _department(code: str | None) -> str:
    if not code:
        return ""
    try:
        return label("departments", code)
    except NotFoundError:
        return code


def _figures_row(f: CaseFigures) -> list[str]:
    return [str(f.reported), str(f.closed), percent(f.closure_rate), percent(f.on_time_rate)]


def _heading(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def report_html(report: CaseReport, made_by: str) -> str:
    """The whole report as one HTML document (what `write_pdf` paints)."""
    t = report.totals
    none_reported = tr("No cases were reported in this period.")
    made = tr("Made %1 by %2 · %3 grid(s)").replace("%1", _when(report.made_at)).replace(
        "%2", made_by).replace("%3", str(report.grid_count))
    note = tr("Closure rate: cases closed before the end of the period ÷ cases reported in it, "
              "reports not accepted left out. Statuses and the overdue list are as they stand "
              "when the report is made.")
    parts = [
        f"<html><head><style>{STYLE}</style></head><body>",
        f'<p class="area">{escape(report.area_name)}</p>' if report.area_name else "",
        f"<h1>{escape(report_title(report.kind))}</h1>",
        f'<p class="meta">{escape(period_text(report))}<br/>{escape(made)}</p>',
        _heading(tr("Summary")),
        _table([tr("Cases reported"), tr("Not accepted"), tr("Cases closed"), tr("Closure rate"),
                tr("Closed on time"), tr("On-time rate"), tr("Hours to close"),
                tr("Overdue now")],
               [[str(t.reported), str(t.rejected), str(t.closed), percent(t.closure_rate),
                 str(t.closed_on_time), percent(t.on_time_rate),
                 hours(t.average_handling_hours), str(len(report.overdue))]],
               set(range(8))),
        f"<p>{escape(note)}</p>",
        _heading(tr("Cases by category")),
        _table([tr("Category"), tr("Kind"), tr("Cases reported"), tr("Cases closed"),
                tr("Closure rate"), tr("On-time rate")],
               [[c.name, _kind_name(c.kind), *_figures_row(c.figures)] for c in report.by_class]
               or [[none_reported, "", "", "", "", ""]], {2, 3, 4, 5}),
        _heading(tr("Cases by status")),
        _table([tr("Status"), tr("Cases")],
               [[status_label(s), str(n)] for s, n in report.by_status]
               or [[none_reported, ""]], {1}, width=50),
        _heading(tr("Cases by grid")),
        _table([tr("Grid"), tr("Cases reported"), tr("Cases closed"), tr("Closure rate"),
                tr("On-time rate"), tr("Overdue now")],
               [[g.name, *_figures_row(g.figures), str(g.overdue)] for g in report.by_grid],
               {1, 2, 3, 4, 5}),
        _heading(tr("Overdue cases (%1)").replace("%1", str(len(report.overdue)))),
        _table([tr("No."), tr("Case number"), tr("Category"), tr("Grid"), tr("Status"),
                tr("Department"), tr("Deadline"), tr("Overdue by")],
               [[str(i), o.number or tr("(not numbered yet)"), _subclass(o.category_code),
                 o.grid_name, status_label(o.status), _department(o.department),
                 _when(o.deadline_at), duration(report.made_at - o.deadline_at)]
                for i, o in enumerate(report.overdue, 1)]
               or [[tr("No case is overdue."), "", "", "", "", "", "", ""]], {0, 7},
               widths=(5, 26, 12, 12, 9, 11, 14, 11), small=True),
        "</body></html>",
    ]
    return "".join(parts)


def _keep_headings_with_tables(document: QTextDocument, page_height: float) -> None:
    """Start a section on a new page when its heading would sit alone at a page's foot."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            rect = layout.blockBoundingRect(block)
            room = page_height - rect.bottom() % page_height
            if room < page_height * 0.2:  # a heading, a header row and a row or two
                cursor = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
        block = block.next()


def write_pdf(report: CaseReport, path: Path | str, made_by: str = "") -> int:
    """Write the report to `path` as an A4 PDF; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{report.area_name}{report_title(report.kind)} "
                    f"{report.period.first.isoformat()}")
    writer.setCreator("Grid Inspector")
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSizeF(10)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # measure text at the writer's resolution
    document.setDefaultFont(font)
    document.setHtml(report_html(report, made_by))
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = RESOLUTION * 0.3  # 0.3 inch under the text for the page number
    page = QSizeF(area.width(), area.height() - footer)
    document.setPageSize(page)
    _keep_headings_with_tables(document, page.height())
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(tr("Could not write %1").replace("%1", str(path)))
    try:
        footer_font = QFont(font)
        footer_font.setPointSizeF(9)
        for number in range(pages):
            if number:
                writer.newPage()
            top = number * page.height()
            painter.save()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, page.width(), page.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.drawText(QRectF(0, page.height(), page.width(), footer),
                             Qt.AlignmentFlag.AlignCenter,
                             tr("Page %1 of %2").replace("%1", str(number + 1))
                             .replace("%2", str(pages)))
    finally:
        painter.end()
    return pages
