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

The code: this module (the command line, the run's orchestration, the table and the JSON file),
bench/collect_modes.py (the three modes), bench/collect_meter.py (timing and memory from /proc),
bench/collect_worker.py (a process per mode), bench/collect_report.py (checks, medians, ratios).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/collect.py` as well as `python -m bench.collect`
    sys.path.insert(0, str(ROOT))

from bench.collect_meter import machine_busy_seconds, proc_cpu_seconds  # noqa: E402
from bench.collect_modes import PG_DATABASE, mode_names  # noqa: E402
from bench.collect_report import check, summarize  # noqa: E402
from bench.collect_worker import Worker  # noqa: E402
from bench.feedfarm import FarmProcess  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "collect.json"


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, with its comma-separated lists split and the databases checked."""
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


def run(args) -> dict:
    """Every round of every mode against one farm; returns ``summarize``'s record."""
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
                        farm_cpu = proc_cpu_seconds(farm.process.pid)
                        busy = machine_busy_seconds()
                        result = workers[name].cycle(number)
                        after = proc_cpu_seconds(farm.process.pid)
                        busy_after = machine_busy_seconds()
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


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

LABELS = {"raw": "(a) raw: httpx + feedparser", "naive": "(c) naive feedparser.parse(url)"}


def label(name: str, sample: int) -> str:
    """The table's name for a mode (``raw``, ``service:<database>`` or ``naive``)."""
    if name.startswith("service:"):
        return f"(b) service, {name.split(':')[1]}"
    if name == "naive":
        return f"{LABELS['naive']} [sample of {sample}]"
    return LABELS[name]


def print_table(results: dict) -> None:
    """Print the medians as a table, then the checks and whether the targets were met."""
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
                   "÷ naive", "other CPU s"):
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
                          vs_raw, vs_naive, f"{figures['other_cpu_seconds']:.1f}")
        table.add_row(cycle_names[number], "I/O floor (delays and limits alone)",
                      f"{summary['io_ceiling_feeds_per_min']:,.0f}",
                      f"{summary['io_floor_seconds']:.1f}", "", "", "", "", "",
                      end_section=True)
    console.print(table)
    checks = results["checks"]
    console.print("Correctness: " + ("all checks passed" if checks["ok"]
                                     else "FAILED\n  " + "\n  ".join(checks["failures"])))
    console.print(f"Targets (service ≥ 0.7 × raw and ≥ 20 × naive, both cycles): "
                  f"{'met' if results['targets']['met'] else 'NOT met'}; "
                  f"whole run {results['elapsed_seconds']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write the JSON and print the table; 1 if a check failed."""
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
