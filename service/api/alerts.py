"""The duty officers' API: alerts with filters and cursor, detail, and the handling workflow."""

import json
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlalchemy import select

from service.alerts import workflow
from service.api.deps import ClockDep, SessionDep
from service.api.pagination import MAX_ID, decode_cursor, encode_cursor
from service.api.scope import ContextDep, Scope, ScopeDep
from service.models import (
    Alert,
    AlertEvent,
    AlertItem,
    Item,
    ItemAnalysis,
    Notification,
    Source,
)

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"])
Level = Literal["blue", "yellow", "orange", "red"]
AlertId = Annotated[int, Path(ge=1, le=MAX_ID)]


class AlertSummary(BaseModel):
    id: int
    number: str
    kind: str
    status: str
    level: str | None
    topic: str | None
    division: str | None
    place: str | None
    locality: str
    title: str
    deaths: int
    injured: int
    missing: int
    item_count: int
    created_at: datetime
    updated_at: datetime
    acknowledged_at: datetime | None
    acknowledged_by: str | None
    resolved_at: datetime | None
    assignee: str | None
    silenced_by: str | None
    inhibited_by: int | None
    next_due_at: datetime | None


# The list loads only what it shows: decoding every row's JSON (the routing decision, ~2 kB)
# took two thirds of a request's CPU time (bench/alerts_api.py).
SUMMARY_FIELDS = tuple(AlertSummary.model_fields)
SUMMARY_COLUMNS = tuple(getattr(Alert, name) for name in AlertSummary.model_fields)


class AlertPage(BaseModel):
    alerts: list[AlertSummary]
    next_cursor: str | None


class TimelineEntry(BaseModel):
    id: int
    at: datetime
    kind: str
    actor: str
    message: str
    detail: dict


class AlertItemOut(BaseModel):
    id: int
    title: str
    url: str
    source: str
    published_at: datetime | None
    fetched_at: datetime
    analysis: dict | None


class NotificationOut(BaseModel):
    id: int
    step: str
    kind: str
    channel: str
    recipient: str
    persons: list
    status: str
    attempts: int
    last_code: str | None
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


class AlertDetail(AlertSummary):
    summary: str
    base_level: str | None
    topics: list
    config_version: str
    decision: dict
    deadlines: list
    raises: list
    items: list[AlertItemOut]
    timeline: list[TimelineEntry]
    notifications: list[NotificationOut]


class Comment(BaseModel):
    comment: str = Field("", max_length=2000)


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=5000)
    kind: Literal["note", "report", "response"] = "note"


class AssignIn(BaseModel):
    assignee: str = Field(min_length=1, max_length=100)
    comment: str = Field("", max_length=2000)


@router.get("", response_model=AlertPage)
async def list_alerts(
    request: Request,
    scope: ScopeDep,
    status_: Annotated[Literal["open", "acknowledged", "in_progress", "resolved"] | None,
                       Query(alias="status")] = None,
    level: Level | None = None,
    topic: Annotated[str | None, Query(max_length=32)] = None,
    division: Annotated[str | None, Query(max_length=64)] = None,
    kind: Literal["story", "source_down"] | None = None,
    since: Annotated[datetime | None, Query(description="created at or after (ISO 8601)")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AlertPage:
    """Alerts matching the filters, newest first, ``limit`` at a time."""
    query = scope.filter(select(*SUMMARY_COLUMNS))  # plain rows: no ORM objects to build
    if status_:
        query = query.where(Alert.status == status_)
    if level:
        query = query.where(Alert.level == level)
    if topic:
        query = query.where(Alert.topic == topic)
    if division:
        query = query.where(Alert.division == division)
    if kind:
        query = query.where(Alert.kind == kind)
    if since:
        if since.tzinfo is None:
            raise HTTPException(status.HTTP_400_BAD_REQUEST,
                                "since 必须带时区，例如 2026-11-26T08:00:00+08:00")
        query = query.where(Alert.created_at >= since)
    if (before := decode_cursor(cursor)) is not None:
        query = query.where(Alert.id < before)
    query = query.order_by(Alert.id.desc()).limit(limit + 1)

    def fetch() -> bytes:  # one thread-pool hop with its own connection, released at once
        with request.app.state.engine.connect() as connection:
            rows = connection.execute(query).all()
        more = len(rows) > limit
        rows = rows[:limit]
        # the busiest route: rows straight to JSON (the response model documents the shape)
        return json.dumps({"alerts": [dict(zip(SUMMARY_FIELDS, (_json(v) for v in row),
                                               strict=True)) for row in rows],
                           "next_cursor": encode_cursor(rows[-1].id) if more and rows
                           else None}, ensure_ascii=False, separators=(",", ":")).encode()

    return Response(await run_in_threadpool(fetch), media_type="application/json")


def _json(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value


def visible(session, scope: Scope, alert_id: int) -> Alert:
    """The alert, or 404 when it does not exist or is outside the user's scope."""
    alert = session.execute(scope.filter(select(Alert).where(Alert.id == alert_id))).scalar()
    if alert is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"告警 {alert_id} 不存在或无权查看")
    return alert


@router.get("/{alert_id}", response_model=AlertDetail)
def get_alert(alert_id: AlertId, session: SessionDep, scope: ScopeDep) -> AlertDetail:
    """The alert with its items and their analysis, routing decision, notifications and
    timeline."""
    alert = visible(session, scope, alert_id)
    items = session.execute(
        select(Item, Source.name, ItemAnalysis)
        .join(AlertItem, AlertItem.item_id == Item.id).join(Source, Source.id == Item.source_id)
        .outerjoin(ItemAnalysis, ItemAnalysis.item_id == Item.id)
        .where(AlertItem.alert_id == alert.id).order_by(Item.id).limit(200)).all()
    timeline = session.execute(select(AlertEvent).where(AlertEvent.alert_id == alert.id)
                               .order_by(AlertEvent.id)).scalars().all()
    notifications = session.execute(select(Notification).where(
        Notification.alert_id == alert.id).order_by(Notification.id)).scalars().all()
    return AlertDetail(
        **AlertSummary.model_validate(alert, from_attributes=True).model_dump(),
        summary=alert.summary, base_level=alert.base_level, topics=alert.topics,
        config_version=alert.config_version, decision=alert.decision,
        deadlines=alert.deadlines, raises=alert.raises,
        items=[AlertItemOut(id=i.id, title=i.title, url=i.url, source=name,
                            published_at=i.published_at, fetched_at=i.fetched_at,
                            analysis=_analysis(a)) for i, name, a in items],
        timeline=[TimelineEntry.model_validate(e, from_attributes=True) for e in timeline],
        notifications=[NotificationOut.model_validate(n, from_attributes=True)
                       for n in notifications])


def _analysis(row: ItemAnalysis | None) -> dict | None:
    if row is None:
        return None
    return row.model_dump(exclude={"alert_pending"}, mode="json")


def _act(session, scope: Scope, alert_id: int, action) -> AlertSummary:
    if not scope.can_handle():
        raise HTTPException(status.HTTP_403_FORBIDDEN, "当前角色不能处置告警")
    visible(session, scope, alert_id)
    try:
        alert = action()
        session.commit()
    except workflow.WorkflowError as exc:
        session.rollback()
        raise HTTPException(exc.status, exc.message) from None
    return AlertSummary.model_validate(alert, from_attributes=True)


@router.post("/{alert_id}/ack", response_model=AlertSummary)
def ack_alert(alert_id: AlertId, session: SessionDep, scope: ScopeDep, ctx: ContextDep,
              clock: ClockDep, body: Comment | None = None) -> AlertSummary:
    """签收: stops the escalation chain; 409 when already acknowledged or resolved."""
    comment = body.comment if body else ""
    return _act(session, scope, alert_id, lambda: workflow.acknowledge(
        session, ctx, alert_id, actor=scope.user.name, now=clock.now(), comment=comment))


@router.post("/{alert_id}/assign", response_model=AlertSummary)
def assign_alert(alert_id: AlertId, body: AssignIn, session: SessionDep, scope: ScopeDep,
                 clock: ClockDep) -> AlertSummary:
    """指派处置人: the alert moves to 处置中 (in_progress)."""
    return _act(session, scope, alert_id, lambda: workflow.assign(
        session, alert_id, actor=scope.user.name, assignee=body.assignee, now=clock.now(),
        comment=body.comment))


@router.post("/{alert_id}/notes", response_model=AlertSummary)
def note_alert(alert_id: AlertId, body: NoteIn, session: SessionDep, scope: ScopeDep,
               clock: ClockDep) -> AlertSummary:
    """A note; kind ``report`` (初报/续报/终报) meets the written-report deadline,
    ``response`` the deadline for publishing authoritative information."""
    return _act(session, scope, alert_id, lambda: workflow.add_note(
        session, alert_id, actor=scope.user.name, text=body.text, kind=body.kind,
        now=clock.now()))


@router.post("/{alert_id}/resolve", response_model=AlertSummary)
def resolve_alert(alert_id: AlertId, session: SessionDep, scope: ScopeDep, clock: ClockDep,
                  body: Comment | None = None) -> AlertSummary:
    """办结: every timer stops."""
    comment = body.comment if body else ""
    return _act(session, scope, alert_id, lambda: workflow.resolve(
        session, alert_id, actor=scope.user.name, now=clock.now(), comment=comment))


