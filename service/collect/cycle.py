"""A collection cycle: claim sources, refresh them concurrently, store each result as it lands.

The event loop only fetches. Parsing (decode, feedparser, keys) is CPU work: in a cycle of many
sources it runs in worker processes, so it uses the other cores instead of stalling the fetches.
Results are stored by one writer in the storage thread, a batch per transaction: what landed
while it wrote the previous batch, and while many refreshes are still to come, what lands in the
next moment (``STORE_LINGER_SECONDS``). So a big cycle needs few commits, and the last results of
a cycle, or those of a small one, are stored at once.
"""

import asyncio
import functools
import logging
import multiprocessing
import os
import random
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from service.clock import Clock
from service.collect.fetcher import FetchPolicy, HostLimits, HostPacer, make_client
from service.collect.refresh import (
    ParsedDocument,
    RefreshContext,
    RefreshOutcome,
    SourceSnapshot,
    parse_document,
    refresh_source,
)
from service.collect.store import (
    HealthPolicy,
    SaveResult,
    claim_sources,
    existing_keys,
    save_outcome,
    save_outcomes,
)
from service.config import Settings
from service.metrics import Metrics

log = logging.getLogger(__name__)

PARSE_POOL_MIN_SOURCES = 16  # smaller cycles parse in the event loop: a pool would not pay off
PARSE_NICENESS = 10  # added to the parsing processes' nice value
STORE_BATCH_MAX = 100  # refreshes stored in one transaction at most
STORE_LINGER_SECONDS = 0.05  # while many refreshes are still to come, gather them this long
STORE_LINGER_MIN_PENDING = 16  # "many"; the last ones of a cycle are stored without waiting


def default_parse_workers() -> int:
    """Processes that parse beside the event loop: one per core (at most 4), none on one core.

    One per core, not one fewer: the event loop needs a fraction of a core (fetching, storing),
    and on 2 cores two parsers finish a cycle of 2,000 feeds in 26 s where one takes 34 s.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return 0 if cores < 2 else min(cores, 4)


@dataclass
class SourceReport:
    outcome: RefreshOutcome
    saved: SaveResult


@dataclass
class CycleReport:
    sources: list[SourceReport] = field(default_factory=list)

    @property
    def new_items(self) -> int:
        """Items stored by the whole cycle."""
        return sum(r.saved.new_items for r in self.sources)

    @property
    def failures(self) -> int:
        """Sources that failed in this cycle."""
        return sum(not r.outcome.ok for r in self.sources)


class Collector:
    """Runs collection cycles; one per process, sharing the HTTP client and limits."""

    def __init__(self, *, engine: Engine | None, settings: Settings, clock: Clock,
                 metrics: Metrics | None = None, rng: random.Random | None = None,
                 parse_workers: int | None = None):
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.metrics = metrics
        self.rng = rng or random.Random()
        self.policy = FetchPolicy(
            user_agent=settings.full_user_agent, timeout=settings.fetch_timeout_seconds,
            connect_timeout=settings.fetch_connect_timeout_seconds,
            max_bytes=settings.fetch_max_bytes, max_redirects=settings.fetch_max_redirects)
        self.health = HealthPolicy(down_after=settings.source_down_after_failures,
                                   max_backoff=settings.max_backoff_hours * 3600)
        # SQLite takes one writer at a time; one thread keeps the event loop free meanwhile
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="yq-store")
        self._context: RefreshContext | None = None
        # 0 parses in the event loop; None: default_parse_workers()
        self.parse_workers = default_parse_workers() if parse_workers is None else parse_workers
        self._parse_pool: ProcessPoolExecutor | None = None

    def context(self, **overrides) -> RefreshContext:
        """The refresh context shared by this collector's cycles; ``overrides`` vary a copy."""
        if self._context is None:
            self._context = RefreshContext(
                client=make_client(self.policy, max_connections=self.settings.fetch_concurrency),
                policy=self.policy,
                limits=HostLimits(self.settings.fetch_concurrency, self.settings.fetch_per_host),
                pacer=HostPacer(self.settings.item_page_delay_seconds),
                clock=self.clock,
                known_keys=self._known_keys,
                item_pages_per_fetch=self.settings.item_pages_per_fetch,
                unconditional_after=timedelta(hours=self.settings.unconditional_refetch_hours),
            )
        return replace(self._context, **overrides) if overrides else self._context

    async def aclose(self) -> None:
        """Close the HTTP client, the parsing processes and the storage thread."""
        if self._context is not None:
            await self._context.client.aclose()
            self._context = None
        if self._parse_pool is not None:
            self._parse_pool.shutdown(wait=True, cancel_futures=True)
            self._parse_pool = None
        self._db.shutdown(wait=True)

    async def run_cycle(
        self, *, force: bool = False, source_ids: list[str] | None = None,
        limit: int | None = None, on_done: Callable[[SourceReport], None] | None = None,
        on_claimed: Callable[[int], None] | None = None,
    ) -> CycleReport:
        """Refresh the due sources (all of them with ``force``) and store what they bring."""
        ctx = self.context()
        batch = limit or (10**9 if force else self.settings.collect_batch_size)
        snapshots = await self._in_db(self._claim, force, source_ids, batch)
        if on_claimed:
            on_claimed(len(snapshots))
        if self.parse_workers > 0 and len(snapshots) >= PARSE_POOL_MIN_SOURCES:
            ctx = replace(ctx, parser=self._parse_elsewhere)
        report = CycleReport()
        landed: asyncio.Queue[tuple[SourceSnapshot, RefreshOutcome] | None] = asyncio.Queue()
        writer = asyncio.create_task(self._store_landed(landed, len(snapshots), report, on_done))

        async def one(snapshot: SourceSnapshot) -> None:
            landed.put_nowait((snapshot, await refresh_source(snapshot, ctx)))

        try:
            await asyncio.gather(*(one(s) for s in snapshots))
        finally:
            landed.put_nowait(None)
            await writer
        if self.metrics:
            self.metrics.cycles.inc()
        return report

    async def _store_landed(self, landed: asyncio.Queue, expected: int, report: CycleReport,
                            on_done: Callable[[SourceReport], None] | None) -> None:
        """Store refreshes as they land, in batches (see the module's docstring)."""
        finished = False
        received = 0
        while not finished:
            batch = [await landed.get()]
            if batch[0] is not None and expected - received >= STORE_LINGER_MIN_PENDING:
                await asyncio.sleep(STORE_LINGER_SECONDS)
            while not landed.empty() and len(batch) < STORE_BATCH_MAX:
                batch.append(landed.get_nowait())
            received += len(batch)
            if None in batch:
                finished = True
                batch = [item for item in batch if item is not None]
            if not batch:
                continue
            saved = await self._in_db(self._save_batch, batch)
            for (_, outcome), result in zip(batch, saved, strict=True):
                if result is None:  # not stored; the claim's lease brings the source back
                    continue
                if self.metrics:
                    self.metrics.observe(outcome)
                    self.metrics.items_stored.inc(result.new_items)
                item = SourceReport(outcome, result)
                report.sources.append(item)
                if on_done:
                    on_done(item)

    async def _parse_elsewhere(self, body: bytes, **kwargs) -> ParsedDocument:
        """``parse_document`` in a worker process; a crashed pool is replaced, tried once more."""
        call = functools.partial(parse_document, body, **kwargs)
        for attempt in (1, 2):
            if self.parse_workers == 0:  # given up on processes earlier in this cycle
                return call()
            pool = self._parse_pool
            try:
                pool = pool or self._start_parse_pool()
                future = pool.submit(call)
            except BrokenProcessPool:
                future = None
            except Exception as exc:  # no processes here (a daemon process, a limit): go on without
                log.warning("cannot start parsing processes (%s); parsing in the event loop", exc)
                if pool is not None:
                    self._drop_parse_pool(pool)
                self.parse_workers = 0
                return call()
            try:
                if future is not None:
                    return await asyncio.wrap_future(future)
            except BrokenProcessPool:
                pass
            # a worker died (killed, out of memory, a crash in C code): start afresh, retry once
            self._drop_parse_pool(pool)
            if attempt == 2:
                raise BrokenProcessPool("a parsing process died twice on this document")
        raise AssertionError("unreachable")

    def _drop_parse_pool(self, pool: ProcessPoolExecutor) -> None:
        if self._parse_pool is pool:
            self._parse_pool = None
            pool.shutdown(wait=False, cancel_futures=True)

    def _start_parse_pool(self) -> ProcessPoolExecutor:
        # forkserver: workers fork from a clean server process, not from this threaded one
        methods = multiprocessing.get_all_start_methods()
        method = "forkserver" if "forkserver" in methods else "spawn"
        context = multiprocessing.get_context(method)
        if method == "forkserver":
            context.set_forkserver_preload(["service.collect.refresh"])
        # the parsers run at a lower priority: the event loop must get a core the moment it
        # needs one, or fetching stalls while they are busy; they take whatever CPU is left
        self._parse_pool = ProcessPoolExecutor(max_workers=self.parse_workers, mp_context=context,
                                               initializer=os.nice, initargs=(PARSE_NICENESS,))
        log.info("parsing in %d worker process(es) (%s)", self.parse_workers, method)
        return self._parse_pool

    async def _in_db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._db, fn, *args)

    def _claim(self, force: bool, source_ids: list[str] | None, limit: int) -> list[SourceSnapshot]:
        with Session(self.engine, expire_on_commit=False) as session:
            return claim_sources(session, now=self.clock.now(), limit=limit, force=force,
                                 source_ids=source_ids)

    def _save(self, snapshot: SourceSnapshot, outcome: RefreshOutcome) -> SaveResult:
        with Session(self.engine, expire_on_commit=False) as session:
            result = save_outcome(session, snapshot, outcome, now=self.clock.now(),
                                  policy=self.health, rng=self.rng)
        if result.went_down:
            log.warning("source %s is down: %s", snapshot.id, outcome.error_message)
        return result

    def _save_batch(self, batch: list[tuple[SourceSnapshot, RefreshOutcome]]
                    ) -> list[SaveResult | None]:
        """Store a batch in one transaction; if that fails, each refresh on its own."""
        if len(batch) > 1:
            try:
                with Session(self.engine, expire_on_commit=False) as session:
                    results = save_outcomes(session, batch, now=self.clock.now(),
                                            policy=self.health, rng=self.rng)
            except Exception:
                log.warning("storing %d refreshes together failed; storing them one by one",
                            len(batch), exc_info=True)
            else:
                for (snapshot, outcome), result in zip(batch, results, strict=True):
                    if result.went_down:
                        log.warning("source %s is down: %s", snapshot.id, outcome.error_message)
                return list(results)
        stored: list[SaveResult | None] = []
        for snapshot, outcome in batch:
            try:
                stored.append(self._save(snapshot, outcome))
            except Exception:
                # nothing was accepted; the claim's lease brings the source back later
                log.exception("storing the refresh of %s failed", snapshot.id)
                stored.append(None)
        return stored

    async def _known_keys(self, source_id: str, keys: list[str]) -> set[str]:
        def lookup() -> set[str]:
            with Session(self.engine) as session:
                return existing_keys(session, source_id, keys)

        return await self._in_db(lookup)
