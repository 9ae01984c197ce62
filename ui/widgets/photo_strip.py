"""Photos on a form: pick or drop image files, see thumbnails with their camera time.

`PhotoStrip` imports each file off the GUI thread (decode, shrink, store) and shows
a thumbnail with the EXIF time under it, or "no time". A file that cannot be used
shows its reason and the others carry on. The form reads `photos()` when it saves;
the services link them to the record.

`StoredPhotos` shows photos a record already has (read only), from the thumbnails
in the photo store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from inspector.photos import PhotoStore
from inspector.services.attachments import PhotoInput, import_photos

from ..context import AppContext
from ..labels import local_time
from ..messages import describe

THUMB = 150  # shown edge in pixels: big enough to tell photos apart at arm's length
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")


def choose_files(parent: QWidget) -> list[str]:
    """Ask for image files (blocking file dialog); tests replace this function."""
    title = QCoreApplication.translate("PhotoStrip", "Choose photos")
    kinds = QCoreApplication.translate("PhotoStrip", "Images (*.jpg *.jpeg *.png *.webp)")
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", kinds)
    return paths


def time_text(widget: QWidget, taken_at: datetime | None) -> str:
    """The camera time under a thumbnail, or a plain "no time" when the photo has none."""
    if taken_at is None:
        return QCoreApplication.translate("PhotoStrip", "no time")
    return local_time(taken_at)


class PhotoTile(QFrame):
    """One thumbnail with its time underneath and, when removable, a remove button."""

    remove_clicked = Signal()

    def __init__(self, image: QImage | None, caption: str, removable: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        self.picture = QLabel()
        self.picture.setFixedSize(THUMB, THUMB)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if image is not None and not image.isNull():
            scaled = image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            self.picture.setPixmap(QPixmap.fromImage(scaled))
        else:
            self.picture.setPixmap(qta.icon("fa5s.image", color="#999").pixmap(64, 64))
        column.addWidget(self.picture)
        row = QHBoxLayout()
        self.caption = QLabel(caption)
        row.addWidget(self.caption, 1)
        if removable:
            self.remove = QToolButton()
            self.remove.setIcon(qta.icon("fa5s.trash-alt", color="#c62828"))
            self.remove.setIconSize(QSize(20, 20))
            self.remove.setToolTip(self.tr("Remove this photo"))
            self.remove.setAccessibleName(self.tr("Remove this photo"))
            self.remove.clicked.connect(self.remove_clicked)
            row.addWidget(self.remove)
        column.addLayout(row)


class _TileRow(QScrollArea):
    """A horizontal, scrolling row of tiles."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(THUMB + 60)
        inner = QWidget()
        self.tiles = QHBoxLayout(inner)
        self.tiles.setContentsMargins(0, 0, 0, 0)
        self.tiles.addStretch(1)
        self.setWidget(inner)

    def add(self, tile: QWidget) -> None:
        self.tiles.insertWidget(self.tiles.count() - 1, tile)

    def clear(self) -> None:
        while self.tiles.count() > 1:
            item = self.tiles.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()


@dataclass(frozen=True)
class _Imported:
    """What the image thread hands back for one file: plain data plus a QImage (thread-safe)."""

    photo: PhotoInput
    image: QImage


class PhotoStrip(QWidget):
    """Photos being added to a record at one stage ("report", "before", "verification" …)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, stage: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.stage = ctx, stage
        self._photos: list[PhotoInput] = []
        self._tiles: dict[str, PhotoTile] = {}  # sha256 -> tile
        self._running = 0
        self.setAcceptDrops(True)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.add_button = QPushButton(qta.icon("fa5s.camera"), self.tr("Add photos…"))
        self.add_button.setMinimumHeight(36)
        self.add_button.setToolTip(self.tr("Choose photo files, or drag them here"))
        self.add_button.clicked.connect(self._choose)
        top.addWidget(self.add_button)
        self.progress = QLabel(self.tr("or drag photos here"))
        top.addWidget(self.progress, 1)
        column.addLayout(top)
        self.row = _TileRow()
        self.row.hide()  # shown with the first photo, so an empty strip takes one line
        column.addWidget(self.row)
        self.problems = QLabel()
        self.problems.setObjectName("photo_problems")
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.setWordWrap(True)
        self.problems.hide()
        column.addWidget(self.problems)

    # -- what the form reads -------------------------------------------------
    def photos(self) -> tuple[PhotoInput, ...]:
        return tuple(self._photos)

    def busy(self) -> bool:
        """Whether photos are still being imported (a form waits before it saves)."""
        return self._running > 0

    def captions(self) -> list[str]:
        """The text under each thumbnail, in order (what a user reads)."""
        return [self._tiles[p.photo.sha256].caption.text() for p in self._photos]

    def problem_text(self) -> str:
        return self.problems.text() if not self.problems.isHidden() else ""

    def clear(self) -> None:
        """Forget every photo (after the record was saved)."""
        self._photos.clear()
        self._tiles.clear()
        self.row.clear()
        self.row.hide()
        self._set_problems([])
        self.changed.emit()

    # -- adding --------------------------------------------------------------
    def add_files(self, paths: Sequence[str]) -> None:
        """Import the files on the image thread; each one succeeds or fails on its own."""
        self._set_problems([])
        store, stage = self.ctx.store.photos, self.stage
        for path in paths:
            name = Path(path).name
            self._running += 1
            self.ctx.background(lambda path=path: _import(store, path, stage),
                                self._arrived,
                                lambda exc, name=name: self._refused(name, exc))
        self._show_progress()

    def _choose(self) -> None:
        paths = choose_files(self)
        if paths:
            self.add_files(paths)

    def _arrived(self, imported: _Imported) -> None:
        if not isValid(self):  # the form was closed while the photo was being imported
            return
        self._running -= 1
        self._show_progress()
        sha = imported.photo.photo.sha256
        if sha in self._tiles:
            self._add_problem(self.tr("This photo is already added."))
            return
        tile = PhotoTile(imported.image, time_text(self, imported.photo.photo.taken_at), True)
        tile.remove_clicked.connect(lambda: self._remove(sha))
        self._tiles[sha] = tile
        self._photos.append(imported.photo)
        self.row.add(tile)
        self.row.show()
        self.changed.emit()

    def _refused(self, name: str, exc: Exception) -> None:
        if not isValid(self):
            return
        self._running -= 1
        self._show_progress()
        self._add_problem(self.tr("%1 was not added: %2").replace("%1", name)
                          .replace("%2", describe(exc)))
        self.changed.emit()

    def _remove(self, sha: str) -> None:
        self._photos = [p for p in self._photos if p.photo.sha256 != sha]
        tile = self._tiles.pop(sha)
        tile.hide()
        tile.deleteLater()
        self.row.setVisible(bool(self._photos))
        self.changed.emit()

    def _show_progress(self) -> None:
        self.progress.setText(self.tr("Adding %n photo(s)…", "", self._running)
                              if self._running else self.tr("or drag photos here"))

    def _set_problems(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    def _add_problem(self, line: str) -> None:
        current = self.problem_text()
        self._set_problems([*current.splitlines(), line])

    # -- drag and drop -------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if _dropped_images(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if _dropped_images(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = _dropped_images(event)
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)


def _dropped_images(event) -> list[str]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(IMAGE_SUFFIXES)]


def _import(store: PhotoStore, path: str, stage: str) -> _Imported:
    """On the image thread: process and store one file, and decode its thumbnail."""
    (photo,) = import_photos(store, [(path, stage)])
    return _Imported(photo, QImage.fromData(photo.photo.thumb))


@dataclass(frozen=True)
class StoredPhoto:
    """A photo a record already has, as the detail views receive it from a query."""

    sha256: str
    stage: str
    taken_at: datetime | None


class StoredPhotos(QWidget):
    """Read-only thumbnails of a record's photos; thumbnails load on the image thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.row = _TileRow()
        column.addWidget(self.row)
        self.empty = QLabel(self.tr("No photos"))
        column.addWidget(self.empty)
        self.tiles: list[PhotoTile] = []

    def set_photos(self, photos: Sequence[StoredPhoto]) -> None:
        self._generation += 1
        generation = self._generation
        self.row.clear()
        self.tiles = []
        self.empty.setVisible(not photos)
        self.row.setVisible(bool(photos))
        if not photos:
            return
        store = self.ctx.store.photos
        shas = [p.sha256 for p in photos]
        self.ctx.background(lambda: _load_thumbs(store, shas),
                            lambda images: self._show(generation, photos, images))

    def _show(self, generation: int, photos: Sequence[StoredPhoto],
              images: list[QImage | None]) -> None:
        # A detail view rebuilt meanwhile may have deleted this widget; a newer list wins.
        if not isValid(self) or generation != self._generation:
            return
        for photo, image in zip(photos, images, strict=True):
            tile = PhotoTile(image, time_text(self, photo.taken_at), False)
            self.tiles.append(tile)
            self.row.add(tile)


def _load_thumbs(store: PhotoStore, shas: Sequence[str]) -> list[QImage | None]:
    """Read thumbnails from disk; a photo not yet synced to this device shows a placeholder."""
    images: list[QImage | None] = []
    for sha in shas:
        data = store.read_thumb(sha)
        images.append(QImage.fromData(data) if data is not None else None)
    return images
