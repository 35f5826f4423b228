"""Big cycles: documents parsed in worker processes, refreshes stored in batches."""

import asyncio
import functools
import os
import random
from pathlib import Path

from sqlmodel import Session, select

from service.collect import cycle
from service.collect.refresh import parse_document
from service.models import Item, Source
from tests.conftest import install_sources
from tests.servers import Reply

SOURCES = 20  # at least PARSE_POOL_MIN_SOURCES: such a cycle parses in worker processes
FAILING = {"s03", "s11"}


def feed(n: int, items: int = 3) -> bytes:
    entries = "".join(
        f"<item><title>第{n}号源新闻{i}</title><guid>s{n}-{i}</guid>"
        f"<link>http://example.test/{n}/{i}.html</link><description>内容{n}-{i}</description>"
        f"<pubDate>2026-11-26 0{i}:00:00</pubDate></item>"
        for i in range(items))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>源{n}</title>{entries}</channel></rss>").encode()


def install_many(engine, settings, clock, site) -> None:
    lines = []
    for n in range(SOURCES):
        source_id = f"s{n:02d}"
        reply = (Reply(500, b"oops") if source_id in FAILING else
                 Reply(body=feed(n), headers={"Content-Type": "application/rss+xml"}))
        url = site.route(f"/feed{n}", reply)
        lines.append(f"  - {{id: {source_id}, name: 源{n}, kind: rss, url: '{url}'}}")
    install_sources(engine, settings, clock, "sources:\n" + "\n".join(lines) + "\n")


def collect(engine, settings, clock, **collector_args):
    """One forced cycle; returns the report and whether a parsing pool was running."""

    async def scenario():
        collector = cycle.Collector(engine=engine, settings=settings, clock=clock,
                                    rng=random.Random(1), **collector_args)
        try:
            report = await collector.run_cycle(force=True)
            return report, collector._parse_pool is not None, collector.parse_workers
        finally:
            await collector.aclose()

    return asyncio.run(scenario())


def assert_all_stored(engine, report) -> None:
    assert len(report.sources) == SOURCES
    assert report.failures == len(FAILING)
    assert report.new_items == 3 * (SOURCES - len(FAILING))
    with Session(engine) as session:
        items = session.exec(select(Item)).all()
        sources = {s.id: s for s in session.exec(select(Source)).all()}
    per_source: dict[str, int] = {}
    for item in items:
        per_source[item.source_id] = per_source.get(item.source_id, 0) + 1
    expected = {s: 3 for s in sources if s not in FAILING}
    assert per_source == expected
    for source_id, source in sources.items():
        if source_id in FAILING:
            assert source.consecutive_failures == 1
            assert source.last_error_class == "http_server_error"
        else:
            assert source.items_seen == 3 and source.consecutive_failures == 0
            assert source.last_success_at is not None and source.next_check_at is not None


def test_a_big_cycle_parses_in_worker_processes(engine, settings, clock, site):
    install_many(engine, settings, clock, site)
    report, pooled, workers = collect(engine, settings, clock, parse_workers=1)
    assert pooled and workers == 1
    assert_all_stored(engine, report)
    with Session(engine) as session:
        item = session.exec(select(Item).where(Item.url == "http://example.test/5/1.html")).one()
    assert item.title == "第5号源新闻1" and item.content == "内容5-1"
    assert item.published_at.isoformat() == "2026-11-25T17:00:00+00:00"  # Beijing time


def crash_once(marker: str, body: bytes, **kwargs):
    """parse_document, except that the first call kills its worker process."""
    if not os.path.exists(marker):
        Path(marker).write_text("crashed")
        os._exit(1)
    return parse_document(body, **kwargs)


def test_a_crashed_parsing_process_is_replaced(engine, settings, clock, site, monkeypatch,
                                               tmp_path):
    install_many(engine, settings, clock, site)
    marker = tmp_path / "crashed"
    monkeypatch.setattr(cycle, "parse_document", functools.partial(crash_once, str(marker)))
    report, _, _ = collect(engine, settings, clock, parse_workers=1)
    assert marker.exists()
    assert_all_stored(engine, report)


def test_without_processes_the_cycle_parses_in_the_event_loop(engine, settings, clock, site,
                                                             monkeypatch):
    class NoProcesses:
        def submit(self, *args, **kwargs):
            raise OSError("no processes here")

        def shutdown(self, **kwargs):
            pass

    def start(self):
        self._parse_pool = NoProcesses()
        return self._parse_pool

    monkeypatch.setattr(cycle.Collector, "_start_parse_pool", start)
    install_many(engine, settings, clock, site)
    report, pooled, workers = collect(engine, settings, clock, parse_workers=2)
    assert not pooled and workers == 0
    assert_all_stored(engine, report)


def test_a_batch_that_fails_is_stored_one_refresh_at_a_time(engine, settings, clock, site,
                                                           monkeypatch):
    batches = []

    def failing(session, refreshed, **kwargs):
        batches.append(len(refreshed))
        raise RuntimeError("the batch went wrong")

    monkeypatch.setattr(cycle, "save_outcomes", failing)
    install_many(engine, settings, clock, site)
    report, _, _ = collect(engine, settings, clock, parse_workers=0)
    assert batches and all(size > 1 for size in batches)
    assert_all_stored(engine, report)
