"""Why an export or an import stopped, as typed errors the GUI maps to a message."""

from __future__ import annotations

from ..errors import InspectorError


class FileRefused(InspectorError):
    """The file cannot be imported at all (not XLSX, too large, columns missing)."""

    kind = "file"


class ImportFailed(InspectorError):
    """A confirmed row failed while being written; the whole import was rolled back."""

    kind = "import"


class Cancelled(InspectorError):
    """The user stopped an export; no file was left behind."""

    kind = "cancelled"
