"""APScheduler jobs of the `serve` process. Every job has a name; timers live in the database."""

import asyncio
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine
from sqlmodel import Session

from service.alerts.runner import AlertPipeline
from service.analysis.runner import AnalysisRunner
from service.analysts.jobs import JobRunner
from service.clock import Clock
from service.collect.cycle import Collector
from service.config import Settings
from service.configfile import ConfigError
from service.metrics import Metrics
from service.sources.schema import load_sources
from service.sources.sync import sync_sources

log = logging.getLogger(__name__)


class ServiceScheduler:
    """The background work of one instance: collect, analyse, alert, escalate, deliver, jobs.

    Each step wakes the next as soon as it has produced work (new items → analysis → alerts →
    relay), so an alert-worthy item is delivered within seconds, not at the next tick.
    """

    def __init__(self, *, engine: Engine, settings: Settings, clock: Clock, metrics: Metrics,
                 analysis: AnalysisRunner | None = None, alerts: AlertPipeline | None = None):
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.collector = Collector(engine=engine, settings=settings, clock=clock, metrics=metrics)
        self.analysis = analysis
        self.alerts = alerts
        self.jobs = JobRunner(engine=engine, settings=settings, clock=clock)
        self._woken: set[str] = set()  # jobs asked to run again (set.add is thread-safe)
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
        self._scheduler.add_job(
            self.jobs_tick, "interval", seconds=self.settings.jobs_tick_seconds, id="jobs",
            name="run background jobs (train, evaluate, compare)", max_instances=1,
            coalesce=True, next_run_time=datetime.now(UTC), misfire_grace_time=None)
        if self.analysis is not None:
            # load the model now, off the event loop, so the first items wait for nothing
            threading.Thread(target=self._warm_up, name="analyzer-warm-up", daemon=True).start()
            # a plain function: APScheduler runs it in a worker thread, off the event loop
            self._scheduler.add_job(
                self.analyze_tick, "interval", seconds=self.settings.analysis_tick_seconds,
                id="analyze", name="analyse stored items", max_instances=1, coalesce=True,
                next_run_time=datetime.now(UTC), misfire_grace_time=None)
        if self.alerts is not None:
            self._scheduler.add_job(
                self.escalation_tick, "interval", seconds=self.settings.escalation_tick_seconds,
                id="escalate", name="escalation steps, reminders, deadlines", max_instances=1,
                coalesce=True, next_run_time=datetime.now(UTC), misfire_grace_time=None)
            self._scheduler.add_job(
                self.relay_tick, "interval", seconds=self.settings.relay_tick_seconds,
                id="relay", name="send the outbox", max_instances=1, coalesce=True,
                next_run_time=datetime.now(UTC), misfire_grace_time=None)
        self._scheduler.start()
        return self

    async def stop(self) -> None:
        """Stop scheduling and release the HTTP clients."""
        self._scheduler.shutdown(wait=False)
        self.jobs.stop()
        await self.collector.aclose()
        if self.alerts is not None:
            await self.alerts.aclose()

    def _warm_up(self) -> None:
        try:
            self.analysis.current(self.engine)  # loads the active model
        except Exception:
            log.exception("the classifier model could not be loaded; analysis will retry")

    def _landed(self, item) -> None:
        """A source's entries are stored: analyse them now, not after the whole cycle."""
        if item.saved.new_items and self.analysis is not None:
            self.wake("analyze")

    def wake(self, job_id: str) -> None:
        """Run a job now (thread-safe: APScheduler's asyncio wakeup goes through the loop).

        A job that is running when woken would have the wake-up skipped (one instance at a
        time), so it is also marked: the running job goes round once more before it returns.
        """
        self._woken.add(job_id)
        try:
            self._scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))
        except Exception:  # the job is not scheduled in this instance (e.g. no analyzer)
            log.debug("cannot wake job %s", job_id, exc_info=True)

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
        """Analyse the items that wait for it (new ones, and any left by a crash); again at
        once when more landed meanwhile."""
        while True:
            self._woken.discard("analyze")
            try:  # each batch's alerts are made as soon as the batch is stored
                report = self.analysis.run(self.engine, self.clock.now(),
                                           on_batch=self.alert_step)
            except Exception:
                log.exception("analysis tick failed; the next tick tries again")
                return
            if report.analysed or report.failed:
                log.info("analysed %d items: %d relevant, %d failed, %d new stories",
                         report.analysed, report.relevant, report.failed, report.stories_new)
            else:
                self.alert_step()  # analyses left pending by a failed alert step
            if "analyze" not in self._woken:
                return

    def alert_step(self) -> None:
        """Turn new analyses and events into alerts; wake the relay when something is queued."""
        if self.alerts is None:
            return
        try:
            report = self.alerts.process(on_commit=lambda: self.wake("relay"))
        except Exception:
            log.exception("alert step failed; the analyses stay pending for the next tick")
            return
        if report.created or report.upgraded or report.events:
            log.info("alerts: %d created, %d updated, %d upgraded, %d silenced, %d inhibited",
                     report.created, report.updated, report.upgraded, report.silenced,
                     report.inhibited)
            self.wake("relay")

    def escalation_tick(self) -> None:
        """Fire due escalation steps, reminders and deadline checks; new events become alerts."""
        self.alert_step()
        try:
            report = self.alerts.tick()
        except Exception:
            log.exception("escalation tick failed; the next tick fires what is due")
            return
        if report.notifications:
            log.info("timers: %d escalations, %d reminders, %d deadlines breached",
                     report.escalated, report.reminders, report.breached)
            self.wake("relay")

    async def relay_tick(self) -> None:
        """Send the notifications that are due; again at once when more were queued
        meanwhile."""
        while True:
            self._woken.discard("relay")
            try:
                report = await self.alerts.deliver()
            except Exception:
                log.exception("relay failed; the notifications stay in the outbox")
                return
            if report.sent or report.dead or report.retried:
                log.info("notifications: %d sent, %d in digests, %d to retry, %d dead",
                         report.sent, report.digested, report.retried, report.dead)
            if "relay" not in self._woken:
                return

    def jobs_tick(self) -> None:
        """Queue again the jobs of crashed instances; start queued ones in worker threads."""
        try:
            started = self.jobs.tick()
        except Exception:
            log.exception("jobs tick failed; the next tick tries again")
            return
        if started:
            log.info("started %d background jobs", started)

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
            report = await self.collector.run_cycle(on_done=self._landed)
        except asyncio.CancelledError:  # the service stops: what was stored stays stored
            log.info("collect tick stopped with the service; the next start fetches again")
            return
        except Exception:
            log.exception("collect tick failed; the next tick tries again")
            return
        if report.sources:
            log.info("collected %d sources: %d new items, %d failures",
                     len(report.sources), report.new_items, report.failures)
        if report.new_items and self.analysis is not None:
            self.wake("analyze")
        elif report.sources and self.alerts is not None:
            self.wake("escalate")  # a source may have gone down or come back
