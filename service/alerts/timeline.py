"""The append-only timeline of an alert; rows are only ever inserted."""

from datetime import datetime

from sqlmodel import Session

from service.models import AlertEvent

# Chinese wording of each kind, for pages and messages
KIND_LABELS = {
    "created": "生成告警",
    "routed": "路由决定",
    "notification_queued": "通知待发",
    "notification_sent": "通知已送达",
    "notification_failed": "通知发送失败",
    "notification_dead": "通知放弃发送",
    "escalated": "升级",
    "upgraded": "级别上调",
    "item_added": "新增报道",
    "silenced": "静默",
    "unsilenced": "静默结束",
    "inhibited": "被更高级别告警抑制",
    "acknowledged": "签收",
    "assigned": "指派",
    "note": "备注",
    "report": "报告",
    "resolved": "办结",
    "reminder": "续报提醒",
    "deadline_met": "时限内完成",
    "deadline_breached": "超过时限",
}


def record(session: Session, alert_id: int, kind: str, *, at: datetime, actor: str = "system",
           message: str = "", detail: dict | None = None) -> AlertEvent:
    """Append one entry; the caller commits it with the change it describes."""
    event = AlertEvent(alert_id=alert_id, at=at, kind=kind, actor=actor,
                       message=message or KIND_LABELS.get(kind, kind), detail=detail or {})
    session.add(event)
    return event
