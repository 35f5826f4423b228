"""Alerts API latency: GET /api/v1/alerts with filters, 200 requests/s, 100k alerts, PostgreSQL.

Run from the repository root::

    .venv/bin/python -m bench.alerts_api                  # ~10 minutes: 1k and 100k alerts
    .venv/bin/python -m bench.alerts_api --sweep 25,50,100          # and latency against load
    .venv/bin/python -m bench.alerts_api --rounds 1 --items 100000 --alerts 10000   # a quick look

Target (the issue): p99 ≤ 50 ms at 200 requests/s with 100,000 alerts and 1,000,000 items on
PostgreSQL, the load generator in a process of its own. The command exits with 1 when the p99
over all query kinds at the full scale is above 50 ms, or when any request did not get a 200.

What runs: a fresh database (dropped and created, migrated with ``service.db.upgrade``) gets
the repository's sources, 1M items over 90 days, their stories and analyses, a duty officer and
the director (a leader) with API tokens. Then, for each scale (the 1k-alert baseline first),
the alerts are replaced and ``yuqing serve --no-scheduler`` starts as a separate process; the
load generator (another process) sends an open-loop mix of ten query kinds, ``--rounds`` times;
the server's peak RSS is read; ``--sweep`` rates run once each on a fresh server; and every
kind's SQL is EXPLAIN ANALYZEd (custom and generic plan). The table shows the medians over the
rounds; bench/results/alerts_api.json has all.

The code: this module (command line, database and server, the run, the JSON file),
bench/alerts_api_data.py and bench/alerts_api_sql.py (the data), bench/alerts_api_load.py (the
load generator and the query mix), bench/alerts_api_report.py (percentiles, medians, table),
bench/alerts_api_explain.py (the plans). See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/alerts_api.py` as well as `-m bench.alerts_api`
    sys.path.insert(0, str(ROOT))

from bench.alerts_api_data import (  # noqa: E402
    create_users,
    populate_alerts,
    populate_base,
    recreate,
)
from bench.alerts_api_explain import explain_kinds  # noqa: E402
from bench.alerts_api_load import KINDS, generate  # noqa: E402
from bench.alerts_api_report import (  # noqa: E402
    TARGET_P99_MS,
    median_rounds,
    print_table,
    summarize_round,
)
from bench.collect_meter import machine_busy_seconds, proc_cpu_seconds  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "alerts_api.json"


class Server:
    """``yuqing serve --no-scheduler --workers N`` in processes of its own, on a free local
    port (with N > 1 a supervisor and N worker processes)."""

    def __init__(self, url: str, workdir: Path, workers: int = 1):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("YQ_")}
        env.update(YQ_DATABASE_URL=url, YQ_ROUTING=str(ROOT / "routing.yaml"),
                   YQ_SOURCES=str(ROOT / "sources.yaml"), YQ_DATA_DIR=str(workdir / "data"),
                   YQ_LOG_LEVEL="WARNING")
        self.log_path = workdir / "server.log"
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "yuqing"), "serve", "--no-scheduler",
                 "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(workers)],
                env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._wait_healthy(60)

    def _wait_healthy(self, timeout: float) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"the server did not answer /healthz within {timeout:.0f} s")

    def pids(self) -> list[int]:
        """The server's processes: the supervisor and its workers, or the one process."""
        pid = self.process.pid
        try:
            workers = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            workers = []
        return [pid, *map(int, workers)]

    def peak_rss_mib(self) -> float:
        """The server's peak resident memory so far (VmHWM, summed over its processes)."""
        total = 0.0
        for pid in self.pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
        return total

    def cpu_seconds(self) -> float:
        return sum(proc_cpu_seconds(pid) or 0.0 for pid in self.pids())

    def wait_idle(self, timeout: float = 90.0) -> float:
        """Wait until the server has finished the work of an earlier round (requests whose
        client gave up are still served); returns the seconds waited."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            before = self.cpu_seconds()
            time.sleep(0.5)
            if self.cpu_seconds() - before < 0.03:
                break
        return round(time.monotonic() - started, 1)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432",
                        help="PostgreSQL server (trust auth); the bench's database goes there")
    parser.add_argument("--database", default="yq_bench_api",
                        help="dropped and created at the start, dropped at the end")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--items", type=int, default=1_000_000, help="items over --days")
    parser.add_argument("--alerts", type=int, default=100_000, help="alerts at full scale")
    parser.add_argument("--baseline-alerts", type=int, default=1_000,
                        help="alerts of the baseline scale (0: no baseline)")
    parser.add_argument("--days", type=int, default=90, help="the span of items and alerts")
    parser.add_argument("--rate", type=float, default=200.0, help="requests a second")
    parser.add_argument("--seconds", type=float, default=30.0, help="measured time per round")
    parser.add_argument("--warmup", type=float, default=5.0,
                        help="seconds of load before the measured part (not counted)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="server processes (yuqing serve --workers)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="load runs per scale; the table shows medians")
    parser.add_argument("--sweep", default="",
                        help="comma-separated request rates to try once each at full scale "
                             "after the rounds, each on a fresh server (latency against load)")
    parser.add_argument("--arrivals", choices=("uniform", "poisson"), default="uniform",
                        help="evenly spaced send times, or a Poisson process (bursty)")
    parser.add_argument("--connections", type=int, default=100,
                        help="the load generator's connection pool")
    parser.add_argument("--request-timeout", type=float, default=10.0,
                        help="a request not answered within this many seconds of being sent "
                             "is given up and counted as an error")
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)
    args.sweep = [float(r) for r in args.sweep.split(",") if r.strip()]
    return args


def first_cursor(url: str) -> str | None:
    """The cursor of page 2 of the unfiltered list, as the API would hand it out."""
    import psycopg

    from service.api.pagination import encode_cursor

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT id FROM alerts ORDER BY id DESC OFFSET 49 LIMIT 1").fetchone()
    return encode_cursor(row[0]) if row else None


def database_connections(url: str) -> dict[str, int]:
    """The server's connections to the database by state; connections left "idle in
    transaction" after a round are requests stuck while holding one."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return dict(conn.execute(
            "SELECT state, count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() GROUP BY state").fetchall())


def run_round(server: Server, url: str, args, tokens: dict, *, rate: float, seed: int) -> dict:
    """One load run against ``server``: its figures, and the machine's meanwhile."""
    options = {"base_url": server.base_url, "rate": rate, "seconds": args.seconds,
               "warmup": args.warmup, "arrivals": args.arrivals,
               "connections": args.connections, "seed": seed,
               "timeout": args.request_timeout, "cursor": first_cursor(url),
               "tokens": {"duty": tokens["bench-duty"], "leader": tokens["director"]}}
    settle = server.wait_idle()
    load_before, busy, cpu = os.getloadavg()[0], machine_busy_seconds(), server.cpu_seconds()
    t0 = time.perf_counter()
    result = generate(options, timeout=args.warmup + args.seconds + args.request_timeout + 90)
    wall = time.perf_counter() - t0
    server_cpu = server.cpu_seconds() - cpu
    connections = database_connections(url)
    summary = summarize_round(result)
    other = (machine_busy_seconds() or 0) - (busy or 0) - server_cpu - result["cpu_seconds"]
    summary["machine"] = {
        "loadavg_before": load_before, "loadavg_after": os.getloadavg()[0],
        "server_cpu_seconds": round(server_cpu, 2),
        "cpu_per_request_ms": round(server_cpu / len(result["records"]) * 1000, 3),
        "cpu_share_of_core": round(server_cpu / wall, 3),
        "loadgen_cpu_share_of_core": round(result["cpu_seconds"] / wall, 3),
        "other_cpu_share": round(other / wall, 3), "wall_seconds": round(wall, 1),
        "settled_seconds": settle, "connections_after": connections}
    overall = summary["overall"]
    print(f"  {rate:g} req/s offered: {overall['rate']:.1f} answered, p50 {overall['p50']:.1f}"
          f" p95 {overall['p95']:.1f} p99 {overall['p99']:.1f} max {overall['max']:.0f} ms, "
          f"{overall['errors']} errors; server CPU {summary['machine']['cpu_share_of_core']:.0%}"
          f" of a core, load {summary['machine']['loadavg_after']:.2f}; the server's "
          f"connections afterwards {connections}", flush=True)
    return summary


def measure_scale(url: str, count: int, args, tokens: dict, end: datetime, workdir: Path,
                  *, sweep: list[float]) -> dict:
    """Put ``count`` alerts in the database, start a server, run the rounds (and the sweep,
    a server for each rate), explain."""
    print(f"\n{count:,} alerts: populating …", flush=True)
    population = populate_alerts(url, count=count, days=args.days, end=end, seed=0.5)
    print(f"  {sum(population['seconds'].values()):.1f} s: {population['counts']}", flush=True)
    server = Server(url, workdir, args.workers)
    try:
        rounds = [run_round(server, url, args, tokens, rate=args.rate, seed=args.seed + number)
                  for number in range(args.rounds)]
        peak = server.peak_rss_mib()
    finally:
        server.stop()
    swept = {}
    for rate in sweep:
        server = Server(url, workdir, args.workers)
        try:
            result = run_round(server, url, args, tokens, rate=rate, seed=args.seed)
        finally:
            server.stop()
        swept[f"{rate:g}"] = {"overall": result["overall"], "machine": result["machine"]}
    explain = explain_kinds(url)
    machine = [r["machine"] for r in rounds]

    def med(key: str) -> float:
        return round(statistics.median(m[key] for m in machine), 3)

    return {"alerts": count, "population": population, "rounds": rounds,
            "median": median_rounds(rounds), "sweep": swept,
            "server": {"peak_rss_mib": round(peak, 1),
                       "cpu_per_request_ms": med("cpu_per_request_ms"),
                       "cpu_share_of_core": med("cpu_share_of_core"),
                       "connections_after_rounds": [m["connections_after"] for m in machine]},
            "machine": {"loadavg_before": min(m["loadavg_before"] for m in machine),
                        "loadavg_after": max(m["loadavg_after"] for m in machine),
                        "loadgen_cpu_share_of_core": med("loadgen_cpu_share_of_core"),
                        "other_cpu_share": med("other_cpu_share")},
            "explain": explain}


def _versions() -> dict:
    from importlib.metadata import version

    import psycopg

    versions = {name: version(name) for name in ("fastapi", "uvicorn", "starlette", "pydantic",
                                                  "SQLAlchemy", "sqlmodel", "psycopg", "httpx")}
    versions["libpq"] = psycopg.pq.version()
    return versions


def run(args) -> dict:
    """Populate, measure both scales, and return the JSON record."""
    import psycopg

    started_at = datetime.now(UTC)
    end = started_at
    t0 = time.perf_counter()
    print(f"Database {args.database}: {args.items:,} items over {args.days} days …", flush=True)
    url = recreate(args.pg_url, args.database)
    try:
        base = populate_base(url, items=args.items, days=args.days, end=end, seed=0.25)
        print(f"  {sum(base['seconds'].values()):.1f} s: {base['counts']}", flush=True)
        tokens = create_users(url, end)
        with psycopg.connect(url) as conn:
            server_version = conn.execute("SHOW server_version").fetchone()[0]
        scales = {}
        with tempfile.TemporaryDirectory(prefix="yq-bench-api-") as tmp:
            for count in [c for c in (args.baseline_alerts, args.alerts) if c]:
                scales[f"{count:,} alerts"] = measure_scale(
                    url, count, args, tokens, end, Path(tmp),
                    sweep=args.sweep if count == args.alerts else [])
    finally:
        if not args.keep:
            from bench.alerts_api_data import admin

            admin(args.pg_url, f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
    main_scale = f"{args.alerts:,} alerts"
    overall = scales[main_scale]["median"]["overall"]
    full = scales[main_scale]["population"]["seconds"]
    return {
        "benchmark": "alerts_api", "date": started_at.isoformat(timespec="seconds"),
        "elapsed_seconds": round(time.perf_counter() - t0, 1),
        "machine": {"nproc": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(), "postgresql": server_version},
        "versions": _versions(),
        "parameters": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "kinds": [{"name": n, "share": s, "user": u, "query": q} for n, s, u, q in KINDS],
        "population": {"base_seconds": base["seconds"], "base_counts": base["counts"],
                       "alerts_seconds": full,
                       "total_seconds": round(sum(base["seconds"].values())
                                              + sum(full.values()), 1)},
        "scales": scales,
        "target": {"scale": main_scale, "p99_limit_ms": TARGET_P99_MS, "p99": overall["p99"],
                   "errors": overall["errors"],
                   "met": overall["p99"] <= TARGET_P99_MS and overall["errors"] == 0},
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write the JSON, print the table; 1 if the target was missed."""
    args = parse_args(argv)
    results = run(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                           encoding="utf-8")
    print()
    print_table(results)
    population = results["population"]
    print(f"Population: {population['total_seconds']:.0f} s (base "
          f"{sum(population['base_seconds'].values()):.0f} s, {args.alerts:,} alerts "
          f"{sum(population['alerts_seconds'].values()):.0f} s incl. VACUUM ANALYZE); "
          f"whole run {results['elapsed_seconds']:.0f} s")
    print(f"Results written to {args.output}")
    return 0 if results["target"]["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
