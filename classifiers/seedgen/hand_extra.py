"""Handwritten items added where real news fooled the model (see the seed README): their modules,
and the irrelevant kinds that take the irrelevant ones."""

from classifiers.seedgen.hand_extra_aftermath import (
    AFTERMATH,
    DISCIPLINE,
    DOCUMENTARIES,
    INSURERS,
    LAND_CASES,
    MARKET_MEMORIES,
    MEMORIALS,
    OLD_QUAKE_SCIENCE,
    ON_THIS_DAY,
    POLICE_ROUTINE,
    PROPERTY_DISPUTES,
    QUAKE_SIGHTS,
    ROAD_LAW,
    WEATHER_PAST,
)
from classifiers.seedgen.hand_extra_events import FIRE, FIRE_WIRE, FLOOD, MASS, MASS_WIRE, RELIEF
from classifiers.seedgen.hand_extra_lookalikes import (
    CARNIVALS,
    CHAMPIONS,
    DISASTER_FILMS,
    DISASTER_GAMES,
    EV_AND_WATCHDOGS,
    EV_STOCKS,
    FIGURES_AT_WORK,
    FIGURES_OF_SPEECH,
    GOOD_DEEDS,
    HOME_HEALTH,
    HOME_MISHAPS,
    ILLNESS,
    PARADES,
    PRIVACY_AND_PATCHES,
    RECALLS,
    SCREEN_MISHAPS,
    SPORTS_SLIPS,
    STAGE_MISHAPS,
    STARS,
    STREET_EVENTS,
    WAR_AND_ATTACKS,
    WAR_BLASTS,
)
from classifiers.seedgen.hand_extra_safety import (
    SAFETY_PUBLIC,
    SAFETY_PUBLIC_ARTICLES,
    SAFETY_WATCH,
    SAFETY_WIRE,
)

__all__ = ["FIRE", "FIRE_WIRE", "FLOOD", "IRRELEVANT", "MASS", "MASS_WIRE", "RELIEF",
           "SAFETY_PUBLIC", "SAFETY_PUBLIC_ARTICLES", "SAFETY_WATCH", "SAFETY_WIRE"]

# Each irrelevant kind (as in `irrelevant_*.KINDS`) and the extra handwritten items it takes.
IRRELEVANT = {
    "products": RECALLS + HOME_MISHAPS,
    "stocks": EV_STOCKS + MARKET_MEMORIES,
    "business": EV_AND_WATCHDOGS + INSURERS,
    "scitech": PRIVACY_AND_PATCHES + OLD_QUAKE_SCIENCE,
    "crime": AFTERMATH + POLICE_ROUTINE,
    "terror": WAR_AND_ATTACKS + WAR_BLASTS,
    "politics": PARADES + MEMORIALS + DISCIPLINE,
    "sports": CHAMPIONS + SPORTS_SLIPS,
    "community": STREET_EVENTS + GOOD_DEEDS,
    "tourism": CARNIVALS + QUAKE_SIGHTS,
    "celebrity": STARS + STAGE_MISHAPS,
    "film": DISASTER_FILMS + DOCUMENTARIES + SCREEN_MISHAPS,
    "games": DISASTER_GAMES,
    "figurative": FIGURES_OF_SPEECH + FIGURES_AT_WORK,
    "health": ILLNESS + HOME_HEALTH,
    "education": ON_THIS_DAY,
    "weather": WEATHER_PAST,
    "transport": ROAD_LAW,
    "realestate": PROPERTY_DISPUTES,
    "farming": LAND_CASES,
}
