"""A field laptop's profile at rest, against a real server: what is on the disk after a
day's work, and getting back in when the laptop no longer takes the password."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select
from synckit import PASSWORD, Device, grid_id, issue_input, photos_on
from testkit import household_data, jpeg_bytes, make_id, resident_data

from inspector import vault
from inspector.errors import LockedOut, WrongPassword
from inspector.keyfile import LOCKOUT_AT, KeyFile
from inspector.logs import setup_logging
from inspector.models import Household, Resident
from inspector.photos import process_photo
from inspector.services import activities, register
from inspector.services.activities import VisitInput
from inspector.services.cases import report_issue
from inspector.services.privacy import reveal_id_number
from sync.client import SyncEngine, Transport, login
from sync.client.account import change_password, recover_key
from sync.client.keys import create_profile, open_profile
from sync.errors import SyncError

# The people of the test: names, ID numbers and phones that must never be on the disk
# in plain text. Some come from another laptop through the server, some are typed here.
PEOPLE = [("欧阳锦绣", make_id("110105", "19790321", "517"), "13912345678"),
          ("司马青云", make_id("110105", "19850607", "233"), "13687654321"),
          ("上官明月", make_id("110105", "19920114", "442"), "15011112222")]


def _secrets() -> list[bytes]:
    return [value.encode() for person in PEOPLE for value in person]


def _disk(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def _register(device_store, actor, people, grid: str) -> None:
    for name, id_number, phone in people:
        hid, _ = register.add_household(device_store, actor, household_data(
            grid, head_name=name, phone=phone, door_no=f"{id_number[-4:]}号"))
        register.add_resident(device_store, actor, hid, resident_data(
            id_number, name=name, phone=phone))


def _worker_engine(store, url: str) -> tuple[Transport, SyncEngine]:
    account = vault.account_of(store)
    transport = Transport(url, account["device_id"])
    login(transport, account["username"], PASSWORD)
    return transport, SyncEngine(store, transport)


@pytest.fixture
def logs(tmp_path):
    """The app's logging, at its most talkative, into a folder the test scans."""
    folder = tmp_path / "logs"
    setup_logging(folder, level="DEBUG")
    yield folder
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", "").startswith(str(folder)):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


def test_a_days_work_leaves_no_name_id_or_phone_in_plain_text(tmp_path, server, logs,
                                                             device_factory) -> None:
    staff: Device = device_factory("sqgz1")  # the register keeper's laptop, plain for contrast
    staff.sync()
    _register(staff.store, staff.actor, PEOPLE[:2], grid_id("G01"))
    staff.sync()

    folder = tmp_path / "laptop"
    store, _ = create_profile(folder, server.url, "wgy1", PASSWORD)
    me = Device("wgy1", store, *_worker_engine(store, server.url))
    me.sync()  # the register of the grid arrives
    _register(store, me.actor, PEOPLE[2:], grid_id("G01"))
    for hid in _ids(store, Household):
        activities.record_visit(store, me.actor, VisitInput(
            household_id=hid, kind="routine", notes="入户了解情况",
            photos=photos_on(me, "visit", (40, 90, 30))))
    report_issue(store, me.actor, issue_input(photos=photos_on(me, "report", (200, 30, 30))))
    for resident_id in _ids(store, Resident):
        reveal_id_number(store, me.actor, resident_id)
    me.sync()  # everything goes up, photos included
    me.close()

    scanned = _disk(folder) + _disk(logs)
    assert len(scanned) > 100_000  # the store, its photos and the log really are there
    assert [s for s in _secrets() if s in scanned] == []
    photo = process_photo(jpeg_bytes((40, 90, 30)))
    assert photo.data[200:264] not in scanned  # photo contents are sealed too
    # The same scan finds them on the plain laptop: the scan itself works.
    assert all(s in _disk(staff.store.path.parent) for s in _secrets()[:6])
    # And the profile still opens with its password, everything in it.
    store, _, _ = open_profile(folder, PASSWORD)
    assert len(_ids(store, Household)) == 3
    store.close()


def _ids(store, model) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(model.id)))


def test_a_password_changed_elsewhere_opens_the_laptop_through_the_server(tmp_path,
                                                                         server) -> None:
    folder = tmp_path / "laptop"
    store, _ = create_profile(folder, server.url, "wgy1", PASSWORD)
    store.close()
    other = Transport(server.url, "another-device")
    login(other, "wgy1", PASSWORD)
    change_password(other, PASSWORD, "changed-on-the-desktop")
    other.close()

    store, keyfile, account = open_profile(folder, "changed-on-the-desktop")
    assert account is not None and keyfile.failures == 0
    store.close()
    # From now on the laptop itself takes the new password and no longer the old one.
    server.stop()
    with pytest.raises(WrongPassword):
        open_profile(folder, PASSWORD)
    open_profile(folder, "changed-on-the-desktop")[0].close()


def test_a_locked_out_laptop_opens_only_when_the_server_vouches(tmp_path, server) -> None:
    folder = tmp_path / "laptop"
    store, _ = create_profile(folder, server.url, "wgy1", PASSWORD)
    store.close()
    keyfile = KeyFile.load(folder / "key.json")
    keyfile.data["failures"] = LOCKOUT_AT
    keyfile.save()
    with pytest.raises(LockedOut):  # a wrong password: the server refuses too
        open_profile(folder, "guessing-1")
    store, keyfile, _ = open_profile(folder, PASSWORD)
    assert keyfile.failures == 0
    store.close()

    keyfile.data["failures"] = LOCKOUT_AT
    keyfile.save()
    server.stop()
    with pytest.raises(LockedOut):  # no server, no vouching: the lockout stands
        open_profile(folder, PASSWORD)


def test_another_account_cannot_take_the_key_of_a_laptop(tmp_path, server) -> None:
    folder = tmp_path / "laptop"
    store, keyfile = create_profile(folder, server.url, "wgy1", PASSWORD)
    store.close()
    thief = Transport(server.url, keyfile.account["device_id"])  # even with the device id
    login(thief, "wgy2", PASSWORD)
    with pytest.raises(SyncError):
        recover_key(thief)
    thief.close()
