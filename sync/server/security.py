"""Passwords and login tokens.

Passwords are hashed with Argon2 (argon2-cffi). Tokens are random, opaque and
stored only as their SHA-256, with an expiry and a revocation time, so an
account disabled or a token revoked is refused at its very next request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector.models import utcnow

from .models import Token, User

MIN_PASSWORD = 8
MAX_PASSWORD = 200  # LoginIn's bound: a longer one could never log in

_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not reveal who does.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_PASSWORD:
        return f"密码至少 {MIN_PASSWORD} 位"
    if len(password) > MAX_PASSWORD:
        return f"密码最多 {MAX_PASSWORD} 位"
    return None


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


@dataclass(frozen=True)
class Login:
    """Who a live token speaks for, and from which device (None: a token issued without one)."""

    user: User
    token_hash: str
    device_id: str | None


def login_for_token(session: Session, token: str) -> Login | None:
    """The login a live token is, or None (expired, revoked, account disabled, unknown)."""
    row = session.get(Token, _digest(token))
    if row is None or row.revoked_at is not None or row.expires_at <= utcnow():
        return None
    user = session.get(User, row.username)
    if user is None or not user.active:
        return None
    return Login(user, row.token_hash, row.device_id)


def revoke_token(session: Session, token: str) -> None:
    revoke_hash(session, _digest(token))


def revoke_hash(session: Session, token_hash: str) -> None:
    row = session.get(Token, token_hash)
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()


def revoke_user_tokens(session: Session, username: str, keep: str | None = None) -> int:
    """Revoke every live token of an account (but the one whose hash is `keep`)."""
    query = select(Token).where(Token.username == username, Token.revoked_at.is_(None),
                                Token.expires_at > utcnow())
    if keep is not None:
        query = query.where(Token.token_hash != keep)
    rows = session.scalars(query).all()
    for row in rows:
        row.revoked_at = utcnow()
    return len(rows)
