"""The `yuqing` command line; each module registers its commands on the shared app."""

from service.cli import (  # noqa: F401  (each module registers its commands)
    labels,
    models,
    outbox,
    routes,
    rules,
    runtime,
    sources,
    users,
    versions,
)
from service.cli.app import app

__all__ = ["app"]
