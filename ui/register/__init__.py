"""The register page's parts: list models, type-ahead search, household form, resident dialogs."""
