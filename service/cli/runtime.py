"""`yuqing serve`, `yuqing db upgrade`, `yuqing collect --once`."""

import asyncio
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from service.cli.app import app, db_app
from service.cli.common import (
    configure_logging,
    engine_for,
    fail,
    load_sources_or_exit,
    out,
    settings_or_exit,
)
from service.clock import SystemClock
from service.config import Settings


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply migrations to YQ_DATABASE_URL."""
    from service.db import upgrade

    settings = settings_or_exit()
    upgrade(settings.database_url, revision)
    out().print(f"database at {revision}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (default YQ_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default YQ_PORT)")] = None,
    no_scheduler: Annotated[bool, typer.Option("--no-scheduler", help="API only")] = False,
    workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="server processes on the port (default YQ_WORKERS); the first "
                            "one also runs the scheduler")] = None,
    worker_fd: Annotated[int | None, typer.Option(hidden=True)] = None,
    worker_number: Annotated[int, typer.Option(hidden=True)] = 0,
) -> None:
    """Run the service: API, scheduler and collectors."""
    from service.db import require_current_schema
    from service.sources.sync import sync_sources

    settings = settings_or_exit()
    configure_logging(settings)
    sources_file = load_sources_or_exit(settings.sources)
    engine = engine_for(settings)
    if problem := require_current_schema(engine):
        raise fail(problem)
    clock = SystemClock()
    routing = load_routing_or_exit(settings)
    from sqlmodel import Session

    host, port = host or settings.host, port or settings.port
    if worker_fd is None:  # a worker finds the sources synchronised by its supervisor
        with Session(engine) as session:
            sync_sources(session, sources_file, now=clock.now())
    if worker_fd is None and (workers or settings.workers) > 1:
        engine.dispose()
        raise typer.Exit(_supervise(settings, host, port, workers or settings.workers,
                                    scheduler=not no_scheduler))
    # imported here, not above: a supervisor does without the app (and its few hundred MiB)
    import uvicorn

    from service.alerts.runner import AlertPipeline
    from service.api.app import create_app
    from service.scheduler import ServiceScheduler

    async def start_scheduler(app):
        alerts = AlertPipeline(engine=engine, routing=routing, clock=clock,
                               metrics=app.state.metrics)
        scheduler = ServiceScheduler(engine=engine, settings=settings, clock=clock,
                                     metrics=app.state.metrics, analysis=app.state.analysis,
                                     alerts=alerts)
        return await scheduler.start()

    api = create_app(settings, engine=engine, clock=clock, routing=routing,
                     scheduler_factory=None if no_scheduler else start_scheduler)
    log_level = settings.log_level.lower()
    if worker_fd is None:
        uvicorn.run(api, host=host, port=port, log_level=log_level)
        return
    from service.supervisor import inherited_socket

    server = uvicorn.Server(uvicorn.Config(api, log_level=log_level))
    server.run(sockets=[inherited_socket(worker_fd)])


def _supervise(settings: Settings, host: str, port: int, workers: int, *,
               scheduler: bool) -> int:
    """``workers`` processes on one socket bound here; the supervisor's exit status."""
    from service.supervisor import Supervisor, listen, worker_env

    try:
        sock = listen(host, port)
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    print(f"serving http://{host}:{port} with {workers} worker processes", flush=True)
    return Supervisor(sock=sock, workers=workers, scheduler=scheduler,
                      env=worker_env(settings.data_dir)).run()


@app.command()
def collect(
    once: Annotated[bool, typer.Option("--once", help="run one full cycle and exit")] = False,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="only this source id")] = None,
) -> None:
    """Fetch every source (or the given ones) now and store the new items."""
    from sqlmodel import Session

    from service.sources.sync import sync_sources

    if not once:
        raise fail("continuous collection runs inside `yuqing serve`; use `yuqing collect --once`")
    settings = settings_or_exit()
    sources_file = load_sources_or_exit(settings.sources)
    known = {s.id for s in sources_file.sources}
    if unknown := [s for s in source or [] if s not in known]:
        raise fail(f"unknown source id(s): {', '.join(unknown)}")
    routing = load_routing_or_exit(settings)
    engine = engine_for(settings)
    clock = SystemClock()
    with Session(engine) as session:
        sync_sources(session, sources_file, now=clock.now())
    report = asyncio.run(_collect_with_progress(engine, settings, clock, source or None))
    _print_cycle(report)
    _analyze_now(engine, settings, clock)
    _alert_now(engine, routing, clock)


def load_routing_or_exit(settings: Settings):
    """routing.yaml loaded (with the link-signing key), or exit 2 naming file, line, field."""
    from service.alerts.context import RoutingFile
    from service.config import load_secret_key
    from service.configfile import ConfigError

    routing = RoutingFile(settings.routing, secret=load_secret_key(settings),
                          public_url=settings.public_url)
    try:
        routing.load()
    except ConfigError as exc:
        raise fail(f"configuration error:\n{exc}") from None
    return routing


def _alert_now(engine, routing, clock) -> None:
    """The alert steps of a foreground cycle: create and route alerts, fire due timers,
    and send the notifications due (retries stay in the outbox for the service)."""
    from service.alerts.runner import AlertPipeline

    pipeline = AlertPipeline(engine=engine, routing=routing, clock=clock)
    created = pipeline.process()
    timers = pipeline.tick()

    async def deliver():
        try:
            return await pipeline.deliver()
        finally:
            await pipeline.aclose()

    sent = asyncio.run(deliver())
    out().print(f"alerts: {created.created} created, {created.updated} updated, "
                f"{created.upgraded} upgraded, {created.silenced} silenced; "
                f"{timers.escalated} escalations; notifications: {sent.sent} sent, "
                f"{sent.digested} in digests, {sent.retried} to retry, {sent.dead} dead")


def _analyze_now(engine, settings: Settings, clock) -> None:
    """The analysis step of a foreground cycle: every stored item that waits for it."""
    from classifiers import ModelNotFound
    from service.analysis.runner import AnalysisRunner

    try:
        report = AnalysisRunner(settings).run(engine, clock.now())
    except ModelNotFound as exc:
        raise fail(f"cannot analyse: {exc}") from None
    levels = ", ".join(f"{k} {v}" for k, v in sorted(report.levels.items())) or "none"
    out().print(f"analysed {report.analysed} items: {report.relevant} relevant, "
                 f"{report.stories_new} new stories, alert levels: {levels}"
                 + (f", {report.failed} failed" if report.failed else ""))


async def _collect_with_progress(engine, settings, clock, source_ids):
    from service.collect.cycle import Collector
    from service.metrics import Metrics

    collector = Collector(engine=engine, settings=settings, clock=clock, metrics=Metrics())
    columns = (TextColumn("[bold]采集"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=None)

        def claimed(n: int) -> None:
            progress.update(task, total=n)

        def done(item) -> None:
            progress.update(task, advance=1, description=item.outcome.source_id)

        try:
            return await collector.run_cycle(force=True, source_ids=source_ids,
                                             on_claimed=claimed, on_done=done)
        finally:
            await collector.aclose()


def _print_cycle(report) -> None:
    table = Table(title="采集结果 collection summary")
    for column in ("source", "status", "new items", "latency", "encoding", "next check", "error"):
        table.add_column(column, overflow="fold")
    for item in sorted(report.sources, key=lambda r: r.outcome.source_id):
        outcome = item.outcome
        state = ("[green]304[/green]" if outcome.not_modified else
                 "[green]ok[/green]" if outcome.ok else f"[red]{outcome.error_class}[/red]")
        table.add_row(
            outcome.source_id, state, str(item.saved.new_items), f"{outcome.elapsed:.2f}s",
            outcome.encoding or "", item.saved.next_check_at.strftime("%H:%M:%S")
            if item.saved.next_check_at else "", outcome.error_message or "")
    out().print(table)
    out().print(f"{len(report.sources)} sources, {report.new_items} new items, "
                  f"{report.failures} failed")
