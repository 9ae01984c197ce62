"""Start-up: language, profile, login, main window.

Opening (and for a first demo run, filling) the profile runs off the GUI thread;
the window appears as soon as the profile is open and pages load their data in
the background.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from inspector.catalogues import resources_dir
from inspector.db import Store, open_store
from inspector.demo.accounts import DEMO_PASSWORD
from inspector.keyfile import KeyFile
from inspector.logs import setup_logging
from inspector.models import LocalProfile
from inspector.profiles import DEMO, profile_dir, store_path
from inspector.roles import ROLES

from .background import Worker

if TYPE_CHECKING:
    from sync.classroom import Classroom

    from .login import Opened
from .context import AppContext, Who, who_of
from .crash import CrashReporter
from .lock import IdleWatcher, idle_minutes
from .main_window import MainWindow
from .messages import describe
from .profile_chooser import ProfileChooser, real_profiles

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="grid-inspector")
    parser.add_argument("--demo", action="store_true", help="open the demo profile")
    parser.add_argument("--profile", default=None, help="profile name")
    parser.add_argument("--role", choices=ROLES[:3], default="worker",
                        help="demo only: act as this role's demo account")
    parser.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    parser.add_argument("--screenshot", type=Path, help="render the window to PNG and exit")
    parser.add_argument("--view", default=None, help="the page to show first (overview, "
                        "register, patrols, visits, issues, tasks, map, sync)")
    parser.add_argument("--probe", action="store_true",
                        help="print the wall-clock time the window was ready and its memory, "
                        "then exit (for bench/ui.py)")
    return parser.parse_args(argv)


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Simplified Chinese by default; English is the source language and needs no file."""
    installed: list[QTranslator] = []
    if lang.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return installed
    QLocale.setDefault(QLocale(lang))
    folder = resources_dir() / "translations"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in ((f"grid_inspector_{lang}", str(folder)), (f"qtbase_{lang}", qt_folder)):
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("no translation %s", name)
    return installed


def open_demo(name: str, role: str, households: int | None = None) -> tuple[Store, Who]:
    """Open a standalone demo store as the demo account of `role`, filling it on first use.

    This is the district `grid-inspector demo-data` makes (any size, no server),
    which the benchmarks use; trainees get the classroom (`open_classroom`).
    """
    from inspector.demo import CLASSROOM_HOUSEHOLDS, generate
    from inspector.demo.accounts import act_as

    path = store_path(name)
    fresh = not path.exists()
    store = open_store(path)
    try:
        if fresh:
            generate(store, households or CLASSROOM_HOUSEHOLDS)
        return store, who_of(act_as(store, role))
    except BaseException:
        store.close()
        raise


def open_classroom(classroom: Classroom, role: str) -> tuple[Store, Who]:
    """Open the demo laptop of `role`, with the built-in server running (built on first use)."""
    if not classroom.built:
        classroom.build()
    classroom.start()
    store = open_store(classroom.device_path(role))
    with store.read() as session:
        return store, who_of(session.get(LocalProfile, 1))


def when_idle(window: MainWindow, then: Callable[[], None], interval_ms: int = 50) -> None:
    """Call `then` once the background threads have been idle for two ticks in a row."""
    quiet = {"ticks": 0}
    timer = QTimer(window)

    def tick() -> None:
        busy = window.ctx.db.busy() or window.ctx.work.busy()
        quiet["ticks"] = 0 if busy else quiet["ticks"] + 1
        if quiet["ticks"] >= 2:
            timer.stop()
            then()

    timer.timeout.connect(tick)
    timer.start(interval_ms)


def freeze_startup_objects() -> None:
    """Move everything made during start-up out of the garbage collector's sight.

    A full collection walks every tracked object while holding the interpreter lock,
    so with a large process it stalls the window; objects that live for the whole
    session (modules, widgets, caches) need never be walked again (gc.freeze).
    """
    gc.collect()
    gc.freeze()


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; 0 where that is not available)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    setup_logging(console=True)  # the platform's log folder, with personal data masked
    app = QApplication.instance() or QApplication(sys.argv[:1])  # tests bring their own
    app.setApplicationName("GridInspector")
    crashes = CrashReporter(app)  # an unexpected error: a report without personal data, a dialog
    crashes.install()
    translators = install_translators(app, args.lang)  # noqa: F841 - kept alive with the app
    opener = Worker(1, app)
    state: dict[str, object] = {}

    def classroom() -> Classroom:
        """The demo classroom, imported on first use: it brings the server's packages
        (FastAPI, uvicorn), which a real profile's start-up need not load."""
        if "classroom" not in state:
            from sync.classroom import Classroom

            state["classroom"] = Classroom(profile_dir(DEMO) / "classroom")
        return state["classroom"]  # type: ignore[return-value]

    def opened(result: tuple[Store, Who]) -> None:
        """A demo laptop is open; it logs in by itself."""
        store, who = result
        if "preparing" in state:
            state.pop("preparing").close()  # type: ignore[attr-defined]
        start(store, who, DEMO_PASSWORD if who.server_url else None)

    def ask_password(folder: Path, name: str | None) -> None:
        from .login import ask_login

        state["login"] = ask_login(folder, opener, name, logged_in, lambda: app.exit(1))

    def logged_in(profile: Opened, password: str) -> None:
        start(profile.store, profile.who, password, profile.keyfile)

    def start(store: Store, who: Who, password: str | None = None,
              keyfile: KeyFile | None = None) -> None:
        state["store"] = store
        ctx = AppContext(store, who, app, keyfile)
        state["ctx"] = ctx
        if password and who.server_url:  # a token for syncing, when the server can be reached
            ctx.sync.log_in(password, lambda: None, lambda _exc: None)
        window = MainWindow(ctx)
        state["window"] = window
        if window.demo_banner is not None:
            window.demo_banner.set_classroom(bool(who.server_url))
            window.demo_banner.role_chosen.connect(switch_role)
            window.demo_banner.reset_confirmed.connect(reset_demo)
            window.demo_banner.time_skipped.connect(skip_time)
        watcher = IdleWatcher(idle_minutes(), window)
        watcher.idle.connect(window.lock)
        window.idle_minutes_chosen.connect(watcher.set_minutes)
        app.installEventFilter(watcher)
        window.show()
        app.setQuitOnLastWindowClosed(True)
        if args.view:
            window.open_page(args.view)
        when_idle(window, freeze_startup_objects)
        if args.screenshot:
            when_idle(window, lambda: app.exit(0 if window.grab().save(str(args.screenshot))
                                                else 1))
        elif args.probe:
            def report() -> None:
                print(f"ready {time.time():.4f} rss_mb {rss_mb():.1f}", flush=True)
                app.exit(0)

            when_idle(window, report, interval_ms=5)

    def failed(exc: Exception) -> None:
        message = QApplication.translate("app", "Could not open the profile: %1").replace(
            "%1", describe(exc))
        print(message, file=sys.stderr)
        if "preparing" in state:
            state.pop("preparing").close()  # type: ignore[attr-defined]
        if args.screenshot or args.probe:
            app.exit(1)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate(
            "app", "Grid Inspector"), message)
        box.finished.connect(lambda _result: app.exit(1))
        state["error"] = box
        box.open()

    def close_current() -> None:
        """Put the open profile away (window, threads, store) before another opens."""
        app.setQuitOnLastWindowClosed(False)  # no window for a moment is not the end
        window, ctx = state.pop("window"), state.pop("ctx")
        window.close()  # type: ignore[attr-defined]
        window.deleteLater()  # type: ignore[attr-defined]
        ctx.sync.cancel()  # type: ignore[attr-defined]  # a running sync resumes next time
        ctx.drain()  # type: ignore[attr-defined]
        ctx.deleteLater()  # type: ignore[attr-defined]
        state.pop("store").close()  # type: ignore[attr-defined]

    def switch_role(role: str) -> None:
        args.role = role
        close_current()
        opener.submit(lambda: open_classroom(classroom(), role), opened, failed)

    def reset_demo() -> None:
        close_current()

        def work() -> tuple[Store, Who]:
            room = classroom()
            room.stop()
            room.reset()
            return open_classroom(room, args.role)

        preparing(QApplication.translate("app", "Resetting the demo …"))
        opener.submit(work, opened, failed)

    def skip_time(days: int) -> None:
        ctx = state["ctx"]

        def moved(count: int) -> None:
            ctx.notice.emit(QApplication.translate(  # type: ignore[attr-defined]
                "app", "Deadlines of %n open case(s) moved earlier; syncing now", "", count))
            ctx.sync.sync_now()  # type: ignore[attr-defined]

        ctx.background(lambda: classroom().skip_time(days), moved,  # type: ignore[attr-defined]
                       lambda exc: ctx.notice.emit(describe(exc)))  # type: ignore[attr-defined]

    def preparing(text: str) -> None:
        progress = QProgressDialog(text, "", 0, 0)
        progress.setCancelButton(None)
        progress.setWindowTitle(QApplication.translate("app", "Grid Inspector"))
        progress.setMinimumDuration(0)
        state["preparing"] = progress
        progress.show()

    def open_named(name: str) -> None:
        if name == DEMO and store_path(DEMO).exists():
            opener.submit(lambda: open_demo(name, args.role), opened, failed)
        elif name == DEMO:
            if not classroom().built:
                preparing(QApplication.translate(
                    "app", "Setting up the demo community and its server (first run only) …"))
            opener.submit(lambda: open_classroom(classroom(), args.role), opened, failed)
        else:
            from .login import greeting

            folder = profile_dir(name)
            opener.submit(lambda: greeting(folder), lambda who: ask_password(folder, who), failed)

    names = real_profiles()
    if args.demo or args.profile:
        open_named(DEMO if args.demo else args.profile)
    elif not names:  # a first run on this computer: the demo shows what the app does
        open_named(DEMO)
    else:
        chooser = ProfileChooser(names)
        chooser.chosen.connect(open_named)
        chooser.rejected.connect(lambda: app.exit(0))
        state["chooser"] = chooser
        chooser.show()
    code = app.exec()
    if "window" in state:  # an exit with the window still up (a screenshot, a test)
        state["window"].close()  # type: ignore[attr-defined]
    if "ctx" in state:
        state["ctx"].drain()  # type: ignore[attr-defined]
    opener.drain()
    if "store" in state:
        state["store"].close()  # type: ignore[attr-defined]
    if "classroom" in state:
        classroom().stop()
    crashes.remove()
    return code
