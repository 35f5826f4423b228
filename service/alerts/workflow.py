"""The handling workflow: 签收 (acknowledge) → 处置 (in progress) → 办结 (resolve), with notes.

Each action locks the alert, checks that it is allowed in the alert's state, changes the
timers (an acknowledgement stops the chain and starts the 续报 reminders), meets deadlines and
appends to the timeline, in one transaction.
"""

from datetime import datetime

from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.escalation import decision_of, lock_alert, next_deadline, next_reminder
from service.alerts.timeline import record
from service.models import Alert, AlertStatus

NOTE_KINDS = {"note": "备注", "report": "报告（初报/续报/终报）", "response": "对外发布权威信息"}
# which deadline a kind of note meets
MEETS = {"report": "report", "response": "respond"}


class WorkflowError(Exception):
    """An action the alert's state does not allow; ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.message = message
        self.status = status


def _locked(session: Session, alert_id: int) -> Alert:
    alert = lock_alert(session, alert_id)
    if alert is None:
        raise WorkflowError("告警不存在", 404)
    return alert


def _meet(session: Session, alert: Alert, names: set[str], now: datetime) -> None:
    deadlines = []
    for deadline in alert.deadlines:
        deadline = dict(deadline)
        if deadline["name"] in names and not deadline.get("met_at"):
            deadline["met_at"] = now.isoformat()
            late = deadline.get("breached_at") is not None
            if not late:
                record(session, alert.id, "deadline_met", at=now,
                       message=f"{deadline['label']}在时限内完成", detail=deadline)
        deadlines.append(deadline)
    alert.deadlines = deadlines
    alert.deadline_due_at = next_deadline(deadlines)


def acknowledge(session: Session, ctx: AlertContext, alert_id: int, *, actor: str,
                now: datetime, via: str = "api", comment: str = "") -> Alert:
    """签收: stop the escalation chain, meet the acknowledgement deadline, start reminders."""
    alert = _locked(session, alert_id)
    if alert.status != AlertStatus.open:
        raise WorkflowError(f"告警已{_state(alert)}，无需重复签收")
    alert.status = AlertStatus.acknowledged
    alert.acknowledged_at, alert.acknowledged_by = now, actor
    alert.next_due_at = None
    alert.reminder_due_at = next_reminder(ctx, decision_of(alert), now)
    alert.updated_at = now
    _meet(session, alert, {"ack"}, now)
    record(session, alert.id, "acknowledged", at=now, actor=actor,
           message=f"{actor} 签收" + (f"：{comment}" if comment else ""),
           detail={"via": via, "comment": comment})
    return alert


def assign(session: Session, alert_id: int, *, actor: str, assignee: str, now: datetime,
           comment: str = "") -> Alert:
    """指派处置人: an acknowledged alert moves to 处置中; an open one is acknowledged first."""
    alert = _locked(session, alert_id)
    if alert.status == AlertStatus.resolved:
        raise WorkflowError("告警已办结，不能再指派")
    if alert.status == AlertStatus.open:
        raise WorkflowError("请先签收告警，再指派处置人")
    alert.status = AlertStatus.in_progress
    alert.assignee = assignee
    alert.updated_at = now
    record(session, alert.id, "assigned", at=now, actor=actor,
           message=f"{actor} 指派 {assignee} 处置" + (f"：{comment}" if comment else ""),
           detail={"assignee": assignee, "comment": comment})
    return alert


def add_note(session: Session, alert_id: int, *, actor: str, text: str, now: datetime,
             kind: str = "note") -> Alert:
    """备注 or 报告; a report meets the written-report deadline, a response the 5-hour one."""
    if kind not in NOTE_KINDS:
        raise WorkflowError(f"未知的备注类型：{kind}（可用：{'、'.join(NOTE_KINDS)}）", 422)
    alert = _locked(session, alert_id)
    if kind in MEETS:
        _meet(session, alert, {MEETS[kind]}, now)
    alert.updated_at = now
    record(session, alert.id, "report" if kind != "note" else "note", at=now, actor=actor,
           message=text, detail={"kind": kind})
    return alert


def resolve(session: Session, alert_id: int, *, actor: str, now: datetime,
            comment: str = "") -> Alert:
    """办结: all timers stop; the deadlines still open are met now."""
    alert = _locked(session, alert_id)
    if alert.status == AlertStatus.resolved:
        raise WorkflowError("告警已办结")
    if alert.status == AlertStatus.open:
        alert.acknowledged_at, alert.acknowledged_by = now, actor
        _meet(session, alert, {"ack"}, now)
    alert.status = AlertStatus.resolved
    alert.resolved_at, alert.resolved_by = now, actor
    alert.next_due_at = alert.reminder_due_at = None
    _meet(session, alert, {d["name"] for d in alert.deadlines}, now)
    alert.deadline_due_at = None
    alert.updated_at = now
    record(session, alert.id, "resolved", at=now, actor=actor,
           message=f"{actor} 办结" + (f"：{comment}" if comment else ""),
           detail={"comment": comment})
    return alert


def _state(alert: Alert) -> str:
    return {"acknowledged": "签收", "in_progress": "进入处置", "resolved": "办结"}.get(
        alert.status, alert.status)
