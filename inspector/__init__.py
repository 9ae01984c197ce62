"""Grid Inspector core: domain model, local store, services and validation.

Imports no Qt, so the same core serves the desktop app, the CLI, the sync
server and the tests.
"""

__version__ = "0.1.0"
