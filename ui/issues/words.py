"""Words for case codes and times that the issue and task screens share.

The case-loop steps and task kinds get English source strings here (translated by
the .ts file); statuses and catalogue values come from `ui.labels`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.catalogues import load_catalogue
from inspector.services.cases import URGENT_SEVERITIES

from ..labels import choice_label

_STEPS = {
    "report": QT_TRANSLATE_NOOP("issues", "Report"),
    "report_on_site": QT_TRANSLATE_NOOP("issues", "Handled on the spot"),
    "accept": QT_TRANSLATE_NOOP("issues", "Accept"),
    "reject": QT_TRANSLATE_NOOP("issues", "Reject"),
    "dispatch": QT_TRANSLATE_NOOP("issues", "Dispatch"),
    "feedback": QT_TRANSLATE_NOOP("issues", "Handling feedback"),
    "request_verification": QT_TRANSLATE_NOOP("issues", "Ask for verification"),
    "verify": QT_TRANSLATE_NOOP("issues", "Verify"),
    "close": QT_TRANSLATE_NOOP("issues", "Close"),
    "rework": QT_TRANSLATE_NOOP("issues", "Send back for rework"),
    "evaluate": QT_TRANSLATE_NOOP("issues", "Follow-up evaluation"),
    "urge": QT_TRANSLATE_NOOP("issues", "Urge"),
    "escalate": QT_TRANSLATE_NOOP("issues", "Escalate"),
    "request_extension": QT_TRANSLATE_NOOP("issues", "Ask for more time"),
    "approve_extension": QT_TRANSLATE_NOOP("issues", "Approve more time"),
    "deny_extension": QT_TRANSLATE_NOOP("issues", "Refuse more time"),
}
_STAGES = {
    "report": QT_TRANSLATE_NOOP("issues", "When reported"),
    "before": QT_TRANSLATE_NOOP("issues", "Before handling"),
    "after": QT_TRANSLATE_NOOP("issues", "After handling"),
    "handling": QT_TRANSLATE_NOOP("issues", "Handling"),
    "verification": QT_TRANSLATE_NOOP("issues", "Verification"),
}
_TASK_KINDS = {
    "verify_issue": QT_TRANSLATE_NOOP("issues", "Verify a case"),
    "revisit_household": QT_TRANSLATE_NOOP("issues", "Revisit a household"),
    "patrol_plan": QT_TRANSLATE_NOOP("issues", "Patrol plan"),
}
_OUTCOMES = {
    "passed": QT_TRANSLATE_NOOP("issues", "Passed"),
    "failed": QT_TRANSLATE_NOOP("issues", "Not passed"),
}


def tr(text: str, n: int = -1) -> str:
    """Translate in the "issues" context; `n` picks the plural form of a `%n` text."""
    return QCoreApplication.translate("issues", text, None, n)


def _named(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return tr(table[code]) if code in table else code


def step_label(kind: str) -> str:
    return _named(_STEPS, kind)


def stage_label(stage: str) -> str:
    return _named(_STAGES, stage)


def task_kind_label(kind: str) -> str:
    return _named(_TASK_KINDS, kind)


def outcome_label(outcome: str | None) -> str:
    return _named(_OUTCOMES, outcome)


def department_label(code: str | None) -> str:
    """A department's name from the catalogue ('' for none, the code if unknown)."""
    if not code:
        return ""
    names = {d["code"]: d["name"] for d in load_catalogue("departments").entries}
    return names.get(code, code)


def severity_label(code: str | None) -> str:
    return choice_label("enums", "severity", code)


def is_urgent(severity: str | None) -> bool:
    return severity in URGENT_SEVERITIES


