"""The drills window as a trainee uses it: steps tick off as the work is saved."""

from __future__ import annotations

from datetime import timedelta

from PIL import Image
from PySide6.QtCore import Qt
from uikit import wait_idle

from inspector.demo import drills
from inspector.models import Resident, utcnow
from inspector.photos import PhotoStore
from inspector.services.attachments import import_photos
from inspector.services.cases import IssueInput, report_issue


def _open_drill(qtbot, window, ctx, drill: str):
    window.show_drills()
    panel = window.drills
    row = next(i for i in range(panel.choices.count())
               if panel.choices.item(i).data(Qt.ItemDataRole.UserRole) == drill)
    panel.choices.setCurrentRow(row)
    panel.start_button.click()
    qtbot.waitUntil(lambda: panel.run is not None and panel.run.drill == drill)
    return panel


def test_a_blocked_drain_report_ticks_the_steps_as_it_is_saved(qtbot, window, ctx, tmp_path):
    panel = _open_drill(qtbot, window, ctx, drills.REPORT_DRAIN)
    assert panel.steps.count() == 3 and not panel.answer.isVisible()
    picture = tmp_path / "drain.jpg"
    Image.new("RGB", (320, 240), (90, 60, 30)).save(picture)
    photos = tuple(import_photos(PhotoStore(ctx.store.photo_dir), [(str(picture), "report")]))
    data = IssueInput(grid_id=ctx.actor.grid_ids[0], category_code="drain_blocked",
                      severity="general", title="雨水口堵塞", description="雨水口被落叶堵住",
                      address="演示路1号", occurred_at=utcnow() - timedelta(minutes=3),
                      photos=photos)
    ctx.write(lambda store, actor: report_issue(store, actor, data)[1], lambda _c: None,
              lambda exc: None)
    assert panel.result.step == 0
    qtbot.waitUntil(lambda: panel.result.done, timeout=10_000)  # no Check press needed


def test_finding_a_resident_needs_their_name(qtbot, window, ctx):
    panel = _open_drill(qtbot, window, ctx, drills.FIND_RESIDENT)
    assert panel.answer.isVisible() and panel.run.id_tail in panel.steps.item(0).text()
    panel.answer.setText("不是这个人")
    panel.check_button.click()
    wait_idle(qtbot, ctx)
    assert panel.result.step == 1 and not panel.result.done
    with ctx.store.read() as session:
        name = session.get(Resident, panel.run.target_id).name
    panel.answer.setText(name)
    panel.check_button.click()
    wait_idle(qtbot, ctx)
    assert panel.result.done
