"""The decision rules, in one readable place: topic overlaps, relevance, level.

Every rule that fires is named in ``explanation.rules`` so a duty officer can see why.
Levels follow China's four-level scale: 一般 blue, 较大 yellow, 重大 orange, 特别重大 red.
"""

from classifiers.places import Locality

LEVELS = ("blue", "yellow", "orange", "red")
GRADE_LEVEL = {"一般": "blue", "较大": "yellow", "重大": "orange", "特别重大": "red"}
SENSITIVE_TOPICS = ("mass_incident", "ideological_security")
WARNING_LEVEL = {"红色预警": "orange", "橙色预警": "yellow", "黄色预警": "blue", "蓝色预警": "blue"}


RELIEF_TERMS = frozenset({"救灾物资", "物资", "安置点", "转移安置"})


def settle_topics(scores: dict[str, float], present: set[str], rules: list[str]) -> dict:
    """Adjust topic scores where topics overlap by the bureau's conventions (the scores given are
    left as they are: a rule that fires changes a copy)."""
    chemical = scores.get("hazardous_chemicals", 0)
    if chemical >= 0.5 and scores.get("fire", 0) >= 0.5:
        # a chemical leak that burns belongs to the hazardous-chemicals division first
        scores = dict(scores)
        scores["hazardous_chemicals"] = max(chemical, scores["fire"] + 0.01)
        rules.append("overlap:hazardous_chemicals>fire")
    if scores.get("flood_drought", 0) >= 0.5 and not RELIEF_TERMS.isdisjoint(present):
        scores = dict(scores)
        scores["relief_supplies"] = max(scores.get("relief_supplies", 0), 0.5)
        rules.append("overlap:flood_drought+relief_supplies")
    return scores


def shift(level: str | None, steps: int) -> str | None:
    """A level moved up (positive) or down (negative); below blue is None."""
    if level is None:
        return LEVELS[0] if steps > 0 else None
    index = LEVELS.index(level) + steps
    if index < 0:
        return None
    return LEVELS[min(index, len(LEVELS) - 1)]


def decide_level(*, relevant: bool, topics: list[str], grade: str | None, locality: Locality,
                 sensitivity: float, present: set[str], rules: list[str],
                 tier: str | None = None) -> str | None:
    """blue/yellow/orange/red, or None when the item is not worth an alert."""
    if not relevant:
        return None
    level = GRADE_LEVEL.get(grade) if grade else None
    if level:
        rules.append(f"level:grade{grade}->{level}")
    if "flood_drought" in topics:
        for warning, warned in WARNING_LEVEL.items():
            if warning in present and (level is None or LEVELS.index(warned) > LEVELS.index(level)):
                level = warned
                rules.append(f"level:{warning}->{warned}")
    sensitive = any(t in topics for t in SENSITIVE_TOPICS)
    if sensitive and level in (None, "blue"):
        level = "yellow"
        rules.append("level:sensitive_topic->yellow")
    if locality is Locality.jurisdiction:
        level = shift(level, 1)
        rules.append("level:locality=jurisdiction+1")
    elif locality is Locality.nearby:
        if level is None:
            level = "blue"
            rules.append("level:locality=nearby->blue")
    elif level is not None:
        level = shift(level, -1)
        rules.append(f"level:locality={locality.value}-1")
    if level is not None and sensitivity >= 0.6:
        level = shift(level, 1)
        rules.append("level:sensitivity>=0.6+1")
    if level is not None and tier == "self-media" and not sensitive and grade != "特别重大":
        # an unconfirmed post: one level lower until an official source reports it (the story
        # then takes the higher level of that report)
        level = shift(level, -1) or "blue"
        rules.append("level:tier=self-media-1")
    return level
