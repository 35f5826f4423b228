"""routing.yaml: validation that names file, line and field; the shipped file; the docs."""

import re
import textwrap
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from service.configfile import ConfigError
from service.routing.config import RoutingConfig, load_routing

REPO = Path(__file__).resolve().parent.parent

# A small but complete configuration; other routing tests build on it. Durations in seconds.
MINIMAL = """\
timezone: Asia/Shanghai
people:
  boss: {name: 局长, channels: [{channel: bot, to: "13800000001"}]}
  ideo: {name: 副局长甲, channels: [{channel: bot, to: "13800000002"}]}
  lead-a: {name: 副局长乙, channels: [{channel: bot}]}
  fire-duty: {name: 防灾减灾科值班, channels: [{channel: mail, to: fire@example.gov.cn}]}
  office-duty: {name: 办公室值班, channels: [{channel: mail, to: office@example.gov.cn}]}
  duty: {name: 值班员, channels: [{channel: mail, to: duty@example.gov.cn}]}
roles:
  principal: boss
  ideology_lead: ideo
  leadership: [boss, ideo, lead-a]
  duty_officer: [duty]
divisions:
  fire_prevention: {name: 防灾减灾科, lead: lead-a, duty: [fire-duty], topics: [fire]}
  office: {name: 办公室, lead: ideo, duty: [office-duty], topics: [online_opinion, mass_incident]}
chains:
  stepwise:
    steps:
      - {notify: [division], wait: 60}
      - {notify: [division_lead], wait: 60}
      - {notify: [principal]}
  urgent:
    steps:
      - {notify: [division, division_lead, principal], wait: 30}
    repeat: 2
levels:
  blue: {chain: stepwise, ack: 7200, report: 21600}
  yellow: {chain: stepwise, ack: 1800, report: 3600, reminders: {at: ["08:00", "17:00"]}}
  orange: {chain: urgent, ack: 900, report: 2100, respond: 18000}
  red: {chain: urgent, ack: 900, report: 2100, respond: 18000, reminders: {every: 7200}}
locality_overrides:
  jurisdiction:
    blue: {ack: 3600}
    orange: {respond: null}
source_down: {ack: 600}
rules:
  - {name: mass-incident-principal, match: {topic: mass_incident}, notify: [principal]}
  - {name: yellow-ideology, match: {}, min_level: yellow, notify: [ideology_lead]}
  - {name: petition-to-office, match: {topic: petition_complaint}, division: office}
heightened: {periods: []}
channels:
  bot: {type: dingtalk, url: "http://127.0.0.1:9/robot"}
  mail: {type: email, host: 127.0.0.1, sender: yq@example.gov.cn}
"""


def write_routing(path: Path, text: str = MINIMAL) -> RoutingConfig:
    """Write a routing.yaml and return it validated."""
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_routing(path)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        write_routing(tmp_path / "routing.yaml", text)
    return caught.value.render().splitlines()


def line_of(text: str, snippet: str) -> int:
    """1-based line of the first line of ``text`` containing ``snippet``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if snippet in line)


def edited(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


def test_minimal_config_loads_with_a_version_of_the_file_bytes(tmp_path):
    config = write_routing(tmp_path / "routing.yaml")
    assert re.fullmatch(r"[0-9a-f]{12}", config.version)
    assert config.division_of_topic("fire") == "fire_prevention"
    assert config.channels["bot"].type == "dingtalk"
    again = write_routing(tmp_path / "routing.yaml", MINIMAL + "# a comment\n")
    assert again.version != config.version


# (description, edit old → new, snippet of the line expected, field, message part)
ERRORS = [
    ("unknown person in a role", ("principal: boss", "principal: nobody"),
     "principal: nobody", "roles.principal", "unknown person 'nobody'"),
    ("unknown person in duty officers", ("duty_officer: [duty]", "duty_officer: [duty, ghost]"),
     "duty_officer: [duty, ghost]", "roles.duty_officer[1]", "unknown person 'ghost'"),
    ("unknown channel", ('{channel: bot, to: "13800000002"}', '{channel: pager, to: "1"}'),
     "channel: pager", "people.ideo.channels[0].channel", "unknown channel 'pager'"),
    ("email without to", ("{channel: mail, to: duty@example.gov.cn}", "{channel: mail}"),
     "duty: {name: 值班员", "people.duty.channels[0].to", "needs `to`"),
    ("unknown chain", ("red: {chain: urgent", "red: {chain: panic"),
     "red: {chain: panic", "levels.red.chain", "unknown chain 'panic'"),
    ("a level missing", ("  red: {chain: urgent, ack: 900, report: 2100, respond: 18000, "
                         "reminders: {every: 7200}}\n", ""),
     "levels:", "levels.red", "Field required"),
    ("unknown topic", ("topics: [fire]", "topics: [fire, arson]"),
     "topics: [fire, arson]", "divisions.fire_prevention.topics[1]", "unknown topic 'arson'"),
    ("topic owned twice", ("topics: [online_opinion, mass_incident]", "topics: [fire]"),
     "office: {name: 办公室", "divisions.office.topics[0]", "already belongs to division"),
    ("unknown division lead", ("lead: lead-a", "lead: lead-z"),
     "fire_prevention: {name", "divisions.fire_prevention.lead", "unknown person 'lead-z'"),
    ("chain without steps", ("  urgent:\n    steps:\n      - {notify: [division, division_lead, "
                             "principal], wait: 30}\n    repeat: 2\n",
                             "  urgent:\n    steps: []\n"),
     "steps: []", "chains.urgent.steps", "at least one step"),
    ("step after a step without wait", ("{notify: [division_lead], wait: 60}",
                                        "{notify: [division_lead]}"),
     "{notify: [division_lead]}", "chains.stepwise.steps[1].wait", "never reached"),
    ("last step waits without repeat", ("{notify: [principal]}", "{notify: [principal], wait: 9}"),
     "{notify: [principal], wait: 9}", "chains.stepwise.steps[2].wait", "only when the chain"),
    ("repeat without a last wait", ("principal], wait: 30}", "principal]}"),
     "division_lead, principal]}", "chains.urgent.steps[0].wait", "needs a `wait`"),
    ("unknown target", ("{notify: [division], wait: 60}", "{notify: [boss], wait: 60}"),
     "{notify: [boss], wait: 60}", "chains.stepwise.steps[0].notify[0]", "unknown target 'boss'"),
    ("unknown person target", ("notify: [principal]}\n  - {name: yellow",
                               "notify: ['person:zz']}\n  - {name: yellow"),
     "person:zz", "rules[0].notify[0]", "unknown person 'zz'"),
    ("unknown rule division", ("division: office}", "division: press}"),
     "division: press}", "rules[2].division", "unknown division 'press'"),
    ("duplicate rule", ("name: petition-to-office", "name: yellow-ideology"),
     "name: yellow-ideology, match: {topic: petition", "rules[2].name", "appears twice"),
    ("bad duration", ("ack: 7200, report: 21600", "ack: soon, report: 21600"),
     "ack: soon", "levels.blue.ack", "not a duration"),
    ("bad time of day", ('at: ["08:00", "17:00"]', 'at: ["8 am"]'),
     "8 am", "levels.yellow.reminders.at[0]", "not a time of day"),
    ("bad time zone", ("timezone: Asia/Shanghai", "timezone: Mars/Olympus"),
     "timezone:", "timezone", "unknown time zone"),
    ("unknown key", ("source_down: {ack: 600}", "source_down: {ack: 600, ackk: 1}"),
     "source_down:", "source_down.ackk", "Extra inputs are not permitted"),
    ("period without end", ("heightened: {periods: []}",
                            "heightened:\n  periods:\n    - {name: 汛期, from: '04-15'}"),
     "name: 汛期", "heightened.periods[0]", "needs `from` and `to`"),
    ("period with a bad day", ("heightened: {periods: []}",
                               "heightened:\n  periods:\n"
                               "    - {name: x, from: '02-30', to: '03-01'}"),
     "name: x", "heightened.periods[0].from", "day is out of range"),
    ("period with an unknown topic", ("heightened: {periods: []}",
                                      "heightened:\n  periods:\n"
                                      "    - {name: 雨季, from: '05-01', to: '09-30',\n"
                                      "       topics: [rain]}"),
     "topics: [rain]", "heightened.periods[0].topics[0]", "unknown topic 'rain'"),
    ("silence matching everything", ("heightened: {periods: []}",
                                     "silences:\n  - name: all\n    match: {}\n"
                                     "    starts_at: 2026-10-01 08:00\n"
                                     "    ends_at: 2026-10-02 08:00\n    created_by: duty"),
     "    match: {}", "silences[0].match", "must match something"),
    ("bad person id", ("  duty: {name: 值班员", "  Duty Officer: {name: 值班员"),
     "Duty Officer", "people.Duty Officer", "should match pattern"),
]


@pytest.mark.parametrize(("edit", "snippet", "field", "message"),
                         [case[1:] for case in ERRORS], ids=[case[0] for case in ERRORS])
def test_every_error_names_file_line_and_field(tmp_path, edit, snippet, field, message):
    text = edited(*edit)
    lines = problems(tmp_path, text)
    expected = f"{tmp_path / 'routing.yaml'}:{line_of(text, snippet)}: {field}: "
    assert any(line.startswith(expected) and message in line for line in lines), lines


def test_yaml_syntax_error_names_the_line(tmp_path):
    assert ":3: YAML syntax error" in problems(tmp_path, "people:\n  a: {name: x\nroles: [\n")[0]


def test_silences_without_offset_are_local_time(tmp_path):
    config = write_routing(tmp_path / "routing.yaml", MINIMAL + textwrap.dedent("""\
        silences:
          - name: drill
            match: {topic: [fire]}
            starts_at: 2026-06-16 09:00:00
            ends_at: 2026-06-16T12:00:00+00:00
            created_by: duty
        """))
    silence = config.silences[0]
    assert silence.starts_at.utcoffset().total_seconds() == 8 * 3600
    assert silence.ends_at.utcoffset().total_seconds() == 0


def test_heightened_periods_accept_one_off_and_yearly_days(tmp_path):
    config = write_routing(tmp_path / "routing.yaml", edited("heightened: {periods: []}", """\
heightened:
  periods:
    - {name: 航展, from: 2026-11-10, to: 2026-11-16}
    - {name: 防灾减灾日, date: "05-12", raise: 0}
    - {name: 森林防火期, from: "10-01", to: "04-30", topics: [fire]}"""))
    show, day, season = config.heightened.periods
    assert (show.start, show.end) == ("2026-11-10", "2026-11-16")
    assert (day.start, day.end, day.raise_by) == ("05-12", "05-12", 0)
    assert season.topics == ["fire"]


def test_shipped_routing_yaml_loads(tmp_path):
    config = load_routing(REPO / "routing.yaml")
    assert config.roles.principal in config.people
    assert {d.name for d in config.divisions.values()} >= {
        "安全生产监督管理科", "危险化学品监管科", "防灾减灾科", "防汛抗旱办公室", "救灾物资保障科",
        "办公室"}
    assert {c.type for c in config.channels.values()} == {
        "dingtalk", "wecom", "feishu", "email", "webhook"}
    assert not any(c.enabled for c in config.channels.values())


def _keys(model: type[BaseModel], seen: set) -> set[str]:
    """Every YAML key of a model and the models inside it (channels are documented apart)."""
    keys: set[str] = set()
    if model in seen or model.__module__ == "service.notify.channels.config":
        return keys
    seen.add(model)
    for name, info in model.model_fields.items():
        keys.add(info.alias or name)
        for inner in _models_in(info.annotation):
            keys |= _keys(inner, seen)
    return keys


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def test_every_key_of_routing_yaml_is_documented():
    docs = (REPO / "docs" / "routing.md").read_text(encoding="utf-8")
    missing = sorted(k for k in _keys(RoutingConfig, set()) if f"`{k}`" not in docs)
    assert not missing, f"keys of routing.yaml not in docs/routing.md: {missing}"
