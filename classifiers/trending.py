"""Bursts in hourly counts: EWMA mean and variance with a Poisson floor.

z = (x − μ) / max(σ, √μ, 1); a series is trending when z ≥ 3 and the hour's count reaches a
minimum, and then stays quiet for a cool-down so one burst gives one signal. Hours without
items count as zeros. State is a small dataclass per series so the service can store it.
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_GAP_HOURS = 24 * 14


@dataclass
class SeriesState:
    mean: float = 0.0
    var: float = 0.0
    hours: int = 0
    last_hour: datetime | None = None
    cooldown_until: datetime | None = None


@dataclass
class Trend:
    key: tuple
    hour: datetime
    count: int
    z: float
    mean: float


class TrendDetector:
    """Scores each completed hour of each series against that series' own past."""

    def __init__(self, *, half_life_hours: float = 48, z_threshold: float = 3.0,
                 min_count: int = 5, cooldown_hours: float = 6, warmup_hours: int = 0):
        self.alpha = 1 - 0.5 ** (1 / half_life_hours)
        self.z_threshold = z_threshold
        self.min_count = min_count
        self.cooldown = timedelta(hours=cooldown_hours)
        self.warmup_hours = warmup_hours
        self.series: dict[tuple, SeriesState] = {}

    def score(self, state: SeriesState, count: int) -> float:
        """The z-score of a count against a series state."""
        spread = max(math.sqrt(max(state.var, 0.0)), math.sqrt(max(state.mean, 0.0)), 1.0)
        return (count - state.mean) / spread

    def update(self, key: tuple, hour: datetime, count: int) -> Trend | None:
        """Feed the count of one completed hour; a Trend when it is a burst."""
        state = self.series.setdefault(key, SeriesState())
        if state.last_hour is not None:
            gap = int((hour - state.last_hour).total_seconds() // 3600) - 1
            for _ in range(min(max(gap, 0), MAX_GAP_HOURS)):
                self._learn(state, 0)
        z = self.score(state, count)
        trend = None
        cooling = state.cooldown_until is not None and hour < state.cooldown_until
        if (z >= self.z_threshold and count >= self.min_count and not cooling
                and state.hours >= self.warmup_hours):
            trend = Trend(key, hour, count, round(z, 2), round(state.mean, 3))
            state.cooldown_until = hour + self.cooldown
        self._learn(state, count)
        state.last_hour = hour
        return trend

    def _learn(self, state: SeriesState, count: int) -> None:
        diff = count - state.mean
        increment = self.alpha * diff
        state.mean += increment
        state.var = (1 - self.alpha) * (state.var + diff * increment)
        state.hours += 1


def hour_of(moment: datetime) -> datetime:
    """The start of the hour a moment falls in."""
    return moment.replace(minute=0, second=0, microsecond=0)
