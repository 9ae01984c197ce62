"""XLSX files in and out with openpyxl: streamed writing, checked and tolerant reading.

Writing uses the write-only workbook, so rows go to disk as they come and a
district's register needs little memory; the file appears under its name only when
complete, so a cancelled or failed export never leaves half a file (or spoils an
older one). Reading refuses what is not an XLSX file or is too big before openpyxl
opens it, and finds the header row by its names rather than by its position.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .errors import FileRefused
from .layout import Column, match_headers

MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024  # a zip bomb stops here, not in memory
MAX_ROWS = 50_000  # per sheet: a street's register; more is split by grid
HEADER_SEARCH_ROWS = 5  # registers made by hand often have a title row or two first
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center")


def _display_width(text: str) -> int:
    """Excel's width units for a text: wide (Chinese) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class StreamingBook:
    """A write-only workbook that is saved under its name only once complete."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.book = Workbook(write_only=True)

    def sheet(self, title: str, cols: Sequence[Column]) -> WriteOnlyWorksheet:
        """A new sheet with a bold, frozen header row and columns wide enough to read."""
        ws = self.book.create_sheet(title)
        for i, column in enumerate(cols, 1):
            width = max(column.width, _display_width(column.header) + 4)
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        header = []
        for column in cols:
            cell = WriteOnlyCell(ws, column.header)
            cell.font = _HEADER_FONT
            cell.fill = _REQUIRED_FILL if column.required else _HEADER_FILL
            cell.alignment = _HEADER_ALIGN
            header.append(cell)
        ws.append(header)
        return ws

    def notes(self, title: str, lines: Sequence[tuple[str, Any]]) -> None:
        """A small sheet of (label, value) lines saying what the file holds."""
        ws = self.book.create_sheet(title)
        ws.column_dimensions["A"].width = 16
        ws.column_dimensions["B"].width = 90
        for label, value in lines:
            ws.append([label, value])

    def save(self) -> None:
        part = self.path.with_name(f".{self.path.name}.part")
        try:
            self.book.save(part)
            os.replace(part, self.path)
        finally:
            part.unlink(missing_ok=True)

    def discard(self) -> None:
        """Give up: close the sheets' temporary files; nothing is written under `path`."""
        for ws in self.book.worksheets:
            if not ws.closed:
                ws.close()


def moment(ws: WriteOnlyWorksheet, value: datetime | None) -> WriteOnlyCell | None:
    """A stored (UTC) time as a real Excel date-time in the computer's local time."""
    if value is None:
        return None
    local = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    local = local.replace(microsecond=0)
    cell = WriteOnlyCell(ws, local)
    cell.number_format = DATETIME_FORMAT
    return cell


# ---------------------------------------------------------------- reading


def check_file(path: str | Path) -> None:
    """Refuse, with the reason, a file that is not XLSX or is too large to import."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileRefused(f"文件太大（超过 {MAX_FILE_BYTES // 2**20} MB），请按网格拆分后分批导入")
    if not zipfile.is_zipfile(path):
        raise FileRefused("这不是 XLSX 文件；如果是 .xls 或 .csv 文件，请在 Excel 中另存为"
                          "“Excel 工作簿(*.xlsx)”后再导入")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    if "xl/workbook.xml" not in names:
        raise FileRefused("这不是 XLSX 文件（压缩包中没有 Excel 工作簿）")
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileRefused("文件内容太大，请按网格拆分后分批导入")


@dataclass
class SheetRows:
    """A sheet matched to a layout: which columns it has and its data rows."""

    title: str
    found: dict[int, Column]
    unused: list[str]
    twice: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (Excel row number, column key -> raw cell)

    @property
    def keys(self) -> set[str]:
        return {c.key for c in self.found.values()}


def open_book(path: str | Path) -> Any:
    check_file(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise FileRefused("文件已损坏或不是 Excel 工作簿，无法读取") from exc


def find_header(ws: Any, cols: Sequence[Column]) -> tuple[int, list[Any]] | None:
    """The row (1-based) among the first few whose cells name most of the columns."""
    best: tuple[int, int, list[Any]] | None = None
    for number, cells in enumerate(ws.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), 1):
        hits = len(match_headers(cells, cols)[0])
        if hits >= 2 and (best is None or hits > best[0]):
            best = (hits, number, list(cells))
    return (best[1], best[2]) if best else None


def read_rows(ws: Any, cols: Sequence[Column]) -> SheetRows | None:
    """The sheet's rows by column key, or None when no header row matches the layout."""
    header = find_header(ws, cols)
    if header is None:
        return None
    header_row, cells = header
    found, unused, twice = match_headers(cells, cols)
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, values in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True),
                                    header_row + 1):
        row = {column.key: values[i] for i, column in found.items() if i < len(values)}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in row.values()):
            continue
        if len(rows) == MAX_ROWS:
            raise FileRefused(f"工作表“{ws.title}”超过 {MAX_ROWS} 行，请按网格拆分后分批导入")
        rows.append((number, row))
    return SheetRows(ws.title, found, unused, twice, rows)


def sheets(book: Any) -> Iterator[Any]:
    """Worksheets only (a chart sheet has no rows)."""
    return (ws for ws in book.worksheets if hasattr(ws, "iter_rows"))
