"""The core imports no Qt (DESIGN §2): the CLI, the server and the tests load it headless."""

from __future__ import annotations

import subprocess
import sys

CORE = ("inspector", "inspector.services.register", "inspector.services.cases",
        "inspector.services.activities", "inspector.search", "inspector.db")


def test_core_loads_no_pyside6() -> None:
    code = (
        f"import {', '.join(CORE)}; import sys; "
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')));"
        "assert not qt, qt"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
