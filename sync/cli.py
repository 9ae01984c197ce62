"""`grid-inspector sync PROFILE`: one sync cycle without the app, for scripts and support.

The password comes from GRID_INSPECTOR_PASSWORD or a prompt, never the command
line. Exit codes say what went wrong: 3 offline, 4 login, 5 incompatible,
6 server error, 7 refused, 2 usage.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from pathlib import Path

from inspector import vault
from inspector.cli import existing_store, read_password, store_arg
from inspector.db import Store, open_store
from inspector.errors import InspectorError
from inspector.keyfile import KeyFile
from inspector.models import LocalProfile
from sync.client import Progress, SyncEngine, Transport, login
from sync.client.account import adopt_account
from sync.client.keys import create_profile, open_profile, server_accepted
from sync.client.transport import CA_BUNDLE_ENV
from sync.errors import SyncError

EXIT = {"offline": 3, "auth": 4, "incompatible": 5, "server": 6, "refused": 7,
        "cancelled": 1, "error": 1}
PHASES = {"handshake": "连接服务器", "push": "上传记录", "photos_up": "上传照片",
          "pull": "下载更新", "photos_down": "下载照片", "drift": "核对数据", "health": "报告状态"}


def _show(progress: Progress) -> None:
    label = PHASES.get(progress.phase, progress.phase)
    count = f" {progress.done}/{progress.total}" if progress.total else ""
    print(f"  {label}{count}", file=sys.stderr)


def _open(path: Path, url: str | None, user: str | None,
          password: str) -> tuple[Store, KeyFile | None]:
    """The profile's store: unlocked if encrypted, created encrypted on a first sync,
    plain if it was made plain (the demo data, or before encryption)."""
    if vault.is_encrypted(path.parent):
        store, keyfile, _ = open_profile(path.parent, password)
        return store, keyfile
    if not path.exists() and url and user:
        return create_profile(path.parent, url, user, password)
    return open_store(path), None


def cmd_sync(args: argparse.Namespace) -> int:
    path: Path = args.profile
    first_time = bool(args.server and args.user)  # a new profile may start from its first sync
    if not first_time and not existing_store(path):
        return 2
    if args.ca_bundle:  # every connection of this command, the key escrow's included
        os.environ[CA_BUNDLE_ENV] = args.ca_bundle
    try:
        password = read_password()
        store, keyfile = _open(path, args.server, args.user, password)
    except (InspectorError, SyncError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        wrong = getattr(exc, "kind", "") in ("wrong_password", "locked_out", "auth")
        return EXIT["auth"] if wrong else EXIT.get(getattr(exc, "kind", ""), 2)
    try:
        with store.read() as session:
            profile = session.get(LocalProfile, 1)
        url = args.server or (profile.server_url if profile else None)
        username = args.user or (profile.username if profile else None)
        if not url or not username:
            print("错误：首次同步须给出服务器地址（--server）和账号（--user）", file=sys.stderr)
            return 2
        device_id = profile.device_id if profile else str(uuid.uuid4())
        transport = Transport(url, device_id)
        try:
            account = login(transport, username, password)
            adopt_account(store, account, url, device_id=device_id)
            server_accepted(store, keyfile, transport, password)
            report = SyncEngine(store, transport, on_progress=_show).run()
        except SyncError as exc:
            extra = f"（请求编号 {exc.request_id}）" if exc.request_id else ""
            print(f"同步未完成：{exc.message}{extra}", file=sys.stderr)
            return EXIT.get(exc.kind, 1)
        finally:
            transport.close()
    finally:
        store.close()
    pushed = report.pushed
    print(f"同步完成：上传 {pushed.applied} 条，重复 {pushed.duplicate}，冲突 {pushed.conflict}，"
          f"被拒 {pushed.rejected}，暂缓 {pushed.deferred}；下载 {report.pulled} 条；"
          f"照片上传 {report.photos.uploaded}、下载 {report.photos.downloaded}、"
          f"失败 {len(report.photos.failed)}；待上传 {report.pending_after} 条")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grid-inspector sync", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("profile", type=store_arg, help="profile name or store path")
    parser.add_argument("--server", help="server address, e.g. https://grid.example.gov.cn")
    parser.add_argument("--user", help="account name (default: the profile's)")
    parser.add_argument("--ca-bundle", help="CA certificates to trust (PEM)")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    return cmd_sync(args)
