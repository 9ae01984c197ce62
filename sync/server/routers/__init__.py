"""One router per resource: auth, sync, photos, oversight."""
