"""Routing of alerts: routing.yaml, heightened periods, and the routing decision."""

from service.routing.calendar import ActivePeriod, HeightenedCalendar
from service.routing.config import LEVELS, Matcher, RoutingConfig, load_routing
from service.routing.decide import (
    AlertFacts,
    Deadline,
    Decision,
    Destination,
    Recipient,
    StepPlan,
    decide,
    destinations_of,
    level_index,
    matches,
    raise_level,
)

__all__ = [
    "LEVELS", "ActivePeriod", "AlertFacts", "Deadline", "Decision", "Destination",
    "HeightenedCalendar", "Matcher", "Recipient", "RoutingConfig", "StepPlan", "decide",
    "destinations_of", "level_index", "load_routing", "matches", "raise_level",
]
