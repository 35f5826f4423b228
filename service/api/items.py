"""GET /api/v1/items and /api/v1/items/{id}: stored items, newest first."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from pydantic import BaseModel
from sqlalchemy import or_
from sqlmodel import select

from service.api.deps import CurrentUser, SessionDep
from service.api.pagination import MAX_ID, decode_cursor, encode_cursor
from service.models import (
    AnalysisPublic,
    AnalysisState,
    Item,
    ItemAnalysis,
    ItemPublic,
    ItemSummary,
)

router = APIRouter(prefix="/api/v1/items", tags=["items"])


class ItemDetail(ItemPublic):
    analysis: AnalysisPublic | None = None


class ItemPage(BaseModel):
    items: list[ItemSummary]
    next_cursor: str | None


@router.get("", response_model=ItemPage)
def list_items(
    session: SessionDep,
    user: CurrentUser,
    q: Annotated[str | None, Query(max_length=200, description="text in title or content")] = None,
    source: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[datetime | None, Query(description="fetched at or after (ISO 8601)")] = None,
    analysis_state: AnalysisState | None = None,
    topic: Annotated[str | None, Query(max_length=32, description="analysed topic")] = None,
    relevant: Annotated[bool | None, Query(description="analysed as relevant or not")] = None,
    level: Annotated[str | None, Query(pattern="^(blue|yellow|orange|red)$")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ItemPage:
    """Items matching the filters, newest first, ``limit`` at a time."""
    query = select(Item)
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(or_(Item.title.like(pattern, escape="\\"),
                                Item.content.like(pattern, escape="\\")))
    if source:
        query = query.where(Item.source_id == source)
    if since:
        if since.tzinfo is None:
            raise HTTPException(status.HTTP_400_BAD_REQUEST,
                                "since 必须带时区，例如 2026-11-26T08:00:00+08:00")
        query = query.where(Item.fetched_at >= since)
    if analysis_state:
        query = query.where(Item.analysis_state == analysis_state)
    if topic is not None or relevant is not None or level is not None:
        query = query.join(ItemAnalysis, ItemAnalysis.item_id == Item.id)
        if topic:
            query = query.where(ItemAnalysis.topic == topic)
        if relevant is not None:
            query = query.where(ItemAnalysis.relevant == relevant)
        if level:
            query = query.where(ItemAnalysis.level == level)
    if (before := decode_cursor(cursor)) is not None:
        query = query.where(Item.id < before)
    rows = list(session.exec(query.order_by(Item.id.desc()).limit(limit + 1)).all())
    more = len(rows) > limit
    rows = rows[:limit]
    return ItemPage(
        items=[ItemSummary.model_validate(row, from_attributes=True) for row in rows],
        next_cursor=encode_cursor(rows[-1].id) if more and rows else None,
    )


@router.get("/{item_id}", response_model=ItemDetail)
def get_item(item_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep,
             user: CurrentUser) -> ItemDetail:
    """One item with its full text and, once analysed, its analysis."""
    item = session.get(Item, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"条目 {item_id} 不存在")
    analysis = session.get(ItemAnalysis, item_id)
    public = ItemPublic.model_validate(item, from_attributes=True)
    return ItemDetail(**dict(public), analysis=analysis.model_dump() if analysis else None)
