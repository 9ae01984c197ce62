"""The client engine: no Qt, so it runs from the app's worker thread, a command or a test."""

from .engine import CycleReport, Progress, SyncEngine
from .transport import Transport, login

__all__ = ["CycleReport", "Progress", "SyncEngine", "Transport", "login"]
