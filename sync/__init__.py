"""Both ends of the sync protocol (DESIGN §5): the wire rules, the client engine, the server."""
