"""Operational events for the duty officer (a source went down or came back, ...).

The alerting step consumes rows whose ``consumed_at`` is empty.
"""

from datetime import datetime

from sqlalchemy import Index, Text
from sqlmodel import Field, SQLModel

from service.models.types import JSONType, UTCDateTime


class Event(SQLModel, table=True):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_unconsumed", "consumed_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    source_id: str | None = Field(default=None, foreign_key="sources.id", max_length=64)
    message: str = Field(sa_type=Text)
    detail: dict = Field(default_factory=dict, sa_type=JSONType)
    created_at: datetime = Field(sa_type=UTCDateTime)
    consumed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
