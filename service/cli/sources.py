"""`yuqing sources check` and `yuqing sources import-opml`."""

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from service.cli.app import sources_app
from service.cli.common import fail, load_sources_or_exit, out, settings_or_exit
from service.clock import SystemClock
from service.config import Settings
from service.configfile import ConfigError


@sources_app.command("check")
def sources_check() -> None:
    """Validate sources.yaml and fetch each enabled source once (nothing is stored)."""
    settings = settings_or_exit()
    sources_file = load_sources_or_exit(settings.sources)
    configs = [c for c in sources_file.resolved() if c.enabled]
    out().print(f"{settings.sources}: valid, {len(sources_file.sources)} sources "
                  f"({len(configs)} enabled)")
    outcomes = asyncio.run(_check_sources(settings, configs))
    table = Table(title="信息源检查 source check")
    for column in ("source", "kind", "status", "items", "latency", "encoding", "error"):
        table.add_column(column, overflow="fold")
    for config, outcome in zip(configs, outcomes, strict=True):
        state = (f"[green]{outcome.status}[/green]" if outcome.ok
                 else f"[red]{outcome.error_class}[/red]")
        table.add_row(config.id, config.kind.value, state, str(len(outcome.entries)),
                      f"{outcome.elapsed:.2f}s", outcome.encoding or "",
                      outcome.error_message or "")
    out().print(table)
    failed = sum(not o.ok for o in outcomes)
    out().print(f"{len(outcomes) - failed} reachable, {failed} failing")


async def _check_sources(settings: Settings, configs):
    from service.collect.cycle import Collector
    from service.collect.refresh import SourceSnapshot, refresh_source

    collector = Collector(engine=None, settings=settings, clock=SystemClock())
    ctx = collector.context(item_pages_per_fetch=0)
    try:
        return await asyncio.gather(*(refresh_source(SourceSnapshot(config=c), ctx)
                                      for c in configs))
    finally:
        await collector.aclose()


@sources_app.command("import-opml")
def sources_import_opml(
    opml: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="OPML file")],
) -> None:
    """Add the feeds of an OPML file to sources.yaml (existing URLs are skipped)."""
    from service.sources.opml import import_opml

    settings = settings_or_exit()
    load_sources_or_exit(settings.sources)
    try:
        report = import_opml(opml, Path(settings.sources))
    except ConfigError as exc:
        raise fail(str(exc)) from None
    out().print(f"added {len(report.added)} sources to {settings.sources}: "
                  f"{', '.join(report.added) or '-'}")
    if report.skipped:
        out().print(f"skipped {len(report.skipped)} already present")
