"""EXPLAIN ANALYZE of the alerts list's SQL, for every query kind of the load.

The SQL is not rewritten here: the route's own ``list_query`` builds it (with the same filters
and scope as the load's requests), and the statement it sends is captured and explained twice.
Once with a custom plan (the values known to the planner), and once with the generic plan
PostgreSQL may switch to once psycopg has prepared the statement (after 5 executions on a
connection, ``prepare_threshold``), which is what a long-running server uses.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bench.alerts_api_load import DIVISIONS, KINDS, PAGE

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _arguments(kind: int, *, now: datetime, cursor: int | None) -> dict:
    _, _, _, template = KINDS[kind]
    params = {"status": template.get("status"), "level": template.get("level"),
              "topic": template.get("topic"), "division": None, "since": None,
              "before": None, "limit": template.get("limit", PAGE)}
    if "division" in template:
        params["division"] = DIVISIONS[0]
    if "since" in template:
        params["since"] = now - timedelta(days=7)
    if "cursor" in template:
        params["before"] = cursor
    return params


def _plan_lines(rows) -> list[str]:
    return [row[0] for row in rows]


def _execution_ms(lines: list[str]) -> float | None:
    for line in lines:
        if line.startswith("Execution Time:"):
            return float(line.split()[2])
    return None


def _generic(connection, name: str, statement: str, parameters: dict,
             repeat: int) -> list[str]:
    """EXPLAIN ANALYZE of the statement's generic plan (PREPARE, force_generic_plan)."""
    from psycopg import sql

    names: list[str] = []
    for placeholder in PLACEHOLDER.findall(statement):
        if placeholder not in names:
            names.append(placeholder)
    prepared = PLACEHOLDER.sub(lambda m: f"${names.index(m.group(1)) + 1}", statement)
    raw = connection.connection.dbapi_connection
    with raw.cursor() as cursor:
        cursor.execute(f"PREPARE {name} AS {prepared}")
        cursor.execute("SET plan_cache_mode = force_generic_plan")
        values = sql.SQL(", ").join(sql.Literal(parameters[n]) for n in names)
        explain = sql.SQL("EXPLAIN (ANALYZE, BUFFERS) EXECUTE {} ({})").format(
            sql.Identifier(name), values)
        for _ in range(repeat):
            cursor.execute(explain)
            lines = _plan_lines(cursor.fetchall())
        cursor.execute("RESET plan_cache_mode")
        cursor.execute(f"DEALLOCATE {name}")
    return lines


def explain_kinds(url: str, *, repeat: int = 3) -> dict[str, dict]:
    """Per query kind: the SQL, its custom and generic plans and their execution times (the
    fastest of ``repeat`` runs, on a warm cache)."""
    from sqlalchemy import event
    from sqlmodel import Session

    from service.api.alerts import list_query
    from service.api.scope import Scope
    from service.db import make_engine
    from service.models import Role, User

    engine = make_engine(url)
    captured: list[tuple[str, dict]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def capture(_conn, _cursor, statement, parameters, _context, _many):
        captured.append((statement, dict(parameters or {})))

    scopes = {
        "duty": Scope(user=User(name="bench-duty", role=Role.duty), person=None, division=None,
                      everything=True),
        "leader": Scope(user=User(name="director", role=Role.leader), person="director",
                        division=None, everything=False),
    }
    now = datetime.now(UTC)
    results: dict[str, dict] = {}
    try:
        with Session(engine) as session:
            first = session.execute(*list_query(scopes["duty"], limit=PAGE)).all()
            cursor = first[PAGE - 1].id if len(first) > PAGE else None
            for index, (name, _, user, _) in enumerate(KINDS):
                arguments = _arguments(index, now=now, cursor=cursor)
                captured.clear()
                rows = session.execute(*list_query(scopes[user], **arguments)).all()
                statement, parameters = captured[-1]
                custom: list[str] = []
                times = []
                for _ in range(repeat):
                    custom = _plan_lines(session.connection().exec_driver_sql(
                        "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all())
                    times.append(_execution_ms(custom))
                generic = _generic(session.connection(), f"bench_alerts_{index}", statement,
                                   parameters, repeat)
                session.rollback()
                results[name] = {
                    "rows": min(len(rows), arguments["limit"]), "sql": statement, "parameters": {
                        k: v.isoformat() if isinstance(v, datetime) else v
                        for k, v in parameters.items()},
                    "custom_ms": min(t for t in times if t is not None),
                    "generic_ms": _execution_ms(generic),
                    "custom_plan": custom, "generic_plan": generic}
    finally:
        engine.dispose()
    return results
