"""Reference catalogues: issue categories, departments, tags and enumerations.

The lists are data, not code: JSON files under ``resources/catalogues/`` so that
a catalogue can be revised (a new ``version``) without touching the services,
and so that forms, importers and the server validate against the same lists.
Every file is checked when it is loaded, because a typo in a catalogue (a
duplicate code, a checklist item pointing at a subclass that does not exist)
would otherwise surface much later as a case nobody can classify or dispatch.

Shapes (every file: ``{"catalogue": name, "version": str, "entries": [...]}``):

- ``issue_categories``: classes ``{code, name, kind, children}``; a child (the
  subclass an issue records) is ``{code, name, time_limit: {value, unit},
  default_triage, department}``. Subclass codes are unique across the tree.
- ``patrol_checklist``: themes ``{code, name, items}``; an item is
  ``{code, label, suggested_subcategory}``.
- ``departments``: flat ``{code, name, kind}``.
- ``enums``, ``visit_needs``, ``resident_tags``: groups ``{code, name, values}``
  where each value is ``{code, name, ...}``; ``codes(catalogue, group)`` gives
  the valid stored values of one group.
- ``time_limits``: one entry per severity ``{code, name, factor, overrides}``;
  an override is ``{category, value, unit}`` for a class or subclass code.
- ``holidays``: one entry per year ``{code: "y2026", name, year, published,
  source, holidays: [{name, from, to}], workdays: [{name, date}]}`` (dates ISO).
  ``inspector.deadlines`` turns both into deadlines.

Loaded catalogues are frozen (read-only mappings and tuples) because they are
cached and shared by every caller; helpers hand out plain dicts.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

from inspector.errors import NotFoundError, StoreError

NAMES = (
    "departments",
    "enums",
    "holidays",
    "issue_categories",
    "patrol_checklist",
    "resident_tags",
    "time_limits",
    "visit_needs",
)

# Key under which an entry lists its members (None: a flat catalogue).
_MEMBERS: dict[str, str | None] = {
    "departments": None,
    "enums": "values",
    "holidays": None,
    "issue_categories": "children",
    "patrol_checklist": "items",
    "resident_tags": "values",
    "time_limits": None,
    "visit_needs": "values",
}
# Trees whose member codes must be unique across the whole file, not just per entry:
# an issue stores only its subclass code, a patrol result only its item code.
_GLOBAL_CODES = {"issue_categories", "patrol_checklist"}
# Catalogues another one refers to; they are loaded (and checked) first.
_DEPENDS = {
    "issue_categories": ("departments", "enums"),
    "patrol_checklist": ("issue_categories",),
    "time_limits": ("enums", "issue_categories"),
}
# Groups services look up by name; a file without them is refused.
_REQUIRED_GROUPS = {
    "enums": {
        "triage",
        "severity",
        "issue_sources",
        "patrol_slots",
        "place_kinds",
        "building_uses",
    },
    "visit_needs": {"need_categories", "visit_kinds", "satisfaction"},
    "resident_tags": {
        "tags",
        "disability_categories",
        "disability_grades",
        "relations",
        "residence_types",
        "housing_uses",
        "employment_statuses",
        "insurance_kinds",
    },
}
KINDS = ("component", "event", "grid")
TIME_UNITS = ("hours", "working_days", "days")
_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Catalogue:
    """One loaded, checked catalogue file."""

    name: str
    version: str
    entries: tuple[Mapping[str, Any], ...]

    def entry(self, code: str) -> Mapping[str, Any]:
        """The top-level entry with this code (a class, a theme, a group, a department)."""
        for e in self.entries:
            if e["code"] == code:
                return e
        known = ", ".join(e["code"] for e in self.entries)
        raise NotFoundError(f"catalogue {self.name} has no entry {code!r} (known: {known})")

    def members(self, code: str) -> tuple[Mapping[str, Any], ...]:
        """The children, items or values of one entry."""
        key = _MEMBERS[self.name]
        if key is None:
            raise NotFoundError(f"catalogue {self.name} is flat; its entries have no members")
        return self.entry(code)[key]

    def plain_entries(self) -> list[Any]:
        """The entries as plain JSON-ready lists and dicts (for storing a copy)."""
        return _thaw(self.entries)


@dataclass(frozen=True)
class TimeLimit:
    """How long the responsible unit has to handle a case of one subclass.

    ``working_days`` needs a holiday calendar to turn into a deadline, which is
    why the unit is kept rather than converted to hours here.
    """

    value: int
    unit: str


# ---------------------------------------------------------------- locating and loading


def resources_dir() -> Path:
    """The ``resources/`` folder: beside ``inspector/`` in a checkout, or inside a
    frozen PyInstaller bundle (``sys._MEIPASS``), where build.spec must copy it as
    ``resources``. Found from this file, never from the working directory, so the
    app works whatever folder it is started from."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    path = base / "resources"
    if not path.is_dir():
        raise StoreError(f"resources folder not found at {path}; the installation is incomplete")
    return path


def catalogues_dir() -> Path:
    """Folder of the bundled catalogue files."""
    return resources_dir() / "catalogues"


def load_catalogue(name: str, directory: Path | str | None = None) -> Catalogue:
    """Load and check one catalogue (and those it refers to) from ``directory``.

    Without a directory this is the bundled, cached copy, cheap enough to call
    per case. Raises StoreError naming the file and every problem found."""
    if directory is None:
        return _catalogue(name)
    return _load(name, Path(directory), {})


def load_all(directory: Path | str | None = None) -> dict[str, Catalogue]:
    """Load and check every catalogue in ``directory``; uncached, for tests and admin tools."""
    folder = Path(directory) if directory else catalogues_dir()
    loaded: dict[str, Catalogue] = {}
    for name in NAMES:
        _load(name, folder, loaded)
    return {name: loaded[name] for name in NAMES}


@functools.cache
def _bundled() -> dict[str, Catalogue]:
    return load_all()


def all_catalogues() -> dict[str, Catalogue]:
    """Every bundled catalogue, loaded once per process."""
    return dict(_bundled())


def _load(name: str, folder: Path, loaded: dict[str, Catalogue]) -> Catalogue:
    if name in loaded:
        return loaded[name]
    if name not in NAMES:
        raise NotFoundError(f"unknown catalogue {name!r} (known: {', '.join(NAMES)})")
    path = folder / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"catalogue file {path.name} not found in {folder}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"catalogue file {path.name} is not valid UTF-8 JSON: {exc}") from None
    problems = _check_shape(name, data)
    if not problems:
        deps = {d: _load(d, folder, loaded) for d in _DEPENDS.get(name, ())}
        problems = _check_content(name, data["entries"], deps)
    if problems:
        shown = "; ".join(problems[:10])
        if len(problems) > 10:
            shown += f"; … {len(problems) - 10} more"
        raise StoreError(f"catalogue file {path.name} refused: {shown}")
    loaded[name] = Catalogue(name, data["version"], _freeze(data["entries"]))
    return loaded[name]


# ---------------------------------------------------------------- checks


def _check_shape(name: str, data: Any) -> list[str]:
    """Envelope, codes, names and uniqueness: what every catalogue shares."""
    if not isinstance(data, dict):
        return ["the top level must be an object"]
    problems = []
    if data.get("catalogue") != name:
        problems.append(f"'catalogue' must be {name!r}, found {data.get('catalogue')!r}")
    if not isinstance(data.get("version"), str) or not data["version"].strip():
        problems.append("'version' is missing or empty")
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        return [*problems, "'entries' must be a non-empty list"]
    key = _MEMBERS[name]
    tree_codes: set[str] = set()
    problems += _check_nodes(entries, "entries", "name", tree_codes)
    for i, entry in enumerate(entries):
        if key is None or not isinstance(entry, dict):
            continue
        where = f"entries[{i}].{key}"
        members = entry.get(key)
        if not isinstance(members, list) or not members:
            problems.append(f"{where} must be a non-empty list")
            continue
        seen = tree_codes if name in _GLOBAL_CODES else set()
        problems += _check_nodes(members, where, "label" if key == "items" else "name", seen)
    present = {e.get("code") for e in entries if isinstance(e, dict)}
    missing = _REQUIRED_GROUPS.get(name, set()) - present
    if missing:
        problems.append(f"required groups missing: {', '.join(sorted(missing))}")
    return problems


def _check_nodes(nodes: list[Any], where: str, text_key: str, seen: set[str]) -> list[str]:
    problems = []
    for i, node in enumerate(nodes):
        at = f"{where}[{i}]"
        if not isinstance(node, dict):
            problems.append(f"{at} must be an object")
            continue
        code = node.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            problems.append(f"{at}: code {code!r} must be lower-case ASCII letters, digits and _")
        elif code in seen:
            problems.append(f"{at}: duplicate code {code!r}")
        else:
            seen.add(code)
        if not isinstance(node.get(text_key), str) or not node[text_key].strip():
            problems.append(f"{at} ({code}): '{text_key}' is missing or empty")
    return problems


def _check_content(name: str, entries: list[dict], deps: dict[str, Catalogue]) -> list[str]:
    """Rules particular to one catalogue, including references to other files."""
    problems: list[str] = []
    if name == "issue_categories":
        triage = _codes_of(deps["enums"].members("triage"))
        departments = _codes_of(deps["departments"].entries)
        for i, cls in enumerate(entries):
            if cls.get("kind") not in KINDS:
                problems.append(
                    f"entries[{i}] ({cls['code']}): kind {cls.get('kind')!r} "
                    f"is not one of {', '.join(KINDS)}"
                )
            for j, sub in enumerate(cls["children"]):
                at = f"entries[{i}].children[{j}] ({sub['code']})"
                limit = sub.get("time_limit")
                if not isinstance(limit, dict):
                    problems.append(f"{at}: time_limit is missing")
                else:
                    problems += _limit_problems(f"{at}: time_limit", limit)
                if sub.get("default_triage") not in triage:
                    problems.append(
                        f"{at}: default_triage {sub.get('default_triage')!r} "
                        "is not a triage level in enums.json"
                    )
                if sub.get("department") not in departments:
                    problems.append(
                        f"{at}: department {sub.get('department')!r} is not in departments.json"
                    )
    elif name == "patrol_checklist":
        subclasses = {s["code"] for c in deps["issue_categories"].entries for s in c["children"]}
        for i, theme in enumerate(entries):
            for j, item in enumerate(theme["items"]):
                target = item.get("suggested_subcategory")
                if target not in subclasses:
                    problems.append(
                        f"entries[{i}].items[{j}] ({item['code']}): "
                        f"suggested_subcategory {target!r} "
                        "is not a subclass in issue_categories.json"
                    )
    elif name == "resident_tags":
        groups = {g["code"] for g in entries}
        tags = next(g for g in entries if g["code"] == "tags")["values"]
        for j, tag in enumerate(tags):
            at = f"tags.values[{j}] ({tag['code']})"
            if not isinstance(tag.get("restricted"), bool):
                problems.append(f"{at}: 'restricted' must be true or false")
            for group in tag.get("requires", []):
                if group not in groups:
                    problems.append(f"{at}: requires unknown group {group!r}")
    elif name == "time_limits":
        problems += _check_time_limits(entries, deps)
    elif name == "holidays":
        problems += _check_holidays(entries)
    elif name == "enums":
        slots = next(g for g in entries if g["code"] == "patrol_slots")["values"]
        for slot in slots:
            start, end = slot.get("start"), slot.get("end")
            clock = all(isinstance(t, str) and _CLOCK.match(t) for t in (start, end))
            if not clock or start >= end:
                problems.append(
                    f"patrol_slots ({slot['code']}): start/end must be HH:MM with start before end"
                )
    return problems


def _limit_problems(at: str, limit: Mapping[str, Any]) -> list[str]:
    """A time limit ``{value, unit}``: a positive whole number of a known unit."""
    problems = []
    value = limit.get("value")
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        problems.append(f"{at}.value {value!r} must be a positive integer")
    if limit.get("unit") not in TIME_UNITS:
        problems.append(f"{at}.unit {limit.get('unit')!r} is not one of {', '.join(TIME_UNITS)}")
    return problems


def _check_time_limits(entries: list[dict], deps: dict[str, Catalogue]) -> list[str]:
    """One entry per severity, a sensible factor, overrides naming real categories."""
    problems = []
    severities = _codes_of(deps["enums"].members("severity"))
    classes = deps["issue_categories"].entries
    categories = _codes_of(classes) | {s["code"] for c in classes for s in c["children"]}
    missing = severities - {e["code"] for e in entries}
    if missing:
        problems.append(f"severities missing: {', '.join(sorted(missing))}")
    for i, entry in enumerate(entries):
        at = f"entries[{i}] ({entry['code']})"
        if entry["code"] not in severities:
            problems.append(f"{at}: code is not a severity in enums.json")
        factor = entry.get("factor")
        if not isinstance(factor, int | float) or isinstance(factor, bool) or not 0 < factor <= 10:
            problems.append(f"{at}: factor {factor!r} must be a number above 0 and at most 10")
        overrides = entry.get("overrides")
        if not isinstance(overrides, list):
            problems.append(f"{at}: overrides must be a list")
            continue
        seen: set[str] = set()
        for j, override in enumerate(overrides):
            where = f"{at}.overrides[{j}]"
            if not isinstance(override, dict):
                problems.append(f"{where} must be an object")
                continue
            category = override.get("category")
            if category not in categories:
                problems.append(f"{where}: category {category!r} is not a class or subclass "
                                "in issue_categories.json")
            elif category in seen:
                problems.append(f"{where}: category {category!r} is listed twice")
            seen.add(category)
            problems += _limit_problems(where, override)
    return problems


def _iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _check_holidays(entries: list[dict]) -> list[str]:
    """Each year: dates of that year, ranges in order, make-up workdays on weekends only."""
    problems = []
    for i, entry in enumerate(entries):
        at = f"entries[{i}] ({entry['code']})"
        year = entry.get("year")
        if not isinstance(year, int) or isinstance(year, bool) or entry["code"] != f"y{year}":
            problems.append(f"{at}: year {year!r} must be a whole year and the code y<year>")
            continue
        if not isinstance(entry.get("published"), bool):
            problems.append(f"{at}: 'published' must be true or false")
        if not isinstance(entry.get("source"), str) or not entry["source"].strip():
            problems.append(f"{at}: 'source' must say where the dates come from")
        spans, workdays = entry.get("holidays"), entry.get("workdays")
        if not isinstance(spans, list) or not isinstance(workdays, list):
            problems.append(f"{at}: 'holidays' and 'workdays' must be lists")
            continue
        if entry.get("published") is False and (spans or workdays):
            problems.append(f"{at}: an unpublished year lists no holidays or workdays")
        off: set[date] = set()
        for j, span in enumerate(spans):
            start, end = (_iso_day(span.get(k)) if isinstance(span, dict) else None
                          for k in ("from", "to"))
            if start is None or end is None or start > end or {start.year, end.year} != {year}:
                problems.append(f"{at}.holidays[{j}]: from/to must be dates of {year}, "
                                "from not after to")
                continue
            off.update(start + timedelta(days=n) for n in range((end - start).days + 1))
        for j, workday in enumerate(workdays):
            day = _iso_day(workday.get("date")) if isinstance(workday, dict) else None
            if day is None or day.year != year:
                problems.append(f"{at}.workdays[{j}]: date must be a date of {year}")
            elif day.weekday() < 5:
                problems.append(f"{at}.workdays[{j}]: {day} is a weekday; only a Saturday or "
                                "Sunday can be made a workday")
            elif day in off:
                problems.append(f"{at}.workdays[{j}]: {day} is also inside a holiday")
    return problems


# ---------------------------------------------------------------- helpers for services


def codes(catalogue_name: str, key: str | None = None) -> frozenset[str]:
    """Valid codes for validation: the top-level codes of a catalogue, or with
    ``key`` the member codes of one entry, e.g. ``codes("resident_tags",
    "housing_uses")``, ``codes("enums", "severity")``, ``codes("departments")``."""
    return _cached_codes(catalogue_name, key)


@functools.cache
def _cached_codes(catalogue_name: str, key: str | None) -> frozenset[str]:
    cat = _catalogue(catalogue_name)
    return _codes_of(cat.entries if key is None else cat.members(key))


def label(catalogue_name: str, code: str, key: str | None = None) -> str:
    """Display text of a code (its ``name``, or ``label`` for checklist items)."""
    cat = _catalogue(catalogue_name)
    for node in cat.entries if key is None else cat.members(key):
        if node["code"] == code:
            return node.get("name") or node["label"]
    raise NotFoundError(f"{catalogue_name}{'/' + key if key else ''} has no code {code!r}")


def category_codes() -> frozenset[str]:
    """Every issue subclass code: the values an issue's category may take."""
    return frozenset(_subcategory_index())


@functools.cache
def checklist_item_codes() -> frozenset[str]:
    """Every patrol checklist item code, across themes: what a patrol line may record."""
    return frozenset(i["code"] for theme in _catalogue("patrol_checklist").entries
                     for i in theme["items"])


def issue_subcategory(code: str) -> dict[str, Any]:
    """One issue subclass as a plain dict, with ``class_code``, ``class_name`` and
    ``kind`` of its parent added, so a caller needs a single lookup."""
    try:
        cls, sub = _subcategory_index()[code]
    except KeyError:
        raise NotFoundError(f"no issue subclass {code!r} in catalogue issue_categories") from None
    return {**_thaw(sub), "class_code": cls["code"], "class_name": cls["name"], "kind": cls["kind"]}


def time_limit(subcategory_code: str) -> TimeLimit:
    """The handling time limit of an issue subclass."""
    limit = issue_subcategory(subcategory_code)["time_limit"]
    return TimeLimit(limit["value"], limit["unit"])


@functools.cache
def restricted_tags() -> frozenset[str]:
    """Resident tag codes that only authorised roles may see or receive."""
    tags = _catalogue("resident_tags").members("tags")
    return frozenset(t["code"] for t in tags if t["restricted"])


@functools.cache
def _subcategory_index() -> dict[str, tuple[Mapping[str, Any], Mapping[str, Any]]]:
    classes = _catalogue("issue_categories").entries
    return {sub["code"]: (cls, sub) for cls in classes for sub in cls["children"]}


def _catalogue(name: str) -> Catalogue:
    try:
        return _bundled()[name]
    except KeyError:
        raise NotFoundError(f"unknown catalogue {name!r} (known: {', '.join(NAMES)})") from None


def _codes_of(nodes: Any) -> frozenset[str]:
    return frozenset(n["code"] for n in nodes)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value
