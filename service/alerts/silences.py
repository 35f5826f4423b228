"""Silences: from routing.yaml and from the API (rows with author, reason, start and end).

A silenced alert is stored and on the timeline but notifies nobody; its ``next_due_at`` is the
silence's end, when the escalation tick looks again and, if no silence still holds, starts the
chain from its first step.
"""

from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.models import Alert, Silence
from service.routing.config import Matcher
from service.routing.decide import AlertFacts
from service.routing.decide import matches as matcher_matches


def facts_of(alert: Alert, at: datetime) -> AlertFacts:
    """The routing facts of a stored alert."""
    return AlertFacts(kind=alert.kind, level=alert.level, at=at, topic=alert.topic,
                      topics=tuple(alert.topics or ()), place=alert.place,
                      places=(alert.place,) if alert.place else (), locality=alert.locality,
                      source=alert.source_id)


def silences_in_force(session: Session, now: datetime) -> list[Silence]:
    """The silences of the API that hold now (read once for a batch of alerts)."""
    return list(session.execute(select(Silence).where(Silence.starts_at <= now,
                                                      Silence.ends_at > now)).scalars())


def active_silence(session: Session, ctx: AlertContext, alert: Alert, now: datetime, *,
                   rows: list[Silence] | None = None) -> tuple[str, datetime] | None:
    """(who silences it, until when) for the longest silence that holds now, else None.

    ``rows``: the API's silences in force, when the caller has read them already.
    """
    facts = facts_of(alert, now)
    found: list[tuple[datetime, str]] = []
    for silence in ctx.config.silences:
        if silence.starts_at <= now < silence.ends_at and matcher_matches(
                silence.match, facts, alert.division):
            found.append((silence.ends_at, f"routing.yaml:{silence.name}"))
    for row in silences_in_force(session, now) if rows is None else rows:
        if matcher_matches(Matcher.model_validate(row.matchers), facts, alert.division):
            found.append((row.ends_at, f"silence:{row.id}"))
    if not found:
        return None
    until, name = max(found)
    return name, until
