"""The visits section: the lists it shows (the form itself is ui.dialogs.visit)."""
