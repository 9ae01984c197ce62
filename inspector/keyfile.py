"""The profile's key file: its data key wrapped by the password, and the wrong-password count.

It lies beside the encrypted database (`key.json`) because it must be read before the
database can be opened. Nothing in it is secret in the clear: the wrapped key is of no
use without the password, and the account part (the worker's own user name, display
name, server and device id) is what the login dialog shows before anything is unlocked.

Wrong passwords are counted here. From the FREE_TRIES-th on, each one imposes a
growing wait before the next try; at LOCKOUT_AT the laptop stops accepting the
password at all, and only a login the server accepts (which hands back the escrowed
key) opens the profile. Whoever can edit this file can reset the count, so the count
brakes guessing at the keyboard; against a stolen disk the defence is Argon2id's cost.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, NoReturn

from .crypto import KDF_DEFAULTS, DataKey, SealBroken, derive, seal, unseal
from .errors import LockedOut, StoreError, WrongPassword

KEY_FILE = "key.json"
FORMAT = 1
FREE_TRIES = 3
LOCKOUT_AT = 10
FIRST_WAIT, LONGEST_WAIT = 30, 15 * 60  # seconds
_WRAP_AAD = b"grid-inspector/data-key/1"
_CHECK_LABEL = b"grid-inspector/key-check/1"


def wait_after(failures: int) -> int:
    """Seconds to wait after `failures` wrong passwords in a row (0 for the first few)."""
    if failures < FREE_TRIES:
        return 0
    return min(FIRST_WAIT * 2 ** (failures - FREE_TRIES), LONGEST_WAIT)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _check_value(raw: bytes) -> str:
    """Tells a key from the server is this profile's key, without revealing the key."""
    return hmac.new(raw, _CHECK_LABEL, hashlib.sha256).hexdigest()


class KeyFile:
    """One profile's key file; every change is saved at once, atomically."""

    def __init__(self, path: Path, data: dict[str, Any]):
        self.path, self.data = Path(path), data

    @classmethod
    def create(cls, path: Path, password: str, account: dict[str, Any],
               key: DataKey | None = None) -> tuple[KeyFile, DataKey]:
        """A key file for a new (or newly encrypted) profile, with a fresh key unless given."""
        key = key or DataKey.new()
        keyfile = cls(Path(path), {"format": FORMAT, "account": dict(account),
                                   "escrowed": False, "failures": 0, "retry_after": 0})
        keyfile._wrap(key, password)
        return keyfile, key

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"无法读取档案的密钥文件 {Path(path).name}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError("档案的密钥文件由更新版本的程序写入或已损坏，请先升级本程序")
        return cls(Path(path), data)

    @property
    def account(self) -> dict[str, Any]:
        return dict(self.data["account"])

    def set_account(self, **fields: Any) -> None:
        self.data["account"].update(fields)
        self.save()

    @property
    def failures(self) -> int:
        return int(self.data.get("failures", 0))

    @property
    def locked_out(self) -> bool:
        return self.failures >= LOCKOUT_AT

    def wait_seconds(self, now: float | None = None) -> int:
        now = time.time() if now is None else now
        return max(0, int(float(self.data.get("retry_after", 0)) - now + 0.999))

    @property
    def escrowed(self) -> bool:
        return bool(self.data.get("escrowed"))

    def mark_escrowed(self) -> None:
        self.data["escrowed"] = True
        self.save()

    def unlock(self, password: str, now: float | None = None) -> DataKey:
        """The data key, if `password` is right and the laptop still takes passwords."""
        if self.locked_out:
            raise LockedOut("密码错误次数过多，本机已停止验证密码；请连接网络，由服务器验证后登录")
        wait = self.wait_seconds(now)
        if wait:
            raise WrongPassword(f"请等待 {wait} 秒后再试", wait, checked=False)
        kdf = self.data["kdf"]
        kek = derive(password, base64.b64decode(kdf["salt"]), kdf["time_cost"],
                     kdf["memory_kib"], kdf["parallelism"])
        try:
            raw = unseal(kek, base64.b64decode(self.data["wrapped_key"]), _WRAP_AAD)
        except SealBroken:
            self._failed(now)
        self._reset_failures()
        return DataKey(raw)

    def matches(self, raw: bytes) -> bool:
        return hmac.compare_digest(_check_value(raw), self.data["key_check"])

    def adopt(self, raw: bytes, password: str) -> DataKey:
        """Take this profile's key back from the server and wrap it with the password the
        server has just accepted (a forgotten or changed password, or a lockout)."""
        if not self.matches(raw):
            raise StoreError("服务器返回的密钥与本档案不符，未作更改")
        key = DataKey(raw)
        self.data["failures"], self.data["retry_after"] = 0, 0
        self._wrap(key, password)
        return key

    def rewrap(self, key: DataKey, new_password: str) -> None:
        """Wrap the same data key with a new password (nothing else is re-encrypted)."""
        if not self.matches(key.raw()):
            raise StoreError("密钥与本档案不符，未作更改")
        self._wrap(key, new_password)

    def _wrap(self, key: DataKey, password: str) -> None:
        salt = os.urandom(16)
        kdf = {"name": "argon2id", "salt": _b64(salt), **KDF_DEFAULTS}
        kek = derive(password, salt, kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
        raw = key.raw()
        self.data.update(kdf=kdf, wrapped_key=_b64(seal(kek, raw, _WRAP_AAD)),
                         key_check=_check_value(raw))
        self.save()

    def _failed(self, now: float | None) -> NoReturn:
        failures = self.failures + 1
        wait = wait_after(failures)
        self.data["failures"] = failures
        self.data["retry_after"] = (time.time() if now is None else now) + wait
        self.save()
        if failures >= LOCKOUT_AT:
            raise LockedOut("密码错误次数过多，本机已停止验证密码；请连接网络，由服务器验证后登录")
        left = LOCKOUT_AT - failures
        message = f"密码不正确（再错 {left} 次本机将停止验证密码）"
        raise WrongPassword(message + (f"，请等待 {wait} 秒后再试" if wait else ""), wait)

    def _reset_failures(self) -> None:
        if self.failures or self.data.get("retry_after"):
            self.data["failures"], self.data["retry_after"] = 0, 0
            self.save()

    def save(self) -> None:
        """Write aside, then rename over the old file: a crash leaves one or the other."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".key-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.data, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
