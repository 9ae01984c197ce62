"""Guards every service applies before writing: the record exists and lies in the actor's grids."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from ..errors import FieldError, NotFoundError, ValidationError
from ..models import Area, Synced
from .recording import Actor

T = TypeVar("T", bound=Synced)


def get(session: Session, model: type[T], record_id: str, what: str) -> T:
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError(f"找不到该{what}（可能已被删除）")
    return obj


def check_grid(session: Session, actor: Actor, grid_id: str | None, field: str = "grid_id") -> str:
    """The grid exists and is one of the actor's (an empty list means every grid)."""
    if not grid_id:
        raise ValidationError(FieldError(field, "必填"))
    area = session.get(Area, grid_id)
    if area is None or area.level != "grid":
        raise ValidationError(FieldError(field, "不是有效的网格"))
    if actor.grid_ids and grid_id not in actor.grid_ids:
        raise ValidationError(FieldError(field, "不在您负责的网格范围内"))
    return grid_id
