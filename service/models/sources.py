"""The sources table: configuration copied from sources.yaml plus the collector's state."""

from datetime import datetime

from sqlalchemy import Text
from sqlmodel import Field, SQLModel

from service.models.types import JSONType, UTCDateTime


class SourceBase(SQLModel):
    id: str = Field(primary_key=True, max_length=64)
    name: str = Field(max_length=200)
    kind: str = Field(max_length=16)
    url: str = Field(sa_type=Text)
    enabled: bool = True
    tier: str = Field(max_length=32)
    region: str | None = Field(default=None, max_length=64)


class SourceHealth(SQLModel):
    """The collector's view of a source, as duty officers see it."""

    next_check_at: datetime | None = Field(default=None, sa_type=UTCDateTime, index=True)
    interval_seconds: float = 0
    consecutive_failures: int = 0
    is_down: bool = False
    down_since: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_fetch_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_success_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_status: int | None = None
    last_error_class: str | None = Field(default=None, max_length=64)
    last_error_message: str | None = Field(default=None, sa_type=Text)
    last_error_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    detected_encoding: str | None = Field(default=None, max_length=32)
    items_seen: int = 0


class SourcePublic(SourceBase, SourceHealth):
    tags: list[str] = []


class Source(SourceBase, SourceHealth, table=True):
    __tablename__ = "sources"

    tags: list = Field(default_factory=list, sa_type=JSONType)
    config: dict = Field(default_factory=dict, sa_type=JSONType)
    config_hash: str = Field(default="", max_length=64)
    etag: str | None = Field(default=None, sa_type=Text)
    last_modified: str | None = Field(default=None, sa_type=Text)
    last_full_fetch_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
