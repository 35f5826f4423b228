"""Stored items: one row per entry of a source, unique by (source, entry key)."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from service.models.types import UTCDateTime


class AnalysisState(StrEnum):
    pending = "pending"
    done = "done"
    failed = "failed"


class ItemBase(SQLModel):
    source_id: str = Field(foreign_key="sources.id", max_length=64)
    guid: str | None = Field(default=None, sa_type=Text)
    url: str | None = Field(default=None, sa_type=Text)
    canonical_url: str | None = Field(default=None, sa_type=Text)
    title: str = Field(default="", sa_type=Text)
    summary: str = Field(default="", sa_type=Text)
    content: str = Field(default="", sa_type=Text)
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    fetched_at: datetime = Field(sa_type=UTCDateTime)
    content_hash: str = Field(max_length=64)
    encoding: str | None = Field(default=None, max_length=32)


class ItemPublic(ItemBase):
    id: int
    analysis_state: AnalysisState


class ItemSummary(SQLModel):
    """An item in a list: everything but the full text."""

    id: int
    source_id: str
    url: str | None
    title: str
    summary: str
    published_at: datetime | None
    fetched_at: datetime
    analysis_state: AnalysisState


class Item(ItemBase, table=True):
    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("source_id", "entry_key", name="uq_items_source_entry"),
        Index("ix_items_analysis_state_id", "analysis_state", "id"),
        Index("ix_items_source_id_id", "source_id", "id"),
        Index("ix_items_published_at", "published_at"),
        Index("ix_items_fetched_at", "fetched_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    entry_key: str = Field(max_length=64)
    analysis_state: AnalysisState = Field(default=AnalysisState.pending, sa_type=String(16))
    analysis_attempts: int = 0
    analysis_error: str | None = Field(default=None, sa_type=Text)
