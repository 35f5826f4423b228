"""The labelled set for analysts: list with filters and cursor, JSON-lines export and import,
and counts."""

import base64
import binascii
import json
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy import String, and_, cast, or_, select
from sqlmodel import Session

from service.analysts.labels import (
    dump_line,
    export_labels,
    import_labels,
    label_stats,
    read_lines,
)
from service.api.deps import AnalystUser, ClockDep, SessionDep
from service.models import Label
from service.routing.config import TOPICS

router = APIRouter(prefix="/api/v1/labels", tags=["labels"])
MAX_IMPORT_BYTES = 64 * 1024 * 1024


class LabelOut(BaseModel):
    key: str
    item_id: int | None
    title: str
    text: str
    relevant: bool
    topics: list[str]
    level: str | None
    false_alarm: bool
    reason: str
    author: str
    updated_at: datetime
    split: str


class LabelPage(BaseModel):
    labels: list[LabelOut]
    next_cursor: str | None


class LabelStats(BaseModel):
    total: int
    relevant: dict[str, int]
    topics: dict[str, int]
    split: dict[str, int]
    authors: dict[str, int]
    false_alarms: int


class LineErrorOut(BaseModel):
    line: int
    message: str


class ImportOut(BaseModel):
    lines: int
    created: int
    updated: int
    unchanged: int
    kept: int
    errors: list[LineErrorOut]


@router.get("", response_model=LabelPage)
def list_labels(
    session: SessionDep,
    user: AnalystUser,
    relevant: bool | None = None,
    topic: Annotated[str | None, Query(max_length=32)] = None,
    split: Literal["train", "holdout"] | None = None,
    author: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[datetime | None, Query(description="updated at or after (ISO 8601)")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> LabelPage:
    """Labels matching the filters, latest judged first, ``limit`` at a time."""
    query = select(Label)
    if relevant is not None:
        query = query.where(Label.relevant == relevant)
    if topic:
        if topic not in TOPICS:
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                                f"未知主题 {topic!r}，可选：{'、'.join(TOPICS)}")
        # topics are known names, so the quoted name matches exactly in the JSON text
        query = query.where(cast(Label.topics, String).like(f'%"{topic}"%'))
    if split:
        query = query.where(Label.split == split)
    if author:
        query = query.where(Label.author == author)
    if since:
        if since.tzinfo is None:
            raise HTTPException(status.HTTP_400_BAD_REQUEST,
                                "since 必须带时区，例如 2026-11-26T08:00:00+08:00")
        query = query.where(Label.updated_at >= since)
    if (after := _decode(cursor)) is not None:
        at, key = after
        query = query.where(or_(Label.updated_at < at, and_(Label.updated_at == at,
                                                            Label.key < key)))
    rows = list(session.execute(query.order_by(Label.updated_at.desc(), Label.key.desc())
                                .limit(limit + 1)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    return LabelPage(labels=[LabelOut.model_validate(r, from_attributes=True) for r in rows],
                     next_cursor=_encode(rows[-1]) if more and rows else None)


@router.get("/export", response_class=StreamingResponse,
            responses={200: {"content": {"application/x-ndjson": {}}}})
def export(request: Request, user: AnalystUser) -> StreamingResponse:
    """Every label as JSON lines, the corpus format of `yuqing train --corpus`."""
    engine = request.app.state.engine

    def lines():
        # its own session: the response is streamed after the request's session is gone
        with Session(engine) as session:
            for record in export_labels(session):
                yield dump_line(record) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson", headers={
        "Content-Disposition": 'attachment; filename="labels.jsonl"'})


@router.get("/stats", response_model=LabelStats)
def stats(session: SessionDep, user: AnalystUser) -> LabelStats:
    """How many labels there are by relevance, topic, split and author."""
    return LabelStats(**label_stats(session))


@router.post("/import", response_model=ImportOut, openapi_extra={"requestBody": {
    "required": True, "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}},
    responses={422: {"description": "a line is bad; nothing was written"}})
async def import_(request: Request, session: SessionDep, user: AnalystUser,
                  clock: ClockDep) -> ImportOut:
    """JSON lines in (as exported); every line is checked first and nothing is written when
    one is bad (422 with the line numbers). Newer labels win; nothing is deleted."""
    body = await request.body()
    if len(body) > MAX_IMPORT_BYTES:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, "导入内容超过 64 MiB，请分批导入")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(status.HTTP_400_BAD_REQUEST,
                            "请求体必须是 UTF-8 编码的 JSON 行") from None
    return await run_in_threadpool(_import, session, text, user.name, clock.now())


def _import(session: Session, text: str, author: str, now: datetime) -> ImportOut:
    report = import_labels(session=session, lines=read_lines(text), author=author, now=now)
    errors = [LineErrorOut(line=e.line, message=e.message) for e in report.errors]
    if report.error_count:
        session.rollback()
        shown = "、".join(str(e.line) for e in report.errors[:10])
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, {
            "message": f"{report.error_count} 行有误（第 {shown} 行），未导入任何标注",
            "errors": [e.model_dump() for e in errors], "error_count": report.error_count})
    session.commit()
    return ImportOut(lines=report.lines, created=report.created, updated=report.updated,
                     unchanged=report.unchanged, kept=report.kept, errors=errors)


def _encode(label: Label) -> str:
    raw = json.dumps({"at": label.updated_at.isoformat(), "key": label.key},
                     separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str | None) -> tuple[datetime, str] | None:
    if not cursor:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        at, key = datetime.fromisoformat(value["at"]), value["key"]
        if at.tzinfo is None or not isinstance(key, str):
            raise TypeError
        return at, key
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "无效的分页游标") from None
