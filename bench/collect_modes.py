"""The three ways of collecting that the benchmark compares, each timed by a ``Meter``.

(a) ``RawMode``: httpx + feedparser only, under the service's limits; (b) ``ServiceMode``: the
real ``Collector.run_cycle(force=True)`` on a fresh database; (c) ``NaiveMode``:
``feedparser.parse(url)`` feed after feed. Each runs inside a process of its own
(bench/collect_worker.py); ``mode_names`` lists the ones a run asks for.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from bench.collect_meter import Meter

PG_DATABASE = "yq_bench"


def mode_names(args) -> list[str]:
    """The modes a run asks for, in order: ``raw``, ``service:<database>`` …, ``naive``."""
    names = []
    if "raw" in args.modes:
        names.append("raw")
    if "service" in args.modes:
        names += [f"service:{d}" for d in args.databases]
    if "naive" in args.modes:
        names.append("naive")
    return names


# ---------------------------------------------------------------------------------------------
# (a) raw: httpx + feedparser under the same politeness, nothing stored
# ---------------------------------------------------------------------------------------------

class RawMode:
    """(a) httpx + feedparser only, under the service's client settings and limits."""
    def __init__(self, urls: list[str], concurrency: int, per_host: int):
        from service.collect.fetcher import FetchPolicy, HostLimits, make_client
        from service.config import Settings

        settings = Settings(_env_file=None)
        self.urls = urls
        policy = FetchPolicy(user_agent=settings.full_user_agent,
                             timeout=settings.fetch_timeout_seconds,
                             connect_timeout=settings.fetch_connect_timeout_seconds)
        # the service's client settings (pool size, gzip, timeouts) and its semaphores
        self.client = make_client(policy, max_connections=concurrency)
        self.limits = HostLimits(concurrency, per_host)
        self.etags: dict[str, str] = {}

    async def one(self, url: str) -> tuple[int, int]:
        """Fetch and parse one feed; returns (status, entries parsed)."""
        import feedparser

        from service.collect.refresh import FEED_ACCEPT

        headers = {"Accept": FEED_ACCEPT}
        if etag := self.etags.get(url):
            headers["If-None-Match"] = etag
        async with self.limits.slot(url):
            response = await self.client.get(url, headers=headers)
        if response.status_code == 304:
            return 304, 0
        response.raise_for_status()
        parsed = feedparser.parse(response.content, response_headers={
            "content-type": response.headers.get("content-type", "application/xml"),
            "content-location": url})
        if response.headers.get("etag"):
            self.etags[url] = response.headers["etag"]
        return response.status_code, len(parsed.entries)

    async def cycle(self, number: int) -> dict:
        """Fetch and parse every feed at once, within the limits, and time it."""
        with Meter() as meter:
            results = await asyncio.gather(*(self.one(u) for u in self.urls),
                                           return_exceptions=True)
        errors = [r for r in results if isinstance(r, BaseException)]
        ok = [r for r in results if not isinstance(r, BaseException)]
        entries = {self._index(u): r[1] for u, r in zip(self.urls, results, strict=True)
                   if not isinstance(r, BaseException) and r[0] == 200}
        return {**meter.as_dict(len(self.urls)), "errors": len(errors),
                "error_sample": [repr(e) for e in errors[:3]],
                "full": sum(r[0] == 200 for r in ok), "not_modified": sum(r[0] == 304 for r in ok),
                "entries_parsed": sum(entries.values()), "full_feeds": sorted(entries)}

    @staticmethod
    def _index(url: str) -> int:
        return int(url.rsplit("/", 1)[1].split(".")[0])

    async def close(self) -> None:
        """Close the HTTP client."""
        await self.client.aclose()


# ---------------------------------------------------------------------------------------------
# (b) the service
# ---------------------------------------------------------------------------------------------

def _pg_admin(base_url: str, statement: str) -> None:
    import psycopg

    url = base_url.rstrip("/") + "/postgres"
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"),
                         autocommit=True) as connection:
        connection.execute(statement)


def _sources_yaml(urls: list[str]) -> str:
    lines = ["defaults: {min_interval: 5m, max_interval: 1h, tier: official}", "sources:"]
    for index, url in enumerate(urls):
        lines.append(f"  - {{id: feed-{index:05d}, name: 订阅源{index:05d}, kind: rss, "
                     f"url: '{url}', region: 区域{index % 40:02d}}}")
    return "\n".join(lines) + "\n"


class ServiceMode:
    """(b) The service's ``Collector`` on a fresh database with every feed as a source."""
    def __init__(self, urls: list[str], database: str, pg_url: str, workdir: Path,
                 concurrency: int, per_host: int, parse_workers: int | None = None):
        from sqlmodel import Session

        from service.clock import SystemClock
        from service.collect.cycle import Collector
        from service.config import Settings
        from service.db import make_engine, upgrade
        from service.metrics import Metrics
        from service.sources.schema import load_sources
        from service.sources.sync import sync_sources

        self.urls, self.database, self.pg_url = urls, database, pg_url
        started = time.perf_counter()
        if database == "sqlite":
            self.url = f"sqlite:///{workdir / 'bench.db'}"
        else:
            _pg_admin(pg_url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            _pg_admin(pg_url, f"CREATE DATABASE {PG_DATABASE}")
            self.url = pg_url.rstrip("/") + "/" + PG_DATABASE
        upgrade(self.url)
        sources = workdir / f"sources-{database}.yaml"
        sources.write_text(_sources_yaml(urls), encoding="utf-8")
        self.settings = Settings(
            _env_file=None, database_url=self.url, sources=sources, data_dir=workdir / "var",
            fetch_concurrency=concurrency, fetch_per_host=per_host)
        self.engine = make_engine(self.url)
        self.clock = SystemClock()
        with Session(self.engine) as session:
            report = sync_sources(session, load_sources(sources), now=self.clock.now())
        assert len(report.added) == len(urls), report
        self.collector = Collector(engine=self.engine, settings=self.settings, clock=self.clock,
                                   metrics=Metrics(), parse_workers=parse_workers)
        self.parse_workers = self.collector.parse_workers
        self.setup_seconds = time.perf_counter() - started

    async def cycle(self, number: int) -> dict:
        """Time one forced ``run_cycle``, then count the items stored per source."""
        with Meter() as meter:
            report = await self.collector.run_cycle(force=True)
        sources = report.sources
        return {
            **meter.as_dict(len(self.urls)), "sources": len(sources), "errors": report.failures,
            "error_sample": [f"{s.outcome.source_id}: {s.outcome.error_message}"
                             for s in sources if not s.outcome.ok][:3],
            "full": sum(s.outcome.ok and not s.outcome.not_modified for s in sources),
            "not_modified": sum(s.outcome.not_modified for s in sources),
            "new_items": report.new_items, "items_by_source": self._items_by_source(),
            "parse_workers": self.parse_workers,
        }

    def _items_by_source(self) -> dict[str, int]:
        from sqlalchemy import func, select
        from sqlmodel import Session

        from service.models import Item

        with Session(self.engine) as session:
            rows = session.execute(
                select(Item.source_id, func.count()).group_by(Item.source_id)).all()
        return {source_id: count for source_id, count in rows}

    async def close(self) -> None:
        """Close the collector and the engine; drop the PostgreSQL database."""
        await self.collector.aclose()
        self.engine.dispose()
        if self.database == "postgresql":
            _pg_admin(self.pg_url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


# ---------------------------------------------------------------------------------------------
# (c) naive: feedparser.parse(url), one feed after another
# ---------------------------------------------------------------------------------------------

class NaiveMode:
    """(c) ``feedparser.parse(url)`` on each feed of the sample, one after the other."""
    def __init__(self, urls: list[str]):
        self.urls = urls

    async def cycle(self, number: int) -> dict:
        """Read every feed of the sample in turn and time it."""
        import feedparser

        entries, errors = [], []
        with Meter() as meter:
            for url in self.urls:
                parsed = feedparser.parse(url)
                if parsed.get("status") != 200 or not parsed.entries:
                    errors.append(f"{url}: {parsed.get('status')} {parsed.get('bozo_exception')}")
                entries.append(len(parsed.entries))
        return {**meter.as_dict(len(self.urls)), "errors": len(errors), "error_sample": errors[:3],
                "full": len(self.urls) - len(errors), "not_modified": 0,
                "entries_parsed": sum(entries)}

    async def close(self) -> None:
        """Nothing to release."""
        pass
