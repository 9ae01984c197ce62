"""Which role may take what out of the register and bring it back in.

Community staff and supervisors keep the register (台账): they export it to work on it
and import it again, so their files carry whole ID numbers and phones
(`inspector.disclosure`, which says who sees what). Anyone else gets them masked, as
every list shows them, and cannot import. Restricted tags follow
`inspector.roles.sees_restricted` in both directions.
"""

from __future__ import annotations

from ..disclosure import KEEPS_REGISTER, whole_in_exports
from ..roles import sees_restricted

__all__ = ["may_import", "restricted_column", "whole_in_exports"]


def may_import(role: str) -> bool:
    return role in KEEPS_REGISTER


def restricted_column(role: str) -> bool:
    """Files for this role have a restricted-tags column, and imports read it."""
    return sees_restricted(role)
