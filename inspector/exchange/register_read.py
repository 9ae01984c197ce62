"""A register workbook read from disk: its household and resident sheets found by their
headers, and the reasons a file cannot be imported at all (no database involved)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import FileRefused
from .layout import GRID_KEYS, columns, match_headers
from .workbook import SheetRows, find_header, open_book, read_rows, sheets


@dataclass(frozen=True)
class ParsedFile:
    """What `read_register` found: the sheets by layout and the columns it will not read."""

    name: str
    households: SheetRows | None
    residents: SheetRows | None
    ignored: tuple[str, ...]


def read_register(path: str | Path, role: str) -> ParsedFile:
    """The household and resident sheets of a workbook, found by their headers.

    FileRefused says why a file cannot be imported at all: not XLSX, too large, no
    register sheet, a required column missing or a column given twice.
    """
    book = open_book(path)
    try:
        found: dict[str, SheetRows] = {}
        ignored: list[str] = []
        for ws in sheets(book):
            entity = _kind_of(ws, role)
            if entity is None:
                continue
            if entity in found:
                raise FileRefused(f"文件中有两张{_NAMES[entity]}表（“{found[entity].title}”和"
                                  f"“{ws.title}”），请只保留一张")
            rows = read_rows(ws, columns(entity, role))
            assert rows is not None  # _kind_of found its header
            _check_columns(entity, rows)
            found[entity] = rows
            ignored += [f"{rows.title}：{name}" for name in rows.unused]
    finally:
        book.close()
    if not found:
        raise FileRefused("文件中没有找到住户表或人口表：表头应有“户编号”“门牌号”“地址”"
                          "或“户编号”“姓名”“身份证号”等列")
    return ParsedFile(Path(path).name, found.get("household"), found.get("resident"),
                      tuple(ignored))


_NAMES = {"household": "住户", "resident": "人口"}


def _kind_of(ws: Any, role: str) -> str | None:
    """"resident" for a sheet whose header has an ID number column, "household" for one
    with a door number, housing use or address, None for anything else (notes …)."""
    for entity, marks in (("resident", {"id_number"}),
                          ("household", {"door_no", "housing_use", "address"})):
        cols = columns(entity, role)
        header = find_header(ws, cols)
        if header is not None:
            keys = {c.key for c in match_headers(header[1], cols)[0].values()}
            if keys & marks:
                return entity
    return None


def _check_columns(entity: str, rows: SheetRows) -> None:
    if rows.twice:
        raise FileRefused(f"工作表“{rows.title}”中这些列出现了两次：{'、'.join(rows.twice)}")
    every = columns(entity, "supervisor")
    missing = [c.header for c in every if c.required and c.key not in rows.keys]
    if entity == "household" and not rows.keys & set(GRID_KEYS):
        missing.append("网格（或网格编码）")
    if missing:
        raise FileRefused(f"工作表“{rows.title}”缺少必需的列：{'、'.join(missing)}")
