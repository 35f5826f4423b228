"""Prometheus metrics of one process, in a registry of its own (no global state).

Under ``yuqing serve --workers N`` each worker keeps its counters in prometheus_client's
multiprocess files (PROMETHEUS_MULTIPROC_DIR, set by the supervisor) and a scrape of any
worker sums them.
"""

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Engine, func, select
from sqlmodel import Session

from service.models import AnalysisState, Item, Notification, OutboxStatus, Source
from service.models.alerts import Alert, AlertStatus


class Metrics:
    """The counters the collector updates, and gauges read from the database at scrape time."""

    def __init__(self, engine: Engine | None = None):
        self.registry = CollectorRegistry(auto_describe=True)
        self.fetches = Counter(
            "yq_fetches", "Source fetches by result (ok, not_modified, error)", ["result"],
            registry=self.registry)
        self.fetch_errors = Counter(
            "yq_fetch_errors", "Failed fetches by error class", ["error_class"],
            registry=self.registry)
        self.fetch_duration = Histogram(
            "yq_fetch_duration_seconds", "Duration of one source refresh",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60), registry=self.registry)
        self.items_stored = Counter(
            "yq_items_stored", "New items stored", registry=self.registry)
        self.cycles = Counter(
            "yq_collect_cycles", "Collection cycles run", registry=self.registry)
        self.notifications = Counter(
            "yq_notifications", "Notification send attempts by channel type and result",
            ["channel_type", "result"], registry=self.registry)
        self.alerts_created = Counter(
            "yq_alerts_created", "Alerts created", registry=self.registry)
        self._gauges = _DatabaseGauges(engine) if engine is not None else None
        if self._gauges is not None:
            self.registry.register(self._gauges)

    def exposition(self) -> bytes:
        """The text a scrape gets: this process's counters, or every worker's summed."""
        directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
        if not directory:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry, path=directory)
        if self._gauges is not None:
            registry.register(self._gauges)
        return generate_latest(registry)

    def observe(self, outcome) -> None:
        """Count one refresh outcome."""
        if outcome.ok:
            self.fetches.labels("not_modified" if outcome.not_modified else "ok").inc()
        else:
            self.fetches.labels("error").inc()
            self.fetch_errors.labels(outcome.error_class or "unknown").inc()
        if outcome.finished_at:
            self.fetch_duration.observe((outcome.finished_at - outcome.started_at).total_seconds())


class _DatabaseGauges:
    """Gauges that every instance reads from the shared database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def describe(self):
        return []

    def collect(self):
        with Session(self.engine) as session:
            down = session.execute(
                select(func.count()).select_from(Source).where(Source.enabled, Source.is_down)
            ).scalar_one()
            enabled = session.execute(
                select(func.count()).select_from(Source).where(Source.enabled)).scalar_one()
            pending = session.execute(
                select(func.count()).select_from(Item)
                .where(Item.analysis_state == AnalysisState.pending)).scalar_one()
            outbox = dict(session.execute(
                select(Notification.status, func.count()).where(Notification.status.in_(
                    [OutboxStatus.pending, OutboxStatus.sending, OutboxStatus.dead]))
                .group_by(Notification.status)).all())
            open_alerts = session.execute(
                select(func.count()).select_from(Alert)
                .where(Alert.status != AlertStatus.resolved)).scalar_one()
        outbox_gauge = GaugeMetricFamily("yq_outbox", "Notifications in the outbox by status",
                                         labels=["status"])
        for status in ("pending", "sending", "dead"):
            outbox_gauge.add_metric([status], outbox.get(status, 0))
        yield outbox_gauge
        yield GaugeMetricFamily("yq_alerts_open", "Alerts not resolved", value=open_alerts)
        yield GaugeMetricFamily("yq_sources_down", "Enabled sources marked down", value=down)
        yield GaugeMetricFamily("yq_sources_enabled", "Enabled sources", value=enabled)
        yield GaugeMetricFamily("yq_items_pending_analysis", "Items waiting for analysis",
                                value=pending)
