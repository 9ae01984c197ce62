"""Helpers for the XLSX exchange tests: demo stores, an empty store with the same territory,
workbooks written with openpyxl the way a person would fill one in."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from inspector.db import Store, open_store
from inspector.demo import generate
from inspector.demo.accounts import act_as
from inspector.models import Area, Building
from inspector.services.recording import Actor

AREA_LEVELS = ("district", "street", "community", "grid")


def make_template(folder: Path, households: int = 300) -> Path:
    """A generated demo district (no photos), to be copied per test."""
    store = open_store(folder / "store.db")
    generate(store, households, photos=False)
    store.close()
    return folder / "store.db"


def copy_store(template: Path, target: Path) -> Store:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, target)
    return open_store(target)


def demo_copy(template: Path, folder: Path) -> Iterator[Store]:
    """A test's own copy of a generated district, closed after the test (`yield from`)."""
    store = copy_store(template, folder / "demo" / "store.db")
    yield store
    store.close()


def actor(store: Store, role: str) -> Actor:
    """The demo account of a role, as the app would act for it."""
    profile = act_as(store, role)
    return Actor(profile.username, profile.role, f"dev-{role}", tuple(profile.grid_ids or ()))


def copy_territory(source: Store, target: Store) -> None:
    """Areas and buildings (an administrator's job, not the register's) into an empty store."""
    with source.read() as s:
        areas = [dict(r) for r in s.execute(select(Area.__table__)).mappings()]
        buildings = [dict(r) for r in s.execute(select(Building.__table__)).mappings()]
    areas.sort(key=lambda a: AREA_LEVELS.index(a["level"]))
    with target.write() as t:
        for rows, table in ((areas, Area.__table__), (buildings, Building.__table__)):
            for row in rows:
                t.execute(table.insert().values(**row))


def write_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """An XLSX file with these sheets, first row of each the header."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def differing_fields(expected: dict[Any, dict[str, Any]], actual: dict[Any, dict[str, Any]],
                     ) -> list[str]:
    """Names of the fields that differ between two sets of records (and missing/extra
    records as counts), so a failing assert shows no resident's data."""
    out = {f"missing {len(expected.keys() - actual.keys())}"} if expected.keys() - actual.keys() \
        else set()
    if actual.keys() - expected.keys():
        out.add(f"extra {len(actual.keys() - expected.keys())}")
    for key in expected.keys() & actual.keys():
        out |= {name for name, value in expected[key].items() if actual[key].get(name) != value}
    return sorted(out)
