"""Checking a password on the laptop, so a worker can log in and unlock with no network.

The server is the authority on passwords. When it accepts one, the profile keeps
a salted scrypt verifier of it (hashlib, no extra dependency); later logins and
unlocks compare against that. The password itself is never stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from .db import Store
from .errors import FieldError, ValidationError
from .models import LocalProfile

# scrypt cost: about 50 ms on an old laptop; slow enough to make guessing expensive.
_N, _R, _P = 2**14, 8, 1


def _derive(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def make_verifier(password: str) -> str:
    salt = os.urandom(16)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + \
        base64.b64encode(_derive(password, salt)).decode()


def matches(verifier: str | None, password: str) -> bool:
    if not verifier or not verifier.startswith("scrypt$"):
        return False
    _, salt, digest = verifier.split("$")
    return hmac.compare_digest(_derive(password, base64.b64decode(salt)), base64.b64decode(digest))


def remember_password(store: Store, password: str) -> None:
    """Keep a verifier of a password the server (or the demo) has just accepted."""
    verifier = make_verifier(password)
    with store.write() as session:
        profile = session.get(LocalProfile, 1)
        if profile is None:
            raise LookupError("the profile has no account yet")
        profile.password_hash = verifier


def check_password(store: Store, password: str) -> bool:
    """True when `password` is the one this profile last logged in with."""
    with store.read() as session:
        profile = session.get(LocalProfile, 1)
        verifier = profile.password_hash if profile else None
    return matches(verifier, password)


MIN_PASSWORD = 8  # the server refuses shorter ones too


def check_new_password(current: str, new: str, repeat: str) -> None:
    """Refuse a new password before it goes to the server, naming the field and why."""
    errors = []
    if not current:
        errors.append(FieldError("current", "请输入当前密码"))
    if len(new) < MIN_PASSWORD:
        errors.append(FieldError("new", f"新密码至少 {MIN_PASSWORD} 个字符"))
    elif new == current:
        errors.append(FieldError("new", "新密码不能与当前密码相同"))
    if repeat != new:
        errors.append(FieldError("repeat", "两次输入的新密码不一致"))
    if errors:
        raise ValidationError(errors)
