"""Register (placeholder until this section is built)."""

from __future__ import annotations

from .base import Page


class RegisterPage(Page):
    name = "register"
    icon = "fa5s.address-book"

    def title(self) -> str:
        return self.tr("Register")
