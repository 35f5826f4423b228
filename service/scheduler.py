"""APScheduler jobs of the `serve` process. Every job has a name; timers live in the database."""

import logging
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine
from sqlmodel import Session

from service.analysis.runner import AnalysisRunner
from service.clock import Clock
from service.collect.cycle import Collector
from service.config import Settings
from service.configfile import ConfigError
from service.metrics import Metrics
from service.sources.schema import load_sources
from service.sources.sync import sync_sources

log = logging.getLogger(__name__)


class ServiceScheduler:
    """The background work of one instance: the collect and analysis ticks."""

    def __init__(self, *, engine: Engine, settings: Settings, clock: Clock, metrics: Metrics,
                 analysis: AnalysisRunner | None = None):
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.collector = Collector(engine=engine, settings=settings, clock=clock, metrics=metrics)
        self.analysis = analysis
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._sources_mtime: float | None = None

    async def start(self) -> "ServiceScheduler":
        """Schedule the jobs and start; the first collect tick runs at once."""
        self._scheduler.add_job(
            self.collect_tick, "interval", seconds=self.settings.collect_tick_seconds,
            id="collect", name="collect due sources", max_instances=1, coalesce=True,
            next_run_time=datetime.now(UTC), misfire_grace_time=None)
        self._scheduler.add_job(
            self.trend_tick, "cron", minute=1, id="trends", name="score completed hours for trends",
            max_instances=1, coalesce=True, misfire_grace_time=None)
        if self.analysis is not None:
            # a plain function: APScheduler runs it in a worker thread, off the event loop
            self._scheduler.add_job(
                self.analyze_tick, "interval", seconds=self.settings.analysis_tick_seconds,
                id="analyze", name="analyse stored items", max_instances=1, coalesce=True,
                next_run_time=datetime.now(UTC), misfire_grace_time=None)
        self._scheduler.start()
        return self

    async def stop(self) -> None:
        """Stop scheduling and release the HTTP client."""
        self._scheduler.shutdown(wait=False)
        await self.collector.aclose()

    def reload_sources(self) -> None:
        """Copy sources.yaml into the database when the file changed since the last look.

        A file broken while the service runs is reported and the last good copy stays in use.
        """
        path = Path(self.settings.sources)
        try:
            mtime = path.stat().st_mtime
        except OSError:
            log.error("sources file %s is missing; keeping the sources already loaded", path)
            return
        if mtime == self._sources_mtime:
            return
        try:
            sources_file = load_sources(path)
        except ConfigError as exc:
            log.error("sources file changed but is invalid; keeping the last good one:\n%s", exc)
            self._sources_mtime = mtime
            return
        with Session(self.engine) as session:
            report = sync_sources(session, sources_file, now=self.clock.now())
        self._sources_mtime = mtime
        if report.added or report.changed or report.disabled:
            log.info("sources synced: %d added, %d changed, %d disabled",
                     len(report.added), len(report.changed), len(report.disabled))

    def analyze_tick(self) -> None:
        """Analyse the items that wait for it (new ones, and any left by a crash)."""
        try:
            report = self.analysis.run(self.engine, self.clock.now())
        except Exception:
            log.exception("analysis tick failed; the next tick tries again")
            return
        if report.analysed or report.failed:
            log.info("analysed %d items: %d relevant, %d failed, %d new stories",
                     report.analysed, report.relevant, report.failed, report.stories_new)

    def trend_tick(self) -> None:
        """Score the hours completed since the last pass (bursts become events)."""
        from service.analysis.trends import update_trends

        try:
            with Session(self.engine) as session:
                report = update_trends(session, now=self.clock.now())
        except Exception:
            log.exception("trend tick failed; the next tick catches up on the missed hours")
            return
        for trend in report.trends or []:
            log.info("trending: %s count %d z %.1f", trend.key[0], trend.count, trend.z)

    async def collect_tick(self) -> None:
        """One tick: pick up edits of sources.yaml, then refresh the due sources."""
        try:
            self.reload_sources()
            report = await self.collector.run_cycle()
        except Exception:
            log.exception("collect tick failed; the next tick tries again")
            return
        if report.sources:
            log.info("collected %d sources: %d new items, %d failures",
                     len(report.sources), report.new_items, report.failures)
