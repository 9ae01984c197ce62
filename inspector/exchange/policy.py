"""Which role may take what out of the register and bring it back in: the one place for it.

Community staff and supervisors keep the register (台账): they export it to work on it
and import it again, so their files carry full ID numbers. Anyone else gets the numbers
masked, as every list shows them, and cannot import. Restricted tags follow
`inspector.roles.sees_restricted` in both directions.
"""

from __future__ import annotations

from ..roles import STAFF, SUPERVISOR, sees_restricted

KEEPS_REGISTER = frozenset({STAFF, SUPERVISOR})


def full_id_numbers(role: str) -> bool:
    """Exports for this role carry whole ID numbers (otherwise masked like the lists)."""
    return role in KEEPS_REGISTER


def may_import(role: str) -> bool:
    return role in KEEPS_REGISTER


def restricted_column(role: str) -> bool:
    """Files for this role have a restricted-tags column, and imports read it."""
    return sees_restricted(role)
