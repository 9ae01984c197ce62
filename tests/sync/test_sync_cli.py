"""`grid-inspector sync` runs a whole cycle headless and says plainly what went wrong."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from synckit import PASSWORD, free_port, grid_id
from testkit import household_data

from inspector import vault
from inspector.models import Household, LocalProfile, OutboxEntry
from inspector.services import register
from inspector.services.recording import Actor
from ui.launcher import main


@pytest.fixture
def profile(tmp_path, server, monkeypatch):
    monkeypatch.setenv("GRID_INSPECTOR_PASSWORD", PASSWORD)
    path = tmp_path / "field" / "store.db"
    assert main(["sync", str(path), "--server", server.url, "--user", "wgy1"]) == 0
    return path


def test_first_sync_then_a_plain_sync_uploads_the_work(server, profile, capsys) -> None:
    assert vault.is_encrypted(profile.parent)  # the first sync made the profile encrypted
    store, _ = vault.unlock(profile.parent, PASSWORD)
    with store.read() as s:
        p = s.get(LocalProfile, 1)
        actor = Actor(p.username, p.role, p.device_id, tuple(p.grid_ids))
    register.add_household(store, actor, household_data(grid_id("G01")))
    store.close()
    assert main(["sync", str(profile)]) == 0
    assert "待上传 0 条" in capsys.readouterr().out
    store, _ = vault.unlock(profile.parent, PASSWORD)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    store.close()
    with server.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Household)) == 1


def test_offline_and_bad_password_have_their_own_exit_codes(profile, monkeypatch,
                                                              capsys) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    assert main(["sync", str(profile), "--server", dead]) == 3
    assert "连接不上服务器" in capsys.readouterr().err
    monkeypatch.setenv("GRID_INSPECTOR_PASSWORD", "wrong-password")
    assert main(["sync", str(profile)]) == 4  # the laptop refuses it, and so does the server
    assert "密码" in capsys.readouterr().err
    assert main(["info", str(profile)]) == 4
    monkeypatch.setenv("GRID_INSPECTOR_PASSWORD", PASSWORD)
    assert main(["info", str(profile)]) == 0 and "pending changes" in capsys.readouterr().out


def test_unknown_profile_is_a_usage_error(tmp_path, capsys) -> None:
    assert main(["sync", str(tmp_path / "none.db")]) == 2
