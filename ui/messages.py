"""Turning failures into plain-language messages that say what to do next.

Errors carry a `kind` (inspector.errors, sync.errors); this is the one place that
maps a kind to words. The core's own messages (which field, why) are shown as they
are: they never contain a resident's data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from inspector.errors import InspectorError
from sync.errors import SyncError


def tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def describe(exc: BaseException) -> str:
    kind = getattr(exc, "kind", None)
    if isinstance(exc, SyncError):
        advice = {
            "offline": tr("No connection to the server. Your work is kept on this computer "
                           "and will be sent when the network is back."),
            "auth": tr("Your login has expired. Log in again to sync."),
            "incompatible": tr("This app and the server do not match. Ask your administrator "
                                "to update the app."),
            "server": tr("The server had a problem. Try again later; if it keeps happening, "
                          "tell your administrator the request number %1."),
            "refused": tr("The server refused: %1"),
            "cancelled": tr("Sync stopped. What was done is kept; the rest follows next time."),
        }.get(kind or "")
        if advice is None:
            return exc.message
        if kind == "server":
            return advice.replace("%1", exc.request_id or "-")
        return advice.replace("%1", exc.message)
    if kind == "wrong_password":
        return (tr("Wrong password. Try again.") if exc.checked  # type: ignore[attr-defined]
                else tr("Please wait before the next try."))
    if kind == "locked_out":
        return tr("Too many wrong passwords: this laptop no longer checks the password itself. "
                  "Connect to the network, and the server will check it.")
    if kind == "locked":
        return tr("The profile is locked. Enter your password.")
    if isinstance(exc, InspectorError):
        return str(exc)
    if isinstance(exc, OSError):
        return tr("Could not read or write a file: %1").replace("%1", exc.strerror or str(exc))
    return tr("Something went wrong (%1). Your saved work is safe.").replace(
        "%1", type(exc).__name__)
