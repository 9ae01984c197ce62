"""The profile's data key, the key derived from a password, and sealing bytes with a key.

A profile has one random 256-bit data key. SQLCipher encrypts the database with it
(given as a raw key, so opening a connection costs no second key derivation) and
every photo file is sealed with it (AES-GCM). On disk the data key exists only
wrapped: sealed under a key derived from the user's password with Argon2id
(`keyfile.py`), and, for recovery, escrowed on the server.
"""

from __future__ import annotations

import os

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .errors import StoreLocked

KEY_BYTES = 32
_MAGIC = b"GIS1"  # marks a sealed blob (format 1: nonce, then ciphertext with its tag)
_NONCE = 12

# Argon2id cost: about 0.1 s and 64 MiB on a laptop; a guess costs an attacker the same.
KDF_DEFAULTS = {"time_cost": 3, "memory_kib": 64 * 1024, "parallelism": 2}


class SealBroken(ValueError):
    """A sealed blob did not open: wrong key, or the bytes were changed or cut short."""


class DataKey:
    """Secret key bytes held in a mutable buffer, so locking the profile can overwrite them.

    Python may still have copied the bytes (into a `bytes` for OpenSSL, a hex string for
    SQLCipher); those copies are short-lived and unreferenced, which is the most a
    garbage-collected runtime allows.
    """

    def __init__(self, raw: bytes | bytearray):
        if len(raw) != KEY_BYTES:
            raise ValueError("a data key is 32 bytes")
        self._buf = bytearray(raw)
        self._live = True

    @classmethod
    def new(cls) -> DataKey:
        return cls(os.urandom(KEY_BYTES))

    @property
    def live(self) -> bool:
        return self._live

    def raw(self) -> bytes:
        if not self._live:
            raise StoreLocked("档案已锁定，请重新输入密码")
        return bytes(self._buf)

    def wipe(self) -> None:
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._live = False

    def __repr__(self) -> str:  # never print the key, even in a debugger or a traceback
        return f"DataKey(live={self._live})"


def derive(password: str, salt: bytes, time_cost: int, memory_kib: int, parallelism: int) -> bytes:
    """The key-encryption key for `password` (Argon2id)."""
    return hash_secret_raw(password.encode("utf-8"), salt, time_cost=time_cost,
                           memory_cost=memory_kib, parallelism=parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def seal(key: bytes, data: bytes, aad: bytes) -> bytes:
    """`data` encrypted and authenticated under `key`; `aad` binds it to its purpose."""
    nonce = os.urandom(_NONCE)
    return _MAGIC + nonce + AESGCM(key).encrypt(nonce, data, aad)


def is_sealed(blob: bytes) -> bool:
    return blob[:len(_MAGIC)] == _MAGIC


def unseal(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if not is_sealed(blob) or len(blob) < len(_MAGIC) + _NONCE + 16:
        raise SealBroken("not a sealed blob")
    nonce = blob[len(_MAGIC):len(_MAGIC) + _NONCE]
    try:
        return AESGCM(key).decrypt(nonce, blob[len(_MAGIC) + _NONCE:], aad)
    except InvalidTag as exc:
        raise SealBroken("wrong key or damaged data") from exc


class KeySlot:
    """Where an open profile keeps its data key (None for a plain, unencrypted store).

    The database engine and the photo store read the key from here each time they
    need it, so locking the profile wipes it in one place and nothing can open a
    new connection or a photo until unlocking puts a key back.
    """

    def __init__(self, key: DataKey | None = None):
        self.key = key

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def raw(self) -> bytes | None:
        """The key bytes, None for a plain store; raises StoreLocked while locked."""
        return None if self.key is None else self.key.raw()

    def wipe(self) -> None:
        if self.key is not None:
            self.key.wipe()

    def put(self, key: DataKey) -> None:
        self.key = key
