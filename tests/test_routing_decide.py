"""The routing decision, table-driven like Alertmanager's TestRouteMatch: facts in, plan out."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifiers.seedgen import TOPICS
from service.routing.calendar import HeightenedCalendar
from service.routing.config import LEVELS, Matcher, load_routing
from service.routing.decide import (
    AlertFacts,
    Decision,
    decide,
    destinations_of,
    matches,
    raise_level,
)
from tests.test_routing_config import MINIMAL, write_routing

REPO = Path(__file__).resolve().parent.parent
ORDINARY = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # Tuesday 10:00 in Zhuhai, no period
NATIONAL_DAY = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def config(tmp_path):
    return write_routing(tmp_path / "routing.yaml")


def people(decision: Decision) -> list[list[str]]:
    return [[r.person for r in step.recipients] for step in decision.steps]


def deadlines(decision: Decision) -> dict[str, float]:
    return {d.name: d.seconds for d in decision.deadlines}


# (topic, level, locality) → (division, recipients per step, repeat, deadlines)
ROUTES = [
    (("fire", "blue", "unknown"), ("fire_prevention", [["fire-duty"], ["lead-a"], ["boss"]], 0,
                                   {"ack": 7200, "report": 21600})),
    (("fire", "blue", "jurisdiction"), ("fire_prevention", [["fire-duty"], ["lead-a"], ["boss"]],
                                        0, {"ack": 3600, "report": 21600})),
    (("fire", "yellow", "nearby"), ("fire_prevention", [["fire-duty", "ideo"], ["lead-a"],
                                                        ["boss"]], 0,
                                    {"ack": 1800, "report": 3600})),
    (("fire", "orange", "unknown"), ("fire_prevention", [["fire-duty", "lead-a", "boss", "ideo"]],
                                     2, {"ack": 900, "report": 2100, "respond": 18000})),
    (("fire", "orange", "jurisdiction"), ("fire_prevention",
                                          [["fire-duty", "lead-a", "boss", "ideo"]], 2,
                                          {"ack": 900, "report": 2100})),
    (("mass_incident", "blue", "unknown"), ("office", [["office-duty", "boss"], ["ideo"],
                                                       ["boss"]], 0,
                                            {"ack": 7200, "report": 21600})),
    (("online_opinion", "red", "elsewhere"), ("office", [["office-duty", "ideo", "boss"]], 2,
                                              {"ack": 900, "report": 2100, "respond": 18000})),
    (("petition_complaint", "blue", "unknown"), ("office", [["office-duty"], ["ideo"], ["boss"]],
                                                 0, {"ack": 7200, "report": 21600})),
    (("flood_drought", "blue", "unknown"), (None, [["duty"], ["duty"], ["boss"]], 0,
                                            {"ack": 7200, "report": 21600})),
    (("flood_drought", "orange", "unknown"), (None, [["duty", "boss", "ideo"]], 2,
                                              {"ack": 900, "report": 2100, "respond": 18000})),
]


@pytest.mark.parametrize(("facts", "expected"), ROUTES,
                         ids=["-".join(facts) for facts, _ in ROUTES])
def test_route_match(config, facts, expected):
    topic, level, locality = facts
    division, recipients, repeat, limits = expected
    decision = decide(config, AlertFacts(kind="story", level=level, at=ORDINARY, topic=topic,
                                         locality=locality))
    assert decision.division == division
    assert people(decision) == recipients
    assert decision.repeat == repeat
    assert deadlines(decision) == limits
    assert decision.level == decision.base_level == level and decision.raised == []
    assert decision.config_version == config.version and decision.routed


def test_reasons_are_listed_in_order(config):
    decision = decide(config, AlertFacts(kind="story", level="yellow", at=ORDINARY,
                                         topic="mass_incident"))
    assert decision.rules == ["topic:mass_incident→office", "level:yellow→chain stepwise",
                              "rule:mass-incident-principal", "rule:yellow-ideology"]
    assert decision.division_name == "办公室"
    assert decision.steps[0].targets == ["division", "principal", "ideology_lead"]
    assert [s.wait_seconds for s in decision.steps] == [60, 60, None]
    assert decision.reminders_at == ["08:00", "17:00"] and decision.reminders_every is None


def test_rule_division_override_and_fallback_are_explained(config):
    petition = decide(config, AlertFacts(kind="story", level="blue", at=ORDINARY,
                                         topic="petition_complaint"))
    assert petition.rules == ["level:blue→chain stepwise",
                              "rule:petition-to-office division→office"]
    flood = decide(config, AlertFacts(kind="story", level="blue", at=ORDINARY,
                                      topic="flood_drought"))
    assert flood.rules[-1] == "fallback:duty_officer (no division owns topic flood_drought)"
    assert flood.steps[0].targets == ["duty_officer"]


def test_locality_override_is_explained(config):
    decision = decide(config, AlertFacts(kind="story", level="orange", at=ORDINARY, topic="fire",
                                         locality="jurisdiction"))
    assert "locality:jurisdiction→deadlines" in decision.rules
    assert decision.deadline("respond") is None and decision.deadline("ack").label == "签收"


def test_first_owned_topic_of_the_list_picks_the_division(config):
    decision = decide(config, AlertFacts(kind="story", level="blue", at=ORDINARY,
                                         topics=("flood_drought", "online_opinion", "fire")))
    assert decision.division == "office"
    assert decision.rules[0] == "topic:online_opinion→office"


def test_heightened_period_raises_level_and_shortens_deadlines(config):
    decision = decide(config, AlertFacts(kind="story", level="blue", at=NATIONAL_DAY,
                                         topic="fire"))
    assert (decision.base_level, decision.level) == ("blue", "yellow")
    assert decision.raised == ["heightened:国庆节 +1"]
    assert decision.heightened == ["国庆节"]
    assert "heightened:国庆节" in decision.rules
    assert deadlines(decision) == {"ack": 900, "report": 1800}
    red = decide(config, AlertFacts(kind="story", level="red", at=NATIONAL_DAY, topic="fire"))
    assert red.level == "red" and red.raised == [] and red.heightened == ["国庆节"]


def test_calendar_is_reused_and_topic_periods_apply_only_to_their_topics(tmp_path):
    config = write_routing(tmp_path / "routing.yaml", MINIMAL.replace(
        "heightened: {periods: []}",
        "heightened:\n  periods:\n    - {name: 汛期, from: '04-15', to: '10-15', "
        "topics: [flood_drought], raise: 2}"))
    cal = HeightenedCalendar(config.heightened, config.tz)
    summer = datetime(2026, 7, 14, 2, 0, tzinfo=UTC)
    flood = decide(config, AlertFacts(kind="story", level="blue", at=summer,
                                      topic="flood_drought"), cal)
    fire = decide(config, AlertFacts(kind="story", level="blue", at=summer, topic="fire"), cal)
    assert (flood.level, flood.raised) == ("orange", ["heightened:汛期 +2"])
    assert (fire.level, fire.heightened) == ("blue", [])


def test_no_level_means_no_steps(config):
    decision = decide(config, AlertFacts(kind="story", level=None, at=NATIONAL_DAY, topic="fire"))
    assert decision.steps == [] and decision.deadlines == [] and not decision.routed
    assert decision.level is None and decision.division == "fire_prevention"


def test_source_down_goes_to_the_duty_officer(config):
    decision = decide(config, AlertFacts(kind="source_down", level=None, at=ORDINARY,
                                         source="mem-news"))
    assert people(decision) == [["duty"]]
    assert deadlines(decision) == {"ack": 600}
    assert decision.rules == ["kind:source_down→chain duty_officer"]


def test_static_silence_applies_only_in_its_window(tmp_path):
    config = write_routing(tmp_path / "routing.yaml", MINIMAL + """\
silences:
  - name: drill
    match: {topic: [fire], place: [唐家湾镇]}
    starts_at: 2026-03-10 09:00
    ends_at: 2026-03-10 12:00
    created_by: duty
    comment: 消防演练
""")
    facts = AlertFacts(kind="story", level="blue", at=ORDINARY, topic="fire",
                       places=("珠海市", "唐家湾镇"))
    silenced = decide(config, facts)
    assert silenced.silenced_by == "drill" and silenced.rules[-1] == "silence:drill"
    assert silenced.routed  # the plan is kept for the record; the engine sends nothing
    later = decide(config, AlertFacts(kind="story", level="blue", topic="fire",
                                      at=datetime(2026, 3, 10, 4, 0, tzinfo=UTC),
                                      places=("唐家湾镇",)))
    assert later.silenced_by is None
    elsewhere = decide(config, AlertFacts(kind="story", level="blue", at=ORDINARY, topic="fire",
                                          place="香洲区"))
    assert elsewhere.silenced_by is None


@pytest.mark.parametrize(("matcher", "expected"), [
    ({}, True),
    ({"topic": "fire"}, True),
    ({"topic": ["flood_drought", "fire"]}, True),
    ({"topic": "fire", "level": "red"}, False),
    ({"min_level": "yellow"}, True),
    ({"min_level": "orange"}, False),
    ({"place": "唐家湾镇"}, True),
    ({"place": "香洲区"}, False),
    ({"locality": ["jurisdiction", "nearby"]}, True),
    ({"division": "fire_prevention", "kind": "story"}, True),
    ({"division": "office"}, False),
    ({"source": "mem-news"}, False),
])
def test_matches(matcher, expected):
    facts = AlertFacts(kind="story", level="yellow", at=ORDINARY, topic="production_safety",
                       topics=("production_safety", "fire"), place="珠海市",
                       places=("珠海市", "唐家湾镇"), locality="jurisdiction")
    assert matches(Matcher.model_validate(matcher), facts, "fire_prevention") is expected


def test_raise_level():
    assert raise_level("blue", 1) == "yellow"
    assert raise_level("orange", 3) == "red"
    assert raise_level("red", 1) == "red"
    assert raise_level("yellow", 0) == "yellow"
    assert raise_level(None, 2) is None


def test_decision_round_trips_through_json(config):
    decision = decide(config, AlertFacts(kind="story", level="orange", at=NATIONAL_DAY,
                                         topic="mass_incident", locality="jurisdiction"))
    stored = json.loads(json.dumps(decision.to_json(), ensure_ascii=False))
    assert Decision.from_json(stored) == decision
    assert Decision.from_json(stored).to_json() == stored


def test_destinations_and_naive_times(config):
    assert [d.to for d in destinations_of(config, "boss")] == ["13800000001"]
    assert destinations_of(config, "boss", {"email"}) == []
    with pytest.raises(ValueError):
        decide(config, AlertFacts(kind="story", level="blue", at=datetime(2026, 3, 10, 10)))


def test_shipped_config_routes_every_topic_at_every_level():
    config = load_routing(REPO / "routing.yaml")
    leaders = config.roles
    for topic in TOPICS:
        for level in LEVELS:
            for locality in ("jurisdiction", "unknown"):
                facts = AlertFacts(kind="story", level=level, at=ORDINARY, topic=topic,
                                   locality=locality)
                decision = decide(config, facts)
                assert decision.routed, (topic, level)
                assert all(r.destinations for s in decision.steps for r in s.recipients)
                assert decision.division is not None, topic
                assert not any(line.startswith("fallback") for line in decision.rules)
                first = {r.person for r in decision.steps[0].recipients}
                everyone = {r.person for s in decision.steps for r in s.recipients}
                assert leaders.principal in everyone
                if level in ("orange", "red") or topic in ("mass_incident",
                                                           "ideological_security"):
                    assert leaders.principal in first, (topic, level)
                if level != "blue" or topic in ("online_opinion", "ideological_security"):
                    assert leaders.ideology_lead in first, (topic, level)
                assert deadlines(decision)["ack"] <= 7200
    down = decide(config, AlertFacts(kind="source_down", level=None, at=ORDINARY, source="x"))
    assert {r.person for r in down.steps[0].recipients} == set(leaders.duty_officer)
