"""Key escrow: devices' data keys kept sealed on the server, so a forgotten password never
loses a laptop's unsynced work (an administrator resets the password, the device logs
in again and takes its key back).

Keys are sealed with AES-GCM under the escrow secret, which is never in the database: a
dump of the database alone opens no laptop. The secret, one rule:
GRID_SERVER_ESCROW_SECRET (base64 of 32 bytes) when set, else the file `escrow.key` in
the data folder, made with mode 0600 by `init` or at the first start that finds none.
Lose the secret and escrowed keys are lost with it: back the file up apart from the
database.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .config import Settings

log = logging.getLogger(__name__)
ESCROW_FILE = "escrow.key"
KEY_BYTES = 32
NONCE_BYTES = 12


class EscrowError(Exception):
    """The escrow secret is unusable, or a sealed key does not open with it."""


def _decode(text: str, where: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise EscrowError(f"托管密钥（{where}）须为 {KEY_BYTES} 字节的 base64")
    return raw


def _create(path: Path) -> None:
    """Write a new secret readable by its owner only. Made under another name and linked
    into place, so two server processes starting at once agree on one secret."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode() + "\n")
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process made it first: theirs is the secret
    finally:
        temp.unlink(missing_ok=True)


def load_secret(settings: Settings) -> bytes:
    """The escrow secret by the rule above, making the file if there is none."""
    if settings.escrow_secret:
        return _decode(settings.escrow_secret, "GRID_SERVER_ESCROW_SECRET")
    path = settings.data_dir / ESCROW_FILE
    if not path.exists():
        _create(path)
        log.info("new escrow secret written to %s", path)
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s can be read by other users: chmod 600 it", path)
    return _decode(path.read_text(encoding="ascii"), str(path))


class Escrow:
    """Seals and opens device keys. The device and account are bound in as associated
    data, so a sealed key copied to another row of the table does not open."""

    def __init__(self, secret: bytes) -> None:
        self._aead = AESGCM(secret)

    @staticmethod
    def _bound(device_id: str, username: str) -> bytes:
        return f"grid-inspector/device-key/{device_id}/{username}".encode()

    def seal(self, key: bytes, device_id: str, username: str) -> str:
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, key, self._bound(device_id, username))
        return base64.b64encode(nonce + sealed).decode()

    def open(self, sealed: str, device_id: str, username: str) -> bytes:
        raw = base64.b64decode(sealed)
        try:
            return self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                      self._bound(device_id, username))
        except InvalidTag as exc:
            raise EscrowError("托管的密钥无法用服务器当前的托管密钥打开"
                              "（escrow.key 或 GRID_SERVER_ESCROW_SECRET 已更换）") from exc
