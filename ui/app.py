"""Start-up: language, profile, main window. Opening the profile runs off the GUI thread."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from inspector.catalogues import resources_dir
from inspector.db import Store
from inspector.profiles import DEMO, store_path

from .background import DatabaseWorker
from .main_window import MainWindow

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="grid-inspector")
    parser.add_argument("--demo", action="store_true", help="open the demo profile")
    parser.add_argument("--profile", default=None, help="profile name")
    parser.add_argument("--lang", default="zh_CN", help="zh_CN (default) or en")
    parser.add_argument("--screenshot", type=Path, help="render the window to PNG and exit")
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


def prepare_profile(name: str, demo: bool) -> tuple[Store, object]:
    """Open (and for a first demo run, fill) the profile; runs on the database thread."""
    from inspector.db import open_store
    from inspector.services.overview import area_overview

    path = store_path(name)
    fresh = not path.exists()
    store = open_store(path)
    if demo and fresh:
        from inspector.demo import generate

        generate(store)
    return store, area_overview(store)


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("GridInspector")
    install_translators(app, args.lang)
    demo = args.demo or args.profile in (None, DEMO)
    window = MainWindow(demo=demo)
    worker = DatabaseWorker(app)
    state: dict[str, Store] = {}

    def loaded(result: tuple[Store, object]) -> None:
        state["store"], overview = result
        window.show_overview(overview)  # type: ignore[arg-type]
        if args.screenshot:
            QTimer.singleShot(50, lambda: (window.grab().save(str(args.screenshot)), app.quit()))

    def failed(exc: Exception) -> None:
        window.show_error(window.tr("Could not open the profile: %1").replace("%1", str(exc)))
        if args.screenshot:
            app.exit(1)

    window.show()
    worker.submit(lambda: prepare_profile(args.profile or DEMO, demo), loaded, failed)
    code = app.exec()
    worker.drain()
    if "store" in state:
        state["store"].close()
    return code
