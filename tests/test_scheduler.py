"""The real APScheduler collect tick: picks up sources.yaml edits and collects due sources."""

import asyncio
from pathlib import Path

from sqlmodel import Session, select

from service.metrics import Metrics
from service.models import Item
from service.scheduler import ServiceScheduler
from tests.servers import Reply

FIXTURES = Path(__file__).parent / "fixtures"


async def wait_for(predicate, timeout: float = 10.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def stored(engine) -> dict[str, int]:
    with Session(engine) as session:
        counts: dict[str, int] = {}
        for item in session.exec(select(Item)).all():
            counts[item.source_id] = counts.get(item.source_id, 0) + 1
        return counts


def test_ticks_collect_and_follow_edits_of_sources_yaml(engine, settings, clock, site):
    rss = site.route("/rss.xml", Reply(body=(FIXTURES / "rss20_zh.xml").read_bytes()))
    atom = site.route("/atom.xml", Reply(body=(FIXTURES / "atom.xml").read_bytes()))
    settings.collect_tick_seconds = 0.2
    settings.sources.write_text(f"sources:\n  - {{id: rss, name: R, kind: rss, url: '{rss}'}}\n",
                                encoding="utf-8")
    metrics = Metrics(engine)

    async def scenario() -> None:
        scheduler = await ServiceScheduler(engine=engine, settings=settings, clock=clock,
                                           metrics=metrics).start()
        try:
            await wait_for(lambda: stored(engine) == {"rss": 3})
            settings.sources.write_text(
                f"sources:\n  - {{id: rss, name: R, kind: rss, url: '{rss}'}}\n"
                f"  - {{id: atom, name: A, kind: atom, url: '{atom}'}}\n", encoding="utf-8")
            await wait_for(lambda: stored(engine) == {"rss": 3, "atom": 2})
            # a broken edit is logged and the last good file stays in use
            settings.sources.write_text("sources:\n  - id: [\n", encoding="utf-8")
            await asyncio.sleep(0.5)
        finally:
            await scheduler.stop()

    asyncio.run(scenario())
    assert len(site.hits("/rss.xml")) == 1  # not due again: the fake clock did not move
    assert metrics.items_stored._value.get() == 5
