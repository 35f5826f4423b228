"""Judging and summing up the benchmark's rounds: correctness checks, medians and target ratios.

``check`` says what is wrong with one cycle's result; ``summarize`` turns every round's raw
figures into the JSON record (medians per mode, the service's ratios to raw and naive, the I/O
floor, the machine and the library versions).
"""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
from datetime import datetime
from pathlib import Path

from bench.collect_modes import mode_names

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
# Summary
# ---------------------------------------------------------------------------------------------

def summarize(args, rounds: list[dict], failures: list[str], started_at: datetime,
              elapsed: float) -> dict:
    """The JSON record: medians per mode and cycle, ratios, I/O floor, machine, versions."""
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
                "other_cpu_seconds": statistics.median(r.get("other_cpu_seconds", 0.0)
                                                       for r in results),
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
