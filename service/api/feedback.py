"""Marks on items and alerts (relevant, topic, level, false alarm) and their history."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, status
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError

from service.analysts.feedback import Mark, alert_history, item_history, record_feedback
from service.api.alerts import visible
from service.api.deps import ClockDep, MarkingUser, SessionDep
from service.api.labels import LabelOut
from service.api.pagination import MAX_ID
from service.api.scope import ScopeDep
from service.models import Item

router = APIRouter(tags=["feedback"])
ItemId = Annotated[int, Path(ge=1, le=MAX_ID)]
AlertId = Annotated[int, Path(ge=1, le=MAX_ID)]


class FeedbackOut(BaseModel):
    id: int
    item_id: int | None
    alert_id: int | None
    author: str
    created_at: datetime
    relevant: bool | None
    topic: str | None
    level: str | None
    false_alarm: bool
    reason: str
    origin: str


class Marked(BaseModel):
    feedback: FeedbackOut
    labels: list[LabelOut]


@router.post("/api/v1/items/{item_id}/feedback", response_model=Marked,
             status_code=status.HTTP_201_CREATED, tags=["items"])
def mark_item(item_id: ItemId, mark: Mark, session: SessionDep, user: MarkingUser,
              clock: ClockDep) -> Marked:
    """Mark an item: relevant or not, the correct topic or level, a false alarm with a reason.
    The item's label takes the mark; earlier marks stay in the history."""
    _item(session, item_id)
    return _record(session, mark, user.name, clock.now(), item_id=item_id)


@router.post("/api/v1/alerts/{alert_id}/feedback", response_model=Marked,
             status_code=status.HTTP_201_CREATED, tags=["alerts"])
def mark_alert(alert_id: AlertId, mark: Mark, session: SessionDep, scope: ScopeDep,
               user: MarkingUser, clock: ClockDep) -> Marked:
    """Mark an alert: recorded once and applied to the label of each of its items (a false
    alarm makes them not relevant unless the mark says otherwise); noted on its timeline."""
    visible(session, scope, alert_id)
    return _record(session, mark, user.name, clock.now(), alert_id=alert_id)


@router.get("/api/v1/items/{item_id}/feedback", response_model=list[FeedbackOut],
            tags=["items"])
def item_feedback(item_id: ItemId, session: SessionDep, user: MarkingUser) -> list[FeedbackOut]:
    """The marks on the item and on the alerts it was part of, newest first."""
    _item(session, item_id)
    return [FeedbackOut.model_validate(f, from_attributes=True)
            for f in item_history(session, item_id)]


@router.get("/api/v1/alerts/{alert_id}/feedback", response_model=list[FeedbackOut],
            tags=["alerts"])
def alert_feedback(alert_id: AlertId, session: SessionDep, scope: ScopeDep,
                   user: MarkingUser) -> list[FeedbackOut]:
    """The marks on the alert, newest first."""
    visible(session, scope, alert_id)
    return [FeedbackOut.model_validate(f, from_attributes=True)
            for f in alert_history(session, alert_id)]


def _item(session, item_id: int) -> None:
    if session.get(Item, item_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"条目 {item_id} 不存在")


def _record(session, mark: Mark, author: str, now: datetime, **target) -> Marked:
    for attempt in (1, 2):
        try:
            recorded = record_feedback(session=session, mark=mark, author=author, now=now,
                                       **target)
            session.commit()
            break
        except IntegrityError:
            # another mark created the same item's label first; the second try updates it
            session.rollback()
            if attempt == 2:
                raise HTTPException(status.HTTP_409_CONFLICT, "标注冲突，请重试") from None
    return Marked(feedback=FeedbackOut.model_validate(recorded.feedback, from_attributes=True),
                  labels=[LabelOut.model_validate(label, from_attributes=True)
                          for label in recorded.labels])
