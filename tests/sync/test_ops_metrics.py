"""/metrics and /health/ready as an operator meets them: `serve --workers 2` as a real
process whose two workers' numbers add up, devices syncing through it, the restriction to
loopback or a token, and readiness naming the check that broke."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, text
from synckit import PASSWORD, LiveServer, issue_input, make_device, photos_on, seed
from test_server_process import STARTUP, folder, prepared, serving  # noqa: F401 - fixtures

from inspector.services import cases
from sync.server import cli
from sync.server.escrow import ESCROW_FILE

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(url: str, **headers: str) -> Samples:
    answer = requests.get(f"{url}/metrics", headers=headers, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(answer.text) for s in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_two_workers_count_a_sync_once_between_them(folder: Path, tmp_path: Path) -> None:  # noqa: F811
    with serving(folder, "--workers", "2") as url:
        # Both workers up: each one's pool is in the sum (SQLite keeps 5 each). /health
        # answered once the first one was; the second may still be starting.
        deadline = time.monotonic() + STARTUP
        while value(before := scrape(url), "grid_db_pool_size") < 10:
            assert time.monotonic() < deadline, "the second worker did not start"
            time.sleep(0.2)
        assert value(before, "grid_db_pool_size") == 10
        assert len({f.stem.rsplit("_", 1)[1] for f in (folder / "metrics").glob("*.db")}) == 2
        worker = make_device(tmp_path / "devices", url, "wgy1")
        try:
            worker.sync()
            photos = photos_on(worker, "report", (200, 40, 40))
            cases.report_issue(worker.store, worker.actor, issue_input(photos=photos))
            report = worker.sync()
            assert report.pushed.applied >= 2 and report.photos.uploaded == 1
            photo_size = len(worker.store.photos.read(photos[0].photo.sha256))
        finally:
            worker.close()
        for _ in range(20):  # new connections, served by whichever worker takes them
            assert requests.get(f"{url}/health", timeout=10).status_code == 200
        after = scrape(url)

    def delta(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("grid_sync_changes_total", status="applied") == report.pushed.applied
    assert delta("grid_sync_batches_total") >= 1
    assert delta("grid_photo_bytes_received_total") == photo_size
    assert delta("grid_logins_total", outcome="ok") == 1
    assert delta("grid_security_events_total", action="login_ok") == 1
    assert delta("grid_feed_revision") >= report.pushed.applied
    assert delta("grid_http_request_duration_seconds_count",
                 method="GET", route="/health", status="200") == 20
    push = value(after, "grid_http_request_duration_seconds_count",
                 method="POST", route="/api/v1/sync/push", status="200")
    assert push == delta("grid_sync_batches_total")
    assert value(after, "grid_database_up") == 1
    # Every connection lent out came back (the scrape reads the workers' files first).
    assert value(after, "grid_db_connections", state="in_use") == 0
    assert value(after, "grid_db_connections", state="open") >= 2
    # The raw path of a photo (its hash) is never a label: the template is.
    assert value(after, "grid_http_request_duration_seconds_count", method="PUT",
                 route="/api/v1/photos/{sha}/upload", status="200") == 1
    assert not [k for k in after if any(photos[0].photo.sha256 in v for _, v in k[1])]


def test_a_refused_login_is_counted_by_its_outcome(tmp_path: Path) -> None:
    live = LiveServer(tmp_path / "server")
    seed(live.db)
    live.start()
    try:
        before = scrape(live.url)
        with pytest.raises(Exception):  # noqa: B017 - any refusal; the metric says which
            make_device(tmp_path / "devices", live.url, "nobody")
        after = scrape(live.url)
    finally:
        live.stop()
    assert (value(after, "grid_logins_total", outcome="bad_credentials")
            - value(before, "grid_logins_total", outcome="bad_credentials")) == 1
    assert value(after, "grid_logins_total", outcome="ok") == value(
        before, "grid_logins_total", outcome="ok")


def test_metrics_are_refused_to_forwarded_public_clients(folder: Path) -> None:  # noqa: F811
    with serving(folder) as url:
        assert scrape(url)  # loopback, directly
        # Through a trusted proxy (127.0.0.1 is trusted by default), the client's own
        # address counts: someone on the internet reaching nginx is refused.
        proxied = requests.get(f"{url}/metrics", timeout=10,
                               headers={"X-Forwarded-For": "203.0.113.9"})
        assert proxied.status_code == 403
        assert proxied.json()["detail"]["code"] == "forbidden"
        assert "grid_" not in proxied.text


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[LiveServer]:
    live = LiveServer(tmp_path / "server", metrics_allow="192.0.2.0/24",
                      metrics_token="scrape-me-7f3a")
    live.start()
    yield live
    live.stop()


def test_metrics_token_opens_metrics_to_an_address_not_allowed(guarded: LiveServer) -> None:
    url = f"{guarded.url}/metrics"
    assert requests.get(url, timeout=10).status_code == 403
    wrong = requests.get(url, timeout=10, headers={"Authorization": "Bearer scrape-me"})
    assert wrong.status_code == 403
    assert scrape(guarded.url, Authorization="Bearer scrape-me-7f3a")


def test_serve_names_a_bad_metrics_allow_entry(folder: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRID_SERVER_METRICS_ALLOW", "127.0.0.1,10.0.0.300")
    assert cli.main(["serve", str(folder)]) == 2
    assert "metrics_allow 中的地址无效：10.0.0.300" in capsys.readouterr().err


def ready(url: str) -> tuple[int, dict]:
    answer = requests.get(f"{url}/health/ready", timeout=30)
    return answer.status_code, answer.json()


def test_ready_names_each_broken_check_while_health_stays_up(tmp_path: Path) -> None:
    live = LiveServer(tmp_path / "server")
    live.start()
    data = live.settings.data_dir
    try:
        status, body = ready(live.url)
        assert status == 200 and body["status"] == "ready" and body["failed"] == []
        assert set(body["checks"]) == {"database", "photos", "escrow", "disk"}

        # The escrow secret goes missing: a restart would make a new one.
        secret = (data / ESCROW_FILE).read_bytes()
        (data / ESCROW_FILE).unlink()
        status, body = ready(live.url)
        assert status == 503 and body["failed"] == ["escrow"]
        assert ESCROW_FILE in body["checks"]["escrow"]
        (data / ESCROW_FILE).write_bytes(b"A" * 43 + b"=\n")  # another secret
        assert ready(live.url)[1]["failed"] == ["escrow"]
        (data / ESCROW_FILE).write_bytes(secret)
        assert ready(live.url)[0] == 200

        # The photo store cannot be written.
        (data / "photos").rmdir()
        (data / "photos").write_bytes(b"not a folder")
        status, body = ready(live.url)
        assert status == 503 and body["failed"] == ["photos"]
        assert "photos" in body["checks"]["photos"]
        (data / "photos").unlink()

        # The database behind the newest migration (restored from an older backup, say).
        engine = create_engine(live.settings.db_url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0002'"))
        status, body = ready(live.url)
        assert status == 503 and body["failed"] == ["database"]
        assert "0002" in body["checks"]["database"]
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0003'"))
        engine.dispose()
        assert ready(live.url)[0] == 200
        # Liveness is another question: the process answers all along.
        assert requests.get(f"{live.url}/health", timeout=10).status_code == 200
    finally:
        live.stop()


def test_ready_refuses_when_disk_space_is_below_the_floor(tmp_path: Path) -> None:
    live = LiveServer(tmp_path / "server", min_free_disk_mb=10**12)
    live.start()
    try:
        status, body = ready(live.url)
    finally:
        live.stop()
    assert status == 503 and body["failed"] == ["disk"]
    assert "下限 1000000000000 MB" in body["checks"]["disk"]


def test_unknown_paths_share_one_label(tmp_path: Path) -> None:
    """Nothing a client sends becomes a label: an unknown path is one `unmatched` series."""
    live = LiveServer(tmp_path / "server")
    live.start()
    try:
        for n in range(3):
            requests.get(f"{live.url}/no-such-{PASSWORD}-{n}", timeout=10)
        samples = scrape(live.url)
    finally:
        live.stop()
    assert value(samples, "grid_http_request_duration_seconds_count",
                 method="GET", route="unmatched", status="404") == 3
    assert not [k for k in samples if any(PASSWORD in v for _, v in k[1])]
