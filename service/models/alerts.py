"""Alerts, their items, recipients and append-only timeline, and silences.

Timers are columns: ``next_due_at`` (the next escalation step, or the end of a silence),
``reminder_due_at`` (续报 reminders while acknowledged) and ``deadline_due_at`` (the earliest
statutory deadline not yet met or breached). A scheduler tick in any instance processes them.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, String, Text
from sqlmodel import Field, SQLModel

from service.models.types import JSONType, UTCDateTime


class AlertStatus(StrEnum):
    open = "open"  # 待签收
    acknowledged = "acknowledged"  # 已签收
    in_progress = "in_progress"  # 处置中
    resolved = "resolved"  # 已办结


class AlertKind(StrEnum):
    story = "story"
    source_down = "source_down"


class AlertBase(SQLModel):
    number: str = Field(default="", sa_type=String(24))
    kind: str = Field(default=AlertKind.story, sa_type=String(16))
    status: str = Field(default=AlertStatus.open, sa_type=String(16))
    title: str = Field(sa_type=Text)
    summary: str = Field(default="", sa_type=Text)
    level: str | None = Field(default=None, sa_type=String(8))
    base_level: str | None = Field(default=None, sa_type=String(8))
    topic: str | None = Field(default=None, sa_type=String(32))
    topics: list = Field(default_factory=list, sa_type=JSONType)
    division: str | None = Field(default=None, sa_type=String(64))
    place: str | None = Field(default=None, sa_type=String(64))
    locality: str = Field(default="unknown", sa_type=String(16))
    deaths: int = 0
    injured: int = 0
    missing: int = 0
    item_count: int = 0
    story_id: int | None = Field(default=None, foreign_key="stories.id")
    source_id: str | None = Field(default=None, foreign_key="sources.id", max_length=64)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    acknowledged_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    acknowledged_by: str | None = Field(default=None, sa_type=String(100))
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    resolved_by: str | None = Field(default=None, sa_type=String(100))
    assignee: str | None = Field(default=None, sa_type=String(100))
    config_version: str = Field(default="", sa_type=String(16))
    silenced_by: str | None = Field(default=None, sa_type=String(100))
    inhibited_by: int | None = None
    step: int = 0  # the next step of the frozen chain to fire
    next_due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reminder_due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    deadline_due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    deadlines: list = Field(default_factory=list, sa_type=JSONType)
    raises: list = Field(default_factory=list, sa_type=JSONType)  # e.g. "trending", "pile_up"


class Alert(AlertBase, table=True):
    """One alert per story (or per down source); ``decision`` is the frozen routing snapshot."""

    __tablename__ = "alerts"
    __table_args__ = (
        Index("ix_alerts_story_id", "story_id", unique=True),
        Index("ix_alerts_created", "created_at", "id"),
        Index("ix_alerts_status_level", "status", "level"),
        Index("ix_alerts_topic", "topic"),
        Index("ix_alerts_division", "division"),
        Index("ix_alerts_next_due_at", "next_due_at"),
        Index("ix_alerts_reminder_due_at", "reminder_due_at"),
        Index("ix_alerts_deadline_due_at", "deadline_due_at"),
        Index("ix_alerts_source_id", "source_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    decision: dict = Field(default_factory=dict, sa_type=JSONType)
    fence: int = 0  # bumped by every timer change; a step fires only with the fence it read


class AlertPublic(AlertBase):
    id: int


class AlertItem(SQLModel, table=True):
    __tablename__ = "alert_items"

    alert_id: int = Field(foreign_key="alerts.id", primary_key=True)
    item_id: int = Field(foreign_key="items.id", primary_key=True, index=True)
    added_at: datetime = Field(sa_type=UTCDateTime)


class AlertRecipient(SQLModel, table=True):
    """Who an alert was routed to: the scope of what a leader or division user may see."""

    __tablename__ = "alert_recipients"
    __table_args__ = (Index("ix_alert_recipients_person", "person", "alert_id"),)

    alert_id: int = Field(foreign_key="alerts.id", primary_key=True)
    person: str = Field(primary_key=True, sa_type=String(64))
    first_step: int = 0
    added_at: datetime = Field(sa_type=UTCDateTime)


class AlertEvent(SQLModel, table=True):
    """The append-only timeline of an alert; also the feed of the SSE stream (by id)."""

    __tablename__ = "alert_events"
    __table_args__ = (Index("ix_alert_events_alert", "alert_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alerts.id")
    at: datetime = Field(sa_type=UTCDateTime)
    kind: str = Field(sa_type=String(32))
    actor: str = Field(default="system", sa_type=String(100))
    message: str = Field(default="", sa_type=Text)
    detail: dict = Field(default_factory=dict, sa_type=JSONType)


class Silence(SQLModel, table=True):
    """Mutes new alerts that match, from ``starts_at`` until ``ends_at``; kept after expiry."""

    __tablename__ = "silences"
    __table_args__ = (Index("ix_silences_ends_at", "ends_at"),)

    id: int | None = Field(default=None, primary_key=True)
    matchers: dict = Field(default_factory=dict, sa_type=JSONType)
    starts_at: datetime = Field(sa_type=UTCDateTime)
    ends_at: datetime = Field(sa_type=UTCDateTime)
    created_by: str = Field(sa_type=String(100))
    comment: str = Field(sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime)
