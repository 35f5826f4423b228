"""GET /api/v1/alerts/stream: Server-Sent Events, one per alert created or changed.

The stream follows the alert timeline table by id, so it sees the changes of every instance
that shares the database, and a client that reconnects with ``Last-Event-ID`` misses nothing.
Ids are allocated when a row is inserted but become visible when its transaction commits, so
on PostgreSQL a lower id can appear after a higher one; the stream only moves past an id that
is missing once it has waited ``GAP_SECONDS`` for it (then it was rolled back).
"""

import asyncio
import json
import time
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select
from sqlmodel import Session

from service.api.alerts import MAX_ID
from service.api.deps import SessionDep
from service.api.scope import Scope, ScopeDep
from service.models import Alert, AlertEvent

router = APIRouter(prefix="/api/v1/alerts", tags=["alerts"])
POLL_SECONDS = 0.5
HEARTBEAT_SECONDS = 15.0
GAP_SECONDS = 5.0
BATCH = 200


def _event_id(header: str | None) -> int | None:
    """The id of a ``Last-Event-ID`` header; None for anything this stream did not send."""
    if header and header.isascii() and header.isdigit() and int(header) <= MAX_ID:
        return int(header)
    return None


def _latest(engine) -> int:
    with Session(engine) as session:
        return session.execute(select(func.coalesce(func.max(AlertEvent.id), 0))).scalar_one()


def _ids_after(engine, last: int) -> list[int]:
    """The committed event ids after ``last``, of every alert (gaps are uncommitted ids)."""
    with Session(engine) as session:
        return list(session.execute(select(AlertEvent.id).where(AlertEvent.id > last)
                                    .order_by(AlertEvent.id).limit(BATCH)).scalars())


def _settled(ids: list[int], last: int) -> tuple[int, bool]:
    """The highest id up to which no id is missing, and whether a missing one follows it."""
    for event_id in ids:
        if event_id != last + 1:
            return last, True
        last = event_id
    return last, False


def _between(engine, scope: Scope, last: int, upto: int) -> list[dict]:
    with Session(engine) as session:
        rows = session.execute(scope.filter(
            select(AlertEvent, Alert).join(Alert, Alert.id == AlertEvent.alert_id)
            .where(AlertEvent.id > last, AlertEvent.id <= upto)).order_by(AlertEvent.id)).all()
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
    session: SessionDep,
    last_event_id: Annotated[str | None, Header()] = None,
    after: Annotated[int | None, Query(ge=0, le=MAX_ID,
                                       description="start after this event id")] = None,
) -> StreamingResponse:
    """Events as they happen; ``Last-Event-ID`` (or ``after``) resumes, else starts now."""
    # the session that authenticated the request would hold its connection (and, without a
    # commit, an open transaction) for as long as the client stays connected
    session.close()
    engine = request.app.state.engine
    start = after if after is not None else _event_id(last_event_id)
    if start is None:
        start = await asyncio.to_thread(_latest, engine)

    async def events():
        last, quiet = start, 0.0
        waiting: tuple[int, float] | None = None  # (the id before a missing one, since)
        yield "retry: 3000\n\n"
        while not await request.is_disconnected():
            ids = await asyncio.to_thread(_ids_after, engine, last)
            upto, gap = _settled(ids, last)
            if gap and waiting is not None and waiting[0] == upto \
                    and time.monotonic() - waiting[1] >= GAP_SECONDS:
                rest = [i for i in ids if i > upto]
                upto, gap = _settled(rest[1:], rest[0])  # the missing id was rolled back
            if gap and (waiting is None or waiting[0] != upto):
                waiting = (upto, time.monotonic())
            elif not gap:
                waiting = None
            if upto > last:
                batch = await asyncio.to_thread(_between, engine, scope, last, upto)
                for entry in batch:
                    data = json.dumps(entry, ensure_ascii=False)
                    yield f"id: {entry['id']}\nevent: alert\ndata: {data}\n\n"
                last, quiet = upto, 0.0 if batch else quiet
                continue
            await asyncio.sleep(POLL_SECONDS)
            quiet += POLL_SECONDS
            if quiet >= HEARTBEAT_SECONDS:
                quiet = 0.0
                yield ": keep-alive\n\n"

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
