"""The routing decision: which chain, recipients and deadlines an alert gets, and why.

Pure functions of the configuration and the alert's facts; nothing here touches the database.
The Decision is stored on the alert as its frozen chain snapshot, so later edits of routing.yaml
never change alerts already in flight (Grafana OnCall's escalation snapshot).
"""

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from service.routing.calendar import HeightenedCalendar
from service.routing.config import LEVELS, Matcher, RoutingConfig

DEADLINE_LABELS = {"ack": "签收", "report": "书面报告", "respond": "对外发布权威信息"}


@dataclass(frozen=True)
class AlertFacts:
    """What routing needs to know about an alert."""

    kind: str  # "story" or "source_down"
    level: str | None  # from the analysis, with trend and pile-up raises already applied
    at: datetime  # aware; when the alert is created or re-routed
    topic: str | None = None
    topics: tuple[str, ...] = ()
    place: str | None = None
    places: tuple[str, ...] = ()
    locality: str = "unknown"  # jurisdiction / nearby / elsewhere / unknown
    source: str | None = None  # source id (for source_down)
    sensitivity: float = 0.0


@dataclass
class Destination:
    channel: str  # a key of routing.yaml `channels`
    type: str  # dingtalk, wecom, feishu, email, webhook
    to: str | None = None  # mobile to @-mention, email address, or nothing


@dataclass
class Recipient:
    person: str
    name: str
    destinations: list[Destination] = field(default_factory=list)


@dataclass
class StepPlan:
    index: int
    targets: list[str]
    recipients: list[Recipient]
    wait_seconds: float | None  # wait this long for an acknowledgement before the next step


@dataclass
class Deadline:
    name: str  # ack, report, respond
    label: str  # 签收, 书面报告, 对外发布权威信息
    seconds: float  # from the alert's creation


@dataclass
class Decision:
    """Where an alert goes and why; ``rules`` lists every reason in order."""

    config_version: str
    level: str | None
    base_level: str | None
    raised: list[str]
    division: str | None
    division_name: str | None
    rules: list[str]
    steps: list[StepPlan]
    repeat: int
    deadlines: list[Deadline]
    reminders_every: float | None
    reminders_at: list[str]
    heightened: list[str]
    silenced_by: str | None

    @property
    def routed(self) -> bool:
        """Whether any step reaches anyone through at least one channel."""
        return any(r.destinations for step in self.steps for r in step.recipients)

    def deadline(self, name: str) -> Deadline | None:
        """The deadline called ``name`` (ack, report, respond), if the level has one."""
        return next((d for d in self.deadlines if d.name == name), None)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict; ``Decision.from_json`` reads it back unchanged."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Decision":
        """The Decision stored by ``to_json``."""
        steps = [StepPlan(index=s["index"], targets=list(s["targets"]),
                          recipients=[Recipient(person=r["person"], name=r["name"],
                                                destinations=[Destination(**d)
                                                              for d in r["destinations"]])
                                      for r in s["recipients"]],
                          wait_seconds=s["wait_seconds"])
                 for s in data["steps"]]
        return cls(**{**data, "steps": steps, "raised": list(data["raised"]),
                      "rules": list(data["rules"]), "reminders_at": list(data["reminders_at"]),
                      "heightened": list(data["heightened"]),
                      "deadlines": [Deadline(**d) for d in data["deadlines"]]})


def level_index(level: str | None) -> int:
    """0 for blue … 3 for red; -1 for no level."""
    return LEVELS.index(level) if level in LEVELS else -1


def raise_level(level: str | None, by: int) -> str | None:
    """``level`` raised ``by`` levels, capped at red; None stays None."""
    if level is None:
        return None
    return LEVELS[max(0, min(len(LEVELS) - 1, level_index(level) + by))]


def matches(matcher: Matcher, facts: AlertFacts, division: str | None) -> bool:
    """Whether an alert matches: fields ANDed, the values of one field ORed."""
    checks = [
        (matcher.kind, {facts.kind}),
        (matcher.topic, {facts.topic, *facts.topics}),
        (matcher.level, {facts.level}),
        (matcher.place, {facts.place, *facts.places}),
        (matcher.locality, {facts.locality}),
        (matcher.division, {division}),
        (matcher.source, {facts.source}),
    ]
    if any(wanted and not set(wanted) & (have - {None}) for wanted, have in checks):
        return False
    return matcher.min_level is None or level_index(facts.level) >= level_index(matcher.min_level)


def destinations_of(config: RoutingConfig, person: str,
                    types: set[str] | None = None) -> list[Destination]:
    """The channels a person is reached on (only those of ``types`` when given)."""
    found = []
    for entry in config.people[person].channels:
        kind = config.channels[entry.channel].type
        if types is None or kind in types:
            found.append(Destination(channel=entry.channel, type=kind, to=entry.to))
    return found


def decide(config: RoutingConfig, facts: AlertFacts,
           calendar: HeightenedCalendar | None = None) -> Decision:
    """Route one alert: its final level, division, chain steps, deadlines and reasons."""
    if facts.at.tzinfo is None:
        raise ValueError("AlertFacts.at must be timezone-aware")
    calendar = calendar or HeightenedCalendar(config.heightened, config.tz)
    story = facts.kind == "story"
    periods = calendar.periods_at(facts.at, facts.topic, facts.topics)
    raise_by = max((p.raise_by for p in periods), default=0)
    level = raise_level(facts.level, raise_by) if story else facts.level
    raised = []
    if level != facts.level:
        names = "、".join(p.name for p in periods if p.raise_by == raise_by)
        raised.append(f"heightened:{names} +{raise_by}")
    reasons: list[str] = []
    division, topic = _division_of(config, facts)
    if division:
        reasons.append(f"topic:{topic}→{division}")
    routed_facts = replace(facts, level=level)
    matched = [rule for rule in config.rules
               if matches(rule.match, routed_facts, division)
               and (rule.min_level is None or level_index(level) >= level_index(rule.min_level))]
    for rule in matched:
        if rule.division:
            division = rule.division
    decision = Decision(
        config_version=config.version, level=level, base_level=facts.level, raised=raised,
        division=division, division_name=config.divisions[division].name if division else None,
        rules=reasons, steps=[], repeat=0, deadlines=[], reminders_every=None, reminders_at=[],
        heightened=[p.name for p in periods], silenced_by=None)
    if story and level is None:
        reasons.append("level:none→not alert-worthy, nobody notified")
        return decision
    if story:
        assert level is not None
        policy = config.level_policy(level)
        chain_name = policy.chain
        reasons.append(f"level:{level}→chain {chain_name}")
    else:
        chain_name = config.source_down.chain
        reasons.append(f"kind:source_down→chain {chain_name or 'duty_officer'}")
    for rule in matched:
        extra = f" division→{rule.division}" if rule.division else ""
        reasons.append(f"rule:{rule.name}{extra}")
    reasons += [f"heightened:{p.name}" for p in periods]
    if story and facts.locality in config.locality_overrides and level in \
            config.locality_overrides[facts.locality]:
        reasons.append(f"locality:{facts.locality}→deadlines")
    extra_targets = [t for rule in matched for t in rule.notify]
    decision.steps, decision.repeat, fallback = _plan_steps(config, chain_name, division,
                                                            extra_targets)
    if fallback:
        why = f"no division owns topic {facts.topic or facts.topics[0]}" \
            if (facts.topic or facts.topics) else "the alert has no topic"
        reasons.append(f"fallback:duty_officer ({why})")
    factor = config.heightened.deadline_factor if periods else 1.0
    decision.deadlines = _deadlines(config, facts, level, factor)
    if story:
        assert level is not None
        reminders = config.level_policy(level).reminders
        decision.reminders_every, decision.reminders_at = reminders.every, list(reminders.at)
    for silence in config.silences:
        if silence.active(facts.at) and matches(silence.match, routed_facts, division):
            decision.silenced_by = silence.name
            reasons.append(f"silence:{silence.name}")
            break
    return decision


def _division_of(config: RoutingConfig, facts: AlertFacts) -> tuple[str | None, str | None]:
    for topic in (facts.topic, *facts.topics):
        if topic and (division := config.division_of_topic(topic)):
            return division, topic
    return None, None


def _plan_steps(config: RoutingConfig, chain_name: str | None, division: str | None,
                extra_targets: list[str]) -> tuple[list[StepPlan], int, bool]:
    if chain_name is None:
        steps_in, repeat = [(["duty_officer"], None)], 0
    else:
        chain = config.chains[chain_name]
        steps_in, repeat = [(list(s.notify), s.wait) for s in chain.steps], chain.repeat
    fallback = False
    steps = []
    for index, (targets, wait) in enumerate(steps_in):
        if index == 0:
            targets = targets + extra_targets
        if division is None and any(t in ("division", "division_lead") for t in targets):
            fallback = True
            targets = ["duty_officer" if t in ("division", "division_lead") else t
                       for t in targets]
        targets = list(dict.fromkeys(targets))
        people = list(dict.fromkeys(p for t in targets for p in _people_of(config, t, division)))
        recipients = [Recipient(person=p, name=config.people[p].name,
                                destinations=destinations_of(config, p)) for p in people]
        steps.append(StepPlan(index=index, targets=targets, recipients=recipients,
                              wait_seconds=wait))
    return steps, repeat, fallback


def _people_of(config: RoutingConfig, target: str, division: str | None) -> list[str]:
    kind, _, ref = target.partition(":")
    roles = config.roles
    if kind == "person":
        return [ref]
    if kind == "division":
        key = ref or division
        return list(config.divisions[key].duty) if key else list(roles.duty_officer)
    if kind == "division_lead":
        return [config.divisions[division].lead] if division else list(roles.duty_officer)
    return {"ideology_lead": [roles.ideology_lead], "principal": [roles.principal],
            "leadership": list(roles.leadership),
            "duty_officer": list(roles.duty_officer)}[kind]


def _deadlines(config: RoutingConfig, facts: AlertFacts, level: str | None,
               factor: float) -> list[Deadline]:
    if facts.kind != "story" or level is None:
        values: dict[str, float | None] = {"ack": config.source_down.ack}
    else:
        policy = config.level_policy(level)
        values = {"ack": policy.ack, "report": policy.report, "respond": policy.respond}
        override = config.locality_overrides.get(facts.locality, {}).get(level)
        if override is not None:
            values.update({name: getattr(override, name) for name in override.model_fields_set})
    return [Deadline(name=name, label=DEADLINE_LABELS[name], seconds=seconds * factor)
            for name, seconds in values.items() if seconds is not None]
