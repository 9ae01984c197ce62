"""The administrator's commands refuse bad input with exit code 2 and a message that names
the problem, never a traceback (`sync.server.cli.main`, in-process)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from synckit import PASSWORD, area_geojson

from inspector.models import Area
from sync.server import admin, cli
from sync.server.config import load_settings
from sync.server.database import Database
from sync.server.models import User


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No server setting from the environment leaks into these folders."""
    for name in ("DATABASE_URL", "TOKEN_HOURS", "DEMO", "MAX_REQUEST_BYTES", "SERVER_NAME",
                 "DATA_DIR", "PASSWORD"):
        monkeypatch.delenv(f"GRID_SERVER_{name}", raising=False)


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "server"
    assert cli.main(["init", str(data)]) == 0
    assert "数据目录已就绪" in capsys.readouterr().out
    return data


@pytest.fixture
def db(folder: Path) -> Iterator[Database]:
    database = Database(load_settings(folder).db_url)
    yield database
    database.dispose()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _geojson(tmp_path: Path, data: Any, name: str = "areas.geojson") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return str(path)


def _areas_without(index: int, key: str) -> dict[str, Any]:
    data = area_geojson()
    feature = data["features"][index]
    if key == "geometry":
        feature["geometry"] = None
    else:
        del feature["properties"][key]
    return data


def _user(db: Database, name: str) -> User | None:
    with db.session() as s:
        return s.get(User, name)


# ---------------------------------------------------------------------------------------------
# import-areas


def test_import_areas_reports_how_many_it_imported(tmp_path: Path, folder: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "import-areas", str(folder), _geojson(tmp_path, area_geojson()))
    assert (code, err) == (0, "")
    assert "已导入区域 6 个" in out


@pytest.mark.parametrize(("content", "expected"), [
    pytest.param("this is not json", "无法读取 GeoJSON 文件", id="not-json"),
    pytest.param({"type": "Feature", "properties": {}}, "不是 GeoJSON FeatureCollection",
                 id="not-a-collection"),
    pytest.param({"type": "FeatureCollection", "features": ["x"]},
                 "第 1 个要素不是 GeoJSON Feature", id="feature-not-an-object"),
    pytest.param(_areas_without(0, "code"), "第 1 个要素缺少 code、name 或有效的 level",
                 id="missing-code"),
    pytest.param(_areas_without(3, "geometry"), "第 4 个要素（网格 G01）缺少 Polygon 边界",
                 id="grid-without-polygon"),
    pytest.param({"type": "FeatureCollection", "features": area_geojson()["features"][1:]},
                 "区域 S1 的上级 D1 不在文件中", id="parent-not-in-file"),
])
def test_bad_geojson_is_refused_with_exit_code_2_naming_the_problem(
        tmp_path: Path, folder: Path, db: Database, capsys: pytest.CaptureFixture[str],
        content: Any, expected: str) -> None:
    code, out, err = _run(capsys, "import-areas", str(folder), _geojson(tmp_path, content))
    assert code == 2
    assert err.startswith("错误：") and expected in err, err
    assert "Traceback" not in err and "已导入" not in out
    # Nothing of a refused file is imported.
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Area)) == 0


def test_a_missing_geojson_file_is_named(tmp_path: Path, folder: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.geojson"
    code, _, err = _run(capsys, "import-areas", str(folder), str(missing))
    assert code == 2
    assert "无法读取 GeoJSON 文件" in err and "nowhere.geojson" in err


# ---------------------------------------------------------------------------------------------
# user and disable-user


def test_a_short_password_is_refused_and_no_account_is_made(
        folder: Path, db: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GRID_SERVER_PASSWORD", "short")
    code, out, err = _run(capsys, "user", str(folder), "wgy1", "--role", "worker",
                          "--grids", "G01")
    assert code == 2
    assert "密码至少 8 位" in err and "账号已保存" not in out
    assert _user(db, "wgy1") is None


def test_a_good_password_makes_the_account_with_its_grids(
        folder: Path, db: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    areas = _geojson(folder.parent, area_geojson())
    assert _run(capsys, "import-areas", str(folder), areas)[0] == 0
    monkeypatch.setenv("GRID_SERVER_PASSWORD", PASSWORD)
    code, out, _ = _run(capsys, "user", str(folder), "wgy1", "--role", "worker",
                        "--grids", "G01,G02", "--display-name", "王网格员")
    assert code == 0 and "账号已保存：wgy1（worker）" in out
    user = _user(db, "wgy1")
    assert user is not None and user.active and user.display_name == "王网格员"
    assert user.grid_ids == [admin.area_id("G01"), admin.area_id("G02")]


def test_prompted_passwords_that_differ_are_refused(
        folder: Path, db: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["first-password-1", "second-password-2"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(answers))
    code, _, err = _run(capsys, "user", str(folder), "wgy1", "--role", "worker")
    assert code == 2 and "两次输入的密码不一致" in err
    assert _user(db, "wgy1") is None


def test_an_unknown_role_is_refused_by_the_parser(folder: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["user", str(folder), "wgy1", "--role", "mayor"])
    assert exc.value.code == 2
    assert "mayor" in capsys.readouterr().err


def test_disable_user_names_an_unknown_account(folder: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "disable-user", str(folder), "ghost")
    assert code == 2
    assert "没有该账号：ghost" in err and "账号已停用" not in out


def test_disable_user_disables_and_counts_revoked_logins(
        folder: Path, db: Database, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("GRID_SERVER_PASSWORD", PASSWORD)
    assert _run(capsys, "user", str(folder), "wgy1", "--role", "worker")[0] == 0
    code, out, _ = _run(capsys, "disable-user", str(folder), "wgy1")
    assert code == 0 and "账号已停用：wgy1，撤销登录 0 个" in out
    user = _user(db, "wgy1")
    assert user is not None and not user.active


# ---------------------------------------------------------------------------------------------
# serve


def test_serve_refuses_a_certificate_without_its_key(folder: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "serve", str(folder), "--cert", str(folder / "cert.pem"))
    assert code == 2 and "--key" in err


def test_commands_on_a_folder_never_initialised_say_so(tmp_path, capsys) -> None:
    from sync.server.cli import main as server_main

    assert server_main(["load-catalogues", str(tmp_path / "nowhere")]) == 2
    assert "init" in capsys.readouterr().err


def test_an_account_for_grids_that_do_not_exist_is_refused(tmp_path, capsys,
                                                           monkeypatch) -> None:
    from sync.server.cli import main as server_main

    folder = tmp_path / "srv"
    assert server_main(["init", str(folder)]) == 0
    monkeypatch.setenv("GRID_SERVER_PASSWORD", "long-enough-1")
    assert server_main(["user", str(folder), "wgy9", "--role", "worker", "--grids", "G99"]) == 2
    assert "网格" in capsys.readouterr().err


def test_init_takes_the_database_from_the_environment_without_saving_it(tmp_path, monkeypatch,
                                                                         capsys) -> None:
    import json

    from sync.server.cli import main as server_main

    other = tmp_path / "elsewhere.db"
    monkeypatch.setenv("GRID_SERVER_DATABASE_URL", f"sqlite:///{other}")
    assert server_main(["init", str(tmp_path / "data")]) == 0
    assert other.is_file()  # the database was made where the environment said
    saved = json.loads((tmp_path / "data" / "server.json").read_text(encoding="utf-8"))
    assert saved["database_url"] == ""  # and the URL stays in the environment only
