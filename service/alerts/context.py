"""What the alert steps need besides the database: routing.yaml, the calendar, link signing."""

import logging
from dataclasses import dataclass
from pathlib import Path

from service.configfile import ConfigError
from service.routing.calendar import HeightenedCalendar
from service.routing.config import RoutingConfig, load_routing

log = logging.getLogger(__name__)


@dataclass
class AlertContext:
    config: RoutingConfig
    calendar: HeightenedCalendar
    secret: str
    public_url: str

    @classmethod
    def build(cls, config: RoutingConfig, *, secret: str, public_url: str) -> "AlertContext":
        calendar = HeightenedCalendar(config.heightened, config.timezone)
        url = (config.notify.public_url or public_url).rstrip("/")
        return cls(config=config, calendar=calendar, secret=secret, public_url=url)

    def alert_url(self, alert_id: int) -> str:
        return f"{self.public_url}/api/v1/alerts/{alert_id}"

    def ack_url(self, token: str) -> str:
        return f"{self.public_url}/ack/{token}"


class RoutingFile:
    """routing.yaml, reloaded when it changes; a broken edit keeps the last good version."""

    def __init__(self, path: Path | str, *, secret: str, public_url: str):
        self.path = Path(path)
        self.secret = secret
        self.public_url = public_url
        self._mtime: float | None = None
        self._context: AlertContext | None = None

    def load(self) -> AlertContext:
        """The first load: a broken or missing file raises ConfigError (start-up stops)."""
        config = load_routing(self.path)
        self._mtime = self.path.stat().st_mtime
        self._context = AlertContext.build(config, secret=self.secret, public_url=self.public_url)
        return self._context

    def current(self) -> AlertContext:
        """The context of the newest valid routing.yaml."""
        if self._context is None:
            return self.load()
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            log.error("routing file %s is missing; keeping the loaded version", self.path)
            return self._context
        if mtime != self._mtime:
            self._mtime = mtime
            try:
                config = load_routing(self.path)
            except ConfigError as exc:
                log.error("routing file changed but is invalid; keeping version %s:\n%s",
                          self._context.config.version, exc)
                return self._context
            log.info("routing file reloaded: version %s", config.version)
            self._context = AlertContext.build(config, secret=self.secret,
                                               public_url=self.public_url)
        return self._context
