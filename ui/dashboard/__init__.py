"""The supervisors' dashboard: scorecards per grid and per worker, charts, device sync health."""
