"""Typed sync failures. Each has a `kind` the app maps to a message and an action;
network trouble is normal here, so none of these is a crash."""

from __future__ import annotations


class SyncError(Exception):
    kind = "error"

    def __init__(self, message: str, *, status: int | None = None,
                 request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.request_id = request_id


class Offline(SyncError):
    """No connection, a timeout, or a gateway that would not pass us on: try again later."""

    kind = "offline"


class AuthExpired(SyncError):
    """The login is missing, expired or revoked: log in again."""

    kind = "auth"


class LockedOut(SyncError):
    """Too many wrong passwords: the account, or this network address, must wait.
    The message says how long; `retry_after` is that wait in seconds."""

    kind = "locked"

    def __init__(self, message: str, *, retry_after: int | None = None,
                 status: int | None = None, request_id: str | None = None) -> None:
        super().__init__(message, status=status, request_id=request_id)
        self.retry_after = retry_after


class Insecure(SyncError):
    """This computer will not send a password where it could be read on the way: plain
    http to another machine, or a CA bundle that is not there. Nothing was sent."""

    kind = "insecure"


class Incompatible(SyncError):
    """The server speaks another protocol version, or is a demo/real server of the wrong kind."""

    kind = "incompatible"


class ServerError(SyncError):
    """The server failed; the request id lets an administrator find it in the logs."""

    kind = "server"


class Refused(SyncError):
    """The server understood and said no (permissions, bad input)."""

    kind = "refused"


class Cancelled(SyncError):
    """The user stopped the sync; what was done so far is kept and resumes next time."""

    kind = "cancelled"
