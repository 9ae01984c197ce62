"""The photo strip as a user meets it: pick or drop files, see thumbnails and times, remove."""

from __future__ import annotations

import pytest
from photofiles import make_not_a_photo, make_photo
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from inspector.photos import PhotoStore
from ui.widgets import photo_strip
from ui.widgets.photo_strip import PhotoStrip, StoredPhoto, StoredPhotos


@pytest.fixture
def strip(qtbot, ctx):
    widget = PhotoStrip(ctx, "report")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _wait(qtbot, strip):
    qtbot.waitUntil(lambda: not strip.busy(), timeout=10_000)


def test_add_button_imports_chosen_files_with_their_camera_time(qtbot, strip, ctx, tmp_path,
                                                                monkeypatch):
    files = [make_photo(tmp_path, "a.jpg", "red", taken="2024:05:06 07:08:09"),
             make_photo(tmp_path, "b.jpg", "blue")]
    monkeypatch.setattr(photo_strip, "choose_files", lambda parent: files)
    with qtbot.waitSignal(strip.changed):
        qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, strip)
    qtbot.waitUntil(lambda: len(strip.photos()) == 2)
    assert sorted(strip.captions()) == ["2024-05-06 07:08", "no time"]
    assert all(p.stage == "report" for p in strip.photos())
    store = PhotoStore(ctx.store.photo_dir)
    for p in strip.photos():
        assert store.thumb_path(p.photo.sha256).is_file()
    tiles = strip.row.findChildren(photo_strip.PhotoTile)
    assert all(not tile.picture.pixmap().isNull() for tile in tiles)


def test_a_bad_file_says_why_and_keeps_the_good_ones(qtbot, strip, tmp_path):
    good = make_photo(tmp_path, "good.jpg", "green")
    strip.add_files([make_not_a_photo(tmp_path), good])
    _wait(qtbot, strip)
    assert len(strip.photos()) == 1
    assert "notes.jpg" in strip.problem_text()
    assert "不是图片文件" in strip.problem_text()


def test_remove_button_drops_one_photo(qtbot, strip, tmp_path):
    strip.add_files([make_photo(tmp_path, "a.jpg", "red"), make_photo(tmp_path, "b.jpg", "blue")])
    _wait(qtbot, strip)
    kept = list(strip.photos())
    tile = strip._tiles[kept[0].photo.sha256]
    with qtbot.waitSignal(strip.changed):
        qtbot.mouseClick(tile.remove, Qt.MouseButton.LeftButton)
    assert [p.photo.sha256 for p in strip.photos()] == [kept[1].photo.sha256]
    assert tile.isHidden()


def test_the_same_photo_twice_is_added_once(qtbot, strip, tmp_path):
    path = make_photo(tmp_path, "a.jpg", "red")
    strip.add_files([path, path])
    _wait(qtbot, strip)
    assert len(strip.photos()) == 1
    assert "already added" in strip.problem_text()


def test_dropping_several_image_files_adds_them(qtbot, strip, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(make_photo(tmp_path, "a.jpg", "red")),
                  QUrl.fromLocalFile(make_photo(tmp_path, "b.jpg", "blue")),
                  QUrl.fromLocalFile(str(tmp_path / "readme.txt"))])
    args = (QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    # Qt only delivers drag events from a real drag; call the handlers it would call.
    enter = QDragEnterEvent(*args)
    strip.dragEnterEvent(enter)
    assert enter.isAccepted()
    strip.dropEvent(QDropEvent(*args))
    assert strip.busy()
    _wait(qtbot, strip)
    assert len(strip.photos()) == 2


def test_stored_photos_show_thumbnails_from_the_photo_store(qtbot, ctx, strip, tmp_path):
    strip.add_files([make_photo(tmp_path, "a.jpg", "red", taken="2023:01:02 03:04:05")])
    _wait(qtbot, strip)
    (photo,) = strip.photos()
    view = StoredPhotos(ctx)
    qtbot.addWidget(view)
    view.set_photos([StoredPhoto(photo.photo.sha256, "report", photo.photo.taken_at),
                     StoredPhoto("0" * 64, "report", None)])
    qtbot.waitUntil(lambda: len(view.tiles) == 2, timeout=10_000)
    assert [t.caption.text() for t in view.tiles] == ["2023-01-02 03:04", "no time"]
    assert view.tiles[0].picture.pixmap().width() > 64  # the real thumbnail, not the icon
    assert view.empty.isHidden()


def test_a_text_file_dragged_over_is_not_accepted(strip, tmp_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "readme.txt"))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    strip.dragEnterEvent(enter)
    assert not enter.isAccepted()
