"""The security log: one row per security-relevant outcome (logins, locks, revocations,
key escrow, a broken device audit chain), for administrators (`security-log` command).

Rows name accounts, devices and addresses only: never a password, never a resident.
Written in the caller's transaction, so an outcome and its record commit together.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import SecurityEvent

# The actions written so far; `detail` says more in a few words.
ACTIONS = frozenset({
    "login_ok", "login_failed", "account_locked", "rate_limited", "token_revoked", "logout",
    "password_changed", "password_change_failed", "user_disabled", "user_unlocked",
    "key_deposited", "key_recovered", "audit_chain_broken",
})


def record(session: Session, action: str, *, username: str | None = None,
           device_id: str | None = None, ip: str | None = None,
           detail: str | None = None) -> None:
    """Add one event to the session (the caller commits)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown security action: {action}")
    session.add(SecurityEvent(action=action, username=username, device_id=device_id,
                              ip=ip[:64] if ip else None,
                              detail=detail[:200] if detail else None))


def recent(session: Session, limit: int = 50, username: str | None = None,
           action: str | None = None) -> list[SecurityEvent]:
    """The newest events first, optionally of one account or one action."""
    query = select(SecurityEvent).order_by(SecurityEvent.at.desc(), SecurityEvent.id.desc())
    if username is not None:
        query = query.where(SecurityEvent.username == username)
    if action is not None:
        query = query.where(SecurityEvent.action == action)
    return list(session.scalars(query.limit(limit)))
