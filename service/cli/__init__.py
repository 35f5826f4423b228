"""The `yuqing` command line; each module registers its commands on the shared app."""

from service.cli import (  # noqa: F401  (each module registers its commands)
    models,
    outbox,
    routes,
    runtime,
    sources,
    users,
)
from service.cli.app import app

__all__ = ["app"]
