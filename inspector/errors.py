"""Typed errors of the core.

Each failure carries a kind so callers (CLI, GUI, server) can map it to a
message and an action without parsing text. Messages name the field and the
reason; they never contain a resident's personal data.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field: which field and why."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class InspectorError(Exception):
    """Base of every error the core raises on purpose."""

    kind = "error"


class ValidationError(InspectorError):
    """Input was refused; nothing was written."""

    kind = "validation"

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def reasons(self) -> dict[str, str]:
        """Field → first reason, handy for forms that show one message per field."""
        out: dict[str, str] = {}
        for e in self.errors:
            out.setdefault(e.field, e.reason)
        return out


class NotFoundError(InspectorError):
    """A record the caller named does not exist (or was removed)."""

    kind = "not_found"


class TransitionError(InspectorError):
    """A case action is not allowed from the case's state or for the actor's role."""

    kind = "transition"


class PhotoError(InspectorError):
    """A file could not be imported as a photo; the reason says why."""

    kind = "photo"


class StoreError(InspectorError):
    """The local store could not be opened or migrated."""

    kind = "store"


class StoreLocked(InspectorError):
    """The profile is locked: its data key has been dropped until the password is given again."""

    kind = "locked"


class WrongPassword(InspectorError):
    """The password did not unwrap the profile's key; `wait` seconds must pass before the next try."""

    kind = "wrong_password"

    def __init__(self, message: str, wait: int = 0, checked: bool = True):
        super().__init__(message)
        self.wait = wait
        self.checked = checked  # False: refused for the wait alone, the password was not tried


class LockedOut(InspectorError):
    """Too many wrong passwords on this laptop: only the server can vouch for the next one."""

    kind = "locked_out"
