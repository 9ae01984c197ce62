"""The server as an administrator runs it: `grid-inspector-server` commands in separate
processes, `serve` as a real process on a real port (plain and TLS), and real devices
syncing with it over HTTP."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from synckit import PASSWORD, area_geojson, free_port, grid_id, make_device
from testkit import household_data

from inspector.models import Household
from inspector.services import register
from sync import protocol as p
from sync.client import Transport, login
from sync.errors import AuthExpired, Incompatible, Offline

STARTUP = 60.0  # seconds the server process may take to answer /health
ACCOUNTS = [("wgy1", "worker", "G01"), ("jdy1", "supervisor", "G01,G02")]


def _command() -> list[str]:
    """The installed console script, else the module it runs."""
    script = Path(sys.executable).with_name("grid-inspector-server")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sync.server.cli"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRID_SERVER_")}
    return env | {"PYTHONIOENCODING": "utf-8"} | extra


def _cli(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    extra = {"GRID_SERVER_PASSWORD": password} if password else {}
    return subprocess.run([*_command(), *args], env=_env(**extra), capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def _ok(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout, result.stdout


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder set up with the real commands: init, import-areas, user."""
    root = tmp_path_factory.mktemp("prepared")
    folder = root / "server"
    _ok(_cli("init", str(folder)), "数据目录已就绪")
    areas = root / "areas.geojson"
    areas.write_text(json.dumps(area_geojson(), ensure_ascii=False), encoding="utf-8")
    _ok(_cli("import-areas", str(folder), str(areas)), "已导入区域 6 个")
    for name, role, grids in ACCOUNTS:
        _ok(_cli("user", str(folder), name, "--role", role, "--grids", grids, password=PASSWORD),
            f"账号已保存：{name}（{role}）")
    return folder


@pytest.fixture
def folder(prepared: Path, tmp_path: Path) -> Path:
    """A copy of the prepared folder for one test (no process has it open)."""
    return Path(shutil.copytree(prepared, tmp_path / "server"))


def _healthy(url: str, verify: bool | str) -> bool:
    """One /health probe. Its response and socket end with this call: a TLS connection left
    open by a probe would hold the server's graceful shutdown until its TLS timeout."""
    try:
        with requests.Session() as http, http.get(f"{url}/health", timeout=2,
                                                  verify=verify) as answer:
            return answer.status_code == 200 and answer.json()["status"] == "ok"
    except requests.RequestException:
        return False


@contextmanager
def serving(folder: Path, *extra: str, scheme: str = "http",
            verify: bool | str = True) -> Iterator[str]:
    """`grid-inspector-server serve` as a process; its URL once /health answers. The process
    is stopped on the way out, whatever happened."""
    port = free_port()
    log_path = folder.parent / f"serve-{port}.log"
    with log_path.open("w", encoding="utf-8") as log:
        proc = subprocess.Popen([*_command(), "serve", str(folder), "--port", str(port),
                                 "--log-level", "warning", *extra],
                                env=_env(), stdout=log, stderr=subprocess.STDOUT)
    url = f"{scheme}://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode}:\n{log_path.read_text()}")
            if _healthy(url, verify):
                break
            if time.monotonic() > deadline:
                pytest.fail(f"server did not answer /health in {STARTUP}s:\n"
                            f"{log_path.read_text()}")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)


@pytest.fixture
def server(folder: Path) -> Iterator[str]:
    with serving(folder) as url:
        yield url


def _households(device) -> set[str]:  # noqa: ANN001 - a synckit.Device
    with device.store.read() as s:
        return set(s.scalars(select(Household.id)))


def test_a_household_goes_through_the_server_process_to_a_supervisor(
        server: str, tmp_path: Path) -> None:
    worker = make_device(tmp_path / "devices", server, "wgy1")
    supervisor = make_device(tmp_path / "devices", server, "jdy1")
    try:
        worker.sync()  # the area tree first: the device needs its grid to register in
        hh, _ = register.add_household(worker.store, worker.actor,
                                       household_data(grid_id("G01")))
        report = worker.sync()
        assert report.pushed.applied == 1 and report.pending_after == 0

        supervisor.sync()
        assert _households(supervisor) == {hh}
        with supervisor.store.read() as s:
            assert s.get(Household, hh).address == household_data(grid_id("G01"))["address"]
    finally:
        worker.close()
        supervisor.close()


def test_disable_user_from_the_command_line_stops_a_logged_in_device(
        server: str, folder: Path, tmp_path: Path) -> None:
    device = make_device(tmp_path / "devices", server, "wgy1")
    try:
        device.sync()
        result = _cli("disable-user", str(folder), "wgy1")
        _ok(result, "账号已停用：wgy1，撤销登录 1 个")  # the device's login
        with pytest.raises(AuthExpired) as exc:
            device.sync()
        assert exc.value.status == 401
        again = Transport(server, "another-device")
        with pytest.raises(AuthExpired):
            login(again, "wgy1", PASSWORD)
        again.close()
    finally:
        device.close()


def test_a_client_of_another_protocol_version_is_told_clearly(server: str) -> None:
    t = Transport(server, "old-client", retries=0)
    try:
        with pytest.raises(Incompatible) as exc:
            t.json("POST", "/auth/login", headers={p.VERSION_HEADER: "99"},
                   json={"username": "wgy1", "password": PASSWORD, "device_id": "old-client"})
        assert exc.value.status == 426
        assert "99" in exc.value.message and "升级" in exc.value.message
        # Without the header at all: the same clear answer, not a crash.
        raw = requests.get(f"{server}{p.API}/me", timeout=10)
        assert raw.status_code == 426
        assert raw.json()["detail"]["code"] == "incompatible"
        # The right version still works on the same server.
        assert login(t, "wgy1", PASSWORD).username == "wgy1"
    finally:
        t.close()


# ---------------------------------------------------------------------------------------------
# TLS


def _have_openssl_cli() -> bool:
    return shutil.which("openssl") is not None


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (subjectAltName IP), made with `cryptography` if it is
    installed, else with the openssl command."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        import cryptography  # noqa: F401
    except ImportError:
        if not _have_openssl_cli():
            pytest.skip("neither the cryptography package nor the openssl command is available")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                        "-keyout", str(key), "-out", str(cert), "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=60)
        return cert, key
    return _self_signed_with_cryptography(cert, key)


def _self_signed_with_cryptography(cert: Path, key: Path) -> tuple[Path, Path]:
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(private.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(private, hashes.SHA256()))
    key.write_bytes(private.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.TraditionalOpenSSL,
                                          serialization.NoEncryption()))
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return cert, key


def test_tls_server_is_trusted_only_with_its_certificate(folder: Path, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    with serving(folder, "--cert", str(cert), "--key", str(key), scheme="https",
                 verify=str(cert)) as url:
        # A client trusting only the public CAs refuses the server, as a network failure
        # with a message about the certificate (not a crash, not a silent downgrade).
        untrusting = Transport(url, "untrusting", verify=True, retries=0)
        with pytest.raises(Offline) as exc:
            login(untrusting, "wgy1", PASSWORD)
        assert "证书" in exc.value.message
        assert untrusting.token is None
        untrusting.close()
        # Plain HTTP to the TLS port gets no answer a client could take for the server's.
        plain = Transport(url.replace("https:", "http:"), "plain", retries=0)
        with pytest.raises(Offline):
            plain.json("POST", "/handshake", json={"protocol": p.PROTOCOL_VERSION})
        plain.close()

        # With the certificate as its CA bundle, a real device logs in and syncs.
        device = make_device(tmp_path / "devices", url, "wgy1", verify=str(cert))
        try:
            device.sync()
            hh, _ = register.add_household(device.store, device.actor,
                                           household_data(grid_id("G01")))
            assert device.sync().pushed.applied == 1
        finally:
            device.close()
        check = Transport(url, "checker", verify=str(cert))
        login(check, "jdy1", PASSWORD)
        pulled = check.json("GET", "/sync/pull", params={"cursor": 0, "limit": 2000})
        assert hh in {c["id"] for c in pulled["changes"] if c["entity"] == "household"}
        check.close()
