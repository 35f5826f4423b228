"""When to look at a source next: adapt to how often it publishes, back off when it fails.

Interval from Miniflux's entry-frequency scheduler (7 days / entries per week), clamped to the
source's own min/max. Failures back off exponentially with jitter up to a cap, but a source is
never given up: it keeps being tried at the cap and is reported down to the duty officer.
"""

import math
import random
from collections.abc import Iterable
from datetime import datetime, timedelta

WEEK = 7 * 86400.0


def publishing_interval(
    published: Iterable[datetime | None], *, now: datetime, min_interval: float,
    max_interval: float,
) -> float:
    """Seconds between checks for a source whose recent entries were published at these times."""
    week_ago = now - timedelta(seconds=WEEK)
    recent = sorted(p for p in published if p is not None and week_ago <= p <= now)
    if not recent:
        return max_interval
    if len(recent) == 1:
        weekly = 1.0
    else:
        mean_gap = (recent[-1] - recent[0]).total_seconds() / (len(recent) - 1)
        weekly = math.ceil(WEEK / max(mean_gap, 1.0))
    return clamp(WEEK / weekly, min_interval, max_interval)


def success_delay(
    interval: float, *, max_interval: float, max_age: float | None = None,
    ttl: float | None = None,
) -> float:
    """Delay after a good fetch: the interval, stretched to the server's ttl/max-age up to max."""
    hint = max(max_age or 0.0, ttl or 0.0)
    return max(interval, min(hint, max_interval))


def failure_delay(
    failures: int, *, base: float, cap: float, rng: random.Random,
    retry_after: float | None = None,
) -> float:
    """Delay after the ``failures``-th failure in a row: base × 2^n with jitter, at most ``cap``.

    A server's Retry-After is honoured when it asks for longer (still at most ``cap``).
    """
    exponential = base * 2 ** min(max(failures - 1, 0), 16)
    delay = min(exponential * rng.uniform(1.0, 1.2), cap)
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return delay


def clamp(value: float, low: float, high: float) -> float:
    """``value`` limited to [low, high]."""
    return max(low, min(value, high))
