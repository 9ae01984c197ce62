"""A device's data key in escrow (escrow.py): deposited by the device, given back only to
a live login of the same account on the same device."""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Request

from inspector.models import utcnow

from .. import seclog
from ..deps import DbDep, EscrowDep, LoginDep, client_address, fail
from ..escrow import KEY_BYTES, EscrowError
from ..models import DeviceKey
from ..schemas import DeviceKeyIn, DeviceKeyOut, Problem
from ..security import Login

router = APIRouter(prefix="/device", tags=["device"])
REFUSALS = {401: {"model": Problem}, 403: {"model": Problem}}


def _device(login: Login) -> str:
    if not login.device_id:
        fail(403, "no_device", "此登录没有设备编号（device_id），请在设备上重新登录")
    return login.device_id


def _mine(row: DeviceKey, login: Login) -> None:
    if row.username != login.user.username:
        fail(403, "forbidden", "该设备的托管密钥属于另一个账号（device_id）")


@router.put("/key", status_code=204, responses={422: {"model": Problem}, **REFUSALS})
def deposit_key(body: DeviceKeyIn, request: Request, login: LoginDep, db: DbDep,
                escrow: EscrowDep) -> None:
    """Keep (or replace) this device's data key, sealed."""
    device_id = _device(login)
    try:
        key = base64.b64decode(body.key, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        fail(422, "invalid", f"密钥（key）须为 {KEY_BYTES} 字节，以 base64 表示")
    username = login.user.username
    with db.transaction() as session:
        row = session.get(DeviceKey, device_id, with_for_update=True)
        if row is not None:
            _mine(row, login)
        else:
            row = DeviceKey(device_id=device_id, username=username)
            session.add(row)
        row.sealed_key = escrow.seal(key, device_id, username)
        row.created_at, row.recovered_at = utcnow(), None
        seclog.record(session, "key_deposited", username=username, device_id=device_id,
                      ip=client_address(request))


@router.get("/key", response_model=DeviceKeyOut, responses={404: {"model": Problem},
                                                              **REFUSALS})
def recover_key(request: Request, login: LoginDep, db: DbDep,
                escrow: EscrowDep) -> DeviceKeyOut:
    """This device's data key, to the account that deposited it, logged in on this device."""
    device_id = _device(login)
    with db.transaction() as session:
        row = session.get(DeviceKey, device_id, with_for_update=True)
        if row is None:
            fail(404, "not_found", "服务器上没有此设备托管的密钥")
        _mine(row, login)
        try:
            key = escrow.open(row.sealed_key, device_id, row.username)
        except EscrowError as exc:
            fail(500, "escrow_mismatch", str(exc))
        row.recovered_at = utcnow()
        seclog.record(session, "key_recovered", username=row.username, device_id=device_id,
                      ip=client_address(request))
        return DeviceKeyOut(key=base64.b64encode(key).decode(), deposited_at=row.created_at)
