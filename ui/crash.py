"""When something unexpected breaks: a report on disk without personal data, and a
dialog in plain words.

`CrashReporter.install` takes over `sys.excepthook` (an exception escaping a Qt slot
or a QRunnable ends there too, on whichever thread raised it) and
`threading.excepthook` (Python threads). The hooks only log the error, write the report
(`inspector.logs.write_crash_report`: redacted messages, no local variables) and emit a
queued signal, so the dialog is always built on the GUI thread, by the event loop, never
inside a hook. Failures of background jobs do not come here: `ui.background.Worker`
hands them to the caller that submitted the job.

An error while the main window is up leaves the app running: every save is one
transaction, so what was saved is in the database and what was half-done was rolled
back. An error before any main window existed (during start-up) ends the app once the
dialog is closed, since there is nothing to go back to.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from inspector.logs import log_folder, write_crash_report

log = logging.getLogger(__name__)

EXIT_CRASHED = 70  # the app's exit code after an error at start-up (EX_SOFTWARE)
MAX_REPORTS = 20  # per session: an error repeating in a paint event must not fill the disk
KEEP_REPORTS = 50  # older crash reports in the folder are removed


def open_folder(folder: Path) -> bool:
    """Show a folder in the system's file manager (tests replace this)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def prune_reports(folder: Path, keep: int = KEEP_REPORTS) -> None:
    """Remove all but the newest `keep` crash reports (their names sort by time)."""
    for old in sorted(folder.glob("crash-*.txt"))[:-keep]:
        old.unlink(missing_ok=True)


def _main_window_up(app: QApplication) -> bool:
    return any(isinstance(w, QMainWindow) and w.isVisible() for w in app.topLevelWidgets())


class CrashReporter(QObject):
    """Writes a report for every unexpected exception and shows one dialog for them."""

    crashed = Signal(str)  # the report's path ("" if it could not be written); any thread

    def __init__(self, app: QApplication, folder: Path | None = None):
        super().__init__(app)
        self.app = app
        self.folder = Path(folder) if folder is not None else log_folder()
        self.dialog: CrashDialog | None = None
        self.written = 0
        self._count_lock = threading.Lock()
        self._previous: tuple | None = None
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def remove(self) -> None:
        """Put back the hooks `install` replaced (tests, and the app on its way out)."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(self, kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal is no crash
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(kind, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):  # a thread that ended itself
            return
        self.report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def report(self, kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """Log it, write the report and ask the GUI thread to say so (safe on any thread)."""
        try:
            log.error("unexpected error", exc_info=(kind, exc, tb))  # redacted by the log filter
            with self._count_lock:
                self.written += 1
                too_many = self.written > MAX_REPORTS
            path = ""
            if not too_many:
                try:
                    path = str(write_crash_report(kind, exc, tb, self.folder))
                    prune_reports(self.folder)
                except OSError as err:
                    log.error("crash report not written: %s", err.strerror or type(err).__name__)
            self.crashed.emit(path)
        except Exception:  # the hook itself must never raise: fall back to stderr
            sys.__excepthook__(kind, exc, tb)

    def _show(self, path: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.another()
            return
        fatal = not _main_window_up(self.app)
        self.dialog = CrashDialog(path, self.folder, fatal)
        if fatal:
            self.dialog.finished.connect(lambda _result: self.app.exit(EXIT_CRASHED))
        self.dialog.show()
        self.dialog.raise_()


class CrashDialog(QDialog):
    """What happened, that saved work is safe, and where the report is."""

    def __init__(self, path: str, folder: Path, fatal: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.path, self.folder, self.fatal, self.more = path, Path(folder), fatal, 0
        self.setWindowTitle(self.tr("Grid Inspector — unexpected error"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        if fatal:
            what = self.tr("Something unexpected went wrong while the app was starting, so it "
                           "has to close. Your saved work is safe: nothing saved before is lost. "
                           "Start the app again; if this keeps happening, send the report below "
                           "to your administrator.")
        else:
            what = self.tr("Something unexpected went wrong. Your saved work is safe: everything "
                           "saved before this moment is in the database. You can keep working; "
                           "if it happens again, restart the app and send the report below to "
                           "your administrator.")
        self.message = QLabel(what)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-size: 14px;")
        top.addWidget(self.message, 1)
        layout.addLayout(top)

        if path:
            where = QLabel(self.tr("A report was written. It holds no residents' personal "
                                   "data:"))
            where.setWordWrap(True)
            layout.addWidget(where)
            self.path_field = QLineEdit(path)
            self.path_field.setReadOnly(True)
            layout.addWidget(self.path_field)
        else:
            self.path_field = None
            missing = QLabel(self.tr("The report could not be written (see the log file)."))
            missing.setWordWrap(True)
            layout.addWidget(missing)
        self.more_label = QLabel()
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        layout.addWidget(self.more_label)

        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(self.tr("Open folder"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: open_folder(self.folder))
        self.copy_button = buttons.addButton(self.tr("Copy path"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_path)
        self.copy_button.setEnabled(bool(path))
        self.close_button = buttons.addButton(  # not "Close": that word closes cases here
            self.tr("Quit") if fatal else self.tr("Continue working"),
            QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button.setDefault(True)

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(self.path)

    def another(self) -> None:
        """One more error while this dialog is open: counted here, not a second dialog."""
        self.more += 1
        self.more_label.setText(self.tr(
            "%n more unexpected error(s) followed; their reports are in the same folder.", "",
            self.more))
        self.more_label.show()
