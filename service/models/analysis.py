"""What the classifiers concluded about an item, and the stories items are merged into."""

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text
from sqlmodel import Field, SQLModel

from service.models.types import JSONType, UTCDateTime


class StoryBase(SQLModel):
    title: str = Field(sa_type=Text)
    first_seen_at: datetime = Field(sa_type=UTCDateTime)
    last_seen_at: datetime = Field(sa_type=UTCDateTime)
    item_count: int = 1
    source_count: int = 1
    topic: str | None = Field(default=None, sa_type=String(32))
    level: str | None = Field(default=None, sa_type=String(8))


class StoryPublic(StoryBase):
    id: int
    sources: list[str] = []
    places: list[str] = []


class Story(StoryBase, table=True):
    """Items that report one event (near-duplicates merged)."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_last_seen_at", "last_seen_at"),)

    id: int | None = Field(default=None, primary_key=True)
    sources: list = Field(default_factory=list, sa_type=JSONType)
    places: list = Field(default_factory=list, sa_type=JSONType)
    exact_key: str = Field(sa_type=String(32), index=True)
    fingerprint: int | None = Field(default=None, sa_type=BigInteger)
    representative: str = Field(default="", sa_type=Text)


class AnalysisBase(SQLModel):
    model_version: str = Field(sa_type=String(64))
    relevant: bool
    relevance: float = 0.0
    topic: str | None = Field(default=None, sa_type=String(32))
    topics: list = Field(default_factory=list, sa_type=JSONType)
    level: str | None = Field(default=None, sa_type=String(8))
    grade: str | None = Field(default=None, sa_type=String(8))
    deaths: int = 0
    injured: int = 0
    missing: int = 0
    loss_yuan: float | None = None
    places: list = Field(default_factory=list, sa_type=JSONType)
    place: str | None = Field(default=None, sa_type=String(64))
    locality: str = Field(default="unknown", sa_type=String(16))
    sensitivity: float = 0.0
    negativity: float = 0.0
    explanation: dict = Field(default_factory=dict, sa_type=JSONType)
    analyzed_at: datetime = Field(sa_type=UTCDateTime)


class ItemAnalysis(AnalysisBase, table=True):
    """One row per analysed item; the indexed columns serve the alert and item filters."""

    __tablename__ = "analyses"
    __table_args__ = (
        Index("ix_analyses_relevant_level", "relevant", "level"),
        Index("ix_analyses_topic", "topic"),
        Index("ix_analyses_grade", "grade"),
        Index("ix_analyses_place", "place"),
        Index("ix_analyses_story_id", "story_id"),
        Index("ix_analyses_alert_pending", "alert_pending"),
    )

    item_id: int = Field(primary_key=True, foreign_key="items.id")
    story_id: int | None = Field(default=None, foreign_key="stories.id")
    # waiting for the alert step (relevant items with a level); cleared in its transaction
    alert_pending: bool = False


class AnalysisPublic(AnalysisBase):
    item_id: int
    story_id: int | None


class TrendSeries(SQLModel, table=True):
    """The EWMA state of one counted series (a story, or a topic in a place)."""

    __tablename__ = "trend_series"

    key: str = Field(primary_key=True, sa_type=String(200))
    mean: float = 0.0
    var: float = 0.0
    hours: int = 0
    last_hour: datetime | None = Field(default=None, sa_type=UTCDateTime)
    cooldown_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
