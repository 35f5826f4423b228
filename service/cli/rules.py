"""`yuqing schemes …`, `yuqing lexicon …` and `yuqing backtest`: the analysts' rules and their
backtests from the command line (the same records as the API, with the author)."""

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from service.cli.app import app
from service.cli.common import engine_for, fail, out, settings_or_exit
from service.cli.models import actor_name, run_job

schemes_app = typer.Typer(help="Monitoring schemes (versioned edits).", no_args_is_help=True)
lexicon_app = typer.Typer(help="Lexicon terms (versioned edits).", no_args_is_help=True)
app.add_typer(schemes_app, name="schemes")
app.add_typer(lexicon_app, name="lexicon")


def _session():
    from sqlmodel import Session

    from service.db import require_current_schema

    engine = engine_for(settings_or_exit())
    if problem := require_current_schema(engine):
        raise fail(problem)
    return Session(engine)


@schemes_app.command("list")
def list_schemes() -> None:
    """The schemes in force (version 0: as shipped)."""
    from service.analysts.schemes import current_schemes

    table = Table(title="监测方案 schemes")
    for column in ("name", "topic", "enabled", "version", "author", "definition"):
        table.add_column(column, overflow="fold")
    with _session() as session:
        for state in current_schemes(session).values():
            d = state.definition
            text = d.get("expression") or " / ".join(
                f"{k}: {'|'.join(d[k])}" for k in ("主体", "地域", "事件", "排除") if d.get(k))
            table.add_row(state.name, d.get("topic") or "", "yes" if state.enabled else "no",
                          str(state.version), state.author or "", text)
    out().print(table)


@schemes_app.command("set")
def set_scheme(
    name: str,
    topic: Annotated[str | None, typer.Option(help="the topic the scheme points to")] = None,
    expression: Annotated[str | None, typer.Option(help="advanced syntax: + | ( ) !")] = None,
    subjects: Annotated[list[str] | None, typer.Option("--subject", help="主体 word")] = None,
    places: Annotated[list[str] | None, typer.Option("--place", help="地域 word")] = None,
    events: Annotated[list[str] | None, typer.Option("--event", help="事件 word")] = None,
    excludes: Annotated[list[str] | None, typer.Option("--exclude", help="排除 word")] = None,
    disable: Annotated[bool, typer.Option("--disable", help="save it disabled")] = False,
    comment: str = "",
    author: Annotated[str | None, typer.Option(help="who (default: you)")] = None,
) -> None:
    """Create or change a scheme: a new version (exit 2 with the position of a syntax error)."""
    from service.analysts.schemes import SchemeError, save_scheme
    from service.clock import SystemClock

    definition = {"topic": topic, "expression": expression, "主体": subjects or [],
                  "地域": places or [], "事件": events or [], "排除": excludes or []}
    with _session() as session:
        try:
            row = save_scheme(session, name=name, definition=definition, enabled=not disable,
                              author=actor_name(author), now=SystemClock().now(),
                              comment=comment)
        except SchemeError as exc:
            where = f" (position {exc.position})" if exc.position is not None else ""
            raise fail(f"{exc.field or 'scheme'}: {exc.message}{where}") from None
        session.commit()
        out().print(f"scheme {name} saved as version {row.version}")


@schemes_app.command("delete")
def delete_scheme(name: str, author: Annotated[str | None, typer.Option()] = None) -> None:
    """Retire a scheme (its history stays)."""
    from service.analysts.schemes import SchemeError, save_scheme
    from service.clock import SystemClock

    with _session() as session:
        try:
            row = save_scheme(session, name=name, definition=None, enabled=False, deleted=True,
                              author=actor_name(author), now=SystemClock().now())
        except SchemeError as exc:
            raise fail(exc.message) from None
        session.commit()
        out().print(f"scheme {name} retired (version {row.version})")


@lexicon_app.command("add")
def add_term(lexicon: str, term: str, weight: float = 1.0, comment: str = "",
             author: Annotated[str | None, typer.Option()] = None) -> None:
    """Add a term to a lexicon (or change its weight)."""
    _edit(lexicon, term, "add", weight, comment, author)


@lexicon_app.command("remove")
def remove_term(lexicon: str, term: str, comment: str = "",
                author: Annotated[str | None, typer.Option()] = None) -> None:
    """Remove a term from a lexicon."""
    _edit(lexicon, term, "remove", 1.0, comment, author)


def _edit(lexicon, term, action, weight, comment, author) -> None:
    from service.analysts.schemes import SchemeError, edit_term
    from service.clock import SystemClock

    with _session() as session:
        try:
            edit_term(session, lexicon=lexicon, term=term, action=action, weight=weight,
                      author=actor_name(author), now=SystemClock().now(), comment=comment)
        except SchemeError as exc:
            raise fail(exc.message) from None
        session.commit()
    out().print(f"{lexicon}: {action} {term}")


@app.command()
def backtest(
    since: Annotated[datetime, typer.Option(help="start of the period (ISO 8601 with zone)")],
    until: Annotated[datetime, typer.Option(help="end of the period (exclusive)")],
    model: Annotated[str | None, typer.Option(help="model version (default: active)")] = None,
    threshold: Annotated[list[str] | None, typer.Option(
        help="analyzer threshold to try, e.g. relevant=0.6")] = None,
    changes: Annotated[Path | None, typer.Option(
        exists=True, dir_okay=False, help='JSON file with "schemes" and/or "terms" to try')]
    = None,
    label: str = "",
    author: Annotated[str | None, typer.Option()] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Replay a candidate over the stored items of a period: alerts created, removed, changed."""
    if since.tzinfo is None or until.tzinfo is None or since >= until:
        raise fail("--since and --until need a zone (e.g. +08:00) and since < until")
    thresholds = {}
    for entry in threshold or []:
        key, _, value = entry.partition("=")
        try:
            thresholds[key.strip()] = float(value)
        except ValueError:
            raise fail(f"--threshold {entry!r}: use name=number, e.g. relevant=0.6") from None
    extra = json.loads(changes.read_text(encoding="utf-8")) if changes else {}
    params = {"since": since.isoformat(), "until": until.isoformat(), "model": model,
              "thresholds": thresholds or None, "label": label,
              "schemes": extra.get("schemes"), "terms": extra.get("terms")}
    job = run_job(settings_or_exit(), "backtest", params, author)
    result = job.result
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    counts = result["counts"]
    out().print(f"{result['items']} items, {result['stories']} stories replayed with model "
                f"{result['model']}: would alert {counts['would_alert']}, actually "
                f"{counts['actual_alerts']}; created {counts['created']}, removed "
                f"{counts['removed']}, changed {counts['changed']}, unchanged "
                f"{counts['unchanged']}")
    for kind in ("created", "removed", "changed"):
        for entry in result[kind][:20]:
            level = entry.get("would", {}).get("level") if kind == "changed" else entry["level"]
            out().print(f"  {kind:<8} {entry.get('level', '')}→{level or ''} {entry['title']}")
