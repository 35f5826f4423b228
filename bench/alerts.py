"""The alerting issue's benchmarks in one run: notification latency, then the alerts API.

    .venv/bin/python -m bench.alerts              # ~20 minutes on 2 cores
    .venv/bin/python -m bench.alerts --quick      # one round each, the API at 10k alerts

1. ``bench/alerts_latency.py``: from the end of the fetch that found an item to its receipt at
   a local webhook, 100 alert-worthy items at once, SQLite and PostgreSQL (target p95 ≤ 1 s).
2. ``bench/alerts_api.py``: ``GET /api/v1/alerts`` with filters at 200 requests/s, 100k alerts
   and 1M items on PostgreSQL, the load generator in its own process (target p99 ≤ 50 ms).

Each part prints its table and writes its JSON (``bench/results/alerts.json`` and
``bench/results/alerts_api.json``); this command prints both verdicts at the end and exits with
1 unless both targets are met. bench/README.md explains the figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import alerts_api, alerts_latency  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="one round of each; the API with 100k items and 10k alerts")
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes for the API part (default: one per core)")
    args = parser.parse_args(argv)
    rounds = ["--rounds", "1"] if args.quick else []
    print("== notification latency (bench/alerts_latency.py) ==", flush=True)
    latency = alerts_latency.main(rounds)
    print("\n== alerts API (bench/alerts_api.py) ==", flush=True)
    api_args = rounds + (["--items", "100000", "--alerts", "10000", "--baseline-alerts", "0"]
                         if args.quick else [])
    if args.workers:
        api_args += ["--workers", str(args.workers)]
    api = alerts_api.main(api_args)
    print(f"\nnotification latency p95 ≤ 1 s: {'met' if latency == 0 else 'NOT met'}; "
          f"alerts API p99 ≤ 50 ms at 200 req/s: {'met' if api == 0 else 'NOT met'}"
          + (" (quick run: not the issue's scale)" if args.quick else ""))
    return 0 if latency == 0 and api == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
