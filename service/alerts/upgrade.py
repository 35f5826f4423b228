"""Applying a routing decision to an alert, upgrades, and inhibition between alerts.

A higher-level alert on the same event (equal on the configured fields, by default topic and
place, within the window) inhibits lower ones: they stay on record but notify nobody.
"""

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.escalation import next_deadline
from service.alerts.timeline import record
from service.models import Alert, AlertKind, AlertStatus
from service.notify.message import LEVEL_NAMES
from service.routing.decide import LEVELS, Decision


def _rank(level: str | None) -> int:
    return LEVELS.index(level) + 1 if level in LEVELS else 0


def apply_decision(session: Session, alert: Alert, decision: Decision, now: datetime) -> None:
    """Store the decision (the frozen chain) and the deadlines it sets; record it."""
    alert.level = decision.level
    alert.division = decision.division
    alert.decision = decision.to_json()
    alert.config_version = decision.config_version
    old = {d["name"]: d for d in alert.deadlines}
    deadlines = []
    for deadline in decision.deadlines:
        due = now + timedelta(seconds=deadline.seconds)
        previous = old.get(deadline.name)
        entry = {"name": deadline.name, "label": deadline.label, "seconds": deadline.seconds,
                 "due_at": due.isoformat(), "met_at": None, "breached_at": None}
        if previous:
            if previous.get("met_at") or previous.get("breached_at"):
                deadlines.append(previous)
                continue
            entry["due_at"] = min(due, datetime.fromisoformat(previous["due_at"])).isoformat()
        deadlines.append(entry)
    alert.deadlines = deadlines
    alert.deadline_due_at = next_deadline(deadlines)
    record(session, alert.id, "routed", at=now,
           message=(f"按路由配置 {decision.config_version} 定为"
                    f"{LEVEL_NAMES.get(decision.level or '', '无级别')}，"
                    f"责任科室：{decision.division_name or '值班室'}"),
           detail={"config_version": decision.config_version, "level": decision.level,
                   "base_level": decision.base_level, "raised": decision.raised,
                   "rules": decision.rules, "division": decision.division,
                   "steps": [{"index": s.index, "targets": s.targets,
                              "recipients": [r.name for r in s.recipients],
                              "wait_seconds": s.wait_seconds} for s in decision.steps],
                   "deadlines": deadlines})


def upgrade(session: Session, ctx: AlertContext, alert: Alert, decision: Decision,
            now: datetime, *, reason: str) -> None:
    """Re-route at a higher level: the new first step is notified and the chain restarts."""
    from service.alerts.deliver import enqueue

    old = alert.level
    apply_decision(session, alert, decision, now)
    record(session, alert.id, "upgraded", at=now,
           message=f"级别由{LEVEL_NAMES.get(old or '', '无')}上调为"
                   f"{LEVEL_NAMES.get(alert.level or '', '无')}：{reason}",
           detail={"from": old, "to": alert.level, "reason": reason})
    alert.updated_at = now
    if alert.status == AlertStatus.resolved or alert.silenced_by or alert.inhibited_by:
        return
    inhibit_lower(session, ctx, alert, now)
    if not decision.steps:
        return
    text = f"级别由{LEVEL_NAMES.get(old or '', '无')}上调为{LEVEL_NAMES.get(alert.level or '')}"
    session.flush()
    step = f"u{_upgrades(session, alert.id)}"
    enqueue(session, ctx, alert, step=step, kind="upgrade",
            recipients=decision.steps[0].recipients, now=now, reason=f"{text}，{reason}")
    if alert.status == AlertStatus.open:
        first = decision.steps[0]
        alert.step = 1
        more = len(decision.steps) * (decision.repeat + 1) > 1
        alert.next_due_at = (now + timedelta(seconds=first.wait_seconds)
                             if first.wait_seconds is not None and more else None)


def _upgrades(session: Session, alert_id: int) -> int:
    from service.models import AlertEvent

    return len(session.execute(select(AlertEvent.id).where(
        AlertEvent.alert_id == alert_id, AlertEvent.kind == "upgraded")).all())


def _same_event(ctx: AlertContext, alert: Alert, now: datetime):
    """The query for open alerts on ``alert``'s event; None when a field to compare is unset."""
    rule = ctx.config.alerts.inhibit
    query = select(Alert).where(Alert.id != alert.id, Alert.kind == AlertKind.story,
                                Alert.status != AlertStatus.resolved,
                                Alert.created_at >= now - timedelta(seconds=rule.window))
    for name in rule.equal:
        column = "source_id" if name == "source" else name
        value = getattr(alert, column)
        if value is None:
            return None
        query = query.where(getattr(Alert, column) == value)
    return query


def _event_key(ctx: AlertContext, alert: Alert) -> tuple | None:
    """The fields that must be equal for two alerts to be on one event (None: one is unset)."""
    key = tuple(getattr(alert, "source_id" if name == "source" else name)
                for name in ctx.config.alerts.inhibit.equal)
    return None if None in key else key


def event_alerts(session: Session, ctx: AlertContext, alerts: list[Alert],
                 now: datetime) -> dict[tuple, list[Alert]]:
    """Open alerts that may share an event with any of ``alerts`` (they included), by event:
    one query for a batch, narrowed per alert by ``inhibitor_of`` and ``inhibit_lower``."""
    rule = ctx.config.alerts.inhibit
    query = select(Alert).where(Alert.kind == AlertKind.story,
                                Alert.status != AlertStatus.resolved,
                                Alert.created_at >= now - timedelta(seconds=rule.window))
    for name in rule.equal:
        column = "source_id" if name == "source" else name
        values = {getattr(a, column) for a in alerts} - {None}
        if not values:
            return {}
        query = query.where(getattr(Alert, column).in_(values))
    events: dict[tuple, list[Alert]] = {}
    for alert in session.execute(query).scalars():
        events.setdefault(_event_key(ctx, alert), []).append(alert)
    return events


def _on_same_event(ctx: AlertContext, alert: Alert, other: Alert, now: datetime) -> bool:
    """What ``_same_event`` selects, for an alert already at hand."""
    rule = ctx.config.alerts.inhibit
    if (other.id == alert.id or other.kind != AlertKind.story
            or other.status == AlertStatus.resolved
            or other.created_at < now - timedelta(seconds=rule.window)):
        return False
    for name in rule.equal:
        column = "source_id" if name == "source" else name
        value = getattr(alert, column)
        if value is None or getattr(other, column) != value:
            return False
    return True


def _candidates(session: Session, ctx: AlertContext, alert: Alert, now: datetime,
                known: dict[tuple, list[Alert]] | None) -> list[Alert]:
    if known is not None:
        key = _event_key(ctx, alert)
        return [other for other in known.get(key, []) if _on_same_event(ctx, alert, other, now)]
    query = _same_event(ctx, alert, now)
    return [] if query is None else list(session.execute(query).scalars())


def inhibitor_of(session: Session, ctx: AlertContext, alert: Alert, now: datetime, *,
                 known: dict[tuple, list[Alert]] | None = None):
    """An open alert of a higher level on the same event, if any.

    ``known``: the result of ``event_alerts`` for a batch; no query is made then.
    """
    higher = [a for a in _candidates(session, ctx, alert, now, known)
              if _rank(a.level) > _rank(alert.level)]
    return max(higher, key=lambda a: _rank(a.level)) if higher else None


def inhibit_lower(session: Session, ctx: AlertContext, alert: Alert, now: datetime, *,
                  known: dict[tuple, list[Alert]] | None = None) -> int:
    """Stop the notifications of lower open alerts on the same event."""
    from service.alerts.escalation import lock_alert

    lower = [other for other in _candidates(session, ctx, alert, now, known)
             if other.inhibited_by is None and _rank(other.level) < _rank(alert.level)]
    if lower:
        session.flush()  # the lock reads the rows again: changes not written would be lost
    count = 0
    for other in lower:
        other = lock_alert(session, other.id)
        other.inhibited_by, other.next_due_at = alert.id, None
        other.deadline_due_at = other.reminder_due_at = None
        record(session, other.id, "inhibited", at=now,
               message=f"同一事件出现更高级别告警 {alert.number}，本告警停止单独通知",
               detail={"by": alert.id})
        count += 1
    return count
