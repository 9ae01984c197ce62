"""Headless administration of a profile: create the demo community, inspect, search, migrate.

Output says what happened in counts; it never prints a resident's personal data
except the masked form shown in lists.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from . import __version__, vault
from .db import Store, current_revision, head_revision, open_store
from .errors import InspectorError
from .models import ENTITIES, LocalProfile, OutboxEntry
from .profiles import DEMO, store_path


def store_arg(value: str) -> Path:
    """A profile name or a path to a store file (used as an argparse type)."""
    if value.endswith(".db") or "/" in value or os.sep in value:
        return Path(value)
    try:
        return store_path(value)
    except ValueError as exc:  # not a valid profile name: a usage error, not a traceback
        raise argparse.ArgumentTypeError(str(exc)) from None


def existing_store(path: Path) -> bool:
    """Whether a store exists at `path`; says so on stderr when it does not.

    Commands that inspect a profile must not create an empty one from a typo.
    """
    if path.is_file():
        return True
    print(f"no store at {path}", file=sys.stderr)
    return False


def read_password() -> str:
    """GRID_INSPECTOR_PASSWORD, or a prompt on a terminal: never the command line."""
    env = os.environ.get("GRID_INSPECTOR_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise InspectorError("没有密码：请设置 GRID_INSPECTOR_PASSWORD 或在终端中运行")
    return getpass.getpass("密码：")


def open_existing(path: Path) -> Store:
    """The store at `path`, unlocked with the password when the profile is encrypted."""
    if vault.is_encrypted(path.parent):
        return vault.unlock(path.parent, read_password())[0]
    return open_store(path)


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import generate  # imported late: only this command needs Pillow drawing

    path = args.profile
    if path.exists() and not args.force:
        print(f"{path} already exists; use --force to replace it", file=sys.stderr)
        return 2
    if path.exists():
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
    store = open_store(path)
    started = time.perf_counter()
    try:
        summary = generate(store, args.households, seed=args.seed, photos=not args.no_photos,
                           progress=lambda msg: print(f"  {msg}", file=sys.stderr))
        with store.write() as session:
            session.merge(LocalProfile(id=1, username=summary.supervisor,
                                       display_name="演示监督员", role="supervisor",
                                       grid_ids=summary.grid_ids, demo=True))
    except BaseException:  # failed or interrupted: leave no half-made store that needs --force
        store.close()
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    store.close()
    print(f"demo profile at {path}: " + ", ".join(
        f"{k} {v}" for k, v in sorted(summary.counts.items())))
    print(f"generated in {time.perf_counter() - started:.1f} s")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    path = args.profile
    if not existing_store(path):
        return 2
    store = open_existing(path)
    with store.read() as session:
        print(f"store {path}  schema {current_revision(store.engine)} (head {head_revision()})")
        for entity, model in ENTITIES.items():
            print(f"  {entity:<14} {session.scalar(select(func.count()).select_from(model))}")
        pending = session.scalar(select(func.count()).select_from(OutboxEntry))
        print(f"  pending changes {pending}")
    store.close()
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .search import search

    if not existing_store(args.profile):
        return 2
    store = open_existing(args.profile)
    started = time.perf_counter()
    with store.read() as session:
        hits = search(session, args.query, limit=args.limit)
    elapsed = (time.perf_counter() - started) * 1000
    for hit in hits:
        print(f"{hit.kind:<10} {hit.record_id}")
    print(f"{len(hits)} results in {elapsed:.1f} ms", file=sys.stderr)
    store.close()
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    if not existing_store(args.profile):
        return 2
    store = open_existing(args.profile)
    print(f"schema at {current_revision(store.engine)}"
          + (f"; backup {store.backup}" if store.backup else ""))
    store.close()
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from .audit_chain import verify

    if not existing_store(args.profile):
        return 2
    store = open_existing(args.profile)
    with store.read() as session:
        report = verify(session)
    store.close()
    print(report.message)
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grid-inspector",
                                     description="Grid Inspector profile administration")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo-data", help="generate the fictional demo district into a profile")
    demo.add_argument("profile", nargs="?", type=store_arg, default=DEMO,
                      help="profile name or store path")
    demo.add_argument("--households", type=int, default=600)
    demo.add_argument("--seed", type=int, default=20261123)
    demo.add_argument("--no-photos", action="store_true")
    demo.add_argument("--force", action="store_true", help="replace an existing store")
    demo.set_defaults(func=cmd_demo)

    info = sub.add_parser("info", help="schema version, record counts and pending changes")
    info.add_argument("profile", type=store_arg)
    info.set_defaults(func=cmd_info)

    search = sub.add_parser("search", help="search residents and households")
    search.add_argument("profile", type=store_arg)
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20)
    search.set_defaults(func=cmd_search)

    migrate = sub.add_parser("migrate", help="bring a profile's schema up to date (with backup)")
    migrate.add_argument("profile", type=store_arg)
    migrate.set_defaults(func=cmd_migrate)

    chain = sub.add_parser("verify-audit", help="check the audit chain for gaps and edits")
    chain.add_argument("profile", type=store_arg)
    chain.set_defaults(func=cmd_verify_audit)
    return parser


COMMANDS = ("demo-data", "info", "search", "migrate", "verify-audit")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InspectorError as exc:  # a wrong password, a store that will not open …
        print(f"错误：{exc}", file=sys.stderr)
        return 4 if exc.kind in ("wrong_password", "locked_out") else 2


if __name__ == "__main__":
    raise SystemExit(main())
