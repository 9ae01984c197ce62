"""The patrols section: the checklist widgets and the history list."""
