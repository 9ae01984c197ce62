"""Who sees residents' ID numbers and phones whole, and how everyone else sees them.

The one place for it (DESIGN §6):

- Lists, search results, detail forms and the supervisors' pages show ID numbers and
  phones masked to every role. Anyone may reveal one record's value for a record in
  their grids; `inspector.services.privacy` writes that look to the audit trail.
- Register exports carry whole values for the roles that keep the register (community
  staff and supervisors), who export it to work on it and import it again; for
  everyone else they are masked as the lists show them, and such a file cannot be
  imported. Every export is audited with the columns it carried.
- Restricted tags follow `inspector.roles.sees_restricted`, on the device and on the
  server alike.
"""

from __future__ import annotations

from typing import Any

from .roles import STAFF, SUPERVISOR

ID_NUMBER = "id_number"
# Phone fields of the register and of the places a worker looks after: personal data too.
PHONE_FIELDS = frozenset({"phone", "landlord_phone", "head_phone", "responsible_phone"})
MASKED_FIELDS = PHONE_FIELDS | {ID_NUMBER}

KEEPS_REGISTER = frozenset({STAFF, SUPERVISOR})


def whole_in_exports(role: str) -> bool:
    """Register exports for this role carry whole ID numbers and phones."""
    return role in KEEPS_REGISTER


def _masked(text: str, head: int, tail: int) -> str:
    if len(text) <= head + tail:
        return "*" * len(text)
    return text[:head] + "*" * (len(text) - head - tail) + text[-tail:]


def mask_id_number(number: str | None) -> str:
    """Show the first and last 4 characters only: 1101**********1234."""
    return _masked(number or "", 4, 4)


def mask_phone(phone: str | None) -> str:
    """Show the first 3 and the last 4 characters only: 138****1234, 010*****5678."""
    return _masked(phone or "", 3, 4)


def mask(field: str, value: Any) -> Any:
    """A value as lists show it: masked if `field` is an ID number or a phone."""
    if value is None or value == "" or field not in MASKED_FIELDS:
        return value
    return mask_id_number(str(value)) if field == ID_NUMBER else mask_phone(str(value))


def is_masked(text: Any) -> bool:
    """Whether a value is a masked one (never to be saved or imported as it is)."""
    return isinstance(text, str) and "*" in text
