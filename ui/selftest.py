"""`grid-inspector --self-test [FOLDER]`: proof that an installed copy of the app works.

A frozen build that lacks a module, a data file or a Qt plugin fails when it runs,
not when it is built. So the self-test walks the paths a user's first hour takes,
with the code the app itself runs: an encrypted profile made and migrated from
nothing, then unlocked with its password; a photo sealed and read back; pinyin search
keys; an XLSX file written and read back; the demo's built-in server started
in-process and answering /health; the Chinese translations; every page of a
supervisor's main window (QtCharts included), rendered offscreen to FOLDER/window.png.

It prints one line and exits 0, or 1 naming the step that failed and why. FOLDER (a
new temporary folder if omitted) must be new or empty; everything the test makes,
logs included, stays inside it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Made up for this test: the profile lives and dies inside the test's folder.
PASSWORD = "self-test-only-2026"
ACCOUNT = {"username": "selftest", "display_name": "自检", "server_url": None}
LANG = "zh_CN"
SETTLE_SECONDS = 60  # pages load in the background; a slow machine still finishes well within
_PLAIN_HEADER = b"SQLite format 3\x00"
_JPEG_MAGIC = b"\xff\xd8"
# The platform plugin a desktop session loads, by sys.platform (offscreen is used here).
_NATIVE_PLATFORM = {"win32": "qwindows", "darwin": "qcocoa", "linux": "qxcb"}


class Failed(Exception):
    """A check that did not hold; its text is the reason printed."""


@dataclass
class Run:
    """What the steps hand each other."""

    folder: Path
    facts: list[str] = field(default_factory=list)
    app: Any = None
    store: Any = None
    keyfile: Any = None
    translators: list[Any] = field(default_factory=list)  # kept alive while the app runs


def check(condition: object, reason: str) -> None:
    if not condition:
        raise Failed(reason)


# ------------------------------------------------------------------------ the steps


def qt_runtime(run: Run) -> None:
    """The Qt application with the plugins a desktop needs, and QtCharts."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QImageReader, QImageWriter
    from PySide6.QtNetwork import QNetworkInformation
    from PySide6.QtWidgets import QApplication, QStyleFactory

    run.app = QApplication.instance() or QApplication([sys.argv[0]])
    run.app.setApplicationName("GridInspector")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    native = _NATIVE_PLATFORM.get(sys.platform)
    if native:
        found = [p.name for p in (plugins / "platforms").glob(f"*{native}*")]
        check(found, f"Qt platform plugin {native} missing from {plugins / 'platforms'}")
    readable = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    writable = {bytes(f).decode() for f in QImageWriter.supportedImageFormats()}
    for fmt in ("jpeg", "png", "webp"):
        check(fmt in readable and fmt in writable, f"Qt image format plugin for {fmt} missing")
    styles = {key.lower() for key in QStyleFactory.keys()}
    wanted = {"win32": "windowsvista", "darwin": "macos"}.get(sys.platform, "fusion")
    check(wanted in styles, f"Qt style {wanted} missing (have {sorted(styles)})")
    check(QNetworkInformation.availableBackends(),
          "no QNetworkInformation backend (plugins/networkinformation missing)")
    try:
        from PySide6.QtCharts import QChart
    except ImportError as exc:
        raise Failed(f"QtCharts cannot be imported ({exc})") from exc
    QChart()


def translations(run: Run) -> None:
    """Chinese for the app's own strings and for Qt's (dialog buttons and the like)."""
    from PySide6.QtCore import QCoreApplication

    from .app import install_translators

    run.translators = install_translators(run.app, LANG)
    loaded = sorted(Path(t.filePath()).name for t in run.translators)
    for name in (f"grid_inspector_{LANG}.qm", f"qtbase_{LANG}.qm"):
        check(name in loaded, f"translation {name} not loaded (loaded: {loaded or 'none'})")
    title = QCoreApplication.translate("MainWindow", "Grid Inspector")
    check(title != "Grid Inspector", "the window title is not translated")
    run.facts.append(f"translations {', '.join(loaded)}")


def encrypted_profile(run: Run) -> None:
    """A new profile keyed from a password (Argon2id), migrated from nothing by Alembic."""
    from sqlalchemy import text

    from inspector import vault
    from inspector.db import current_revision, head_revision
    from inspector.profiles import profile_dir
    from inspector.roles import SUPERVISOR
    from sync.client.account import adopt_account
    from sync.client.transport import Account

    folder = profile_dir("selftest")  # under FOLDER: main() points GRID_INSPECTOR_HOME there
    account = {**ACCOUNT, "device_id": str(uuid.uuid4())}
    run.store, run.keyfile = vault.create(folder, PASSWORD, account)
    head = head_revision()
    check(current_revision(run.store.engine) == head, f"the store is not at revision {head}")
    with run.store.engine.connect() as conn:
        cipher = conn.execute(text("PRAGMA cipher_version")).scalar()
    check(cipher, "SQLCipher is not in use (PRAGMA cipher_version is empty)")
    check(run.store.encrypted, "the new profile's store has no key")
    # Bound as a first login would bind it, to a supervisor (who sees every page).
    adopt_account(run.store, Account(username=ACCOUNT["username"],
                                     display_name=ACCOUNT["display_name"], role=SUPERVISOR,
                                     grid_ids=(), token="", expires_at=""),
                  "", device_id=account["device_id"])
    run.store.close()
    header = run.store.path.read_bytes()[:len(_PLAIN_HEADER)]
    check(header != _PLAIN_HEADER, "store.db is readable as plain SQLite")
    run.store, run.keyfile = vault.unlock(folder, PASSWORD)  # a later login, on the laptop
    run.facts.append(f"SQLCipher {cipher}, schema {head}")


def photo_sealed(run: Run) -> None:
    """A WebP made by Qt, imported by Pillow, sealed on disk, read back and shown by Qt."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from inspector.photos import process_photo

    picture = QImage(640, 480, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2f6fb0"))
    painter = QPainter(picture)
    painter.fillRect(80, 60, 240, 180, QColor("#f2c14e"))
    painter.end()
    encoded = QByteArray()
    buffer = QBuffer(encoded)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    check(picture.save(buffer, "WEBP"), "Qt could not write a WebP image")
    buffer.close()
    photo = process_photo(bytes(encoded.data()))
    photos = run.store.photos
    photos.put(photo)
    sealed = photos.path(photo.sha256).read_bytes()
    check(not sealed.startswith(_JPEG_MAGIC), "the photo file on disk is not sealed")
    check(photos.read(photo.sha256) == photo.data, "the photo read back differs")
    thumb = QImage.fromData(photos.read_thumb(photo.sha256) or b"")
    check(not thumb.isNull(), "Qt could not decode the photo's JPEG thumbnail")
    check((photo.width, photo.height) == (640, 480),
          f"the photo came back {photo.width}x{photo.height}, not 640x480")


def pinyin(run: Run) -> None:
    """Search as you type by pinyin needs pypinyin's dictionaries."""
    from inspector.search import pinyin_keys

    keys = pinyin_keys("张三丰")
    check(keys == ("zhangsanfeng", "zsf"), f"pinyin of 张三丰 came out as {keys}")


def workbook(run: Run) -> None:
    """Register exports and imports are XLSX files (openpyxl), written then read back."""
    from inspector.exchange.workbook import StreamingBook, open_book

    path = run.folder / "check.xlsx"
    book = StreamingBook(path)
    book.notes("自检", [("网格", "第一网格")])
    book.save()
    rows = list(open_book(path)["自检"].iter_rows(values_only=True))
    check(rows == [("网格", "第一网格")], f"the workbook read back as {rows}")


def demo_server(run: Run) -> None:
    """The demo runs the sync server in-process: its migrations, FastAPI and uvicorn."""
    from sync.client import Transport
    from sync.server.local import ThreadedServer

    server = ThreadedServer(run.folder / "server", demo=True).start()
    try:
        transport = Transport(server.url, str(uuid.uuid4()))
        try:
            check(transport.ping(), "the built-in server did not answer /health")
        finally:
            transport.close()
    finally:
        server.stop()


def main_window(run: Run) -> None:
    """Every page of the window built and shown, then the window rendered to window.png."""
    from PySide6.QtGui import QImage

    from inspector.models import LocalProfile

    from .context import AppContext, who_of
    from .main_window import MainWindow

    with run.store.read() as session:
        who = who_of(session.get(LocalProfile, 1))
    ctx = AppContext(run.store, who, run.app, run.keyfile)
    notices: list[str] = []
    ctx.notice.connect(notices.append)
    window = MainWindow(ctx)
    try:
        window.show()
        for spec in window.specs:
            page = window.open_page(spec.name)
            check(window.stack.currentWidget() is page and page.isVisible(),
                  f"the {spec.name} page is not shown")
        untranslated = [spec.label for spec in window.specs if spec.title() == spec.label]
        check(not untranslated, f"pages without Chinese titles: {untranslated}")
        window.open_page(window.specs[0].name)
        check(_wait_until_idle(run.app, window), f"pages still loading after {SETTLE_SECONDS} s")
        check(not notices, f"a page reported a problem: {notices[0] if notices else ''}")
        shot = run.folder / "window.png"
        check(window.grab().save(str(shot)), f"could not write {shot}")
        image = QImage(str(shot))
        check(image.width() == window.width() and image.height() == window.height(),
              f"window.png is {image.width()}x{image.height()}, the window "
              f"{window.width()}x{window.height()}")
        run.facts.insert(0, f"{shot} {image.width()}x{image.height()}, "
                            f"{len(window.pages)} pages")
    finally:
        window.close()
        ctx.sync.cancel()
        ctx.drain()


def _wait_until_idle(app: Any, window: Any) -> bool:
    """Run the event loop until the app's background threads are quiet (False on timeout)."""
    from PySide6.QtCore import QTimer

    from .app import when_idle

    timeout = QTimer(window)
    timeout.setSingleShot(True)
    timeout.timeout.connect(lambda: app.exit(1))
    timeout.start(SETTLE_SECONDS * 1000)
    when_idle(window, lambda: app.exit(0))
    code = app.exec()
    timeout.stop()
    return code == 0


STEPS: tuple[tuple[str, Callable[[Run], None]], ...] = (
    ("Qt runtime", qt_runtime),
    ("translations", translations),
    ("encrypted profile", encrypted_profile),
    ("photo", photo_sealed),
    ("pinyin", pinyin),
    ("workbook", workbook),
    ("demo server", demo_server),
    ("main window", main_window),
)


# ------------------------------------------------------------------------ running


def _folder(argv: list[str]) -> Path:
    if len(argv) > 1:
        raise Failed("usage: grid-inspector --self-test [FOLDER]")
    if not argv:
        return Path(tempfile.mkdtemp(prefix="grid-inspector-selftest-"))
    folder = Path(argv[0]).resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Failed(f"FOLDER {folder} must be new or empty")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def one_line(exc: BaseException) -> str:
    """The reason, with its cause (a StoreError wraps Alembic's "path doesn't exist" …);
    safe to print whole, since everything the self-test handles is made up."""
    text = str(exc) if isinstance(exc, Failed) else f"{type(exc).__name__}: {exc}"
    if exc.__cause__ is not None:
        text += f" (cause: {type(exc.__cause__).__name__}: {exc.__cause__})"
    return " ".join(text.split())


def main(argv: list[str]) -> int:
    """Run every step in order; stop at the first failure."""
    try:
        folder = _folder(argv)
    except Failed as exc:
        print(f"self-test failed: {exc}", file=sys.stderr)
        return 2
    # Before anything reads them: nothing outside FOLDER is touched, and no display is needed.
    os.environ["GRID_INSPECTOR_HOME"] = str(folder)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector.logs import setup_logging

    setup_logging()
    run = Run(folder)
    try:
        for name, step in STEPS:
            try:
                step(run)
            except Exception as exc:
                print(f"self-test failed: {name}: {one_line(exc)}", file=sys.stderr)
                return 1
    finally:
        if run.store is not None:
            run.store.close()
    print(f"self-test passed: {'; '.join(run.facts)}")
    return 0
