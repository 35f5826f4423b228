"""The HTTP API: app factory, auth dependencies, one router module per resource."""
