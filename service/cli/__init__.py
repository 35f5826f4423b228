"""The `yuqing` command line; each module registers its commands on the shared app."""

from service.cli import models, runtime, sources, users  # noqa: F401  (register commands)
from service.cli.app import app

__all__ = ["app"]
