"""The PySide6 desktop app. Talks to inspector/ only through services run off the GUI thread."""
