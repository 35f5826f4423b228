"""The notification outbox and the delivery ledger.

An outbox row is written in the same transaction as the alert change that causes it. It is
unique per (alert, step, channel, recipient), so a step can never send twice to the same
place; every send attempt is recorded in ``delivery_attempts``.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from service.models.types import JSONType, UTCDateTime


class OutboxStatus(StrEnum):
    pending = "pending"
    sending = "sending"  # claimed by a relay; back to pending when its lease runs out
    sent = "sent"
    digested = "digested"  # carried by another row's digest message
    dead = "dead"  # given up; `yuqing outbox redrive` sends it again
    skipped = "skipped"  # its channel is disabled in routing.yaml


class Notification(SQLModel, table=True):
    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("alert_id", "step", "channel", "recipient", name="uq_outbox_delivery"),
        Index("ix_outbox_due", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alerts.id", index=True)
    step: str = Field(sa_type=String(24))  # s0, s1 ... chain steps; u1 upgrade; r1 reminder ...
    kind: str = Field(sa_type=String(16))
    channel: str = Field(sa_type=String(64))
    channel_type: str = Field(sa_type=String(16))
    recipient: str = Field(sa_type=String(200))  # the robot, or the e-mail address
    persons: list = Field(default_factory=list, sa_type=JSONType)
    to: list = Field(default_factory=list, sa_type=JSONType)  # mentions or addresses
    message: dict = Field(default_factory=dict, sa_type=JSONType)  # the AlertMessage, frozen
    status: str = Field(default=OutboxStatus.pending, sa_type=String(16))
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_code: str | None = Field(default=None, sa_type=String(32))
    last_error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    digest_of: int | None = None  # the row whose digest carried this one
    fallback_of: int | None = None  # the dead row this one replaces on another channel


class DeliveryAttempt(SQLModel, table=True):
    __tablename__ = "delivery_attempts"
    __table_args__ = (Index("ix_delivery_attempts_channel_at", "channel", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    notification_id: int = Field(foreign_key="outbox.id", index=True)
    channel: str = Field(sa_type=String(64))
    at: datetime = Field(sa_type=UTCDateTime)
    ok: bool
    code: str | None = Field(default=None, sa_type=String(32))
    detail: str = Field(default="", sa_type=Text)
    messages: int = 1  # more than one for a digest
    duration_ms: int = 0


class AckToken(SQLModel, table=True):
    """A single-use acknowledgement link; the signed token carries its ``id``."""

    __tablename__ = "ack_tokens"

    id: str = Field(primary_key=True, sa_type=String(32))
    alert_id: int = Field(foreign_key="alerts.id", index=True)
    persons: list = Field(default_factory=list, sa_type=JSONType)
    created_at: datetime = Field(sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    used_from: str | None = Field(default=None, sa_type=String(64))
