"""Log files and crash reports that never hold residents' personal data.

Logs go to a rotating file (2 MB x 5) in the platform's log folder
(`$GRID_INSPECTOR_HOME/logs` when that is set). Every handler carries `RedactFilter`,
which masks anything shaped like an ID number (18 digits or 17 and an X; the old 15
digits) or a mobile phone (11 digits), in the message and in the exception text, the
way every list masks them (`inspector.disclosure`), and leaves out the values a
PostgreSQL error quotes. Names and addresses cannot be recognised by shape, so the code
logs record ids and field names, never values; the databases never put statement
parameters into error messages (hide_parameters); and an exception is written with the
files, lines and functions of its traceback, its message redacted and stripped of quoted
literals, without source lines or local variables. Crash reports are written the same way.
"""

from __future__ import annotations

import logging
import os
import platform
import re
import sys
import traceback
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from platformdirs import user_log_dir

from . import __version__
from .disclosure import mask_id_number, mask_phone

LOG_NAME = "grid-inspector.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_NOT_DIGIT_BEFORE, _NOT_DIGIT_AFTER = r"(?<![0-9])", r"(?![0-9])"
_ID_NUMBER = re.compile(_NOT_DIGIT_BEFORE + r"(?:[0-9]{17}[0-9Xx]|[0-9]{15})" + _NOT_DIGIT_AFTER)
# 11 digits starting 13-19, also written 138 0013 8000 or 138-0013-8000.
_MOBILE = re.compile(_NOT_DIGIT_BEFORE + r"(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}"
                     + _NOT_DIGIT_AFTER)

# PostgreSQL puts a row's values in an error's DETAIL line ("Key (id_number)=(…) already
# exists", "Failing row contains (…)"), hide_parameters or not: keep the columns only.
_PG_KEY = re.compile(r"(?m)^((?:DETAIL|详细信息)[:：]\s*Key \([^)]*\)=\().*(\)[^)]*)$")
_PG_DETAIL = re.compile(r"(?m)^((?:DETAIL|详细信息)[:：])(?!\s*Key \().+$")


def redact(text: str) -> str:
    """`text` with ID numbers and mobile phones masked, and the values of a PostgreSQL
    error's DETAIL line left out."""
    text = _PG_DETAIL.sub(r"\1 [values hidden]", _PG_KEY.sub(r"\1…\2", text))
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m[0]), text)
    return _MOBILE.sub(lambda m: mask_phone(re.sub(r"[ -]", "", m[0])), text)


_QUOTED = re.compile(r"'[^'\n]*'")


def _message(exc: BaseException) -> str:
    """An exception's type and message, redacted; quoted literals (a dict's missing key,
    a value that did not parse) left out, since they are often the data itself."""
    kind = type(exc)
    return redact(f"{kind.__module__}.{kind.__qualname__}: " + _QUOTED.sub("'…'", str(exc)))


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes or contexts, newest first (each once)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and not any(current is s for s in seen):
        seen.append(current)
        current = current.__cause__ or (None if current.__suppress_context__
                                        else current.__context__)
    return seen


def exception_text(exc: BaseException) -> str:
    """A traceback as logs and crash reports keep it: for each exception of the chain,
    oldest first, the file, line and function of every frame and the redacted message;
    no source lines, no local variables."""
    lines = ["Traceback (most recent call last):"]
    for n, item in enumerate(reversed(_chain(exc))):
        if n:
            lines += ["", "The above exception led to:"]
        lines += [f'  File "{f.filename}", line {f.lineno}, in {f.name}'
                  for f in traceback.extract_tb(item.__traceback__)]
        lines.append(_message(item))
    return "\n".join(lines)


class RedactFilter(logging.Filter):
    """Masks personal data in a record before any handler formats it.

    The message is merged with its arguments and redacted; the exception is written
    by `exception_text` here, so no formatter sees the raw one. The server's access log
    loses its query strings, which can carry where a photo was taken.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(
                record.args) == 5:  # (client, method, path with query, version, status)
            client, method, path, version, status = record.args
            record.args = (client, method, str(path).split("?", 1)[0], version, status)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the format
            message = f"{record.msg} (arguments not shown: they do not fit the message)"
        record.msg, record.args = redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = exception_text(record.exc_info[1])
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_folder() -> Path:
    """Where logs and crash reports go; GRID_INSPECTOR_HOME overrides the platform folder."""
    override = os.environ.get("GRID_INSPECTOR_HOME")
    if override:
        return Path(override) / "logs"
    return Path(user_log_dir("GridInspector", appauthor=False))


def _redacting(handler: logging.Handler) -> logging.Handler:
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactFilter())
    return handler


def file_handler(folder: Path, file_name: str = LOG_NAME) -> logging.Handler:
    """The rotating log file in `folder`, redacted."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    return _redacting(RotatingFileHandler(Path(folder) / file_name, maxBytes=MAX_BYTES,
                                          backupCount=BACKUPS, encoding="utf-8"))


def console_handler() -> logging.Handler:
    """stderr, redacted (a server's console ends up in the system journal)."""
    return _redacting(logging.StreamHandler(sys.stderr))


def logging_config(folder: Path, *, console: bool = False,
                   level: str = "INFO") -> dict[str, Any]:
    """The same set-up as a `logging.config.dictConfig`, for uvicorn, which applies it in
    each of its worker processes; uvicorn's loggers write through the root's handlers."""
    handlers: dict[str, Any] = {"file": {"()": file_handler, "folder": Path(folder)}}
    if console:
        handlers["console"] = {"()": console_handler}
    return {"version": 1, "disable_existing_loggers": False, "handlers": handlers,
            "root": {"level": level, "handlers": list(handlers)},
            "loggers": {name: {"handlers": [], "propagate": True}
                        for name in ("uvicorn", "uvicorn.error", "uvicorn.access")}}


_installed: list[logging.Handler] = []  # what setup_logging added, replaced on a second call


def setup_logging(folder: Path | None = None, *, console: bool = False,
                  level: str = "INFO") -> Path:
    """Send every log record to the rotating file in `folder` (default `log_folder()`),
    and to stderr if `console`; returns the file's path. Calling it again replaces the
    handlers it added before and leaves any others alone."""
    folder = Path(folder) if folder is not None else log_folder()
    root = logging.getLogger()
    while _installed:
        old = _installed.pop()
        root.removeHandler(old)
        old.close()
    _installed.append(file_handler(folder))
    if console:
        _installed.append(console_handler())
    for handler in _installed:
        root.addHandler(handler)
    root.setLevel(level)
    return folder / LOG_NAME


def origin(exc: BaseException) -> str:
    """Where an exception was raised ("file.py:12 in func"), for a log line that must not
    carry the exception's message (it may quote the values that caused it)."""
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def write_crash_report(exc_type: type[BaseException], exc: BaseException,
                       tb: TracebackType | None, folder: Path | None = None) -> Path:
    """Write a crash report (the arguments of sys.excepthook) to `folder` (default the log
    folder) and return its path: versions, the traceback without local variables, and
    every message redacted."""
    folder = Path(folder) if folder is not None else log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    now = datetime.now()
    path = folder / f"crash-{now:%Y%m%d-%H%M%S-%f}-{os.getpid()}.txt"
    lines = [f"Grid Inspector {__version__} crash report {now.isoformat(timespec='seconds')}",
             f"Python {platform.python_version()} on {platform.platform()}",
             f"Exception: {exc_type.__module__}.{exc_type.__qualname__}", "",
             exception_text(exc), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path

