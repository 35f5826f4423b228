"""Running real collection cycles from synchronous tests."""

import asyncio
import random

from service.clock import FakeClock
from service.collect.cycle import Collector, CycleReport
from service.config import Settings


def run_cycles(engine, settings: Settings, clock: FakeClock, *, cycles: int = 1,
               advance: float = 0.0, force: bool = True, rng: random.Random | None = None,
               **kwargs) -> list[CycleReport]:
    """Run ``cycles`` collection cycles in one event loop, moving the clock between them."""

    async def scenario() -> list[CycleReport]:
        collector = Collector(engine=engine, settings=settings, clock=clock,
                              rng=rng or random.Random(1))
        reports = []
        try:
            for index in range(cycles):
                if index:
                    clock.advance(advance)
                reports.append(await collector.run_cycle(force=force, **kwargs))
        finally:
            await collector.aclose()
        return reports

    return asyncio.run(scenario())
