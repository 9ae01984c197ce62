"""The `grid-inspector` command: admin subcommands run headless, `--self-test` checks an
installation (ui/selftest.py), anything else starts the app.

Qt is imported only when the app starts, so the admin commands work without a display.
"""

from __future__ import annotations

import sys

from inspector import cli


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in cli.COMMANDS:
        return cli.main(argv)
    if argv and argv[0] == "sync":
        from sync.cli import main as sync_main

        return sync_main(argv[1:])
    if argv and argv[0] == "--self-test":
        from .selftest import main as self_test

        return self_test(argv[1:])
    from .app import run

    return run(argv)


if __name__ == "__main__":
    raise SystemExit(main())
