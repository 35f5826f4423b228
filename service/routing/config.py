"""The schema of routing.yaml: people, roles, divisions, chains, levels, rules, heightened periods.

``load_routing`` validates the file and cross-checks its references; every error names the file,
the line and the field (``service.configfile``).
"""

import hashlib
import re
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from classifiers.seedgen import TOPICS
from service.configfile import Duration, load_model
from service.notify.channels.config import ChannelConfig
from service.routing.calendar import Heightened

LEVELS = ("blue", "yellow", "orange", "red")
LOCALITIES = ("jurisdiction", "nearby", "elsewhere", "unknown")
KINDS = ("story", "source_down")
ROLE_TARGETS = ("division", "division_lead", "ideology_lead", "principal", "leadership",
                "duty_officer")
ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

Level = Literal["blue", "yellow", "orange", "red"]
Locality = Literal["jurisdiction", "nearby", "elsewhere", "unknown"]
Kind = Literal["story", "source_down"]


def _known_topic(value: str) -> str:
    if value not in TOPICS:
        raise ValueError(f"unknown topic {value!r}; topics are {', '.join(TOPICS)}")
    return value


def _listify(value: Any) -> Any:
    return [value] if isinstance(value, str | int | float) else value


def _clock_time(value: Any) -> str:
    if not isinstance(value, str) or not _CLOCK.match(value):
        raise ValueError(f"{value!r} is not a time of day like \"08:00\"")
    return value


Topic = Annotated[str, AfterValidator(_known_topic)]
ClockTime = Annotated[str, BeforeValidator(_clock_time)]


def OneOrMany(item: Any) -> Any:  # a function named like the type it builds
    """A list that also accepts a single value."""
    return Annotated[list[item], BeforeValidator(_listify)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Matcher(_Model):
    """Fields are ANDed; the values of one field are ORed. An empty matcher matches everything."""

    kind: OneOrMany(Kind) = []
    topic: OneOrMany(Topic) = []
    level: OneOrMany(Level) = []
    min_level: Level | None = None
    place: OneOrMany(str) = []
    locality: OneOrMany(Locality) = []
    division: OneOrMany(str) = []
    source: OneOrMany(str) = []

    def is_empty(self) -> bool:
        """True when no field is set (the matcher matches every alert)."""
        return not any(getattr(self, name) for name in type(self).model_fields)


class PersonChannel(_Model):
    channel: str = Field(description="a key of `channels`")
    to: str | None = Field(None, description="mobile for bot @-mentions, or the email address")


class Person(_Model):
    name: str = Field(min_length=1)
    title: str = ""
    user: str | None = Field(None, description="the API user name of this person")
    channels: list[PersonChannel] = []


class Roles(_Model):
    principal: str
    ideology_lead: str
    leadership: list[str] = []
    duty_officer: list[str] = Field(min_length=1)


class Division(_Model):
    name: str = Field(min_length=1)
    lead: str = Field(description="the bureau leader who supervises the division")
    duty: list[str] = Field(min_length=1)
    topics: list[Topic] = []


class Step(_Model):
    notify: OneOrMany(str)
    wait: Duration | None = None


class Chain(_Model):
    steps: list[Step]
    repeat: int = Field(0, ge=0, le=10)


class Reminders(_Model):
    every: Duration | None = None
    at: list[ClockTime] = []


class LevelPolicy(_Model):
    chain: str
    ack: Duration
    report: Duration
    respond: Duration | None = None
    reminders: Reminders = Reminders()


class Levels(_Model):
    blue: LevelPolicy
    yellow: LevelPolicy
    orange: LevelPolicy
    red: LevelPolicy


class DeadlineOverride(_Model):
    ack: Duration | None = None
    report: Duration | None = None
    respond: Duration | None = None


class SourceDown(_Model):
    chain: str | None = Field(None, description="unset: the duty officers, once")
    ack: Duration = 1800


class Rule(_Model):
    name: str = Field(pattern=ID_PATTERN)
    description: str = ""
    match: Matcher = Matcher()
    notify: OneOrMany(str) = []
    division: str | None = None
    min_level: Level | None = None


class Silence(_Model):
    name: str = Field(min_length=1)
    match: Matcher
    starts_at: datetime
    ends_at: datetime
    created_by: str = Field(min_length=1)
    comment: str = ""

    def active(self, at: datetime) -> bool:
        """Whether the silence is in force at ``at`` (start inclusive, end exclusive)."""
        return self.starts_at <= at < self.ends_at


class PileUp(_Model):
    window: Duration = 86400
    min_topics: int = Field(2, ge=2)
    raise_by: int = Field(1, alias="raise", ge=0, le=3)


class Inhibit(_Model):
    window: Duration = 172800
    equal: list[Literal["topic", "place", "kind", "locality", "division", "source"]] = [
        "topic", "place"]


class AlertsPolicy(_Model):
    min_level: Level = "blue"
    pile_up: PileUp = PileUp()
    inhibit: Inhibit = Inhibit()


class NotifyPolicy(_Model):
    max_attempts: int = Field(8, ge=1)
    backoff_base: Duration = 30
    backoff_cap: Duration = 1800
    ack_link_ttl: Duration = 86400
    fallback: Literal["dingtalk", "wecom", "feishu", "email", "webhook"] | None = "email"
    public_url: str | None = None


class RoutingConfig(_Model):
    """The whole of routing.yaml."""

    timezone: str = "Asia/Shanghai"
    people: dict[Annotated[str, Field(pattern=ID_PATTERN)], Person]
    roles: Roles
    divisions: dict[Annotated[str, Field(pattern=ID_PATTERN)], Division] = {}
    chains: dict[Annotated[str, Field(pattern=ID_PATTERN)], Chain]
    levels: Levels
    locality_overrides: dict[Locality, dict[Level, DeadlineOverride]] = {}
    source_down: SourceDown = SourceDown()
    rules: list[Rule] = []
    heightened: Heightened = Heightened()
    silences: list[Silence] = []
    alerts: AlertsPolicy = AlertsPolicy()
    notify: NotifyPolicy = NotifyPolicy()
    channels: dict[Annotated[str, Field(pattern=ID_PATTERN)], ChannelConfig] = {}

    _version: str = PrivateAttr("")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. Asia/Shanghai)") from None
        return value

    @model_validator(mode="after")
    def _local_silences(self) -> "RoutingConfig":
        # a silence written without a UTC offset means the bureau's local time
        for silence in self.silences:
            for name in ("starts_at", "ends_at"):
                value = getattr(silence, name)
                if value.tzinfo is None:
                    setattr(silence, name, value.replace(tzinfo=self.tz))
        return self

    @property
    def tz(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.timezone)

    @property
    def version(self) -> str:
        """First 12 hex digits of the sha256 of the file; stored with every routing decision."""
        return self._version

    def level_policy(self, level: str) -> LevelPolicy:
        """The policy of one level."""
        return getattr(self.levels, level)

    def division_of_topic(self, topic: str) -> str | None:
        """The id of the division that owns ``topic``, if any."""
        return next((key for key, d in self.divisions.items() if topic in d.topics), None)

    def person_of_user(self, user: str) -> str | None:
        """The person id whose API user name is ``user``."""
        return next((key for key, p in self.people.items() if p.user == user), None)


def check_routing(config: RoutingConfig) -> list[tuple[tuple, str]]:
    """References across sections that pydantic alone cannot check, as (location, message)."""
    problems: list[tuple[tuple, str]] = []
    people, divisions = config.people, config.divisions

    def person(loc: tuple, value: str) -> None:
        if value not in people:
            problems.append((loc, f"unknown person {value!r}"))

    for key, entry in people.items():
        for index, dest in enumerate(entry.channels):
            loc = ("people", key, "channels", index)
            channel = config.channels.get(dest.channel)
            if channel is None:
                problems.append(((*loc, "channel"), f"unknown channel {dest.channel!r}"))
            elif channel.type == "email" and not (dest.to and "@" in dest.to):
                problems.append(((*loc, "to"), "an email destination needs `to`: an address"))
    person(("roles", "principal"), config.roles.principal)
    person(("roles", "ideology_lead"), config.roles.ideology_lead)
    for role in ("leadership", "duty_officer"):
        for index, value in enumerate(getattr(config.roles, role)):
            person(("roles", role, index), value)
    owner: dict[str, str] = {}
    for key, division in divisions.items():
        person(("divisions", key, "lead"), division.lead)
        for index, value in enumerate(division.duty):
            person(("divisions", key, "duty", index), value)
        for index, topic in enumerate(division.topics):
            if topic in owner:
                problems.append((("divisions", key, "topics", index),
                                 f"topic {topic!r} already belongs to division {owner[topic]!r}"))
            owner.setdefault(topic, key)
    for index, period in enumerate(config.heightened.periods):
        problems += [(("heightened", "periods", index, "topics", t_index), f"unknown topic {t!r}")
                     for t_index, t in enumerate(period.topics) if t not in TOPICS]
    for key, chain in config.chains.items():
        problems += _chain_problems(config, key, chain)
    for level in LEVELS:
        if config.level_policy(level).chain not in config.chains:
            problems.append((("levels", level, "chain"),
                             f"unknown chain {config.level_policy(level).chain!r}"))
    if config.source_down.chain is not None and config.source_down.chain not in config.chains:
        problems.append((("source_down", "chain"), f"unknown chain {config.source_down.chain!r}"))
    names: set[str] = set()
    for index, rule in enumerate(config.rules):
        loc = ("rules", index)
        if rule.name in names:
            problems.append(((*loc, "name"), f"rule {rule.name!r} appears twice"))
        names.add(rule.name)
        for t_index, target in enumerate(rule.notify):
            if message := target_problem(config, target):
                problems.append(((*loc, "notify", t_index), message))
        if rule.division is not None and rule.division not in divisions:
            problems.append(((*loc, "division"), f"unknown division {rule.division!r}"))
        problems += _matcher_problems(config, (*loc, "match"), rule.match)
    for index, silence in enumerate(config.silences):
        loc = ("silences", index)
        if silence.match.is_empty():
            problems.append(((*loc, "match"), "a silence must match something"))
        if silence.ends_at <= silence.starts_at:
            problems.append(((*loc, "ends_at"), "ends before it starts"))
        problems += _matcher_problems(config, (*loc, "match"), silence.match)
    return problems


def target_problem(config: RoutingConfig, target: str) -> str | None:
    """Why ``target`` is not a valid notify target, or None."""
    kind, _, ref = target.partition(":")
    if not ref and kind in ROLE_TARGETS:
        return None
    if kind == "person" and ref:
        return None if ref in config.people else f"unknown person {ref!r}"
    if kind == "division" and ref:
        return None if ref in config.divisions else f"unknown division {ref!r}"
    return (f"unknown target {target!r}; use {', '.join(ROLE_TARGETS)}, "
            "person:<id> or division:<id>")


def _chain_problems(config: RoutingConfig, key: str, chain: Chain) -> list[tuple[tuple, str]]:
    problems: list[tuple[tuple, str]] = []
    if not chain.steps:
        return [(("chains", key, "steps"), "a chain needs at least one step")]
    for index, step in enumerate(chain.steps):
        loc = ("chains", key, "steps", index)
        if not step.notify:
            problems.append(((*loc, "notify"), "a step must notify someone"))
        for t_index, target in enumerate(step.notify):
            if message := target_problem(config, target):
                problems.append(((*loc, "notify", t_index), message))
        last = index == len(chain.steps) - 1
        if not last and step.wait is None:
            problems.append(((*loc, "wait"),
                             "steps after this one are never reached: give it a `wait`"))
        if last and step.wait is not None and chain.repeat == 0:
            problems.append(((*loc, "wait"), "the last step waits only when the chain repeats "
                                              "(set `repeat` or remove the wait)"))
        if last and step.wait is None and chain.repeat > 0:
            problems.append(((*loc, "wait"), "a repeating chain needs a `wait` on its last step"))
    return problems


def _matcher_problems(config: RoutingConfig, loc: tuple, matcher: Matcher) -> list:
    return [((*loc, "division", index), f"unknown division {value!r}")
            for index, value in enumerate(matcher.division) if value not in config.divisions]


def load_routing(path: Path | str) -> RoutingConfig:
    """Read and validate routing.yaml; raises ConfigError naming file, line and field."""
    config = load_model(RoutingConfig, path, check=check_routing)
    config._version = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
    return config
