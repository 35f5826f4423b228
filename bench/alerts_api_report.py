"""The alerts API benchmark's figures: latency percentiles per query kind, medians over rounds,
and the table."""

from __future__ import annotations

import statistics

from bench.alerts_api_load import KIND_NAMES

TARGET_P99_MS = 50.0
FIGURES = ("requests", "rate", "p50", "p95", "p99", "max", "errors", "lag_p99")


def percentile(ordered: list[float], q: float) -> float:
    """The nearest-rank percentile ``q`` (0–100) of an ascending list."""
    if not ordered:
        return float("nan")
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n q / 100), at least 1
    return ordered[int(rank) - 1]


def _figures(records: list[tuple], seconds: float) -> dict:
    latencies = sorted(r[3] for r in records)
    errors = [r for r in records if r[5] != 200]
    return {"requests": len(records), "rate": round((len(records) - len(errors)) / seconds, 1),
            "p50": round(percentile(latencies, 50), 2),
            "p95": round(percentile(latencies, 95), 2),
            "p99": round(percentile(latencies, 99), 2),
            "max": round(latencies[-1], 2) if latencies else float("nan"),
            "errors": len(errors),
            "error_statuses": sorted({str(r[5]) for r in errors}),
            "lag_p99": round(percentile(sorted(r[4] for r in records), 99), 2)}


def summarize_round(result: dict) -> dict:
    """Figures over the measured part of one load run (the warm-up left out), overall and per
    query kind. ``rate`` is the 200 responses per second of the measured window (from its
    first send time to its last answer, at least ``seconds``)."""
    warmup, seconds = result["warmup"], result["seconds"]
    measured = [r for r in result["records"] if r[2] >= warmup]
    ends = [r[2] + r[3] / 1000 for r in measured]
    window = max(max(ends, default=warmup + seconds) - warmup, seconds)
    overall = _figures(measured, window)
    kinds = {name: _figures([r for r in measured if r[1] == index], window)
             for index, name in enumerate(KIND_NAMES)}
    return {"overall": overall, "kinds": kinds,
            "warmup_requests": len(result["records"]) - len(measured),
            "loadgen_cpu_seconds": round(result["cpu_seconds"], 2)}


def median_rounds(rounds: list[dict]) -> dict:
    """Each figure's median over the rounds, overall and per kind."""
    def med(groups: list[dict]) -> dict:
        figures = {f: round(statistics.median(g[f] for g in groups), 2) for f in FIGURES}
        figures["requests"] = int(figures["requests"])
        figures["errors"] = int(sum(g["errors"] for g in groups))  # all rounds' errors count
        figures["error_statuses"] = sorted({s for g in groups for s in g["error_statuses"]})
        return figures

    return {"overall": med([r["overall"] for r in rounds]),
            "kinds": {name: med([r["kinds"][name] for r in rounds]) for name in KIND_NAMES}}


def print_table(results: dict) -> None:
    """Print the medians of both scales side by side, then the plans' times and the verdict."""
    from rich.console import Console
    from rich.table import Table

    params = results["parameters"]
    console = Console(width=max(Console().width, 160))
    scales = results["scales"]
    names = list(scales)
    title = (f"GET /api/v1/alerts — {params['rate']:g} req/s open loop ({params['arrivals']}), "
             f"{params['seconds']:g} s measured after {params['warmup']:g} s warm-up, "
             f"median of {params['rounds']} round(s); latency ms from the scheduled send time")
    table = Table(title=title, title_justify="left")
    table.add_column("query kind", no_wrap=True)
    table.add_column("share", justify="right")
    for name in names:
        for column in ("req/s", "p50", "p95", "p99", "max", "err"):
            table.add_column(f"{column} [{name}]" if column == "req/s" else column,
                             justify="right")
    shares = {k["name"]: k["share"] for k in results["kinds"]}
    for group in ["overall", *KIND_NAMES]:
        row = [group if group != "overall" else "[b]all kinds[/b]",
               "100%" if group == "overall" else f"{shares[group]}%"]
        for name in names:
            median = scales[name]["median"]
            f = median["overall"] if group == "overall" else median["kinds"][group]
            p99 = f"{f['p99']:.1f}"
            if group == "overall":
                p99 = f"[{'green' if f['p99'] <= TARGET_P99_MS else 'red'}]{p99}[/]"
            row += [f"{f['rate']:.1f}", f"{f['p50']:.1f}", f"{f['p95']:.1f}", p99,
                    f"{f['max']:.0f}", str(f["errors"])]
        table.add_row(*row, end_section=group == "overall")
    console.print(table)
    for name in names:
        scale = scales[name]
        server, load = scale["server"], scale["machine"]
        console.print(
            f"[b]{name}[/b]: server peak RSS {server['peak_rss_mib']:.0f} MiB, server CPU "
            f"{server['cpu_per_request_ms']:.2f} ms/request "
            f"({server['cpu_share_of_core']:.0%} of a core), its database connections after "
            f"each round {server['connections_after_rounds']}; load generator CPU "
            f"{load['loadgen_cpu_share_of_core']:.0%} of a core, its send lag p99 "
            f"{scale['median']['overall']['lag_p99']:.1f} ms; rest of the machine "
            f"(PostgreSQL, other work) {load['other_cpu_share']:.2f} cores; load average "
            f"{load['loadavg_before']:.2f} → {load['loadavg_after']:.2f} "
            f"(on {results['machine']['nproc']} cores)")
    for name in names:
        if not scales[name].get("sweep"):
            continue
        sweep = Table(title=f"Latency against load at {name} (one run per rate, fresh server)",
                      title_justify="left")
        for column in ("offered req/s", "answered req/s", "p50", "p95", "p99", "max",
                       "errors", "server CPU (cores)", "load average"):
            sweep.add_column(column, justify="right")
        for rate, run in scales[name]["sweep"].items():
            f, m = run["overall"], run["machine"]
            sweep.add_row(rate, f"{f['rate']:.1f}", f"{f['p50']:.1f}", f"{f['p95']:.1f}",
                          f"{f['p99']:.1f}", f"{f['max']:.0f}", str(f["errors"]),
                          f"{m['cpu_share_of_core']:.2f}", f"{m['loadavg_after']:.2f}")
        console.print(sweep)
    plans = Table(title="EXPLAIN ANALYZE of each kind's SQL (execution ms, fastest of 3, warm)",
                  title_justify="left")
    plans.add_column("query kind")
    for name in names:
        plans.add_column(f"custom [{name}]", justify="right")
        plans.add_column(f"generic [{name}]", justify="right")
    for kind in KIND_NAMES:
        row = [kind]
        for name in names:
            explained = scales[name]["explain"][kind]
            row += [f"{explained['custom_ms']:.2f}", f"{explained['generic_ms']:.2f}"]
        plans.add_row(*row)
    console.print(plans)
    verdict = results["target"]
    console.print(f"Target p99 ≤ {TARGET_P99_MS:g} ms at {verdict['scale']}: "
                  f"{'met' if verdict['met'] else 'NOT met'} (p99 {verdict['p99']:.1f} ms, "
                  f"{verdict['errors']} errors)")
