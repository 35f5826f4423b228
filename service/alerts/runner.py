"""The alert steps of one process, as the scheduler and `collect --once` run them."""

import logging
import threading

from sqlalchemy import Engine

from service.alerts.context import RoutingFile
from service.alerts.engine import AlertReport, process_pending
from service.alerts.escalation import TickReport, tick
from service.clock import Clock
from service.notify.channels import Sender
from service.notify.relay import Relay, RelayReport

log = logging.getLogger(__name__)


class AlertPipeline:
    """Analyses → alerts, timers → escalations, outbox → channels."""

    def __init__(self, *, engine: Engine, routing: RoutingFile, clock: Clock, metrics=None,
                 sender: Sender | None = None):
        self.engine = engine
        self.routing = routing
        self.clock = clock
        self.metrics = metrics
        self.relay = Relay(engine, sender or Sender(clock=clock), metrics=metrics)
        self._lock = threading.Lock()

    def process(self, on_commit=None) -> AlertReport:
        """Turn pending analyses and operational events into alert changes."""
        with self._lock:
            report = process_pending(self.engine, self.routing.current(), self.clock.now(),
                                     on_commit=on_commit)
        if self.metrics is not None and report.created:
            self.metrics.alerts_created.inc(report.created)
        return report

    def tick(self) -> TickReport:
        """Fire the timers that are due."""
        with self._lock:
            return tick(self.engine, self.routing.current(), self.clock.now())

    async def deliver(self) -> RelayReport:
        """Send what the outbox holds that is due."""
        return await self.relay.run_once(self.routing.current(), self.clock.now())

    async def aclose(self) -> None:
        await self.relay.aclose()
