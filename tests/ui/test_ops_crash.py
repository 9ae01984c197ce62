"""An unexpected error in a slot or in a thread: a report without personal data, and a
dialog on the GUI thread that says saved work is safe and where the report is."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from testkit import make_id

from ui import crash
from ui.crash import EXIT_CRASHED, CrashReporter

# pytest-qt would take these exceptions for test failures; here they are the subject.
pytestmark = pytest.mark.qt_no_exception_capture

NAME, ID, PHONE = "欧阳锦绣", make_id("110105", "19790321", "517"), "13912345678"


def fail_with_personal_data() -> None:
    """A bug while handling a resident: their data in a local variable and in the message."""
    resident = {"name": NAME, "id_number": ID, "phone": PHONE}
    raise ValueError(f"号码 {resident['id_number']} 与电话 {resident['phone']} 不符："
                     f"{resident['name']!r}")


@pytest.fixture
def reporter(qapp, tmp_path) -> Iterator[CrashReporter]:
    hooks = CrashReporter(qapp, tmp_path / "logs")
    hooks.install()
    yield hooks
    hooks.remove()
    if hooks.dialog is not None:
        hooks.dialog.close()
        hooks.dialog.deleteLater()


def _reports(reporter: CrashReporter) -> list:
    return sorted(reporter.folder.glob("crash-*.txt"))


def _clean(text: str) -> bool:
    return all(secret not in text for secret in (NAME, ID, PHONE))


def test_an_error_in_a_slot_writes_a_clean_report_and_the_app_goes_on(
        qtbot, window, reporter, monkeypatch):
    opened = []
    monkeypatch.setattr(crash, "open_folder", opened.append)
    button = QPushButton("save")
    qtbot.addWidget(button)
    button.clicked.connect(fail_with_personal_data)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())

    [report] = _reports(reporter)
    text = report.read_text(encoding="utf-8")
    assert "ValueError" in text and "fail_with_personal_data" in text
    assert _clean(text)
    dialog = reporter.dialog
    assert dialog.path_field.text() == str(report)
    assert "saved work is safe" in dialog.message.text() and not dialog.fatal
    assert dialog.close_button.text() == "Continue working"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(report)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [reporter.folder]

    # Another error while the dialog is open: its own report, no second dialog.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.more == 1)
    assert reporter.dialog is dialog and len(_reports(reporter)) == 2
    assert "1 more unexpected error" in dialog.more_label.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert window.isVisible() and not dialog.isVisible()


def test_an_error_in_a_thread_is_shown_on_the_gui_thread(qtbot, qapp, window, reporter):
    thread = threading.Thread(target=fail_with_personal_data, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog.thread() is qapp.thread()
    [report] = _reports(reporter)
    assert _clean(report.read_text(encoding="utf-8"))
    assert not reporter.dialog.fatal and window.isVisible()


def test_an_error_before_the_window_exists_ends_the_app_once_the_dialog_is_closed(
        qtbot, qapp, reporter):
    seen = []

    def close_the_dialog() -> None:
        if reporter.dialog is not None and reporter.dialog.isVisible():
            seen.append((reporter.dialog.fatal, reporter.dialog.close_button.text()))
            reporter.dialog.close_button.click()

    closer = QTimer()
    closer.timeout.connect(close_the_dialog)
    closer.start(20)
    QTimer.singleShot(0, fail_with_personal_data)
    give_up = QTimer(singleShot=True, interval=30_000)  # a hung test fails, not waits
    give_up.timeout.connect(lambda: qapp.exit(-1))
    give_up.start()
    assert qapp.exec() == EXIT_CRASHED
    closer.stop()
    give_up.stop()
    # Closing the last window posted a Quit; left pending, it would end the next
    # test's event loops at once.
    qtbot.wait(20)
    assert seen == [(True, "Quit")]
    assert len(_reports(reporter)) == 1
