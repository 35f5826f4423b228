"""Operational events become alerts: a source that is down, trending stories.

A down source is an alert for the duty officer (routed by ``source_down`` in routing.yaml)
and is resolved by the system when the source recovers. A trending story raises its alert.
"""

from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.escalation import lock_alert
from service.alerts.timeline import record
from service.alerts.upgrade import apply_decision, upgrade
from service.models import Alert, AlertKind, AlertStatus, Event, Source
from service.routing.decide import LEVELS, AlertFacts, decide, raise_level

KINDS = ("source_down", "source_recovered", "trending")


def process_events(session: Session, ctx: AlertContext, now: datetime, report) -> None:
    """Consume the unconsumed operational events, oldest first."""
    query = (select(Event).where(Event.consumed_at.is_(None), Event.kind.in_(KINDS))
             .order_by(Event.id).limit(500))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    for event in session.execute(query).scalars().all():
        event.consumed_at = now
        report.events += 1
        if event.kind == "source_down":
            _source_down(session, ctx, event, now, report)
        elif event.kind == "source_recovered":
            _source_recovered(session, event, now)
        else:
            _trending(session, ctx, event, now, report)


def _open_source_alert(session: Session, source_id: str) -> Alert | None:
    return session.execute(select(Alert).where(
        Alert.kind == AlertKind.source_down, Alert.source_id == source_id,
        Alert.status != AlertStatus.resolved)).scalars().first()


def _source_down(session: Session, ctx: AlertContext, event: Event, now: datetime,
                 report) -> None:
    from service.alerts.engine import number_for, start

    if event.source_id is None or _open_source_alert(session, event.source_id):
        return
    source = session.get(Source, event.source_id)
    name = source.name if source else event.source_id
    facts = AlertFacts(kind=AlertKind.source_down, level="blue", at=now, source=event.source_id)
    decision = decide(ctx.config, facts, ctx.calendar)
    alert = Alert(kind=AlertKind.source_down, status=AlertStatus.open,
                  title=f"信息源故障：{name}", summary=event.message, source_id=event.source_id,
                  created_at=now, updated_at=now)
    session.add(alert)
    session.flush()
    alert.number = number_for(ctx, alert.id, now)
    record(session, alert.id, "created", at=now, message=event.message,
           detail={"event": event.id, **event.detail})
    apply_decision(session, alert, decision, now)
    alert.level = None  # not an event in the world: no level of its own
    report.created += 1
    start(session, ctx, alert, now, report)


def _source_recovered(session: Session, event: Event, now: datetime) -> None:
    if event.source_id is None:
        return
    found = _open_source_alert(session, event.source_id)
    if found is None:
        return
    alert = lock_alert(session, found.id)
    alert.status = AlertStatus.resolved
    alert.resolved_at, alert.resolved_by = now, "system"
    alert.next_due_at = alert.reminder_due_at = alert.deadline_due_at = None
    alert.updated_at = now
    record(session, alert.id, "resolved", at=now, message=event.message,
           detail={"event": event.id})
    session.flush()  # a later event of this batch must see it resolved


def _trending(session: Session, ctx: AlertContext, event: Event, now: datetime,
              report) -> None:
    series = str(event.detail.get("series", ""))
    if not series.startswith("story:"):
        return
    found = session.execute(select(Alert.id).where(
        Alert.story_id == int(series.split(":", 1)[1]))).scalar()
    if found is None:
        return
    alert = lock_alert(session, found)
    if alert.status == AlertStatus.resolved or "trending" in alert.raises:
        return
    alert.raises = [*alert.raises, "trending"]
    record(session, alert.id, "note", at=now, message=f"报道量激增：{event.message}",
           detail={"event": event.id, **event.detail})
    level = raise_level(alert.base_level, len(alert.raises))
    facts = AlertFacts(kind=AlertKind.story, level=level, at=now, topic=alert.topic,
                       topics=tuple(alert.topics), place=alert.place,
                       places=(alert.place,) if alert.place else (), locality=alert.locality)
    decision = decide(ctx.config, facts, ctx.calendar)
    if _index(decision.level) > _index(alert.level):
        upgrade(session, ctx, alert, decision, now, reason="相关报道量激增（热点）")
        report.upgraded += 1


def _index(level: str | None) -> int:
    return LEVELS.index(level) if level in LEVELS else -1
