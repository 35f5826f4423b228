"""Marks on items and alerts, folded into the labels of the items they cover.

Every mark is a Feedback row that is never changed; the label of an item holds the latest mark.
"""

from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from sqlalchemy import exists, or_, select
from sqlmodel import Session

from service.alerts.timeline import record
from service.analysts.labels import aside_key, judged_text, split_of
from service.models import Alert, AlertItem, Feedback, Item, ItemAnalysis, Label
from service.notify.message import LEVEL_COLOURS, TOPIC_NAMES
from service.routing.config import LEVELS, TOPICS


class Mark(BaseModel):
    """A judgement of an item, or of an alert for all its items; what is left out is not judged."""

    model_config = ConfigDict(extra="forbid")

    relevant: bool | None = None
    topic: str | None = Field(None, description="the correct topic; implies relevant")
    level: str | None = Field(None, description="the correct level (blue, yellow, orange, red)")
    false_alarm: bool = Field(False, description="not worth an alert; not relevant unless said")
    reason: str = Field("", max_length=2000, description="required for a false alarm")

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, value: str | None) -> str | None:
        if value is not None and value not in TOPICS:
            raise ValueError(f"未知主题 {value!r}，可选：{'、'.join(TOPICS)}")
        return value

    @field_validator("level")
    @classmethod
    def _known_level(cls, value: str | None) -> str | None:
        if value is not None and value not in LEVELS:
            raise ValueError(f"未知级别 {value!r}，可选：{'、'.join(LEVELS)}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "Mark":
        self.reason = self.reason.strip()
        if self.relevant is None and self.topic is None and self.level is None \
                and not self.false_alarm:
            raise ValueError("至少标注一项：relevant、topic、level 或 false_alarm")
        if self.false_alarm and not self.reason:
            raise ValueError("标注误报（false_alarm）时必须填写理由 reason")
        if self.relevant is False and (self.topic or self.level):
            raise ValueError("标注为不相关时不能同时指定主题或级别")
        return self

    def relevance(self) -> bool:
        """Relevant as said, else implied by a topic or level; a bare false alarm is not."""
        if self.relevant is not None:
            return self.relevant
        return self.topic is not None or self.level is not None

    def describe(self) -> str:
        """The mark in the words of the alert timeline."""
        parts = [] if self.relevant is None else ["相关" if self.relevant else "不相关"]
        if self.topic:
            parts.append(f"主题：{TOPIC_NAMES.get(self.topic, self.topic)}")
        if self.level:
            parts.append(f"级别：{LEVEL_COLOURS.get(self.level, self.level)}")
        if self.false_alarm:
            parts.append("误报")
        text = "研判标注：" + "；".join(parts)
        return f"{text}（{self.reason}）" if self.reason else text


@dataclass
class Recorded:
    feedback: Feedback
    labels: list[Label]


def record_feedback(*, session: Session, mark: Mark, author: str, now: datetime,
                    item_id: int | None = None, alert_id: int | None = None) -> Recorded:
    """Store a mark on an item or an alert and fold it into the label of each item it covers
    (an alert's items, with a timeline entry on the alert); the caller commits."""
    if (item_id is None) == (alert_id is None):
        raise ValueError("a mark is on an item or on an alert")
    target = session.get(Item, item_id) if item_id is not None else session.get(Alert, alert_id)
    if target is None:
        raise LookupError(f"条目 {item_id} 不存在" if item_id else f"告警 {alert_id} 不存在")
    feedback = Feedback(item_id=item_id, alert_id=alert_id, author=author, created_at=now,
                        origin="api", **mark.model_dump())
    session.add(feedback)
    if item_id is not None:
        labels = [_fold(session, target, mark, author=author, now=now, shown=None)]
    else:
        items = session.execute(select(Item).join(AlertItem, AlertItem.item_id == Item.id)
                                .where(AlertItem.alert_id == alert_id)
                                .order_by(Item.id)).scalars().all()
        labels = [_fold(session, item, mark, author=author, now=now, shown=target.topic)
                  for item in items]
        session.flush()
        record(session, alert_id, "feedback", at=now, actor=author, message=mark.describe(),
               detail={"feedback_id": feedback.id, **mark.model_dump(),
                       "items": [item.id for item in items]})
    session.flush()
    return Recorded(feedback, labels)


def _fold(session: Session, item: Item, mark: Mark, *, author: str, now: datetime,
          shown: str | None) -> Label:
    """The item's label after the mark. A relevant item keeps its labelled topics, or else takes
    the topic the marker was shown (the alert's, or the classifier's)."""
    key = f"item:{item.id}"
    title, text = judged_text(item)
    label = session.get(Label, key, with_for_update=True)
    if label is None:
        label = Label(key=key, relevant=False, author=author, updated_at=now)
        session.add(label)
    elif label.item_id != item.id and (label.title, label.text) != (title, text):
        _set_aside(session, label)
        label.relevant = False  # what it said was about the other text
    relevant = mark.relevance()
    topics, level = [], None
    if relevant:
        kept = list(label.topics) if label.relevant else []
        if not (mark.topic or kept or shown):
            analysis = session.get(ItemAnalysis, item.id)
            shown = analysis.topic if analysis else None
        topics = [mark.topic] if mark.topic else kept or ([shown] if shown in TOPICS else [])
        level = mark.level or (label.level if label.relevant else None)
    label.item_id, label.title, label.text, label.split = item.id, title, text, split_of(key)
    label.relevant, label.topics, label.level = relevant, topics, level
    label.false_alarm, label.reason = mark.false_alarm, mark.reason
    label.author, label.updated_at = author, now
    return label


def _set_aside(session: Session, label: Label) -> None:
    """Keep an imported example under its own key when ``item:<id>`` names another text here.

    Item ids are per database: a restored or shared file's item:7 is not this item 7."""
    key = aside_key(label.key, label.title, label.text)
    if session.get(Label, key) is None:
        session.add(Label(**{**label.model_dump(), "key": key, "item_id": None,
                             "split": split_of(key)}))


def item_history(session: Session, item_id: int) -> list[Feedback]:
    """Marks on the item and on alerts it belonged to when marked, newest first."""
    via_alert = exists(select(AlertItem.alert_id).where(
        AlertItem.alert_id == Feedback.alert_id, AlertItem.item_id == item_id,
        AlertItem.added_at <= Feedback.created_at))
    return list(session.execute(select(Feedback).where(
        or_(Feedback.item_id == item_id, via_alert))
        .order_by(Feedback.id.desc())).scalars())


def alert_history(session: Session, alert_id: int) -> list[Feedback]:
    """Marks on the alert, newest first."""
    return list(session.execute(select(Feedback).where(Feedback.alert_id == alert_id)
                                .order_by(Feedback.id.desc())).scalars())
