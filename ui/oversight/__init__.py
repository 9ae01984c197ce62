"""The supervisor's data-quality page: conflicts, register review and duplicate checks.

Everything here lives on the server: each tab asks through `ctx.sync.call` (off the
GUI thread) and shows the plain dataclasses of `sync.client.oversight`.
"""
