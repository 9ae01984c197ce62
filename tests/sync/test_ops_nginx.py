"""docs/deploy/nginx-grid-inspector.conf in front of a real `serve` process: nginx accepts
the file, and devices sync through it over TLS, photos included. Skipped where nginx is not
installed (CI does not need it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select
from synckit import PASSWORD, free_port, issue_input, make_device, photos_on
from test_server_process import _cli, _self_signed, folder, prepared, serving  # noqa: F401

from inspector.models import PhotoLink
from inspector.services import cases
from sync import protocol as p

SITE = Path(__file__).parents[2] / "docs" / "deploy" / "nginx-grid-inspector.conf"
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).is_file()), None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")
STARTUP = 30.0


def _site(root: Path, upstream: int, http: int, https: int, cert: Path, key: Path) -> str:
    """The documented site with this test's ports, certificate and log folder, and nothing
    else changed."""
    text = SITE.read_text(encoding="utf-8")
    for old, new in (("/var/log/nginx/", f"{root}/"),
                     ("server 127.0.0.1:8470;", f"server 127.0.0.1:{upstream};"),
                     ("listen 80;", f"listen 127.0.0.1:{http};"),
                     ("listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;"),
                     ("/etc/ssl/grid-inspector/fullchain.pem", str(cert)),
                     ("/etc/ssl/grid-inspector/privkey.pem", str(key))):
        assert old in text, f"the documented site no longer has {old!r}"
        text = text.replace(old, new)
    return text


def _config(root: Path, site: str) -> Path:
    (root / "site.conf").write_text(site, encoding="utf-8")
    temp = "\n".join(f"  {kind}_temp_path {root / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = root / "nginx.conf"
    conf.write_text(f"""{'user root;' if os.geteuid() == 0 else ''}
pid {root / 'nginx.pid'};
error_log {root / 'error.log'} warn;
worker_processes 1;
events {{ worker_connections 64; }}
http {{
  access_log {root / 'access.log'};
{temp}
  include {root / 'site.conf'};
}}
""", encoding="utf-8")
    return conf


@pytest.fixture
def proxied(folder: Path, tmp_path: Path) -> Iterator[tuple[str, str, Path]]:  # noqa: F811
    """(nginx's https URL, the server's own URL, the certificate) for one test."""
    root = tmp_path / "nginx"
    root.mkdir()
    cert, key = _self_signed(root)
    with serving(folder) as direct:
        http, https = free_port(), free_port()
        conf = _config(root, _site(root, int(direct.rsplit(":", 1)[1]), http, https, cert, key))
        base = [NGINX, "-p", str(root), "-c", str(conf), "-e", str(root / "error.log")]
        checked = subprocess.run([*base, "-t"], capture_output=True, text=True, timeout=60)
        assert checked.returncode == 0, checked.stderr
        nginx = subprocess.Popen([*base, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
        url = f"https://127.0.0.1:{https}"
        try:
            deadline = time.monotonic() + STARTUP
            while True:
                try:
                    if requests.get(f"{url}/health", verify=str(cert), timeout=2).ok:
                        break
                except requests.RequestException:
                    pass
                assert nginx.poll() is None, (root / "error.log").read_text()
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.1)
            yield url, direct, cert
            assert requests.get(f"http://127.0.0.1:{http}/health", allow_redirects=False,
                                timeout=10).status_code == 301
        finally:
            nginx.terminate()
            nginx.wait(timeout=20)


def test_devices_sync_photos_through_nginx(proxied: tuple[str, str, Path],
                                           tmp_path: Path) -> None:
    url, _, cert = proxied
    worker = make_device(tmp_path / "devices", url, "wgy1", verify=str(cert))
    supervisor = make_device(tmp_path / "devices", url, "jdy1", verify=str(cert))
    try:
        worker.sync()
        photos = photos_on(worker, "report", (200, 40, 40))
        cases.report_issue(worker.store, worker.actor, issue_input(photos=photos))
        report = worker.sync()
        assert report.pending_after == 0 and report.photos.uploaded == 1
        assert supervisor.sync().photos.downloaded == 1
        sha = photos[0].photo.sha256
        with supervisor.store.read() as s:
            assert list(s.scalars(select(PhotoLink.photo_sha256))) == [sha]
        assert supervisor.store.photos.read(sha) == worker.store.photos.read(sha)
    finally:
        worker.close()
        supervisor.close()


def test_nginx_passes_https_and_the_client_address_and_keeps_limits(
        proxied: tuple[str, str, Path], folder: Path) -> None:  # noqa: F811
    url, direct, cert = proxied
    answer = requests.get(f"{url}/health?lat=39.9", verify=str(cert), timeout=10)
    # The app sends HSTS because nginx said https, and its headers come once, not twice.
    assert answer.headers["Strict-Transport-Security"].startswith("max-age=")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert requests.get(f"{url}/metrics", verify=str(cert), timeout=10).status_code == 404
    assert requests.get(f"{direct}/metrics", timeout=10).status_code == 200
    too_big = requests.post(f"{url}/api/v1/sync/push", data=b"\0" * 8_000_001,
                            verify=str(cert), timeout=60)
    assert too_big.status_code == 413
    # A forged X-Forwarded-For does not hide who failed a login: nginx overwrites it.
    forged = requests.post(f"{url}{p.API}/auth/login", verify=str(cert), timeout=30,
                           headers={p.VERSION_HEADER: str(p.PROTOCOL_VERSION),
                                    "X-Forwarded-For": "203.0.113.7"},
                           json={"username": "wgy1", "password": f"{PASSWORD}-wrong",
                                 "device_id": "forger"})
    assert forged.status_code == 401
    log = _cli("security-log", str(folder), "--action", "login_failed")
    assert "127.0.0.1" in log.stdout and "203.0.113.7" not in log.stdout
    access = (cert.parent / "grid-inspector.access.log").read_text(encoding="utf-8")
    assert '"GET /health HTTP/' in access and "lat=" not in access
