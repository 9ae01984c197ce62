"""Helpers shared by the tests: a small area tree, fictional ID numbers, row counts, photos.

Plain functions, imported as `from testkit import ...` (a unique module name,
unlike `conftest`, of which there may be several).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from sqlalchemy import func, select

from inspector.db import Store
from inspector.models import Area, AuditEntry, Household, OutboxEntry, Resident
from inspector.validation import id_check_digit


@dataclass(frozen=True)
class Tree:
    district: str
    street: str
    community: str
    g1: str
    g2: str


def _square(lon: float, lat: float) -> dict:
    d = 0.002
    return {"type": "Polygon", "coordinates": [[[lon, lat], [lon + d, lat], [lon + d, lat + d],
                                                 [lon, lat + d], [lon, lat]]]}


def build_tree(store: Store) -> Tree:
    with store.write() as s:
        district = Area(code="D01", name="示范区", level="district")
        s.add(district)
        s.flush()
        street = Area(code="D01S01", name="和平街道", level="street", parent_id=district.id)
        s.add(street)
        s.flush()
        community = Area(code="D01S01C01", name="幸福社区", level="community",
                         parent_id=street.id)
        s.add(community)
        s.flush()
        g1 = Area(code="D01S01C01G01", name="第一网格", level="grid", parent_id=community.id,
                  boundary=_square(116.30, 39.90), head_name="格长甲")
        g2 = Area(code="D01S01C01G02", name="第二网格", level="grid", parent_id=community.id,
                  boundary=_square(116.31, 39.90), head_name="格长乙")
        s.add_all([g1, g2])
        s.flush()
        return Tree(district.id, street.id, community.id, g1.id, g2.id)


def make_id(region: str = "110105", birth: str = "19800101", seq: str = "123") -> str:
    """A valid fictional ID number; the 3rd digit of `seq` sets the gender (odd = 男)."""
    first17 = region + birth + seq
    return first17 + id_check_digit(first17)


def bad_check_digit(number: str) -> str:
    """The same number with a wrong check character."""
    wrong = "0" if number[-1] != "0" else "1"
    return number[:-1] + wrong


def count(store: Store, model: type) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def counts(store: Store) -> dict[str, int]:
    """Row counts a user-visible write would change, for before/after comparisons."""
    return {m.__tablename__: count(store, m)
            for m in (Household, Resident, OutboxEntry, AuditEntry)}


def household_data(grid_id: str, **extra: object) -> dict[str, object]:
    return {"grid_id": grid_id, "door_no": "3-2-501", "address": "幸福路12号3栋2单元501",
            "housing_use": "owner_occupied", "head_name": "陈建国", "phone": "13800138000",
            **extra}


def resident_data(id_number: str, **extra: object) -> dict[str, object]:
    return {"name": "陈建国", "id_number": id_number, "relation": "self",
            "residence_type": "registered", **extra}


def jpeg_bytes(color: tuple[int, int, int] = (30, 120, 200), size: tuple[int, int] = (64, 48),
               ) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "JPEG")
    return buf.getvalue()
