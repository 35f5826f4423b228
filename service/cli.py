"""The `yuqing` command line."""

import asyncio
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from service.clock import SystemClock
from service.config import Settings
from service.configfile import ConfigError

app = typer.Typer(help="应急舆情哨兵 Yuqing Sentinel", no_args_is_help=True,
                  pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
sources_app = typer.Typer(help="The sources of sources.yaml.", no_args_is_help=True)
users_app = typer.Typer(help="Users and API tokens.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")
app.add_typer(users_app, name="users")



def _out() -> Console:
    return Console(highlight=False)


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print a plain message on stderr (no wrapping, so file:line: field stays whole)."""
    typer.echo(message, err=True)
    return typer.Exit(code)


def _settings() -> Settings:
    try:
        return Settings()
    except Exception as exc:  # pydantic's ValidationError lists each bad YQ_ variable
        raise _fail(f"invalid YQ_ settings:\n{exc}") from None


def _load_sources_or_exit(path: Path):
    from service.sources.schema import load_sources

    try:
        return load_sources(path)
    except ConfigError as exc:
        raise _fail(f"configuration error:\n{exc}") from None


def _engine(settings: Settings):
    from service.db import make_engine

    return make_engine(settings.database_url)


def _logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Apply migrations to YQ_DATABASE_URL."""
    from service.db import upgrade

    settings = _settings()
    upgrade(settings.database_url, revision)
    _out().print(f"database at {revision}")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (default YQ_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (default YQ_PORT)")] = None,
    no_scheduler: Annotated[bool, typer.Option("--no-scheduler", help="API only")] = False,
) -> None:
    """Run the service: API, scheduler and collectors."""
    import uvicorn

    from service.api.app import create_app
    from service.db import make_engine, require_current_schema
    from service.scheduler import ServiceScheduler
    from service.sources.sync import sync_sources

    settings = _settings()
    _logging(settings)
    sources_file = _load_sources_or_exit(settings.sources)
    engine = make_engine(settings.database_url)
    if problem := require_current_schema(engine):
        raise _fail(problem)
    clock = SystemClock()
    from sqlmodel import Session

    with Session(engine) as session:
        sync_sources(session, sources_file, now=clock.now())

    async def start_scheduler(app):
        scheduler = ServiceScheduler(engine=engine, settings=settings, clock=clock,
                                     metrics=app.state.metrics)
        return await scheduler.start()

    api = create_app(settings, engine=engine, clock=clock,
                     scheduler_factory=None if no_scheduler else start_scheduler)
    uvicorn.run(api, host=host or settings.host, port=port or settings.port,
                log_level=settings.log_level.lower())


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
        raise _fail("continuous collection runs inside `yuqing serve`; use `yuqing collect --once`")
    settings = _settings()
    sources_file = _load_sources_or_exit(settings.sources)
    known = {s.id for s in sources_file.sources}
    if unknown := [s for s in source or [] if s not in known]:
        raise _fail(f"unknown source id(s): {', '.join(unknown)}")
    engine = _engine(settings)
    clock = SystemClock()
    with Session(engine) as session:
        sync_sources(session, sources_file, now=clock.now())
    report = asyncio.run(_collect_with_progress(engine, settings, clock, source or None))
    _print_cycle(report)


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
    _out().print(table)
    _out().print(f"{len(report.sources)} sources, {report.new_items} new items, "
                  f"{report.failures} failed")


@sources_app.command("check")
def sources_check() -> None:
    """Validate sources.yaml and fetch each enabled source once (nothing is stored)."""
    settings = _settings()
    sources_file = _load_sources_or_exit(settings.sources)
    configs = [c for c in sources_file.resolved() if c.enabled]
    _out().print(f"{settings.sources}: valid, {len(sources_file.sources)} sources "
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
    _out().print(table)
    failed = sum(not o.ok for o in outcomes)
    _out().print(f"{len(outcomes) - failed} reachable, {failed} failing")


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

    settings = _settings()
    _load_sources_or_exit(settings.sources)
    try:
        report = import_opml(opml, Path(settings.sources))
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    _out().print(f"added {len(report.added)} sources to {settings.sources}: "
                  f"{', '.join(report.added) or '-'}")
    if report.skipped:
        _out().print(f"skipped {len(report.skipped)} already present")


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="duty | leader | analyst | admin")],
    division: Annotated[str | None, typer.Option(help="division id from routing.yaml")] = None,
) -> None:
    """Create a user and print an API token once."""
    from sqlmodel import Session

    from service.models import Role
    from service.users import UserError, create_user, issue_token

    try:
        parsed_role = Role(role)
    except ValueError:
        raise _fail(f"unknown role {role!r}: use duty, leader, analyst or admin") from None
    settings = _settings()
    engine = _engine(settings)
    clock = SystemClock()
    with Session(engine) as session:
        try:
            user = create_user(session=session, name=name, role=parsed_role, division=division,
                               now=clock.now())
        except UserError as exc:
            raise _fail(str(exc), 1) from None
        token = issue_token(session=session, user=user, now=clock.now())
        session.commit()
    _out().print(f"user {name} ({parsed_role.value}) created. API token (shown once):")
    print(token)
