"""What encryption at rest costs: the same district plain and encrypted, side by side.

    .venv/bin/python -m bench.at_rest --households 20000

Generates a district (no photos) once into the temp folder, makes an encrypted copy
with SQLCipher's export, then times on both, in the same run: opening the store, the
overview the window starts with, search keystrokes, a week's scorecard, a batch of
register writes, and sealing and opening photos. Unlocking (Argon2id) is timed on its
own. Prints medians and the encrypted/plain ratio; never asserts on timings.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from inspector.crypto import DataKey, KeySlot
from inspector.db import Store, connect_raw, open_store
from inspector.demo import generate
from inspector.demo.accounts import act_as
from inspector.keyfile import KeyFile
from inspector.models import Area
from inspector.photos import PhotoStore, process_photo
from inspector.queries.periods import last_days, today
from inspector.queries.scorecard import scorecard
from inspector.search import search
from inspector.services import register
from inspector.services.overview import area_overview
from inspector.services.recording import Actor

RUNS = 5
KEYSTROKES = ("z", "zh", "zha", "zhan", "王", "王建", "1234", "幸福", "幸福路", "li")


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def district(households: int) -> Path:
    folder = Path(tempfile.gettempdir()) / f"grid-bench-at-rest-{households}"
    if not (folder / "complete").exists():
        print(f"generating {households} households into {folder} ...", file=sys.stderr)
        shutil.rmtree(folder, ignore_errors=True)
        store = open_store(folder / "plain.db")
        generate(store, households, photos=False, now=datetime.now(UTC))
        store.close()
        (folder / "complete").touch()
    return folder


def encrypted_copy(plain: Path, target: Path, key: DataKey) -> None:
    target.unlink(missing_ok=True)
    with closing(connect_raw(plain, KeySlot())) as conn:
        conn.execute(f"ATTACH DATABASE ? AS sealed KEY \"x'{key.raw().hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('sealed')")
        conn.execute("DETACH DATABASE sealed")


def jobs(store: Store, path: Path, key: DataKey | None,
         photos: PhotoStore) -> dict[str, Callable[[], object]]:
    actor = act_as(store, "supervisor")
    who = Actor(actor.username, "staff", actor.device_id, tuple(actor.grid_ids or ()))
    with store.read() as session:
        grid = session.scalars(select(Area.id).where(Area.level == "grid")).first()

    def keystrokes() -> None:
        with store.read() as session:
            for text in KEYSTROKES:
                search(session, text, limit=50)

    def writes() -> None:
        for n in range(50):
            register.add_household(store, who, {"grid_id": grid, "door_no": f"B{n}",
                                                "address": f"测试路{n}号",
                                                "housing_use": "owner_occupied"})

    picture = io.BytesIO()
    Image.effect_noise((1600, 1200), 64).convert("RGB").save(picture, "JPEG", quality=90)
    processed = [process_photo(picture.getvalue())]

    def seal_and_read() -> None:
        for p in processed:
            photos.put(p)
            photos.read(p.sha256)
            photos.path(p.sha256).unlink()  # so the next run writes again

    return {
        "open store": lambda: open_store(path, key and DataKey(key.raw())).close(),
        "overview": lambda: area_overview(store),
        f"search, {len(KEYSTROKES)} keystrokes": keystrokes,
        "scorecard, 7 days": lambda: scorecard(store, last_days(7, today())),
        "50 register writes": writes,
        "photo seal+read (1 photo)": seal_and_read,
    }


def side_by_side(plain: dict[str, Callable[[], object]],
                 sealed: dict[str, Callable[[], object]]) -> dict[str, tuple[float, float]]:
    """Medians of each job, plain and encrypted runs alternating after a warm-up of both,
    so caches and a busy machine weigh on both sides alike."""
    out = {}
    for name in plain:
        plain[name](), sealed[name]()
        a, b = [], []
        for _ in range(RUNS):
            a.append(median_ms(plain[name], runs=1))
            b.append(median_ms(sealed[name], runs=1))
        out[name] = statistics.median(a), statistics.median(b)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--households", type=int, default=20_000)
    args = parser.parse_args(argv)
    folder = district(args.households)
    work = Path(tempfile.mkdtemp(prefix="grid-bench-at-rest-"))
    try:
        shutil.copy(folder / "plain.db", work / "plain.db")
        key = DataKey.new()
        encrypted_copy(work / "plain.db", work / "sealed.db", key)
        keyfile, _ = KeyFile.create(work / "key.json", "bench-password", {}, key)
        unlock = median_ms(lambda: keyfile.unlock("bench-password"))

        plain = open_store(work / "plain.db")
        sealed = open_store(work / "sealed.db", DataKey(key.raw()))
        results = side_by_side(jobs(plain, work / "plain.db", None, PhotoStore(work / "plain")),
                               jobs(sealed, work / "sealed.db", key, sealed.photos))
        plain.close()
        sealed.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"district: {args.households} households; medians of {RUNS} alternating runs")
    print(f"unlock (Argon2id, 64 MiB): {unlock:.0f} ms")
    print(f"{'':34}{'plain ms':>10}{'encrypted ms':>14}{'ratio':>8}")
    for name, (plain_ms, sealed_ms) in results.items():
        print(f"{name:34}{plain_ms:10.1f}{sealed_ms:14.1f}{sealed_ms / plain_ms:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
