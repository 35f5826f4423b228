"""Helpers for the alert tests: a routing.yaml pointed at local receivers, stored analyses."""

import itertools
import textwrap
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from service.alerts.context import RoutingFile
from service.alerts.runner import AlertPipeline
from service.models import AnalysisState, Item, ItemAnalysis, Source, Story

DING_SECRET = "SECtest0123456789"
_NUMBERS = itertools.count(1)
HOOK_SECRET = "hook-secret"


_TEMPLATE = """\
timezone: Asia/Shanghai
people:
  boss:
    name: 局长
    user: boss
    channels:
      - {{channel: ding, to: "13800000001"}}
      - {{channel: mail, to: boss@example.gov.cn}}
  ideo:
    name: 分管意识形态副局长
    channels: [{{channel: ding, to: "13800000002"}}]
  lead:
    name: 分管副局长
    user: lead
    channels:
      - {{channel: ding, to: "13800000003"}}
      - {{channel: mail, to: lead@example.gov.cn}}
  fireduty:
    name: 防灾减灾科值班
    channels: [{{channel: hook}}]
  duty:
    name: 值班员
    channels: [{{channel: mail, to: duty@example.gov.cn}}]
roles: {{principal: boss, ideology_lead: ideo, leadership: [boss, ideo, lead],
         duty_officer: [duty]}}
divisions:
  disaster:
    name: 防灾减灾科
    lead: lead
    duty: [fireduty]
    topics: [fire, flood_drought]
  safety:
    name: 安全生产监督管理科
    lead: lead
    duty: [fireduty]
    topics: [production_safety, hazardous_chemicals, large_enterprise, relief_supplies,
             online_opinion, petition_complaint, mass_incident, ideological_security]
chains:
{chain}
levels:
{levels}
source_down: {{chain: duty, ack: 600}}
heightened:
  statutory_holidays: true
  days_before: 0
  traditional_festivals: false
  raise: 1
  deadline_factor: 0.5
alerts:
  min_level: blue
  pile_up: {{window: 86400, min_topics: 2, raise: 1}}
notify: {{max_attempts: 4, backoff_base: 1, backoff_cap: 4, ack_link_ttl: 3600,
          fallback: email}}
channels:
  ding: {{type: dingtalk, url: "{ding_url}", secret: {ding_secret}, timeout: 5}}
  hook: {{type: webhook, url: "{hook_url}", secret: {hook_secret}, timeout: 5}}
  mail: {{type: email, host: 127.0.0.1, port: {smtp_port}, security: none,
          sender: "应急舆情哨兵 <yq@example.gov.cn>", timeout: 5}}
"""


def routing_yaml(*, ding_url: str, hook_url: str, smtp_port: int, extra: str = "",
                 chain: str | None = None, levels: str | None = None) -> str:
    """A small bureau: a fire division and its leader on DingTalk and a webhook, the principal
    on DingTalk with e-mail as fallback, a duty officer on e-mail. Durations are seconds."""
    chain = chain or """
      standard:
        steps:
          - {notify: [division, division_lead], wait: 60}
          - {notify: [principal]}
      duty:
        steps:
          - {notify: [duty_officer]}
    """
    levels = levels or """
      blue: {chain: standard, ack: 30, report: 120, reminders: {every: 300}}
      yellow: {chain: standard, ack: 30, report: 120, reminders: {every: 300}}
      orange: {chain: standard, ack: 30, report: 120, respond: 600, reminders: {every: 300}}
      red: {chain: standard, ack: 30, report: 120, respond: 600, reminders: {every: 300}}
    """
    chain = textwrap.indent(textwrap.dedent(chain).strip("\n"), "  ")
    levels = textwrap.indent(textwrap.dedent(levels).strip("\n"), "  ")
    return _TEMPLATE.format(chain=chain, levels=levels, ding_url=ding_url, hook_url=hook_url,
                            smtp_port=smtp_port, ding_secret=DING_SECRET,
                            hook_secret=HOOK_SECRET) + textwrap.dedent(extra)


def write_routing(path: Path, **kwargs) -> RoutingFile:
    path.write_text(routing_yaml(**kwargs), encoding="utf-8")
    routing = RoutingFile(path, secret="test-secret-key", public_url="http://127.0.0.1:8000")
    routing.load()
    return routing


def pipeline(engine, routing: RoutingFile, clock) -> AlertPipeline:
    return AlertPipeline(engine=engine, routing=routing, clock=clock)


def ensure_source(session: Session, now: datetime, source_id: str = "news") -> Source:
    source = session.get(Source, source_id)
    if source is None:
        source = Source(id=source_id, name="测试新闻网", kind="rss",
                        url=f"http://127.0.0.1/{source_id}.xml", tier="municipal",
                        config_hash="x", created_at=now, updated_at=now)
        session.add(source)
        session.flush()
    return source


def add_analysed_item(session: Session, now: datetime, *, title: str, level: str | None,
                      topic: str | None = "fire", place: str | None = "唐家湾镇",
                      deaths: int = 0, injured: int = 0, story: int | None = None,
                      relevant: bool = True, locality: str = "jurisdiction",
                      source_id: str = "news") -> tuple[int, int]:
    """An item as the analysis step leaves it: stored, analysed, waiting for the alert step."""
    source = ensure_source(session, now, source_id)
    n = next(_NUMBERS)
    item = Item(source_id=source.id, entry_key=f"e{n}", guid=f"g{n}", url=f"http://127.0.0.1/a/{n}",
                title=title, summary=f"{title}。现场已得到控制。", content=f"{title}。",
                content_hash=f"h{n}", fetched_at=now, published_at=now,
                analysis_state=AnalysisState.done)
    session.add(item)
    session.flush()
    if story is None:
        row = Story(title=title, first_seen_at=now, last_seen_at=now, topic=topic, level=level,
                    exact_key=f"k{item.id}", places=[place] if place else [])
        session.add(row)
        session.flush()
        story = row.id
    session.add(ItemAnalysis(
        item_id=item.id, story_id=story, model_version="test", relevant=relevant,
        relevance=0.9, topic=topic, topics=[{"label": topic, "score": 0.9}] if topic else [],
        level=level, deaths=deaths, injured=injured, places=[place] if place else [],
        place=place, locality=locality, analyzed_at=now,
        alert_pending=bool(relevant and level)))
    item_id = item.id
    session.commit()
    return item_id, story


class Driver:
    """Runs the alert steps as the scheduler would, on one event loop, with a fake clock."""

    def __init__(self, engine, routing: RoutingFile, clock):
        import asyncio

        self.engine, self.clock = engine, clock
        self.pipe = pipeline(engine, routing, clock)
        self.loop = asyncio.new_event_loop()

    def process(self):
        return self.pipe.process()

    def tick(self):
        return self.pipe.tick()

    def deliver(self):
        return self.loop.run_until_complete(self.pipe.deliver())

    def cycle(self):
        """The alert step, the timers, then the relay; returns the relay's report."""
        self.process()
        self.tick()
        return self.deliver()

    def close(self):
        self.loop.run_until_complete(self.pipe.aclose())
        self.loop.close()
