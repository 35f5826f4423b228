"""The alerts API benchmark's database: a fresh PostgreSQL database filled with server-side SQL.

``populate_base`` makes the part both scales share: the sources of the repository's
sources.yaml, 1,000,000 items over 90 days, their stories and analyses. ``populate_alerts``
replaces the alerts with ``count`` new ones (and their items, recipients and timeline), routed
by the real ``decide`` on the repository's routing.yaml. Everything is ``INSERT … SELECT``
over ``generate_series``; the random choices are seeded with ``setseed``.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.alerts_api_sql import (
    ALERT_EVENTS,
    ALERT_ITEMS,
    ALERT_PLAN,
    ALERT_RECIPIENTS,
    ALERTS,
    ANALYSES,
    ITEMS,
    STORIES,
    STORY_FACTS,
    TOPIC_WEIGHTS,
)

ROOT = Path(__file__).resolve().parent.parent
LOCALITIES = ("jurisdiction", "nearby", "elsewhere", "unknown")
LEVELS = ("blue", "yellow", "orange", "red")
ROUTED_AT = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # an ordinary Tuesday: no holiday raise


def admin(pg_url: str, statement: str) -> None:
    """Run one statement on the server's maintenance database (CREATE / DROP DATABASE)."""
    import psycopg

    with psycopg.connect(pg_url.rstrip("/") + "/postgres", autocommit=True) as conn:
        conn.execute(statement)


def recreate(pg_url: str, database: str) -> str:
    """Drop and create ``database``, apply the migrations; returns its URL."""
    from service.db import upgrade

    admin(pg_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    admin(pg_url, f"CREATE DATABASE {database}")
    url = pg_url.rstrip("/") + "/" + database
    upgrade(url)
    return url


def _connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True)


@contextmanager
def _indexes_dropped(conn, tables: tuple[str, ...]):
    """Drop the tables' plain indexes (not those of constraints) during a bulk load, and
    build them again afterwards: one sort per index instead of a million insertions."""
    found = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname "
        "NOT IN (SELECT conname FROM pg_constraint)", (list(tables),)).fetchall()
    for name, _ in found:
        conn.execute(f"DROP INDEX {name}")
    yield
    conn.execute("SET maintenance_work_mem = '256MB'")
    for _, definition in found:
        conn.execute(definition)


def _timed(conn, label: str, statement: str, params: dict, timings: dict) -> None:
    t0 = time.perf_counter()
    conn.execute(statement, params)
    timings[label] = round(time.perf_counter() - t0, 2)


def _sync_sources(url: str, now: datetime) -> int:
    """The repository's sources, through the service's own sync (the server re-syncs: no-op)."""
    from sqlmodel import Session

    from service.db import make_engine
    from service.sources.schema import load_sources
    from service.sources.sync import sync_sources

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return len(sync_sources(session, load_sources(ROOT / "sources.yaml"), now=now).added)
    finally:
        engine.dispose()


def populate_base(url: str, *, items: int, days: int, end: datetime, seed: float) -> dict:
    """Sources, ``items`` items over ``days`` days before ``end``, their stories and analyses."""
    timings: dict = {}
    t0 = time.perf_counter()
    sources = _sync_sources(url, end)
    timings["sources"] = round(time.perf_counter() - t0, 2)
    start = end - timedelta(days=days)
    # items 10k+0, +1, +2 are analysed and paired into stories: story = (rank of analysed) / 2 + 1
    stories = (items // 10) * 3 // 2 + 1
    params = {"n": items, "t0": start, "t1": end, "stories": stories}
    with _connect(url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_story_facts")
        conn.execute("SELECT setseed(%s)", (seed,))
        _timed(conn, "story facts", STORY_FACTS, params, timings)
        t1 = time.perf_counter()
        with _indexes_dropped(conn, ("items", "stories", "analyses")):
            _timed(conn, "items", ITEMS, params, timings)
            _timed(conn, "stories", STORIES, params, timings)
            _timed(conn, "analyses", ANALYSES, params, timings)
        timings["indexes"] = round(time.perf_counter() - t1 - sum(
            timings[k] for k in ("items", "stories", "analyses")), 2)
        for table in ("items", "stories"):
            conn.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("items", "stories", "analyses")}
    counts["sources"] = sources
    return {"seconds": timings, "counts": counts}


def _templates() -> list[tuple]:
    """(key, kind, division, config_version, decision, deadlines, recipients) for every
    combination of topic, level and locality, and for a down source, from routing.yaml."""
    from service.routing.config import load_routing
    from service.routing.decide import AlertFacts, decide

    config = load_routing(ROOT / "routing.yaml")
    facts = [("source_down:::unknown", AlertFacts(kind="source_down", level="blue",
                                                  at=ROUTED_AT, source="mem-yjyw"))]
    for topic in TOPIC_WEIGHTS:
        for level in LEVELS:
            for locality in LOCALITIES:
                facts.append((f"story:{topic}:{level}:{locality}", AlertFacts(
                    kind="story", level=level, at=ROUTED_AT, topic=topic, topics=(topic,),
                    locality=locality)))
    rows = []
    for key, fact in facts:
        decision = decide(config, fact)
        first: dict[str, int] = {}
        for step in decision.steps:
            for recipient in step.recipients:
                first.setdefault(recipient.person, step.index)
        deadlines = [{"name": d.name, "label": d.label, "seconds": d.seconds}
                     for d in decision.deadlines]
        rows.append((key, fact.kind, decision.division, decision.config_version,
                     json.dumps(decision.to_json(), ensure_ascii=False),
                     json.dumps(deadlines, ensure_ascii=False), len(decision.steps),
                     json.dumps(first)))
    return rows


def populate_alerts(url: str, *, count: int, days: int, end: datetime, seed: float) -> dict:
    """Replace the alerts with ``count`` alerts over ``days`` days before ``end`` (1% of them
    for down sources), with their items, recipients and timeline; then VACUUM ANALYZE."""
    timings: dict = {}
    t0 = time.perf_counter()
    templates = _templates()
    params = {"n_story": count - count // 100, "n_down": count // 100,
              "t0": end - timedelta(days=days), "t1": end}
    with _connect(url) as conn:
        # CASCADE: whatever else refers to alerts (outbox, ack tokens, feedback …) goes too
        conn.execute("TRUNCATE alerts RESTART IDENTITY CASCADE")
        conn.execute("DROP TABLE IF EXISTS bench_templates, bench_alert_plan")
        conn.execute("CREATE UNLOGGED TABLE bench_templates (key text PRIMARY KEY, kind text, "
                     "division text, config_version text, decision jsonb, deadlines jsonb, "
                     "steps int, recipients jsonb)")
        with conn.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_templates VALUES (%s, %s, %s, %s, %s, %s, %s, "
                               "%s)", templates)
        timings["routing templates"] = round(time.perf_counter() - t0, 2)
        conn.execute("SELECT setseed(%s)", (seed,))
        _timed(conn, "plan", ALERT_PLAN, params, timings)
        t1 = time.perf_counter()
        tables = ("alerts", "alert_items", "alert_recipients", "alert_events")
        with _indexes_dropped(conn, tables):
            for table, statement in zip(tables, (ALERTS, ALERT_ITEMS, ALERT_RECIPIENTS,
                                                 ALERT_EVENTS), strict=True):
                _timed(conn, table, statement, params, timings)
        timings["indexes"] = round(time.perf_counter() - t1 - sum(
            timings[k] for k in tables), 2)
        conn.execute("SELECT setval('alerts_id_seq', greatest(1, (SELECT max(id) FROM alerts)))")
        conn.execute("DROP TABLE bench_templates, bench_alert_plan")
        t1 = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        timings["vacuum analyze"] = round(time.perf_counter() - t1, 2)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("alerts", "alert_items", "alert_recipients", "alert_events")}
        counts["by_status"] = dict(conn.execute(
            "SELECT status, count(*) FROM alerts GROUP BY 1 ORDER BY 2 DESC").fetchall())
        counts["by_level"] = {k or "none": v for k, v in conn.execute(
            "SELECT level, count(*) FROM alerts GROUP BY 1 ORDER BY 2 DESC").fetchall()}
        counts["director_sees"] = conn.execute(
            "SELECT count(*) FROM alert_recipients WHERE person = 'director'").fetchone()[0]
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return {"seconds": timings, "counts": counts, "database_mib": round(size / 2**20)}


def create_users(url: str, now: datetime) -> dict[str, str]:
    """A duty officer without a division (sees everything) and the director (a leader, who
    sees what was routed to person ``director`` of routing.yaml); returns their tokens."""
    from sqlmodel import Session

    from service.db import make_engine
    from service.models import Role
    from service.users import create_user, issue_token

    engine = make_engine(url)
    tokens = {}
    try:
        with Session(engine) as session:
            for name, role in (("bench-duty", Role.duty), ("director", Role.leader)):
                user = create_user(session=session, name=name, role=role, division=None,
                                   now=now)
                tokens[name] = issue_token(session=session, user=user, now=now)
            session.commit()
    finally:
        engine.dispose()
    return tokens
