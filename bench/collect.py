"""Collection throughput: the service's cycle against the raw limit and a naive loop.

Run from the repository root::

    .venv/bin/python -m bench.collect            # 2,000 feeds, SQLite and PostgreSQL
    .venv/bin/python -m bench.collect --feeds 500 --databases sqlite --rounds 1   # a quick look

A feed farm (bench/feedfarm.py) runs in one separate process. Each mode runs in a process of its
own, so each one's peak memory is its own. The modes take turns, so noise on the machine hits all
of them alike:

(a) raw       httpx + feedparser and nothing else, under the service's limits (HostLimits: the
              same global and per-host semaphores) and with conditional GET on remembered ETags.
              Nothing is decoded by us, keyed or stored: the ceiling of the libraries.
(b) service   the real ``Collector.run_cycle(force=True)`` on a fresh, migrated database
              (SQLite file or PostgreSQL) whose sources were synced from a generated sources.yaml.
(c) naive     ``feedparser.parse(url)`` feed after feed, on a sample of the feeds.

Cycle 1 is the first full cycle (every feed answers 200). Then the farm publishes new items on
``--changed`` of the feeds, and cycle 2 runs (those answer 200, the others 304).
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/collect.py` as well as `python -m bench.collect`
    sys.path.insert(0, str(ROOT))

from bench.feedfarm import FarmProcess  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "collect.json"
PG_DATABASE = "yq_bench"


# ---------------------------------------------------------------------------------------------
# Measuring inside a worker
# ---------------------------------------------------------------------------------------------

def _status_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak(pid: int | str = "self") -> bool:
    """Reset a process's peak RSS (VmHWM) to its current RSS (Linux ≥ 4.0)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _helper_pids() -> set[int]:
    """Processes this one started and still runs: the service's parsing pool, its forkserver."""
    pids = {p.pid for p in multiprocessing.active_children() if p.pid}
    from multiprocessing import forkserver

    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if server:
        pids.add(server)
    return pids


def _pss_kib(pid: int | str) -> int:
    """Proportional set size: shared pages split among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _peak_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class Meter:
    """Wall time, CPU time and peak RSS of one cycle, in this process and its helpers.

    Helpers are the processes this one started (the service's parsing processes and their
    forkserver); their CPU time and peak RSS are added to this process's, so the figures are
    those of the whole service. Summed peaks are an upper bound (forked pages are shared).
    """

    def __enter__(self) -> Meter:
        self.peak_reset = _reset_peak()
        self.rss_before = _status_kib("VmRSS")
        self.helpers_before = {pid: _proc_cpu_seconds(pid) or 0.0 for pid in _helper_pids()}
        for pid in self.helpers_before:
            _reset_peak(pid)
        self.cpu = _cpu_seconds()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.started
        self.cpu = _cpu_seconds() - self.cpu
        peak = _status_kib("VmHWM") if self.peak_reset else None
        # without clear_refs, ru_maxrss is the peak of the whole process so far
        self.peak_kib = peak or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        helpers = _helper_pids()
        self.helper_count = len(helpers)
        self.helper_cpu = sum((_proc_cpu_seconds(pid) or 0.0) - self.helpers_before.get(pid, 0.0)
                              for pid in helpers)
        self.helper_peak_kib = sum(_peak_kib(pid) for pid in helpers)
        self.pss_end_kib = _pss_kib("self") + sum(_pss_kib(pid) for pid in helpers)

    def as_dict(self, feeds: int) -> dict:
        return {
            "feeds": feeds, "seconds": round(self.seconds, 3),
            "feeds_per_min": round(feeds / self.seconds * 60, 1),
            "cpu_seconds": round(self.cpu + self.helper_cpu, 2),
            "cpu_seconds_main": round(self.cpu, 2),
            "cpu_seconds_helpers": round(self.helper_cpu, 2),
            "rss_before_mib": round((self.rss_before or 0) / 1024, 1),
            "peak_rss_mib": round((self.peak_kib + self.helper_peak_kib) / 1024, 1),
            "peak_rss_main_mib": round(self.peak_kib / 1024, 1),
            "peak_rss_helpers_mib": round(self.helper_peak_kib / 1024, 1),
            "helper_processes": self.helper_count,
            "pss_end_mib": round(self.pss_end_kib / 1024, 1),
            "peak_is_per_cycle": self.peak_reset,
        }


# ---------------------------------------------------------------------------------------------
# (a) raw: httpx + feedparser under the same politeness, nothing stored
# ---------------------------------------------------------------------------------------------

class RawMode:
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
        await self.collector.aclose()
        self.engine.dispose()
        if self.database == "postgresql":
            _pg_admin(self.pg_url, f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


# ---------------------------------------------------------------------------------------------
# (c) naive: feedparser.parse(url), one feed after another
# ---------------------------------------------------------------------------------------------

class NaiveMode:
    def __init__(self, urls: list[str]):
        self.urls = urls

    async def cycle(self, number: int) -> dict:
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
        pass


# ---------------------------------------------------------------------------------------------
# Worker processes
# ---------------------------------------------------------------------------------------------

def worker_main(conn, mode: str, options: dict) -> None:
    """A mode in a process of its own: set up, then run cycles when the parent asks."""
    try:
        asyncio.run(_worker(conn, mode, options))
    except Exception:  # noqa: BLE001 (reported to the parent, which stops the run)
        conn.send({"error": traceback.format_exc()})


async def _worker(conn, mode: str, options: dict) -> None:
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    workdir = Path(options["workdir"])
    if mode == "raw":
        runner = RawMode(options["urls"], options["concurrency"], options["per_host"])
    elif mode.startswith("service:"):
        runner = ServiceMode(options["urls"], mode.split(":", 1)[1], options["pg_url"], workdir,
                             options["concurrency"], options["per_host"],
                             options["parse_workers"])
    elif mode == "naive":
        runner = NaiveMode(options["sample_urls"])
    else:
        raise ValueError(mode)
    conn.send({"ready": True, "setup_seconds": round(time.perf_counter() - started, 2),
               "pid": os.getpid()})
    while True:
        command = await loop.run_in_executor(None, conn.recv)
        if command["cmd"] == "cycle":
            result = await runner.cycle(command["number"])
            result["max_rss_mib"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            conn.send(result)
        elif command["cmd"] == "close":
            await runner.close()
            conn.send({"closed": True})
            return


class Worker:
    def __init__(self, mode: str, options: dict):
        ctx = multiprocessing.get_context("spawn")
        self.mode = mode
        self.conn, child = ctx.Pipe()
        # not a daemon: the service starts parsing processes of its own
        self.process = ctx.Process(target=worker_main, args=(child, mode, options),
                                   name=f"bench-{mode}")
        self.process.start()

    def receive(self, timeout: float = 900) -> dict:
        if not self.conn.poll(timeout):
            raise RuntimeError(f"{self.mode}: no answer within {timeout:.0f} s")
        message = self.conn.recv()
        if "error" in message:
            raise RuntimeError(f"{self.mode} failed:\n{message['error']}")
        return message

    def cycle(self, number: int) -> dict:
        self.conn.send({"cmd": "cycle", "number": number})
        return self.receive()

    def close(self) -> None:
        if self.process.is_alive():
            try:
                self.conn.send({"cmd": "close"})
                self.receive(120)
            except (RuntimeError, OSError, EOFError):
                pass
            self.process.join(30)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def _machine_busy_seconds() -> float | None:
    """CPU time the whole machine has spent busy (all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _proc_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of another process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------

def check(mode: str, number: int, result: dict, *, feeds: int, items: int,
          changed: dict[int, int] | None, expected_new: int) -> list[str]:
    """What is wrong with a cycle's result (empty when it is right)."""
    problems = []
    if result["errors"]:
        problems.append(f"{result['errors']} errors, e.g. {result['error_sample']}")
    if mode == "naive":
        if result["entries_parsed"] != result["feeds"] * items:
            problems.append(f"parsed {result['entries_parsed']} entries, "
                            f"expected {result['feeds'] * items}")
        return problems
    want_full = feeds if number == 1 else len(changed or {})
    if result["full"] != want_full or result["not_modified"] != feeds - want_full:
        problems.append(f"{result['full']} full + {result['not_modified']} not modified, "
                        f"expected {want_full} + {feeds - want_full}")
    if mode == "raw":
        if result["entries_parsed"] != want_full * items:
            problems.append(f"parsed {result['entries_parsed']} entries, "
                            f"expected {want_full * items}")
        if number == 2 and set(result["full_feeds"]) != set(changed or {}):
            problems.append("the feeds answered in full are not the changed ones")
        return problems
    # the service: exactly 30 per feed after cycle 1, plus exactly the new items after cycle 2
    by_source = result["items_by_source"]
    expected = {f"feed-{i:05d}": items + ((changed or {}).get(i, 0) if number == 2 else 0)
                for i in range(feeds)}
    total, want_total = sum(by_source.values()), sum(expected.values())
    if total != want_total:
        problems.append(f"{total} items stored, expected {want_total}")
    wrong = [s for s in expected if by_source.get(s, 0) != expected[s]]
    if wrong:
        problems.append(f"{len(wrong)} sources with a wrong item count, e.g. "
                        f"{[(s, by_source.get(s, 0), expected[s]) for s in wrong[:3]]}")
    if result["new_items"] != expected_new:
        problems.append(f"cycle reported {result['new_items']} new items, expected {expected_new}")
    return problems


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from service.config import Settings

    defaults = Settings(_env_file=None)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--feeds", type=int, default=2000, help="feeds in the farm")
    parser.add_argument("--items", type=int, default=30, help="items per feed")
    parser.add_argument("--changed", type=float, default=0.1,
                        help="share of feeds with new items before cycle 2")
    parser.add_argument("--hosts", type=int, default=40, help="loopback hosts 127.0.0.1…N")
    parser.add_argument("--sample-naive", type=int, default=60,
                        help="feeds the naive loop reads (a sample: it takes ~1 s per feed)")
    parser.add_argument("--databases", default="sqlite,postgresql",
                        help="comma-separated: sqlite, postgresql")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1/",
                        help=f"PostgreSQL server; database {PG_DATABASE} is created and dropped")
    parser.add_argument("--min-delay", type=float, default=0.1, help="shortest response delay, s")
    parser.add_argument("--max-delay", type=float, default=2.0, help="longest response delay, s")
    parser.add_argument("--rounds", type=int, default=3,
                        help="repeats of the whole run; figures are medians over rounds")
    parser.add_argument("--concurrency", type=int, default=defaults.fetch_concurrency,
                        help="global fetch limit (Settings.fetch_concurrency)")
    parser.add_argument("--per-host", type=int, default=defaults.fetch_per_host,
                        help="per-host fetch limit (Settings.fetch_per_host)")
    parser.add_argument("--parse-workers", type=int, default=None,
                        help="the service's parsing processes (default: its own choice, "
                             "cores − 1; 0 parses in the event loop)")
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--modes", default="raw,service,naive",
                        help="comma-separated subset of raw, service, naive")
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)
    args.databases = [d.strip() for d in args.databases.split(",") if d.strip()]
    for database in args.databases:
        if database not in ("sqlite", "postgresql"):
            parser.error(f"unknown database {database!r}")
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    return args


def mode_names(args) -> list[str]:
    names = []
    if "raw" in args.modes:
        names.append("raw")
    if "service" in args.modes:
        names += [f"service:{d}" for d in args.databases]
    if "naive" in args.modes:
        names.append("naive")
    return names


def run(args) -> dict:
    started_at = datetime.now(UTC)
    t0 = time.perf_counter()
    print(f"Starting the farm: {args.feeds} feeds × {args.items} items on {args.hosts} hosts, "
          f"delays {args.min_delay}–{args.max_delay} s …", flush=True)
    farm = FarmProcess(args.feeds, hosts=args.hosts, items=args.items, seed=args.seed,
                       min_delay=args.min_delay, max_delay=args.max_delay)
    urls = farm.urls()
    sample = sorted({round(i * args.feeds / args.sample_naive)
                     for i in range(min(args.sample_naive, args.feeds))})
    names = mode_names(args)
    rounds: list[dict] = []
    failures: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="yq-bench-"))
    try:
        for round_index in range(args.rounds):
            farm.reset()
            # rotate the order each round: no mode always runs first (or right after another)
            order = names[round_index % len(names):] + names[:round_index % len(names)]
            print(f"\nRound {round_index + 1}/{args.rounds}: setting up {', '.join(order)} …",
                  flush=True)
            round_dir = workdir / f"round{round_index}"
            round_dir.mkdir()
            options = {"urls": urls, "sample_urls": [urls[i] for i in sample],
                       "concurrency": args.concurrency, "per_host": args.per_host,
                       "pg_url": args.pg_url, "workdir": str(round_dir),
                       "parse_workers": args.parse_workers}
            workers = {name: Worker(name, options) for name in order}
            record: dict = {"round": round_index + 1, "order": order, "setup": {}, "cycles": {}}
            try:
                for name, worker in workers.items():
                    record["setup"][name] = worker.receive(600)["setup_seconds"]
                changed: dict[int, int] = {}
                for number in (1, 2):
                    if number == 2:
                        changed = farm.change(args.changed, seed=round_index + 1)
                        record["changed_feeds"] = len(changed)
                        record["changed_new_items"] = sum(changed.values())
                    ideal = farm.ideal_seconds(args.per_host, args.concurrency)
                    record.setdefault("ideal_seconds", {})[str(number)] = round(ideal, 2)
                    for name in order:
                        farm_cpu = _proc_cpu_seconds(farm.process.pid)
                        busy = _machine_busy_seconds()
                        result = workers[name].cycle(number)
                        after = _proc_cpu_seconds(farm.process.pid)
                        busy_after = _machine_busy_seconds()
                        if farm_cpu is not None and after is not None:
                            result["farm_cpu_seconds"] = round(after - farm_cpu, 2)
                        if busy is not None and busy_after is not None:
                            # everything else the machine did meanwhile: other processes (and,
                            # for PostgreSQL, its server); much more than a second or two means
                            # the figure was disturbed
                            result["other_cpu_seconds"] = round(
                                busy_after - busy - result["cpu_seconds"]
                                - result.get("farm_cpu_seconds", 0.0), 2)
                        expected_new = sum(changed.values()) if number == 2 else (
                            args.feeds * args.items)
                        problems = check(name.split(":")[0], number, result, feeds=args.feeds,
                                         items=args.items, changed=changed,
                                         expected_new=expected_new)
                        result["checks"] = problems or "ok"
                        failures += [f"round {round_index + 1} {name} cycle {number}: {p}"
                                     for p in problems]
                        result.pop("items_by_source", None)
                        result.pop("full_feeds", None)
                        record["cycles"].setdefault(str(number), {})[name] = result
                        print(f"  cycle {number} {name:20s} {result['seconds']:7.1f} s "
                              f"{result['feeds_per_min']:8.0f} feeds/min  "
                              f"cpu {result['cpu_seconds']:6.1f} s  "
                              f"peak {result['peak_rss_mib']:6.0f} MiB  "
                              f"other cpu {result.get('other_cpu_seconds', 0):5.1f} s  "
                              f"{'ok' if not problems else 'CHECK FAILED: ' + '; '.join(problems)}",
                              flush=True)
            finally:
                for worker in workers.values():
                    worker.close()
            rounds.append(record)
    finally:
        farm.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return summarize(args, rounds, failures, started_at, time.perf_counter() - t0)


def summarize(args, rounds: list[dict], failures: list[str], started_at: datetime,
              elapsed: float) -> dict:
    names = mode_names(args)
    summary: dict = {}
    for number in ("1", "2"):
        by_mode = {}
        for name in names:
            results = [r["cycles"][number][name] for r in rounds]
            by_mode[name] = {
                "feeds": results[0]["feeds"],
                "feeds_per_min": statistics.median(r["feeds_per_min"] for r in results),
                "seconds": statistics.median(r["seconds"] for r in results),
                "cpu_seconds": statistics.median(r["cpu_seconds"] for r in results),
                "peak_rss_mib": max(r["peak_rss_mib"] for r in results),
                "runs": [r["feeds_per_min"] for r in results],
            }
        ratios = {}
        for name in names:
            if not name.startswith("service:"):
                continue
            rate = by_mode[name]["feeds_per_min"]
            entry = {}
            if "raw" in by_mode:
                entry["vs_raw"] = round(rate / by_mode["raw"]["feeds_per_min"], 3)
                entry["vs_raw_ok"] = entry["vs_raw"] >= 0.7
            if "naive" in by_mode:
                entry["vs_naive"] = round(rate / by_mode["naive"]["feeds_per_min"], 1)
                entry["vs_naive_ok"] = entry["vs_naive"] >= 20
            ratios[name] = entry
        ideal = statistics.median(r["ideal_seconds"][number] for r in rounds)
        summary[number] = {"modes": by_mode, "ratios": ratios,
                           "io_floor_seconds": ideal,
                           "io_ceiling_feeds_per_min": round(args.feeds / ideal * 60, 1)}
    targets_met = all(v for s in summary.values() for r in s["ratios"].values()
                      for k, v in r.items() if k.endswith("_ok"))
    return {
        "benchmark": "collect",
        "date": started_at.isoformat(timespec="seconds"),
        "elapsed_seconds": round(elapsed, 1),
        "machine": {"nproc": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "machine": platform.machine()},
        "versions": _versions(),
        "parameters": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "summary": summary,
        "targets": {"service_vs_raw": 0.7, "service_vs_naive": 20, "met": targets_met},
        "checks": {"ok": not failures, "failures": failures},
        "rounds": rounds,
    }


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in ("httpx", "feedparser", "SQLAlchemy", "psycopg", "aiohttp"):
        with contextlib.suppress(PackageNotFoundError):
            found[package] = version(package)
    return found


LABELS = {"raw": "(a) raw: httpx + feedparser", "naive": "(c) naive feedparser.parse(url)"}


def label(name: str, sample: int) -> str:
    if name.startswith("service:"):
        return f"(b) service, {name.split(':')[1]}"
    if name == "naive":
        return f"{LABELS['naive']} [sample of {sample}]"
    return LABELS[name]


def print_table(results: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    params = results["parameters"]
    console = Console(width=max(Console().width, 150))
    title = (f"Collection throughput — {params['feeds']} feeds × {params['items']} items, "
             f"{params['hosts']} hosts, delay {params['min_delay']}–{params['max_delay']} s, "
             f"limits {params['concurrency']} global / {params['per_host']} per host, "
             f"median of {params['rounds']} round(s), {results['machine']['nproc']} cores")
    table = Table(title=title, title_justify="left")
    for column in ("cycle", "mode", "feeds/min", "s", "CPU s", "peak RSS MiB", "÷ raw",
                   "÷ naive"):
        table.add_column(column, justify="left" if column in ("cycle", "mode") else "right")
    cycle_names = {"1": "1: first, all new",
                   "2": f"2: {params['changed']:.0%} changed"}
    for number, summary in results["summary"].items():
        for name, figures in summary["modes"].items():
            ratios = summary["ratios"].get(name, {})
            vs_raw = (f"{ratios['vs_raw']:.2f} {'✓' if ratios['vs_raw_ok'] else '✗'}"
                      if "vs_raw" in ratios else "")
            vs_naive = (f"{ratios['vs_naive']:.0f}× {'✓' if ratios['vs_naive_ok'] else '✗'}"
                        if "vs_naive" in ratios else "")
            table.add_row(cycle_names[number], label(name, params["sample_naive"]),
                          f"{figures['feeds_per_min']:,.0f}", f"{figures['seconds']:.1f}",
                          f"{figures['cpu_seconds']:.1f}", f"{figures['peak_rss_mib']:.0f}",
                          vs_raw, vs_naive)
        table.add_row(cycle_names[number], "I/O floor (delays and limits alone)",
                      f"{summary['io_ceiling_feeds_per_min']:,.0f}",
                      f"{summary['io_floor_seconds']:.1f}", "", "", "", "", end_section=True)
    console.print(table)
    checks = results["checks"]
    console.print("Correctness: " + ("all checks passed" if checks["ok"]
                                     else "FAILED\n  " + "\n  ".join(checks["failures"])))
    console.print(f"Targets (service ≥ 0.7 × raw and ≥ 20 × naive, both cycles): "
                  f"{'met' if results['targets']['met'] else 'NOT met'}; "
                  f"whole run {results['elapsed_seconds']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = run(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    print()
    print_table(results)
    print(f"Results written to {args.output}")
    return 0 if results["checks"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
