"""What the server knows of each device's sync queue, for a supervisor's dashboard.

GET /devices/health lists the devices of the people in the caller's grids (most
behind first); devices report their queue at the end of every sync attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from .transport import Transport


@dataclass(frozen=True)
class DeviceHealth:
    device_id: str
    username: str
    queue_depth: int  # changes waiting on the device to be sent
    oldest_unsent_at: datetime | None
    last_error: str | None
    last_success_at: datetime | None
    reported_at: datetime  # when the device last told the server

    def unsent_age(self, now: datetime) -> timedelta | None:
        """How long the oldest unsent change has waited (None: nothing waits)."""
        if not self.queue_depth or self.oldest_unsent_at is None:
            return None
        return max(timedelta(0), now - self.oldest_unsent_at)


def _moment(value: str | None) -> datetime | None:
    """A server time; the server stores UTC, and a time without a zone is UTC."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _device(row: dict[str, Any]) -> DeviceHealth:
    return DeviceHealth(
        device_id=row["device_id"], username=row["username"],
        queue_depth=int(row["queue_depth"]), oldest_unsent_at=_moment(row["oldest_unsent_at"]),
        last_error=row.get("last_error"), last_success_at=_moment(row["last_success_at"]),
        reported_at=_moment(row["reported_at"]) or datetime.now(UTC))


def device_health(transport: Transport) -> list[DeviceHealth]:
    """The devices in the caller's grids, most unsent work first (supervisors and admins)."""
    return [_device(row) for row in transport.json("GET", "/devices/health") or []]
