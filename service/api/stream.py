"""GET /api/v1/alerts/stream: Server-Sent Events, one per alert created or changed.

The stream follows the alert timeline table by id, so it sees the changes of every instance
that shares the database, and a client that reconnects with ``Last-Event-ID`` misses nothing.
"""

import asyncio
import json
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select
from sqlmodel import Session

from service.api.scope import Scope, ScopeDep
from service.models import Alert, AlertEvent

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"])
POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 15.0


def _latest(engine) -> int:
    with Session(engine) as session:
        return session.execute(select(func.coalesce(func.max(AlertEvent.id), 0))).scalar_one()


def _after(engine, scope: Scope, last: int, limit: int = 200) -> list[dict]:
    with Session(engine) as session:
        rows = session.execute(scope.filter(
            select(AlertEvent, Alert).join(Alert, Alert.id == AlertEvent.alert_id)
            .where(AlertEvent.id > last)).order_by(AlertEvent.id).limit(limit)).all()
    return [{"id": event.id, "alert": {
        "id": alert.id, "number": alert.number, "status": alert.status, "level": alert.level,
        "topic": alert.topic, "division": alert.division, "place": alert.place,
        "title": alert.title, "updated_at": alert.updated_at.isoformat()},
        "event": {"kind": event.kind, "at": event.at.isoformat(), "actor": event.actor,
                  "message": event.message}} for event, alert in rows]


@router.get("/stream", response_class=StreamingResponse,
            responses={200: {"content": {"text/event-stream": {}}}})
async def stream(
    request: Request,
    scope: ScopeDep,
    last_event_id: Annotated[str | None, Header()] = None,
    after: Annotated[int | None, Query(ge=0, description="start after this event id")] = None,
) -> StreamingResponse:
    """Events as they happen; ``Last-Event-ID`` (or ``after``) resumes, else starts now."""
    engine = request.app.state.engine
    start = after if after is not None else (
        int(last_event_id) if last_event_id and last_event_id.isdigit() else None)
    if start is None:
        start = await asyncio.to_thread(_latest, engine)

    async def events():
        last, quiet = start, 0.0
        yield "retry: 3000\n\n"
        while not await request.is_disconnected():
            batch = await asyncio.to_thread(_after, engine, scope, last)
            for entry in batch:
                last = entry["id"]
                data = json.dumps(entry, ensure_ascii=False)
                yield f"id: {last}\nevent: alert\ndata: {data}\n\n"
            if batch:
                quiet = 0.0
                continue
            await asyncio.sleep(POLL_SECONDS)
            quiet += POLL_SECONDS
            if quiet >= HEARTBEAT_SECONDS:
                quiet = 0.0
                yield ": keep-alive\n\n"

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
