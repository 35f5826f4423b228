"""Helpers shared by the command modules: settings, messages, configuration loading."""

import logging
from pathlib import Path

import typer
from rich.console import Console

from service.config import Settings
from service.configfile import ConfigError


def out() -> Console:
    """A console for results on stdout."""
    return Console(highlight=False)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a plain message on stderr (no wrapping, so file:line: field stays whole)."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def settings_or_exit() -> Settings:
    """The settings, or exit 2 naming each bad YQ_ variable."""
    try:
        return Settings()
    except Exception as exc:  # pydantic's ValidationError lists each bad YQ_ variable
        raise fail(f"invalid YQ_ settings:\n{exc}") from None


def load_sources_or_exit(path: Path):
    """sources.yaml validated, or exit 2 with file, line and field."""
    from service.sources.schema import load_sources

    try:
        return load_sources(path)
    except ConfigError as exc:
        raise fail(f"configuration error:\n{exc}") from None


def engine_for(settings: Settings):
    """The database engine of the configured URL."""
    from service.db import make_engine

    return make_engine(settings.database_url)


def configure_logging(settings: Settings) -> None:
    """Log lines with time, level and logger at YQ_LOG_LEVEL."""
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # APScheduler logs every run of every job at INFO: noise for a tick every 30 s
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, logging.root.level))
