"""Words for what the oversight tabs show: field names, values, kinds and states.

Field names and fixed codes get English source strings (translated by the .ts file);
catalogue codes show the catalogue's name through `ui.labels`. ID numbers and phones
are masked (`inspector.disclosure`) unless a caller asks for them whole (and audits that).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from inspector.disclosure import MASKED_FIELDS, mask

from ..labels import choice_label

_FIELDS = {
    "grid_id": QT_TRANSLATE_NOOP("oversight", "Grid"),
    "building_id": QT_TRANSLATE_NOOP("oversight", "Building"),
    "household_id": QT_TRANSLATE_NOOP("oversight", "Household"),
    "door_no": QT_TRANSLATE_NOOP("oversight", "Door number"),
    "address": QT_TRANSLATE_NOOP("oversight", "Address"),
    "housing_use": QT_TRANSLATE_NOOP("oversight", "Housing"),
    "head_name": QT_TRANSLATE_NOOP("oversight", "Head of household"),
    "phone": QT_TRANSLATE_NOOP("oversight", "Phone"),
    "landlord_name": QT_TRANSLATE_NOOP("oversight", "Landlord"),
    "landlord_phone": QT_TRANSLATE_NOOP("oversight", "Landlord's phone"),
    "rental": QT_TRANSLATE_NOOP("oversight", "Rental details"),
    "contact_card": QT_TRANSLATE_NOOP("oversight", "Contact card given"),
    "last_visit_at": QT_TRANSLATE_NOOP("oversight", "Last visit"),
    "notes": QT_TRANSLATE_NOOP("oversight", "Notes"),
    "name": QT_TRANSLATE_NOOP("oversight", "Name"),
    "id_number": QT_TRANSLATE_NOOP("oversight", "ID number"),
    "gender": QT_TRANSLATE_NOOP("oversight", "Gender"),
    "birth_date": QT_TRANSLATE_NOOP("oversight", "Date of birth"),
    "relation": QT_TRANSLATE_NOOP("oversight", "Relation to head"),
    "domicile": QT_TRANSLATE_NOOP("oversight", "Registered address (hukou)"),
    "residence_type": QT_TRANSLATE_NOOP("oversight", "Residence"),
    "temporary": QT_TRANSLATE_NOOP("oversight", "Temporary residence"),
    "employment": QT_TRANSLATE_NOOP("oversight", "Employment"),
    "insurance": QT_TRANSLATE_NOOP("oversight", "Insurance"),
    "care_tags": QT_TRANSLATE_NOOP("oversight", "Care"),
    "restricted_tags": QT_TRANSLATE_NOOP("oversight", "Restricted"),
    "code": QT_TRANSLATE_NOOP("oversight", "Code"),
    "use": QT_TRANSLATE_NOOP("oversight", "Use"),
    "floors": QT_TRANSLATE_NOOP("oversight", "Floors"),
    "lat": QT_TRANSLATE_NOOP("oversight", "Latitude"),
    "lon": QT_TRANSLATE_NOOP("oversight", "Longitude"),
    "head_phone": QT_TRANSLATE_NOOP("oversight", "Building head's phone"),
    "kind": QT_TRANSLATE_NOOP("oversight", "Type"),
    "responsible_name": QT_TRANSLATE_NOOP("oversight", "Person responsible"),
    "responsible_phone": QT_TRANSLATE_NOOP("oversight", "Phone of the person responsible"),
    "fire_safety": QT_TRANSLATE_NOOP("oversight", "Fire safety"),
    "duty": QT_TRANSLATE_NOOP("oversight", "Duty"),
    "username": QT_TRANSLATE_NOOP("oversight", "Account"),
}
# (entity, field) → (catalogue, entry) for fields that hold catalogue codes.
CHOICES = {
    ("household", "housing_use"): ("resident_tags", "housing_uses"),
    ("resident", "relation"): ("resident_tags", "relations"),
    ("resident", "residence_type"): ("resident_tags", "residence_types"),
    ("resident", "employment"): ("resident_tags", "employment_statuses"),
    ("resident", "insurance"): ("resident_tags", "insurance_kinds"),
    ("resident", "care_tags"): ("resident_tags", "tags"),
    ("resident", "restricted_tags"): ("resident_tags", "tags"),
    ("building", "use"): ("enums", "building_uses"),
    ("place", "kind"): ("enums", "place_kinds"),
}
# Fields a supervisor may type a value for; the others are settled by choosing a side.
TEXT_FIELDS = frozenset({
    "door_no", "address", "head_name", "phone", "landlord_name", "landlord_phone", "notes",
    "name", "id_number", "domicile", "code", "head_phone", "responsible_name",
    "responsible_phone", "duty"})
_OPS = {
    "insert": QT_TRANSLATE_NOOP("oversight", "Added"),
    "update": QT_TRANSLATE_NOOP("oversight", "Changed"),
    "delete": QT_TRANSLATE_NOOP("oversight", "Removed"),
}
_STATES = {
    "new": QT_TRANSLATE_NOOP("oversight", "To review"),
    "reviewed": QT_TRANSLATE_NOOP("oversight", "Reviewed"),
    "returned": QT_TRANSLATE_NOOP("oversight", "Sent back"),
}
_KINDS = {
    "id_number": QT_TRANSLATE_NOOP("oversight", "Same ID number"),
    "name_birth": QT_TRANSLATE_NOOP("oversight", "Same name and date of birth in two grids"),
    "name_phone": QT_TRANSLATE_NOOP("oversight", "Same name and phone in two grids"),
}
EMPTY = "—"


def tr(text: str, n: int = -1) -> str:
    """Translate in the "oversight" context; `n` picks the plural form of a `%n` text."""
    return QCoreApplication.translate("oversight", text, None, n)


def joined(items: Iterable[str]) -> str:
    """Items of a list in running text (、 in Chinese)."""
    return tr(", ").join(items)


def _named(table: dict[str, str], code: str) -> str:
    return tr(table[code]) if code in table else code


def field_label(field: str) -> str:
    return _named(_FIELDS, field)


def op_label(op: str) -> str:
    return _named(_OPS, op)


def state_label(state: str) -> str:
    return _named(_STATES, state)


def kind_label(kind: str) -> str:
    return _named(_KINDS, kind)


def _tag(entity: str, field: str, item: Any) -> str:
    code = item.get("code") if isinstance(item, dict) else item
    catalogue, entry = CHOICES.get((entity, field), ("", ""))
    return choice_label(catalogue, entry, str(code)) if catalogue else str(code)


def show_value(entity: str, field: str, value: Any, *, grids: dict[str, str] | None = None,
               whole: bool = False) -> str:
    """A stored value in words: catalogue names for codes, Yes/No, a grid's name; an ID
    number or a phone masked unless `whole`."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if field in MASKED_FIELDS and not whole:
        return str(mask(field, value))
    if field == "grid_id" and grids:
        return grids.get(str(value), str(value))
    if isinstance(value, bool):
        return tr("Yes") if value else tr("No")
    if isinstance(value, list):
        return joined(_tag(entity, field, item) for item in value)
    if isinstance(value, dict):
        return "；".join(f"{k}: {v}" for k, v in value.items())
    if (entity, field) in CHOICES:
        return _tag(entity, field, value)
    return str(value)


def record_title(entity: str, record: dict[str, Any] | None) -> str:
    """A person's or a place's name, or a household's address; '' for none."""
    if not record:
        return ""
    return str(record.get("name") or record.get("address") or "")
