"""Firing the steps of an alert's frozen chain, and the timers tick.

Every change to an alert's timers happens under ``lock_alert``: an UPDATE that bumps the
alert's fence, which takes the row lock on PostgreSQL and the write lock on SQLite before the
alert is read. A tick that read a fence which has moved on skips the alert, so two instances
never both fire a step; steps are fired from their due time, so a missed tick fires every step
that came due, in order, and skips none.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.deliver import enqueue
from service.alerts.silences import active_silence
from service.alerts.timeline import record
from service.models import Alert, AlertStatus
from service.routing.decide import Decision

log = logging.getLogger(__name__)
OPEN_STATES = (AlertStatus.acknowledged, AlertStatus.in_progress)


def lock_alert(session: Session, alert_id: int, *, fence: int | None = None) -> Alert | None:
    """The alert, locked for this transaction; None when ``fence`` no longer matches."""
    query = update(Alert).where(Alert.id == alert_id).values(fence=Alert.fence + 1)
    if fence is not None:
        query = query.where(Alert.fence == fence)
    if session.execute(query).rowcount != 1:
        return None
    return session.execute(select(Alert).where(Alert.id == alert_id)
                           .execution_options(populate_existing=True)).scalar_one()


def decision_of(alert: Alert) -> Decision:
    return Decision.from_json(alert.decision)


def total_steps(decision: Decision) -> int:
    """Steps the chain fires in all: the whole chain, then again ``repeat`` more times."""
    return len(decision.steps) * (decision.repeat + 1)


def plan_of(decision: Decision, index: int):
    return decision.steps[index % len(decision.steps)]


def _minutes(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{int(seconds // 3600)}小时"
    if seconds >= 60:
        return f"{round(seconds / 60)}分钟"
    return f"{int(seconds)}秒"


def fire_step(session: Session, ctx: AlertContext, alert: Alert, index: int, *,
              at: datetime, now: datetime, links=None) -> int:
    """Queue step ``index`` of the chain and set the timer of the next; returns rows queued."""
    decision = decision_of(alert)
    total = total_steps(decision)
    if index >= total:
        alert.next_due_at = None
        return 0
    plan = plan_of(decision, index)
    reason = ""
    if index > 0:
        previous = plan_of(decision, index - 1)
        reason = f"告警发出后{_minutes(previous.wait_seconds or 0)}内无人签收，第{index}次升级"
        record(session, alert.id, "escalated", at=now,
               message=f"{reason}：通知 {'、'.join(r.name for r in plan.recipients)}",
               detail={"step": index, "due_at": at.isoformat(), "targets": plan.targets})
    rows = enqueue(session, ctx, alert, step=f"s{index}", kind="new" if index == 0 else
                   "escalation", recipients=plan.recipients, now=now, reason=reason,
                   links=links)
    alert.step = index + 1
    if index + 1 < total and plan.wait_seconds is not None:
        alert.next_due_at = at + timedelta(seconds=plan.wait_seconds)
    else:
        alert.next_due_at = None
    alert.updated_at = now
    return len(rows)


@dataclass
class TickReport:
    escalated: int = 0
    unsilenced: int = 0
    reminders: int = 0
    breached: int = 0
    notifications: int = 0


def tick(engine: Engine, ctx: AlertContext, now: datetime, *, limit: int = 200) -> TickReport:
    """Process every timer that is due: escalation steps, silence ends, reminders, deadlines."""
    report = TickReport()
    for column, handler in ((Alert.next_due_at, _due_step), (Alert.reminder_due_at, _reminder),
                            (Alert.deadline_due_at, _deadline)):
        with Session(engine) as session:
            due = session.execute(select(Alert.id, Alert.fence).where(column <= now)
                                  .order_by(column).limit(limit)).all()
        for alert_id, fence in due:
            with Session(engine, expire_on_commit=False) as session:
                alert = lock_alert(session, alert_id, fence=fence)
                if alert is None:  # another instance or request changed it first
                    session.rollback()
                    continue
                try:
                    handler(session, ctx, alert, now, report)
                    session.commit()
                except Exception:
                    session.rollback()
                    log.exception("timer of alert %s failed; the next tick tries again", alert_id)
    return report


def _due_step(session: Session, ctx: AlertContext, alert: Alert, now: datetime,
              report: TickReport) -> None:
    if alert.next_due_at is None or alert.next_due_at > now:
        return
    if alert.status != AlertStatus.open:
        alert.next_due_at = None
        return
    if alert.silenced_by:
        silence = active_silence(session, ctx, alert, now)
        if silence is not None:
            alert.silenced_by, alert.next_due_at = silence
            return
        alert.silenced_by = None
        restart_deadlines(alert, now)
        record(session, alert.id, "unsilenced", at=now, message="静默已到期，开始通知")
        report.unsilenced += 1
        alert.next_due_at = now
    while alert.next_due_at is not None and alert.next_due_at <= now:
        at = alert.next_due_at
        report.notifications += fire_step(session, ctx, alert, alert.step, at=at, now=now)
        report.escalated += alert.step > 1


def _reminder(session: Session, ctx: AlertContext, alert: Alert, now: datetime,
              report: TickReport) -> None:
    if alert.reminder_due_at is None or alert.reminder_due_at > now:
        return
    if alert.status not in OPEN_STATES:
        alert.reminder_due_at = None
        return
    decision = decision_of(alert)
    count = sum(1 for e in alert_events_of(session, alert.id) if e == "reminder") + 1
    recipients = decision.steps[0].recipients if decision.steps else []
    reason = "请按要求报送事件处置进展（续报）"
    report.notifications += len(enqueue(session, ctx, alert, step=f"r{count}", kind="reminder",
                                        recipients=recipients, now=now, reason=reason))
    record(session, alert.id, "reminder", at=now, message=f"第{count}次续报提醒",
           detail={"count": count})
    report.reminders += 1
    alert.reminder_due_at = next_reminder(ctx, decision, now)


def alert_events_of(session: Session, alert_id: int) -> list[str]:
    from service.models import AlertEvent

    return list(session.execute(select(AlertEvent.kind).where(AlertEvent.alert_id == alert_id))
                .scalars())


def next_reminder(ctx: AlertContext, decision: Decision, after: datetime) -> datetime | None:
    """The next 续报 reminder after ``after``: every N, or at fixed local times of day."""
    candidates = []
    if decision.reminders_every:
        candidates.append(after + timedelta(seconds=decision.reminders_every))
    if decision.reminders_at:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(ctx.config.timezone)
        local = after.astimezone(zone)
        for days in (0, 1):
            for hhmm in decision.reminders_at:
                hour, minute = (int(p) for p in hhmm.split(":"))
                moment = (local + timedelta(days=days)).replace(hour=hour, minute=minute,
                                                                 second=0, microsecond=0)
                if moment > local:
                    candidates.append(moment.astimezone(after.tzinfo))
    return min(candidates) if candidates else None


def _deadline(session: Session, ctx: AlertContext, alert: Alert, now: datetime,
              report: TickReport) -> None:
    if alert.deadline_due_at is None or alert.deadline_due_at > now:
        return
    deadlines = [dict(d) for d in alert.deadlines]
    breached = []
    for deadline in deadlines:
        if deadline.get("met_at") or deadline.get("breached_at"):
            continue
        if datetime.fromisoformat(deadline["due_at"]) <= now:
            deadline["breached_at"] = now.isoformat()
            breached.append(deadline)
    alert.deadlines = deadlines
    alert.deadline_due_at = next_deadline(deadlines)
    for deadline in breached:
        due = _local(ctx, deadline["due_at"])
        record(session, alert.id, "deadline_breached", at=now,
               message=f"{deadline['label']}时限已过（应于 {due} 前完成）",
               detail=deadline)
        report.breached += 1
        duty = duty_recipients(ctx)
        report.notifications += len(enqueue(
            session, ctx, alert, step=f"d-{deadline['name']}", kind="deadline", recipients=duty,
            now=now, reason=f"{deadline['label']}时限已过，请督促落实"))


def duty_recipients(ctx: AlertContext) -> list:
    from service.alerts.recipients import people

    return people(ctx.config, list(ctx.config.roles.duty_officer))


def restart_deadlines(alert: Alert, now: datetime) -> None:
    """Deadlines not yet met count from ``now`` (the end of a silence)."""
    deadlines = []
    for deadline in alert.deadlines:
        deadline = dict(deadline)
        if not deadline.get("met_at") and not deadline.get("breached_at"):
            deadline["due_at"] = (now + timedelta(seconds=deadline["seconds"])).isoformat()
        deadlines.append(deadline)
    alert.deadlines = deadlines
    alert.deadline_due_at = next_deadline(deadlines)


def next_deadline(deadlines: list[dict]) -> datetime | None:
    pending = [datetime.fromisoformat(d["due_at"]) for d in deadlines
               if not d.get("met_at") and not d.get("breached_at")]
    return min(pending) if pending else None


def _local(ctx: AlertContext, iso: str) -> str:
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(iso).astimezone(ZoneInfo(ctx.config.timezone)).strftime(
        "%m月%d日 %H:%M")
