"""`grid-inspector-server`: set up a data folder, manage accounts and areas, serve.

    grid-inspector-server init DIR [--database-url URL] [--demo]
    grid-inspector-server user DIR NAME --role R [--grids G1,G2] [--display-name N]
    grid-inspector-server disable-user DIR NAME
    grid-inspector-server unlock-user DIR NAME
    grid-inspector-server security-log DIR [--limit N] [--user NAME] [--action A]
    grid-inspector-server audit-chains DIR
    grid-inspector-server import-areas DIR FILE.geojson
    grid-inspector-server load-catalogues DIR
    grid-inspector-server serve DIR [--host H] [--port P] [--certfile C --keyfile K]
                                    [--workers N]
    grid-inspector-server backup DIR OUT [--keep N]
    grid-inspector-server restore DIR FROM [--force] [--new-escrow-secret]

Passwords come from GRID_SERVER_PASSWORD or a prompt, never from the command line
(which other users of the machine can read). `init` also makes the key-escrow secret
(escrow.key in the folder, unless GRID_SERVER_ESCROW_SECRET is set): back it up apart
from the database.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from inspector.audit_chain import REASONS
from inspector.logs import logging_config

from . import admin, device_audit
from .backup import BackupError, create_backup, restore_backup
from .config import CONFIG_NAME, Settings, load_settings, save_settings
from .database import Database, migrate
from .escrow import ESCROW_FILE, EscrowError, load_secret
from .metrics import MULTIPROC_ENV, allowed_networks, prepare_multiprocess_dir


def _settings(folder: str) -> Settings:
    settings = load_settings(folder)
    if not settings.database_url and not (settings.data_dir / CONFIG_NAME).is_file():
        raise admin.AdminError(f"{folder} 还不是服务器数据目录，请先运行 init")
    return settings


def _db(folder: str) -> Database:
    db = Database(_settings(folder).db_url)
    migrate(db.engine)
    return db


def cmd_init(args: argparse.Namespace) -> int:
    overrides: dict[str, object] = {"demo": args.demo}
    if args.database_url:
        overrides["database_url"] = args.database_url
    settings = load_settings(args.dir, **overrides)  # GRID_SERVER_DATABASE_URL counts too
    # server.json keeps a URL given here, never one from the environment: that one may
    # carry a password, and the environment will give it again at every start.
    path = save_settings(replace(settings, database_url=args.database_url or _saved_url(args.dir)))
    db = Database(settings.db_url)
    migrate(db.engine)
    admin.load_catalogues(db)
    load_secret(settings)
    print(f"数据目录已就绪：{path.parent}")
    if not settings.escrow_secret:
        print(f"密钥托管的密钥：{path.parent / ESCROW_FILE}（请与数据库分开备份，切勿外传）")
    return 0


def _saved_url(folder: str) -> str:
    """The database URL an earlier `init` wrote to server.json, if any."""
    path = Path(folder) / CONFIG_NAME
    return json.loads(path.read_text(encoding="utf-8")).get("database_url", "") if (
        path.is_file()) else ""


def _password() -> str:
    env = os.environ.get("GRID_SERVER_PASSWORD")
    if env:
        return env
    first = getpass.getpass("密码：")
    if getpass.getpass("再输一次：") != first:
        raise admin.AdminError("两次输入的密码不一致")
    return first


def cmd_user(args: argparse.Namespace) -> int:
    grids = [admin.area_id(code) if args.grid_codes else code
             for code in (args.grids.split(",") if args.grids else [])]
    admin.create_user(_db(args.dir), args.name, _password(), args.role, grids,
                      args.display_name)
    print(f"账号已保存：{args.name}（{args.role}）")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    revoked = admin.disable_user(_db(args.dir), args.name)
    print(f"账号已停用：{args.name}，撤销登录 {revoked} 个")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    was_locked = admin.unlock_user(_db(args.dir), args.name)
    print(f"账号已解锁：{args.name}" if was_locked
          else f"账号未被锁定，失败次数已清零：{args.name}")
    return 0


def cmd_security_log(args: argparse.Namespace) -> int:
    events = admin.security_log(_db(args.dir), args.limit, args.user, args.action)
    for e in events:
        print("\t".join([e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), e.action,
                         e.username or "-", e.device_id or "-", e.ip or "-", e.detail or ""]))
    if not events:
        print("没有安全事件")
    return 0


def cmd_audit_chains(args: argparse.Namespace) -> int:
    db = _db(args.dir)
    try:
        with db.session() as session:
            rows = device_audit.broken_chains(session)
    finally:
        db.dispose()  # in-process callers (tests) must not keep a connection open
    for r in rows:
        print("\t".join([r.updated_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), r.device_id,
                         r.username, f"第 {r.broken_seq} 条", REASONS[r.broken_reason],
                         f"已收到至第 {r.last_seq} 条"]))
    if not rows:
        print("所有设备的审计链均完整")
    return 0


def cmd_import_areas(args: argparse.Namespace) -> int:
    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # missing, unreadable, not UTF-8 or not JSON
        raise admin.AdminError(f"无法读取 GeoJSON 文件 {args.file}：{exc}") from exc
    print(f"已导入区域 {admin.import_areas(_db(args.dir), data)} 个")
    return 0


def cmd_catalogues(args: argparse.Namespace) -> int:
    print(f"新载入目录 {admin.load_catalogues(_db(args.dir))} 个")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    if bool(args.cert) != bool(args.key):
        raise admin.AdminError("TLS 需要同时给出证书（--certfile）和私钥（--keyfile）")
    for option, path in (("--certfile", args.cert), ("--keyfile", args.key)):
        if path and not Path(path).is_file():
            raise admin.AdminError(f"找不到文件（{option}）：{path}")
    _db(args.dir)  # a folder that was never set up is named, not a traceback
    settings = load_settings(args.dir)
    load_secret(settings)  # before the workers start, so they all read the one made here
    try:
        allowed_networks(settings.metrics_allow)
    except ValueError as exc:
        raise admin.AdminError(str(exc)) from exc
    os.environ["GRID_SERVER_DATA_DIR"] = str(Path(args.dir).resolve())
    # Several workers add up their metrics through files (metrics.py); one keeps them in memory.
    os.environ.pop(MULTIPROC_ENV, None)
    if args.workers > 1:
        os.environ[MULTIPROC_ENV] = str(prepare_multiprocess_dir(settings.data_dir))
    # Every process logs to <folder>/logs/grid-inspector.log and the console, redacted.
    log_config = logging_config(Path(args.dir).resolve() / "logs", console=True,
                                level=args.log_level.upper())
    uvicorn.run("sync.server.entry:app", host=args.host, port=args.port, workers=args.workers,
                ssl_certfile=args.cert, ssl_keyfile=args.key, log_level=args.log_level,
                log_config=log_config,
                proxy_headers=True, forwarded_allow_ips=settings.trusted_proxies)
    return 0


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def cmd_backup(args: argparse.Namespace) -> int:
    settings = _settings(args.dir)  # no migration: the running server may be the older one
    done = create_backup(settings, Path(args.out), args.keep)
    print(f"备份已写入：{done.path}（{_megabytes(done.size)}；数据库 {done.database}，"
          f"版本 {done.revision}；照片 {done.photos} 个）")
    secret = ("GRID_SERVER_ESCROW_SECRET" if settings.escrow_secret
              else settings.data_dir / ESCROW_FILE)
    print(f"托管密钥不在备份中：请另行备份 {secret}，且勿与此备份放在一起")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    done, escrow = restore_backup(Path(args.source), Path(args.dir), force=args.force,
                                  new_secret=args.new_escrow_secret)
    print(f"已恢复到 {Path(args.dir).resolve()}：数据库 {done.database}（版本 {done.revision}，"
          f"启动时迁移到最新版本），照片 {done.photos} 个")
    print(f"托管密钥：{escrow}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="grid-inspector-server", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="create a data folder and its database")
    p.add_argument("dir")
    p.add_argument("--database-url", help="PostgreSQL URL (default: SQLite in the folder)")
    p.add_argument("--demo", action="store_true", help="a demo server: demo profiles only")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("user", help="create or update an account")
    p.add_argument("dir")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["worker", "staff", "supervisor", "admin"])
    p.add_argument("--grids", help="comma-separated grid codes (or ids with --grid-ids)")
    p.add_argument("--grid-ids", dest="grid_codes", action="store_false")
    p.add_argument("--display-name")
    p.set_defaults(func=cmd_user)
    p = sub.add_parser("disable-user", help="disable an account and revoke its logins")
    p.add_argument("dir")
    p.add_argument("name")
    p.set_defaults(func=cmd_disable)
    p = sub.add_parser("unlock-user", help="lift a lock earned by failed logins")
    p.add_argument("dir")
    p.add_argument("name")
    p.set_defaults(func=cmd_unlock)
    p = sub.add_parser("security-log", help="recent security events, newest first")
    p.add_argument("dir")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--user", help="only this account's events")
    p.add_argument("--action", help="only this kind of event (login_failed, …)")
    p.set_defaults(func=cmd_security_log)
    p = sub.add_parser("audit-chains", help="devices whose uploaded audit chain is broken")
    p.add_argument("dir")
    p.set_defaults(func=cmd_audit_chains)
    p = sub.add_parser("import-areas", help="import the area tree and grid polygons (GeoJSON)")
    p.add_argument("dir")
    p.add_argument("file")
    p.set_defaults(func=cmd_import_areas)
    p = sub.add_parser("load-catalogues", help="record the bundled catalogue versions")
    p.add_argument("dir")
    p.set_defaults(func=cmd_catalogues)
    p = sub.add_parser("serve", help="run the server")
    p.add_argument("dir")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--certfile", "--cert", dest="cert", help="TLS certificate (PEM)")
    p.add_argument("--keyfile", "--key", dest="key", help="TLS private key (PEM)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--log-level", default="info")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("backup", help="back up the database, photos and server.json (one tar)")
    p.add_argument("dir")
    p.add_argument("out", help="a folder (a timestamped file is made in it) or a file name")
    p.add_argument("--keep", type=int, help="keep only the newest N backups in the folder")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="restore a backup into a data folder (server stopped)")
    p.add_argument("dir")
    p.add_argument("source", metavar="from")
    p.add_argument("--force", action="store_true",
                   help="replace the data and database that are there")
    p.add_argument("--new-escrow-secret", action="store_true",
                   help="restore even though the backup's escrow secret is lost")
    p.set_defaults(func=cmd_restore)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (admin.AdminError, BackupError, EscrowError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
