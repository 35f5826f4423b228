"""All tables; importing this package registers them on ``SQLModel.metadata``."""

from service.models.analysis import (
    AnalysisPublic,
    ItemAnalysis,
    Story,
    StoryPublic,
    TrendSeries,
)
from service.models.events import Event
from service.models.items import AnalysisState, Item, ItemPublic, ItemSummary
from service.models.sources import Source, SourcePublic
from service.models.users import ApiToken, Role, User

__all__ = [
    "AnalysisPublic",
    "ItemAnalysis",
    "Story",
    "StoryPublic",
    "TrendSeries",
    "AnalysisState",
    "ApiToken",
    "Event",
    "Item",
    "ItemPublic",
    "ItemSummary",
    "Role",
    "Source",
    "SourcePublic",
    "User",
]
