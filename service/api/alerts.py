"""The duty officers' API: alerts with filters and cursor, detail, and the handling workflow."""

from datetime import datetime
from typing import Annotated, Literal

import orjson
from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field
from sqlalchemy import Select, bindparam, select

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
SUMMARY_SELECT = select(*(getattr(Alert, name) for name in SUMMARY_FIELDS))  # built once


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
    if since is not None and since.tzinfo is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST,
                            "since 必须带时区，例如 2026-11-26T08:00:00+08:00")
    query, parameters = list_query(scope, status=status_, level=level, topic=topic,
                                   division=division, kind=kind, since=since,
                                   before=decode_cursor(cursor), limit=limit)

    def fetch() -> bytes:  # one thread-pool hop with its own connection, released at once
        with request.app.state.engine.connect().execution_options(
                isolation_level="AUTOCOMMIT") as connection:  # one SELECT: no BEGIN, no ROLLBACK
            return page_json(connection.execute(query, parameters).all(), limit)

    return Response(await run_in_threadpool(fetch), media_type="application/json")


def list_query(scope: Scope, *, status: str | None = None, level: str | None = None,
               topic: str | None = None, division: str | None = None, kind: str | None = None,
               since: datetime | None = None, before: int | None = None,
               limit: int = 50) -> tuple[Select, dict]:
    """The list's SELECT and its parameters: plain rows of the summary columns, newest first,
    ``limit + 1`` of them to tell whether another page follows.

    One statement object per combination of filters (and scope shape) is built once and
    reused with new parameter values: SQLAlchemy then finds its compiled form without building
    a new statement and matching its result columns to the cached ones, which had been a
    third of the request's CPU time (bench/alerts_api.py).
    """
    values = {"status": status, "level": level, "topic": topic, "division": division,
              "kind": kind, "since": since, "before": before}
    present = tuple(name for name, value in values.items() if value is not None and value != "")
    parameters = {name: values[name] for name in present}
    return (_list_statement(scope.shape, present, scope),
            {**parameters, **scope.parameters(), "limit": limit + 1})


_LIST_FILTERS = {
    "status": lambda: Alert.status == bindparam("status"),
    "level": lambda: Alert.level == bindparam("level"),
    "topic": lambda: Alert.topic == bindparam("topic"),
    "division": lambda: Alert.division == bindparam("division"),
    "kind": lambda: Alert.kind == bindparam("kind"),
    "since": lambda: Alert.created_at >= bindparam("since", type_=Alert.created_at.type),
    "before": lambda: Alert.id < bindparam("before"),
}
_list_statements: dict[tuple[str, tuple[str, ...]], Select] = {}


def _list_statement(shape: str, present: tuple[str, ...], scope: Scope) -> Select:
    key = (shape, present)
    if (statement := _list_statements.get(key)) is None:
        statement = scope.filter(SUMMARY_SELECT)
        for name in present:
            statement = statement.where(_LIST_FILTERS[name]())
        statement = statement.order_by(Alert.id.desc()).limit(bindparam("limit"))
        _list_statements[key] = statement  # at most 3 × 2^7 shapes
    return statement


def page_json(rows, limit: int) -> bytes:
    """A page of ``list_query`` rows as the response body: the busiest route goes from rows
    straight to JSON with orjson (the response model documents the shape; datetimes are UTC
    with a Z, as everywhere in the API)."""
    more = len(rows) > limit
    rows = rows[:limit]
    return orjson.dumps({"alerts": [dict(zip(SUMMARY_FIELDS, row, strict=True)) for row in rows],
                         "next_cursor": encode_cursor(rows[-1].id) if more and rows else None},
                        option=orjson.OPT_UTC_Z)


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


