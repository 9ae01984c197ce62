"""Server settings, declared once with their defaults.

A data folder holds `server.json` (written by `grid-inspector-server init`), the
SQLite database when no URL is given, and the photo store. Environment variables
named GRID_SERVER_<FIELD> override the file, so deployments keep secrets out of it.

The key-escrow secret is never written to `server.json` (which gets copied around with
backups and support requests): GRID_SERVER_ESCROW_SECRET if set, else the file
`escrow.key` in the data folder (see escrow.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

CONFIG_NAME = "server.json"
NOT_SAVED = ("data_dir", "escrow_secret", "metrics_token")  # never written to server.json


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str = ""  # empty: a SQLite file in the data folder
    token_hours: float = 12.0
    demo: bool = False  # a demo server: only demo profiles may sync with it
    max_request_bytes: int = 8_000_000
    server_name: str = "grid-inspector"
    # Failed logins one address may make in a minute before it is answered 429 (lockout.py).
    login_failures_per_minute: int = 20
    # Proxies whose X-Forwarded-For / -Proto are believed (uvicorn's forwarded_allow_ips):
    # the client's address for rate limits and https for Strict-Transport-Security.
    trusted_proxies: str = "127.0.0.1"
    # base64 of 32 bytes; empty: the data folder's escrow.key. Kept out of repr and logs.
    escrow_secret: str = field(default="", repr=False)
    # Who may read /metrics (it shows operational data): addresses or networks, comma-
    # separated, and anyone sending "Authorization: Bearer <metrics_token>" when one is set.
    metrics_allow: str = "127.0.0.1,::1"
    metrics_token: str = field(default="", repr=False)
    # /health/ready answers 503 when the data folder's disk has less free space than this.
    min_free_disk_mb: int = 1024

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'server.db'}"

    @property
    def photo_dir(self) -> Path:
        return self.data_dir / "photos"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"


def load_settings(data_dir: str | Path, **overrides: object) -> Settings:
    """Settings for a data folder: file, then environment, then explicit overrides."""
    folder = Path(data_dir).resolve()
    values: dict[str, object] = {}
    path = folder / CONFIG_NAME
    if path.is_file():
        values.update(json.loads(path.read_text(encoding="utf-8")))
    for f in fields(Settings):
        env = os.environ.get(f"GRID_SERVER_{f.name.upper()}")
        if env is not None and f.name != "data_dir":
            values[f.name] = env
    values.update(overrides)
    settings = Settings(data_dir=folder)
    typed = {}
    for f in fields(Settings):
        if f.name in values and f.name != "data_dir":
            current = getattr(settings, f.name)
            raw = values[f.name]
            if isinstance(current, bool):
                typed[f.name] = raw if isinstance(raw, bool) else str(raw).lower() in (
                    "1", "true", "yes")
            else:
                typed[f.name] = type(current)(raw)
    return replace(settings, **typed)


def save_settings(settings: Settings) -> Path:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    data = {k: v for k, v in asdict(settings).items() if k not in NOT_SAVED}
    path = settings.data_dir / CONFIG_NAME
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
