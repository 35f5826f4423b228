"""What analysts work with: marks on items and alerts, the labelled set, model versions and
their activations, editable monitoring schemes and lexicon terms, and background jobs.

Every change is a new row with its author; nothing an analyst did is overwritten.
"""

from datetime import datetime

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from service.models.types import JSONType, UTCDateTime


class Feedback(SQLModel, table=True):
    """One mark on an item (or on an alert, for its items); the latest per item wins."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_item", "item_id", "id"),
                      Index("ix_feedback_alert", "alert_id", "id"))

    id: int | None = Field(default=None, primary_key=True)
    item_id: int | None = Field(default=None, foreign_key="items.id")
    alert_id: int | None = Field(default=None, foreign_key="alerts.id")
    author: str = Field(sa_type=String(100))
    created_at: datetime = Field(sa_type=UTCDateTime)
    relevant: bool | None = None
    topic: str | None = Field(default=None, sa_type=String(32))
    level: str | None = Field(default=None, sa_type=String(8))
    false_alarm: bool = False
    reason: str = Field(default="", sa_type=Text)
    origin: str = Field(default="api", sa_type=String(16))  # api, import


class Label(SQLModel, table=True):
    """The labelled set: one row per item or imported example, with the text it was judged on.

    ``split`` puts a stable share of the labels aside (by a hash of the key) for measuring.
    """

    __tablename__ = "labels"
    __table_args__ = (Index("ix_labels_updated", "updated_at"),)

    key: str = Field(primary_key=True, sa_type=String(100))  # item:<id>, or the imported id
    item_id: int | None = Field(default=None, foreign_key="items.id", index=True)
    title: str = Field(default="", sa_type=Text)
    text: str = Field(default="", sa_type=Text)
    relevant: bool
    topics: list = Field(default_factory=list, sa_type=JSONType)
    level: str | None = Field(default=None, sa_type=String(8))
    false_alarm: bool = False
    reason: str = Field(default="", sa_type=Text)
    author: str = Field(sa_type=String(100))
    updated_at: datetime = Field(sa_type=UTCDateTime)
    split: str = Field(default="train", sa_type=String(8))  # train, holdout


class ModelVersion(SQLModel, table=True):
    """A trained classifier model stored under the data folder."""

    __tablename__ = "model_versions"

    version: str = Field(primary_key=True, sa_type=String(64))
    path: str = Field(sa_type=Text)
    status: str = Field(default="ready", sa_type=String(16))  # building, ready, failed
    author: str = Field(default="", sa_type=String(100))
    created_at: datetime = Field(sa_type=UTCDateTime)
    data_hash: str = Field(default="", sa_type=String(64))
    params: dict = Field(default_factory=dict, sa_type=JSONType)
    metrics: dict = Field(default_factory=dict, sa_type=JSONType)
    thresholds: dict = Field(default_factory=dict, sa_type=JSONType)
    note: str = Field(default="", sa_type=Text)


class ModelActivation(SQLModel, table=True):
    """The active model is the version of the newest row; rolling back is activating again."""

    __tablename__ = "model_activations"

    id: int | None = Field(default=None, primary_key=True)
    version: str = Field(foreign_key="model_versions.version", sa_type=String(64))
    previous: str | None = Field(default=None, sa_type=String(64))
    actor: str = Field(sa_type=String(100))
    at: datetime = Field(sa_type=UTCDateTime)
    override: bool = False
    reason: str = Field(default="", sa_type=Text)
    comparison: dict = Field(default_factory=dict, sa_type=JSONType)


class SchemeVersion(SQLModel, table=True):
    """Every saved state of a monitoring scheme; the newest per name is in force."""

    __tablename__ = "scheme_versions"
    __table_args__ = (UniqueConstraint("name", "version", name="uq_scheme_versions"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_type=String(64), index=True)
    version: int
    definition: dict = Field(default_factory=dict, sa_type=JSONType)
    enabled: bool = True
    deleted: bool = False
    author: str = Field(sa_type=String(100))
    at: datetime = Field(sa_type=UTCDateTime)
    comment: str = Field(default="", sa_type=Text)


class LexiconEdit(SQLModel, table=True):
    """A term added to or removed from one of the lexicons; replayed over the shipped files."""

    __tablename__ = "lexicon_edits"
    __table_args__ = (Index("ix_lexicon_edits_lexicon", "lexicon", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    lexicon: str = Field(sa_type=String(64))
    term: str = Field(sa_type=String(100))
    action: str = Field(sa_type=String(8))  # add, remove
    weight: float = 1.0
    author: str = Field(sa_type=String(100))
    at: datetime = Field(sa_type=UTCDateTime)
    comment: str = Field(default="", sa_type=Text)


class Job(SQLModel, table=True):
    """A background job (train, evaluate, compare, backtest), claimed by any instance."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status", "status", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_type=String(16))
    status: str = Field(default="queued", sa_type=String(16))  # queued, running, done, failed
    progress: float = 0.0
    message: str = Field(default="", sa_type=Text)
    params: dict = Field(default_factory=dict, sa_type=JSONType)
    result: dict = Field(default_factory=dict, sa_type=JSONType)
    error: str | None = Field(default=None, sa_type=Text)
    created_by: str = Field(sa_type=String(100))
    created_at: datetime = Field(sa_type=UTCDateTime)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    worker: str | None = Field(default=None, sa_type=String(100))
