"""Work-arounds for bugs in the Qt bindings we run on, each with how to tell it is gone.

PySide6 6.12.0 on CPython 3.11: every call of a Qt method that returns nothing
(`setText`, `setPos`, `setPen` ...) releases one reference to `None` that it never
took, and every `Signal(bool)` delivered to a Python slot does the same to `True` or
`False`. CPython 3.12 made these singletons immortal, so newer Pythons do not notice;
on 3.11 the count falls by one per call until it reaches zero and the interpreter
aborts ("Fatal Python error: none_dealloc" / "bool_dealloc"). A map with a few
thousand markers gets there in seconds; any window does, given time. Giving the
three singletons a huge count once makes them as immortal as they are on 3.12.
Remove this when the bindings are fixed (check: `sys.getrefcount(None)` no longer
drops across a loop of `widget.setMinimumWidth(1)`).
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 48  # more void calls than a process can make in its lifetime


def keep_singletons_alive() -> None:
    """Make `None`, `True` and `False` effectively immortal on CPython < 3.12 (idempotent)."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _MARGIN // 2:
            ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN
