"""Where profiles live: one folder per profile under the platform's user data folder.

The demo profile has a folder of its own, so training can never touch real data.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_data_dir

DEMO = "demo"
STORE_FILE = "store.db"
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def data_root() -> Path:
    """GRID_INSPECTOR_HOME overrides the platform folder (tests, portable installs)."""
    override = os.environ.get("GRID_INSPECTOR_HOME")
    return Path(override) if override else Path(user_data_dir("GridInspector", appauthor=False))


def profile_dir(name: str) -> Path:
    if not _NAME.match(name):
        raise ValueError("profile names use letters, digits, '-' and '_' only")
    return data_root() / "profiles" / name


def store_path(name: str) -> Path:
    return profile_dir(name) / STORE_FILE
