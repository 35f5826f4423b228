"""The third round of handwritten items (``hand_more_*``), written blind to the evaluation data
for the kinds of news that fooled the model: transport and public-place accidents told in many
voices, natural disasters abroad, strikes and rallies, attacks beside accidental blasts, oversight
that is not about safety, figures of speech and retrospectives, and bare short headlines.

A fourth round (``hand_more_society_*``, ``hand_more_business_*``) adds the society-page voice —
colloquial human-angle headlines of crashes, work injuries, drownings, wage protests and home
fires, against crimes, illness, home accidents and disputes told the same way — and business,
auto, sports and entertainment news that carries a real fire, blast or strike, against recalls,
market moves and figures of speech.

A fifth round (``hand_more_world_unrest*``, ``hand_more_portal_headlines*``) adds protests,
strikes and riots worldwide told as world, market, sports and police news (against elections,
state parades, wage deals and figurative strikes), and terse portal headlines of accidents in
plain words (against crimes, suicides, illness and home mishaps told the same way). Its modules
name their irrelevant lists' kinds themselves (``KINDS``).

The sixth to eighth rounds (eighteen themes, each a relevant module and a ``_b`` module of
look-alikes that names its kinds in ``KINDS``) tell events in indirect voices: unrest through
commentary, police, courts, companies and markets; fires as auto and industry news; accidents
through accountability, rescues, named victims, self-media and portal channel headlines;
public-place, work and peacetime military accidents; hazardous-chemical enforcement; safety
oversight and dangerous buildings; disaster response; and current events that recall the past.

Each module's upper-case lists hold items of one label set. Relevant items go to the block of
their main topic; irrelevant lists go to the irrelevant kind named below. Both blocks grow by
what they receive, so the templated items keep their share.
"""

from collections import defaultdict

from classifiers.seedgen import (
    hand_more_accountability,
    hand_more_accountability_b,
    hand_more_blasts,
    hand_more_business_incidents,
    hand_more_business_incidents_b,
    hand_more_channel_life,
    hand_more_channel_life_b,
    hand_more_channel_money,
    hand_more_channel_money_b,
    hand_more_crime_or_accident,
    hand_more_crime_or_accident_b,
    hand_more_disaster_angles,
    hand_more_disaster_angles_b,
    hand_more_ev_digest,
    hand_more_ev_digest_b,
    hand_more_everyday_harm,
    hand_more_everyday_harm_b,
    hand_more_figures,
    hand_more_followups,
    hand_more_hazmat_enforcement,
    hand_more_hazmat_enforcement_b,
    hand_more_home,
    hand_more_leisure,
    hand_more_military,
    hand_more_military_mishaps,
    hand_more_military_mishaps_b,
    hand_more_named_victims,
    hand_more_named_victims_b,
    hand_more_nature,
    hand_more_nature_lookalikes,
    hand_more_outdoors,
    hand_more_outdoors_lookalikes,
    hand_more_oversight,
    hand_more_portal_headlines,
    hand_more_portal_headlines_b,
    hand_more_public_mishaps,
    hand_more_public_mishaps_b,
    hand_more_rescues,
    hand_more_rescues_b,
    hand_more_retro_charity,
    hand_more_retro_charity_b,
    hand_more_safety_oversight,
    hand_more_safety_oversight_b,
    hand_more_selfmedia,
    hand_more_selfmedia_b,
    hand_more_short,
    hand_more_society_lookalikes,
    hand_more_society_lookalikes_b,
    hand_more_society_roads,
    hand_more_society_roads_b,
    hand_more_society_unrest,
    hand_more_society_unrest_b,
    hand_more_supervision,
    hand_more_transport,
    hand_more_transport_lookalikes,
    hand_more_unrest,
    hand_more_unrest_law,
    hand_more_unrest_law_b,
    hand_more_unrest_lookalikes,
    hand_more_unrest_voices,
    hand_more_unrest_voices_b,
    hand_more_vehicle_fires,
    hand_more_vehicle_fires_b,
    hand_more_violence,
    hand_more_world_unrest,
    hand_more_world_unrest_b,
)
from classifiers.seedgen.core import Handwritten

MODULES = (hand_more_transport, hand_more_transport_lookalikes, hand_more_outdoors,
           hand_more_outdoors_lookalikes, hand_more_nature, hand_more_nature_lookalikes,
           hand_more_unrest, hand_more_unrest_lookalikes, hand_more_violence, hand_more_blasts,
           hand_more_oversight, hand_more_figures, hand_more_short, hand_more_home,
           hand_more_leisure, hand_more_supervision, hand_more_followups, hand_more_military,
           hand_more_society_roads, hand_more_society_roads_b, hand_more_society_unrest,
           hand_more_society_unrest_b, hand_more_society_lookalikes, hand_more_society_lookalikes_b,
           hand_more_business_incidents, hand_more_business_incidents_b,
           hand_more_world_unrest, hand_more_world_unrest_b, hand_more_portal_headlines,
           hand_more_portal_headlines_b,
           hand_more_unrest_voices, hand_more_unrest_voices_b, hand_more_vehicle_fires,
           hand_more_vehicle_fires_b, hand_more_accountability, hand_more_accountability_b,
           hand_more_public_mishaps, hand_more_public_mishaps_b, hand_more_selfmedia,
           hand_more_selfmedia_b, hand_more_disaster_angles, hand_more_disaster_angles_b,
           hand_more_rescues, hand_more_rescues_b, hand_more_military_mishaps,
           hand_more_military_mishaps_b, hand_more_unrest_law, hand_more_unrest_law_b,
           hand_more_everyday_harm, hand_more_everyday_harm_b, hand_more_ev_digest,
           hand_more_ev_digest_b, hand_more_named_victims, hand_more_named_victims_b,
           hand_more_hazmat_enforcement, hand_more_hazmat_enforcement_b,
           hand_more_safety_oversight, hand_more_safety_oversight_b, hand_more_channel_money,
           hand_more_channel_money_b, hand_more_channel_life, hand_more_channel_life_b,
           hand_more_retro_charity, hand_more_retro_charity_b, hand_more_crime_or_accident,
           hand_more_crime_or_accident_b)

# The irrelevant kind (as in `irrelevant_*.KINDS`) of each irrelevant list, by list name.
KIND_OF = {
    # transport
    "NONE_TRAFFIC_FINES": "transport", "NONE_INSURANCE": "business",
    "NONE_OLD_CRASH_TRIALS": "crime", "NONE_STAGED_SCENES": "crime",
    "NONE_POLICE_HELP": "community", "NONE_CARS_TESTS_CHECKPOINTS": "transport",
    # outdoors
    "HOME_MISHAPS_NONE": "products", "MISSING_NONE": "community",
    "SUICIDE_SPORTS_NONE": "health", "LEISURE_NONE": "tourism",
    # nature
    "PLEASANT_WEATHER": "weather", "QUAKE_LAKE_TOURISM": "tourism", "DISASTER_SCREEN": "film",
    "STARS_RECALLING": "celebrity", "ANCIENT_QUAKE_RESEARCH": "scitech",
    # unrest
    "PARADES_NONE": "politics", "DIPLOMATIC_NONE": "politics", "RESIGNATIONS_NONE": "politics",
    "BOARDROOM_NONE": "business", "LATER_TRIALS_NONE": "crime",
    "EMPLOYER_DENIALS_NONE": "business", "FANS_NONE": "celebrity",
    # violence
    "ATTACK_BLASTS": "terror", "CAR_AND_ROADSIDE": "terror", "SUICIDE_AND_GRENADE": "terror",
    "LANDMINES": "terror", "DRONES_AND_ROCKETS": "terror", "SOLDIERS_AND_WAR": "terror",
    "AIRCRAFT_IN_COMBAT": "terror", "PIRATES_AND_HOSTAGES": "terror",
    "SHOOTINGS_AND_STABBINGS": "crime", "MURDER_AND_ARSON_CRIMES": "crime",
    # oversight
    "SUMMONS_TELECOM": "business", "SUMMONS_ENVIRONMENT": "politics",
    "SUMMONS_CLEAN_GOVERNMENT": "politics", "SUMMONS_MARKET": "business",
    "REPORTS_FOOD_AND_TELECOM": "business", "REPORTS_ONLINE": "community",
    "CONSUMER_COMPLAINTS": "products", "RUMOURS": "community", "OFFICIALS_REMOVED": "politics",
    "DISCIPLINE_CASES": "politics", "POLICE_PASSING": "crime", "INSURANCE_LAWSUITS": "business",
    "TENANTS": "realestate",
    # figures
    "SCREEN_AND_STAGE_SLIPS": "film", "DRESSING_ROOMS": "sports",
    "MARKET_QUAKES": "stocks",  # (also a list of hand_more_nature_lookalikes)
    "GAME_LEAKS": "games", "GADGET_LAUNCHES": "scitech", "MOTOR_SHOWS": "products",
    "HIT_SONGS": "celebrity", "OLD_DISASTERS": "education",  # (also of hand_more_nature_lookalikes)
    "MEMORIAL_HALLS": "education",
    "QUAKE_TOURISM": "tourism", "TEARS_IN_SPORT": "sports", "CORRUPTION": "politics",
    "HERO_ESSAYS": "figurative",
    # short
    "SHORT_SPORTS": "sports", "SHORT_MARKETS": "stocks", "SHORT_SHOWBIZ": "celebrity",
    "SHORT_TECH": "scitech", "SHORT_POLITICS": "politics", "SHORT_CRIME": "crime",
    "SHORT_WAR": "terror", "SHORT_DIPLOMACY": "politics", "SHORT_ANNIVERSARIES": "education",
    # home (MISSING_NONE is also a list of hand_more_outdoors_lookalikes)
    "HOME_FALLS_NONE": "community", "HOME_WATER_POWER_NONE": "community",
    "FAMILY_CAR_NEIGHBOUR_NONE": "community", "CRIME_DEATH_NONE": "crime",
    "ILLNESS_NONE": "health", "ORGAN_DONATION_NONE": "health", "PARENT_TIPS_NONE": "education",
    # leisure
    "ARRIVALS": "products", "STORMS": "business", "SEASIDE_FUN": "tourism",
    "HIKING_CLUBS": "community", "CROWDS_AND_GATHERINGS": "community",
    "NAMES_AND_SHAKEUPS": "business", "FANS_AND_CONFLICTS": "celebrity",
    "HEAT_AND_HYPE": "products", "SMALL_RESCUES": "community",
    "STATIONS_AND_SANDCASTLES": "tourism",
    # supervision
    "SUMMONS_NON_SAFETY": "business", "INSPECTIONS_NON_SAFETY": "politics",
    "CRITICISM_NON_SAFETY": "politics",
    # followups
    "LONG_AGO": "education", "OLD_FAMILY_LOSSES": "celebrity", "OLD_DISASTER_WORKS": "film",
    "REFLECTIONS": "figurative", "HISTORICAL_RESEARCH": "scitech", "OLD_MEMORIALS": "education",
    # military
    "COMBAT_LOSSES": "terror", "STRIKES_AND_ENEMY_FIRE": "terror",
    "TESTS_AND_EXERCISES": "politics", "PARADES_AND_AIRSHOWS": "politics",
    "ARMS_AND_BUDGETS": "politics", "GENERALS_AND_BORDERS": "politics",
    "VETERANS_AND_MEMORY": "politics",
    # society: roads
    "ROAD_RAGE_NONE": "crime", "STAGED_CRASH_NONE": "crime", "VEHICLE_CRIME_NONE": "crime",
    "DRINK_DRIVING_AND_FINES_NONE": "transport", "COURTS_AND_CLAIMS_NONE": "crime",
    "KIND_DRIVERS_AND_ODD_CARS_NONE": "community", "HOME_ACCIDENTS_AND_SUICIDE_NONE": "community",
    # society: unrest, fire and flood
    "SOLO_COMPLAINTS_NONE": "community", "QUARRELS_NONE": "community", "CROWDS_NONE": "community",
    "CRIME_COURT_NONE": "crime", "FIRE_LOOKALIKE_NONE": "figurative",
    "RAIN_LOOKALIKE_NONE": "weather",
    # society: look-alikes
    "FAMILY_CRIME_NONE": "crime", "SUICIDE_ILLNESS_NONE": "health", "MEDICAL_FOOD_NONE": "health",
    "MISSING_ANIMALS_NONE": "community", "SCAMS_MORALS_NONE": "community",
    "HOME_ACCIDENTS_NONE": "community",
    # business (BOARDROOM_NONE, "business", is also a list of hand_more_business_incidents_b)
    "RECALLS_NONE": "products", "AUTO_TESTS_NONE": "products", "MARKETS_NONE": "stocks",
    "SPORTS_NONE": "sports", "SHOWBIZ_NONE": "celebrity",
}


def _lists() -> list[tuple[str, list[Handwritten], dict[str, str]]]:
    """Each list of handwritten items with the irrelevant kinds its module names itself (a
    module's ``KINDS``; the older modules' kinds are in ``KIND_OF``)."""
    return [(name, items, getattr(module, "KINDS", {}))
            for module in MODULES for name, items in vars(module).items()
            if name.isupper() and isinstance(items, list) and items
            and isinstance(items[0], Handwritten)]


def by_block() -> tuple[dict[str, list[Handwritten]], dict[str, list[Handwritten]]]:
    """The items by main topic (relevant) and by irrelevant kind, in module and list order."""
    relevant, irrelevant = defaultdict(list), defaultdict(list)
    for name, items, kinds in _lists():
        labels = {item.topics for item in items}
        if len(labels) != 1:
            raise ValueError(f"hand_more list {name} mixes label sets: {sorted(labels)}")
        topics = items[0].topics
        kind = kinds.get(name) or KIND_OF.get(name)
        if topics:
            relevant[topics[0]] += items
        elif kind:
            irrelevant[kind] += items
        else:
            raise ValueError(f"hand_more list {name} is irrelevant but has no kind (KINDS, KIND_OF)")
    return dict(relevant), dict(irrelevant)
