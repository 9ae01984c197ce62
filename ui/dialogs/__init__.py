"""Dialogs opened from several pages (a visit from the register, the visits page …)."""
