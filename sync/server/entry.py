"""The ASGI app uvicorn imports (so it can run several workers): settings from the
data folder named by GRID_SERVER_DATA_DIR."""

import os

from .app import create_app
from .config import load_settings

app = create_app(load_settings(os.environ["GRID_SERVER_DATA_DIR"]))
