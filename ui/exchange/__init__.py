"""Excel exchange in the window: export buttons with progress, the import preview dialog."""
