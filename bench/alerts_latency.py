"""Notification latency: from the end of the fetch that found an item to its receipt at a webhook.

    python -m bench.alerts_latency [--rounds 3] [--alerts 100] [--databases sqlite,postgresql]

Target (issue #4): p95 ≤ 1 s with 100 alert-worthy items arriving at once. The service runs
here under its real scheduler and system clock: collect ticks, analysis with the default model,
alert creation and routing, the outbox relay. The world (bench/alerts_world.py) runs in another
process: 40 feeds on 127.0.0.1 … 127.0.0.40 answering after 0.1–2 s, and the division's webhook.
It publishes the alert-worthy items a few per feed at once and takes both times on its clock:
when the first response carrying each item was sent, and when its notification arrived.
Baseline in the same run: a bare POST of a notification-sized body to the same webhook.
"""

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select, text
from sqlmodel import Session

from bench.alerts_world import World

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def places() -> list[str]:
    """Place names of the gazetteer: every report is about a different one."""
    rows = Path(__file__).resolve().parent.parent / "classifiers" / "data" / "gazetteer.tsv"
    names = [line.split("\t")[0] for line in rows.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return [n for n in names if n not in ("中国",) and len(n) >= 2]


def routing_yaml(hook_url: str) -> str:
    people = "\n".join(
        f"  {pid}: {{name: {name}, channels: [{{channel: hook}}]}}"
        for pid, name in [("boss", "局长"), ("ideo", "副局长甲"), ("lead", "副局长乙"),
                          ("duty", "值班员"), ("div", "科室值班")])
    level = "{chain: standard, ack: 15m, report: 1h}"
    return f"""timezone: Asia/Shanghai
people:
{people}
roles: {{principal: boss, ideology_lead: ideo, leadership: [boss, ideo, lead],
         duty_officer: [duty]}}
divisions:
  all:
    name: 综合科室
    lead: lead
    duty: [div]
    topics: [production_safety, large_enterprise, hazardous_chemicals, fire, flood_drought,
             relief_supplies, online_opinion, petition_complaint, mass_incident,
             ideological_security]
chains:
  standard:
    steps:
      - {{notify: [division], wait: 30m}}
      - {{notify: [principal]}}
levels: {{blue: {level}, yellow: {level}, orange: {level}, red: {level}}}
heightened: {{statutory_holidays: false, traditional_festivals: false}}
alerts: {{pile_up: {{raise: 0}}}}
channels:
  hook: {{type: webhook, url: "{hook_url}", rate_per_minute: 6000}}
"""


def fresh_database(kind: str, folder: Path) -> str:
    from service.db import make_engine, upgrade

    if kind == "sqlite":
        url = f"sqlite:///{folder / 'yuqing.db'}"
    else:
        admin = make_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS yq_bench_alerts WITH (FORCE)"))
            connection.execute(text("CREATE DATABASE yq_bench_alerts"))
        admin.dispose()
        url = "postgresql://postgres@127.0.0.1:5432/yq_bench_alerts"
    upgrade(url)
    return url


def settled(engine, sources: int) -> bool:
    """Every source fetched once, nothing waiting for analysis, alerts or delivery."""
    from service.models import AnalysisState, Item, ItemAnalysis, Notification, Source

    with Session(engine) as session:
        fetched = session.execute(select(func.count()).select_from(Source).where(
            Source.last_success_at.is_not(None))).scalar_one()
        waiting = session.execute(select(func.count()).select_from(Item).where(
            Item.analysis_state == AnalysisState.pending)).scalar_one()
        alerting = session.execute(select(func.count()).select_from(ItemAnalysis).where(
            ItemAnalysis.alert_pending)).scalar_one()
        sending = session.execute(select(func.count()).select_from(Notification).where(
            Notification.status.in_(["pending", "sending"]))).scalar_one()
    return fetched == sources and waiting == 0 and alerting == 0 and sending == 0


async def run_service(settings, world: World, count: int, timeout: float) -> dict:
    from service.alerts.context import RoutingFile
    from service.alerts.runner import AlertPipeline
    from service.analysis.runner import AnalysisRunner
    from service.clock import SystemClock
    from service.db import make_engine
    from service.metrics import Metrics
    from service.scheduler import ServiceScheduler

    engine = make_engine(settings.database_url)
    clock = SystemClock()
    routing = RoutingFile(settings.routing, secret="bench", public_url="http://127.0.0.1:8000")
    routing.load()
    metrics = Metrics(engine)
    scheduler = ServiceScheduler(
        engine=engine, settings=settings, clock=clock, metrics=metrics,
        analysis=AnalysisRunner(settings),
        alerts=AlertPipeline(engine=engine, routing=routing, clock=clock, metrics=metrics))
    await scheduler.start()
    try:
        started = time.monotonic()
        while not await asyncio.to_thread(settled, engine, world.feeds):
            if time.monotonic() - started > 120:
                raise RuntimeError("the service did not settle within 120 s")
            await asyncio.sleep(0.2)
        await asyncio.to_thread(world.control, "reset")
        published = await asyncio.to_thread(
            world.control, "publish", count=count, places=json.dumps(places(), ensure_ascii=False))
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            results = await asyncio.to_thread(world.control, "results")
            titles = {r["title"] for r in results["received"] if r["kind"] == "new"}
            if titles >= set(results["published"]["titles"]):
                break
            await asyncio.sleep(0.5)
        await asyncio.sleep(1.0)
        stages = await asyncio.to_thread(stage_times, engine)
        return {"published": published["published"], "alerts_in_db": len(stages),
                "stages": stages, **(await asyncio.to_thread(world.control, "results"))}
    finally:
        await scheduler.stop()
        engine.dispose()


def stage_times(engine) -> dict[str, dict]:
    """Per alert title: when its item was stored, the alert made, its webhook row sent (the
    service's own timestamps, taken at the start of each step's pass)."""
    from service.models import Alert, AlertItem, Item, Notification

    with Session(engine) as session:
        rows = session.execute(
            select(Alert.title, func.min(Item.fetched_at), Alert.created_at,
                   func.min(Notification.sent_at))
            .join(AlertItem, AlertItem.alert_id == Alert.id)
            .join(Item, Item.id == AlertItem.item_id)
            .join(Notification, Notification.alert_id == Alert.id)
            .group_by(Alert.id, Alert.title, Alert.created_at)).all()
    return {title: {"stored": stored.timestamp(), "alerted": alerted.timestamp(),
                    "sent": sent.timestamp() if sent else None}
            for title, stored, alerted, sent in rows}


def breakdown(results: dict) -> dict[str, float]:
    """Median seconds of each step: fetch end → stored → alert made → relay pass → received."""
    received = {}
    for entry in results["received"]:
        if entry["kind"] == "new":
            received.setdefault(entry["title"], entry["at"])
    parts = {"to_stored": [], "to_alerted": [], "to_relay": [], "to_received": []}
    for title, times in results["stages"].items():
        if title not in results["served"] or title not in received or not times["sent"]:
            continue
        served = results["served"][title]
        parts["to_stored"].append(times["stored"] - served)
        parts["to_alerted"].append(times["alerted"] - times["stored"])
        parts["to_relay"].append(times["sent"] - times["alerted"])
        parts["to_received"].append(received[title] - times["sent"])
    return {k: round(statistics.median(v), 3) if v else None for k, v in parts.items()}


def latencies(results: dict) -> tuple[list[float], int]:
    """Seconds from the response that carried each item to its first notification."""
    first: dict[str, float] = {}
    for entry in results["received"]:
        if entry["kind"] == "new":
            first.setdefault(entry["title"], entry["at"])
    values, missing = [], 0
    for title in results["published"]["titles"]:
        if title in first and title in results["served"]:
            values.append(first[title] - results["served"][title])
        else:
            missing += 1
    return values, missing


def baseline(url: str, n: int = 100) -> list[float]:
    """Round trips of a bare POST of a notification-sized JSON body to the webhook."""
    body = {"title": "基线", "kind": "baseline", "text": "测" * 600}
    out = []
    with httpx.Client() as client:
        for _ in range(n):
            started = time.perf_counter()
            client.post(url, json=body).raise_for_status()
            out.append(time.perf_counter() - started)
    return out


def one_round(kind: str, count: int, timeout: float) -> dict:
    from service.config import Settings

    world = World()
    try:
        with tempfile.TemporaryDirectory(prefix="yq-bench-alerts-") as tmp:
            folder = Path(tmp)
            url = fresh_database(kind, folder)
            sources = "\n".join(
                f"  - {{id: s{n}, name: 站点{n}, kind: rss, url: '{world.feed_url(n)}', "
                f"min_interval: 3, max_interval: 5, tier: municipal}}" for n in range(world.feeds))
            (folder / "sources.yaml").write_text(f"sources:\n{sources}\n", encoding="utf-8")
            (folder / "routing.yaml").write_text(routing_yaml(world.hook_url), encoding="utf-8")
            settings = Settings(database_url=url, sources=folder / "sources.yaml",
                                routing=folder / "routing.yaml", data_dir=folder,
                                collect_tick_seconds=0.5, analysis_tick_seconds=5,
                                escalation_tick_seconds=5, relay_tick_seconds=5,
                                item_page_delay_seconds=0)
            results = asyncio.run(run_service(settings, world, count, timeout))
            base = baseline(world.hook_url)
    finally:
        world.close()
    values, missing = latencies(results)
    return {"database": kind, "published": results["published"],
            "alerts": results["alerts_in_db"], "notified": len(values), "missing": missing,
            "p50": percentile(values, 0.5), "p95": percentile(values, 0.95),
            "max": max(values) if values else float("nan"),
            "baseline_p50": percentile(base, 0.5), "baseline_p95": percentile(base, 0.95),
            "breakdown": breakdown(results),
            "latencies": values}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--alerts", type=int, default=100)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--output", type=Path,
                        default=Path(__file__).resolve().parent / "results" / "alerts.json")
    args = parser.parse_args(argv)
    rounds = {kind: [one_round(kind, args.alerts, args.timeout) for _ in range(args.rounds)]
              for kind in args.databases.split(",")}
    summary = {}
    print(f"{'database':<11}{'alerts':>8}{'p50 s':>9}{'p95 s':>9}{'max s':>9}"
          f"{'bare POST p50 ms':>18}{'p95 ms':>9}")
    for kind, runs in rounds.items():
        med = {key: statistics.median(r[key] for r in runs)
               for key in ("p50", "p95", "max", "baseline_p50", "baseline_p95", "notified")}
        summary[kind] = med
        print(f"{kind:<11}{med['notified']:>8.0f}{med['p50']:>9.3f}{med['p95']:>9.3f}"
              f"{med['max']:>9.3f}{med['baseline_p50'] * 1000:>18.1f}"
              f"{med['baseline_p95'] * 1000:>9.1f}")
    for kind, runs in rounds.items():
        print(f"{kind}: median seconds per step (round by round): "
              + "; ".join(", ".join(f"{k} {v}" for k, v in r["breakdown"].items())
                          for r in runs))
    met = all(s["p95"] <= 1.0 for s in summary.values())
    print(f"target p95 ≤ 1 s: {'met' if met else 'NOT met'} (medians of {args.rounds} rounds)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    existing = json.loads(args.output.read_text()) if args.output.exists() else {}
    existing["latency"] = {"summary": summary, "rounds": rounds, "target_met": met,
                           "parameters": vars(args) | {"output": str(args.output)}}
    args.output.write_text(json.dumps(existing, ensure_ascii=False, indent=1))
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
