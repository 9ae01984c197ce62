"""Names for stored codes, through Qt's translation system.

Codes (statuses, roles, catalogue values) are stored in English; the catalogues
carry Chinese names. Here each fixed code gets an English source string that the
.ts file translates, so both languages work. Codes not listed (the issue category
tree, checklist items) show the catalogue's own name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector import caseflow
from inspector.catalogues import load_catalogue

_ROLES = {
    "worker": QT_TRANSLATE_NOOP("labels", "Grid worker"),
    "staff": QT_TRANSLATE_NOOP("labels", "Community staff"),
    "supervisor": QT_TRANSLATE_NOOP("labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("labels", "Administrator"),
}
_STATUSES = {
    caseflow.DRAFT: QT_TRANSLATE_NOOP("labels", "Draft"),
    caseflow.REPORTED: QT_TRANSLATE_NOOP("labels", "Reported"),
    caseflow.ACCEPTED: QT_TRANSLATE_NOOP("labels", "Accepted"),
    caseflow.REJECTED: QT_TRANSLATE_NOOP("labels", "Rejected"),
    caseflow.DISPATCHED: QT_TRANSLATE_NOOP("labels", "Dispatched"),
    caseflow.HANDLED: QT_TRANSLATE_NOOP("labels", "Handled"),
    caseflow.HANDLED_ON_SITE: QT_TRANSLATE_NOOP("labels", "Handled on the spot"),
    caseflow.VERIFYING: QT_TRANSLATE_NOOP("labels", "Verifying"),
    caseflow.CLOSED: QT_TRANSLATE_NOOP("labels", "Closed"),
    caseflow.EVALUATED: QT_TRANSLATE_NOOP("labels", "Evaluated"),
}
_ENTITIES = {
    "building": QT_TRANSLATE_NOOP("labels", "Building"),
    "household": QT_TRANSLATE_NOOP("labels", "Household"),
    "resident": QT_TRANSLATE_NOOP("labels", "Resident"),
    "place": QT_TRANSLATE_NOOP("labels", "Place"),
    "component": QT_TRANSLATE_NOOP("labels", "Component"),
    "patrol": QT_TRANSLATE_NOOP("labels", "Patrol"),
    "patrol_item": QT_TRANSLATE_NOOP("labels", "Patrol check"),
    "visit": QT_TRANSLATE_NOOP("labels", "Visit"),
    "visit_need": QT_TRANSLATE_NOOP("labels", "Visit need"),
    "issue": QT_TRANSLATE_NOOP("labels", "Issue"),
    "issue_action": QT_TRANSLATE_NOOP("labels", "Case action"),
    "task": QT_TRANSLATE_NOOP("labels", "Task"),
    "photo_link": QT_TRANSLATE_NOOP("labels", "Photo"),
}
# (catalogue, entry) -> code -> English; the Chinese comes from the .ts file.
_CHOICES: dict[tuple[str, str], dict[str, str]] = {
    ("enums", "triage"): {
        "simple": QT_TRANSLATE_NOOP("labels", "Simple"),
        "general": QT_TRANSLATE_NOOP("labels", "Ordinary"),
        "key": QT_TRANSLATE_NOOP("labels", "Key"),
        "difficult": QT_TRANSLATE_NOOP("labels", "Difficult"),
    },
    ("enums", "severity"): {
        "critical": QT_TRANSLATE_NOOP("labels", "Extremely serious"),
        "major": QT_TRANSLATE_NOOP("labels", "Very serious"),
        "serious": QT_TRANSLATE_NOOP("labels", "Serious"),
        "general": QT_TRANSLATE_NOOP("labels", "General"),
        "minor": QT_TRANSLATE_NOOP("labels", "Minor"),
    },
    ("enums", "issue_sources"): {
        "patrol": QT_TRANSLATE_NOOP("labels", "Patrol"),
        "visit": QT_TRANSLATE_NOOP("labels", "Visit"),
        "public": QT_TRANSLATE_NOOP("labels", "Reported by the public"),
        "hotline": QT_TRANSLATE_NOOP("labels", "12345 hotline"),
        "assigned": QT_TRANSLATE_NOOP("labels", "Assigned from above"),
    },
    ("enums", "patrol_slots"): {
        "morning": QT_TRANSLATE_NOOP("labels", "Morning"),
        "midday": QT_TRANSLATE_NOOP("labels", "Midday"),
        "evening": QT_TRANSLATE_NOOP("labels", "Evening"),
    },
    ("enums", "patrol_kinds"): {
        "scheduled": QT_TRANSLATE_NOOP("labels", "Scheduled patrol"),
        "irregular": QT_TRANSLATE_NOOP("labels", "Unscheduled patrol"),
    },
    ("enums", "check_results"): {
        "ok": QT_TRANSLATE_NOOP("labels", "OK"),
        "fixed_on_site": QT_TRANSLATE_NOOP("labels", "Fixed on the spot"),
        "problem": QT_TRANSLATE_NOOP("labels", "Problem found"),
        "not_applicable": QT_TRANSLATE_NOOP("labels", "Not applicable"),
    },
    ("visit_needs", "need_categories"): {
        "urban_env": QT_TRANSLATE_NOOP("labels", "Urban works and environment"),
        "social_affairs": QT_TRANSLATE_NOOP("labels", "Social affairs"),
        "hardship_aid": QT_TRANSLATE_NOOP("labels", "Hardship relief"),
        "economy": QT_TRANSLATE_NOOP("labels", "Economic development"),
        "other": QT_TRANSLATE_NOOP("labels", "Other"),
    },
    ("visit_needs", "visit_kinds"): {
        "routine": QT_TRANSLATE_NOOP("labels", "Routine visit"),
        "home_check": QT_TRANSLATE_NOOP("labels", "Home check"),
        "follow_up": QT_TRANSLATE_NOOP("labels", "Follow-up visit"),
        "assistance": QT_TRANSLATE_NOOP("labels", "Assistance visit"),
    },
    ("visit_needs", "satisfaction"): {
        "satisfied": QT_TRANSLATE_NOOP("labels", "Satisfied"),
        "basically_satisfied": QT_TRANSLATE_NOOP("labels", "Mostly satisfied"),
        "dissatisfied": QT_TRANSLATE_NOOP("labels", "Dissatisfied"),
    },
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def local_time(moment: datetime | None) -> str:
    """A time the way staff write it: local date and minute ('' for none).

    Stored times are UTC and shown in the computer's zone; a camera's naive EXIF
    time is already local and shown as it is.
    """
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


def role_label(role: str) -> str:
    return _tr(_ROLES[role]) if role in _ROLES else role


def entity_label(entity: str) -> str:
    return _tr(_ENTITIES[entity]) if entity in _ENTITIES else entity


def status_label(status: str) -> str:
    return _tr(_STATUSES[status]) if status in _STATUSES else status


def choice_label(catalogue: str, entry: str, code: str | None) -> str:
    """The name of one catalogue value in the UI's language ('' for no value)."""
    if not code:
        return ""
    english = _CHOICES.get((catalogue, entry), {}).get(code)
    if english:
        return _tr(english)
    try:
        return next(str(v["name"]) for v in load_catalogue(catalogue).members(entry)
                    if v["code"] == code)
    except StopIteration:
        return code


def choices(catalogue: str, entry: str) -> list[tuple[str, str]]:
    """(code, name) pairs of a catalogue entry in catalogue order, for combo boxes."""
    return [(str(v["code"]), choice_label(catalogue, entry, str(v["code"])))
            for v in load_catalogue(catalogue).members(entry)]


def fill_combo(combo, pairs: Iterable[tuple[str, str]], *, blank: str | None = None) -> None:
    """Put (code, name) pairs into a QComboBox, the code as item data."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for code, name in pairs:
        combo.addItem(name, code)
