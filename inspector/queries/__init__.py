"""Read-only questions the app asks of the store, answered as plain dataclasses.

Each function takes the store (or a session) and returns data that is safe to
hand to another thread; nothing here writes. One module per area of the app.
"""
