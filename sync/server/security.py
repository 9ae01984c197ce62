"""Passwords and login tokens.

Passwords are hashed with Argon2 (argon2-cffi). Tokens are random, opaque and
stored only as their SHA-256, with an expiry and a revocation time, so an
account disabled or a token revoked is refused at its very next request.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import utcnow

from .models import Token, User

_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not reveal who does.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password) and (
            user is not None)
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user: User, device_id: str | None,
                hours: float) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    expires = utcnow() + timedelta(hours=hours)
    session.add(Token(token_hash=_digest(token), username=user.username, device_id=device_id,
                      expires_at=expires))
    return token, expires


def user_for_token(session: Session, token: str) -> User | None:
    """The active user a live token belongs to, or None (expired, revoked, disabled, unknown)."""
    row = session.get(Token, _digest(token))
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    user = session.get(User, row.username)
    return user if user is not None and user.active else None


def revoke_token(session: Session, token: str) -> None:
    row = session.get(Token, _digest(token))
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


def revoke_user_tokens(session: Session, username: str) -> int:
    rows = session.scalars(select(Token).where(Token.username == username,
                                               Token.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = utcnow()
    return len(rows)
