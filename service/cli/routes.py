"""`yuqing routes test`: which recipients, channels and deadlines an alert gets, and why."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from service.cli.app import routes_app
from service.cli.common import fail, out, settings_or_exit
from service.configfile import ConfigError

LEVEL_NAMES = {"blue": "一般 blue", "yellow": "较大 yellow", "orange": "重大 orange",
               "red": "特别重大 red"}


@routes_app.command("test")
def routes_test(
    topic: Annotated[str | None, typer.Option(help="topic label, e.g. fire")] = None,
    level: Annotated[str | None, typer.Option(help="blue, yellow, orange or red")] = None,
    place: Annotated[str | None, typer.Option(help="place named by the alert")] = None,
    locality: Annotated[str, typer.Option(
        help="jurisdiction, nearby, elsewhere or unknown")] = "unknown",
    at: Annotated[str | None, typer.Option(
        help="ISO time of the alert (local time unless it has an offset); default now")] = None,
    kind: Annotated[str, typer.Option(help="story or source_down")] = "story",
    source: Annotated[str | None, typer.Option(help="source id (for source_down)")] = None,
    routing: Annotated[Path | None, typer.Option(
        help="routing.yaml to use (default YQ_ROUTING)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the decision as JSON")] = False,
) -> None:
    """Route an imagined alert through routing.yaml; exit 1 when it reaches nobody."""
    from service.routing.calendar import HeightenedCalendar, missing_years_warning
    from service.routing.config import KINDS, LEVELS, LOCALITIES, TOPICS, load_routing
    from service.routing.decide import AlertFacts, decide

    path = routing or settings_or_exit().routing
    try:
        config = load_routing(path)
    except ConfigError as exc:
        raise fail(f"configuration error:\n{exc}") from None
    for name, value, allowed in (("--topic", topic, TOPICS), ("--level", level, LEVELS),
                                 ("--locality", locality, LOCALITIES), ("--kind", kind, KINDS)):
        if value is not None and value not in allowed:
            raise fail(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    try:
        when = _parse_at(at, config.tz)
    except ValueError:
        raise fail(f"--at: {at!r} is not an ISO time such as 2026-10-01T09:30") from None
    calendar = HeightenedCalendar(config.heightened, config.tz, log_missing=False)
    facts = AlertFacts(kind=kind, level=level, at=when.astimezone(UTC), topic=topic, place=place,
                       places=(place,) if place else (), locality=locality, source=source)
    decision = decide(config, facts, calendar)
    if as_json:
        typer.echo(json.dumps(decision.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_decision(config, decision, when.astimezone(config.tz), path)
    for year in sorted(calendar.missing_years):
        typer.echo(f"warning: {missing_years_warning(year)}", err=True)
    if not decision.routed:
        why = ("no recipient is reachable on any channel" if decision.steps
               else "no level, the alert is not alert-worthy")
        typer.echo(f"routes nothing 无人接收: {why}", err=True)
        raise typer.Exit(1)
    if decision.silenced_by:
        typer.echo(f"silenced 已静默 by {decision.silenced_by!r}: nothing would be sent", err=True)
        raise typer.Exit(1)


def _parse_at(text: str | None, tz) -> datetime:
    if text is None:
        return datetime.now(UTC)
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=tz)


def _print_decision(config, decision, local_at: datetime, path: Path) -> None:
    console = out()
    console.print(f"{path} (version {decision.config_version}) at {local_at:%Y-%m-%d %H:%M %Z}")
    level = LEVEL_NAMES.get(decision.level or "", "none 不告警")
    base = LEVEL_NAMES.get(decision.base_level or "", "none")
    raised = f" (raised from {base}: {'; '.join(decision.raised)})" if decision.raised else ""
    console.print(f"level 级别: {level}{raised}")
    division = f"{decision.division_name} ({decision.division})" if decision.division else "-"
    console.print(f"division 责任科室: {division}")
    if decision.heightened:
        console.print(f"heightened 重点时段: {'、'.join(decision.heightened)}")
    if decision.steps:
        table = Table(title="recipients 接收人 (per step)")
        for column in ("step", "targets", "recipient", "channels", "then wait"):
            table.add_column(column, overflow="fold")
        for step in decision.steps:
            wait = _span(step.wait_seconds) if step.wait_seconds is not None else "-"
            for n, recipient in enumerate(step.recipients):
                channels = ", ".join(_destination(config, d) for d in recipient.destinations)
                table.add_row(str(step.index + 1) if n == 0 else "",
                              ", ".join(step.targets) if n == 0 else "",
                              f"{recipient.name} ({recipient.person})",
                              channels or "[red]no channel 无渠道[/red]", wait if n == 0 else "")
        console.print(table)
        if decision.repeat:
            console.print(f"repeat 重复: the chain restarts {decision.repeat} more times "
                          "while nobody acknowledges")
    if decision.deadlines:
        table = Table(title="deadlines 时限")
        for column in ("deadline", "seconds", "duration", "due (local)"):
            table.add_column(column)
        for deadline in decision.deadlines:
            due = local_at + timedelta(seconds=deadline.seconds)
            table.add_row(f"{deadline.label} {deadline.name}", f"{deadline.seconds:g}",
                          _span(deadline.seconds), f"{due:%Y-%m-%d %H:%M:%S}")
        console.print(table)
    if decision.reminders_every or decision.reminders_at:
        every = f"every {_span(decision.reminders_every)}" if decision.reminders_every else ""
        console.print(f"reminders 续报: {' '.join(filter(None, [every, *decision.reminders_at]))}")
    if decision.silenced_by:
        console.print(f"silenced 已静默: {decision.silenced_by}")
    console.print("why 依据:")
    for line in decision.rules:
        console.print(f"  {line}")


def _destination(config, destination) -> str:
    channel = config.channels.get(destination.channel)
    text = f"{destination.channel}/{destination.type}"
    if destination.to:
        text += f" → {destination.to}"
    if channel is not None and not channel.enabled:
        text += " (disabled 未启用)"
    return text


def _span(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours:g}h" if hours else "", f"{minutes:g}m" if minutes else "",
             f"{secs:g}s" if secs or not seconds else ""]
    return "".join(parts)
