"""All tables; importing this package registers them on ``SQLModel.metadata``."""

from service.models.alerts import (
    Alert,
    AlertEvent,
    AlertItem,
    AlertKind,
    AlertPublic,
    AlertRecipient,
    AlertStatus,
    Silence,
)
from service.models.analysis import (
    AnalysisPublic,
    ItemAnalysis,
    Story,
    StoryPublic,
    TrendSeries,
)
from service.models.analysts import (
    Feedback,
    Job,
    Label,
    LexiconEdit,
    ModelActivation,
    ModelVersion,
    SchemeVersion,
)
from service.models.events import Event
from service.models.items import AnalysisState, Item, ItemPublic, ItemSummary
from service.models.outbox import AckToken, DeliveryAttempt, Notification, OutboxStatus
from service.models.sources import Source, SourcePublic
from service.models.users import ApiToken, Role, User

__all__ = [
    "AckToken",
    "Alert",
    "AlertEvent",
    "AlertItem",
    "AlertKind",
    "AlertPublic",
    "AlertRecipient",
    "AlertStatus",
    "DeliveryAttempt",
    "Notification",
    "OutboxStatus",
    "Silence",
    "AnalysisPublic",
    "ItemAnalysis",
    "Story",
    "StoryPublic",
    "TrendSeries",
    "AnalysisState",
    "ApiToken",
    "Event",
    "Feedback",
    "Job",
    "Label",
    "LexiconEdit",
    "ModelActivation",
    "ModelVersion",
    "SchemeVersion",
    "Item",
    "ItemPublic",
    "ItemSummary",
    "Role",
    "Source",
    "SourcePublic",
    "User",
]
