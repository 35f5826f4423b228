"""Analyses and operational events become alerts, in the transaction that consumes them.

An analysis waits with ``alert_pending``; its story's alert is created or updated, its first
step queued in the outbox, and the flag cleared, all in one commit, so a crash in the middle
leaves the analysis pending and nothing half-done.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.deliver import MAX_ITEM_LINKS
from service.alerts.escalation import fire_step, lock_alert
from service.alerts.silences import active_silence, silences_in_force
from service.alerts.timeline import record
from service.alerts.upgrade import (
    apply_decision,
    event_alerts,
    inhibit_lower,
    inhibitor_of,
    upgrade,
)
from service.models import (
    Alert,
    AlertItem,
    AlertKind,
    AlertStatus,
    Item,
    ItemAnalysis,
    Source,
)
from service.notify.message import ItemLink
from service.routing.decide import LEVELS, AlertFacts, Decision, decide, raise_level

log = logging.getLogger(__name__)


def rank(level: str | None) -> int:
    return LEVELS.index(level) + 1 if level in LEVELS else 0


@dataclass
class AlertReport:
    analyses: int = 0
    created: int = 0
    updated: int = 0
    upgraded: int = 0
    silenced: int = 0
    inhibited: int = 0
    below_threshold: int = 0
    events: int = 0


def process_pending(engine: Engine, ctx: AlertContext, now: datetime, *,
                    batch_size: int = 25, on_commit=None) -> AlertReport:
    """Turn every pending analysis and operational event into alert changes.

    Small batches, each committed on its own, and ``on_commit()`` after each: the relay can send
    the first alerts of a burst while the next ones are being made.
    """
    report = AlertReport()
    while True:
        # no autoflush: the steps flush where they need ids or read what they wrote, which
        # saves a flush per query (most of the time of an alert)
        with Session(engine, expire_on_commit=False, autoflush=False) as session:
            done = _analyses_batch(session, ctx, now, batch_size, report)
            session.commit()
        if on_commit is not None and done:
            on_commit()
        if done < batch_size:
            break
    from service.alerts.operational import process_events

    with Session(engine, expire_on_commit=False) as session:
        process_events(session, ctx, now, report)
        session.commit()
    return report


def _analyses_batch(session: Session, ctx: AlertContext, now: datetime, batch_size: int,
                    report: AlertReport) -> int:
    """One batch: stories that have an alert take their items first, then the new alerts are
    made together, so the statements of a burst are a few per batch, not a dozen per alert."""
    query = (select(ItemAnalysis).where(ItemAnalysis.alert_pending)
             .order_by(ItemAnalysis.item_id).limit(batch_size))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = session.execute(query).scalars().all()
    by_story: dict[object, list[ItemAnalysis]] = defaultdict(list)
    for row in rows:
        row.alert_pending = False
        if row.relevant and row.level:
            by_story[row.story_id or f"item:{row.item_id}"].append(row)
    batch = _Batch.read(session, ctx, by_story, now)
    fresh = []
    for key, analyses in by_story.items():
        found = batch.alert_of.get(key)
        if found is not None:
            _join(session, ctx, lock_alert(session, found), analyses, now, report)
        else:
            fresh.append((key, analyses))
    made = [new for key, analyses in fresh
            if (new := _make(session, ctx, batch, key if isinstance(key, int) else None,
                             analyses, now, report)) is not None]
    if made:
        session.flush()  # one INSERT for the batch's new alerts: their ids
        known = event_alerts(session, ctx, [new.alert for new in made], now)
        silences = silences_in_force(session, now)
        for new in made:
            _announce(session, ctx, batch, new, now, report, known=known, silences=silences)
    report.analyses += len(rows)
    return len(rows)


@dataclass
class _Batch:
    """What a batch of analyses reads from the database, read once: the items and sources of
    its analyses, the alerts its stories have, and the recent topics of its places (叠加,
    kept up to date as the batch makes alerts)."""

    items: dict[int, Item]
    sources: dict[str, Source]
    alert_of: dict[int, int]
    recent_topics: dict[str, set[str]]

    @classmethod
    def read(cls, session: Session, ctx: AlertContext, by_story: dict, now: datetime):
        item_ids = {a.item_id for analyses in by_story.values() for a in analyses}
        items = {item.id: item for item in session.execute(
            select(Item).where(Item.id.in_(item_ids))).scalars()} if item_ids else {}
        source_ids = {item.source_id for item in items.values()}
        sources = {source.id: source for source in session.execute(
            select(Source).where(Source.id.in_(source_ids))).scalars()} if source_ids else {}
        story_ids = [key for key in by_story if isinstance(key, int)]
        alert_of = dict(session.execute(select(Alert.story_id, Alert.id).where(
            Alert.story_id.in_(story_ids))).all()) if story_ids else {}
        recent: dict[str, set[str]] = defaultdict(set)
        rule = ctx.config.alerts.pile_up
        places = {a.place for analyses in by_story.values() for a in analyses} - {None}
        if rule.raise_by > 0 and places:
            for place, topic in session.execute(select(Alert.place, Alert.topic).where(
                    Alert.place.in_(places), Alert.topic.is_not(None),
                    Alert.kind == AlertKind.story,
                    Alert.created_at >= now - timedelta(seconds=rule.window)).distinct()):
                recent[place].add(topic)
        return cls(items=items, sources=sources, alert_of=alert_of, recent_topics=recent)

    def links(self, item_ids: list[int]) -> list[ItemLink]:
        """Links to a new alert's first items."""
        links = []
        for item_id in item_ids[:MAX_ITEM_LINKS]:
            item = self.items[item_id]
            source = self.sources.get(item.source_id)
            links.append(ItemLink(title=item.title, url=item.url or "",
                                  source=source.name if source else item.source_id,
                                  published_at=item.published_at))
        return links

    def summary(self, item_id: int) -> str:
        item = self.items[item_id]
        return (item.summary or item.content or "").strip().replace("\n", " ")[:200]


def _best(analyses: list[ItemAnalysis]) -> ItemAnalysis:
    return max(analyses, key=lambda a: (rank(a.level), a.deaths + a.injured, a.relevance))


def _facts(best: ItemAnalysis, level: str | None, at: datetime) -> AlertFacts:
    return AlertFacts(kind=AlertKind.story, level=level, at=at, topic=best.topic,
                      topics=tuple(t["label"] for t in best.topics), place=best.place,
                      places=tuple(best.places), locality=best.locality,
                      sensitivity=best.sensitivity)


def pile_up(ctx: AlertContext, batch: _Batch, place: str | None,
            topic: str | None) -> list[str]:
    """The topics piling up in ``place`` within the window (叠加), when there are enough."""
    rule = ctx.config.alerts.pile_up
    if not place or not topic or rule.raise_by <= 0:
        return []
    topics = batch.recent_topics.get(place, set()) | {topic}
    return sorted(topics) if len(topics) >= rule.min_topics else []


@dataclass
class _NewAlert:
    alert: Alert
    items: list[int]
    best: ItemAnalysis
    decision: Decision
    raises: list[str]


def _make(session: Session, ctx: AlertContext, batch: _Batch, story_id: int | None,
          analyses: list[ItemAnalysis], now: datetime, report: AlertReport) -> _NewAlert | None:
    """A new alert for a story, added to the session; None when it is below the threshold."""
    best = _best(analyses)
    raises, level = [], best.level
    piled = pile_up(ctx, batch, best.place, best.topic)
    if piled:
        raises.append("pile_up:" + "+".join(piled))
        level = raise_level(level, ctx.config.alerts.pile_up.raise_by)
    decision = decide(ctx.config, _facts(best, level, now), ctx.calendar)
    if rank(decision.level) < rank(ctx.config.alerts.min_level):
        report.below_threshold += 1
        return None
    items = sorted({a.item_id for a in analyses})
    alert = Alert(kind=AlertKind.story, status=AlertStatus.open,
                  title=batch.items[best.item_id].title or "（无标题）",
                  summary=batch.summary(best.item_id), base_level=best.level,
                  # set now: the batch's alerts compare levels before apply_decision runs
                  level=decision.level, division=decision.division,
                  topic=best.topic, topics=[t["label"] for t in best.topics],
                  place=best.place, locality=best.locality,
                  deaths=max(a.deaths for a in analyses),
                  injured=max(a.injured for a in analyses),
                  missing=max(a.missing for a in analyses), item_count=len(items),
                  story_id=story_id, created_at=now, updated_at=now, raises=raises)
    session.add(alert)
    if best.place and best.topic:
        batch.recent_topics.setdefault(best.place, set()).add(best.topic)
    return _NewAlert(alert=alert, items=items, best=best, decision=decision, raises=raises)


def _announce(session: Session, ctx: AlertContext, batch: _Batch, new: _NewAlert,
              now: datetime, report: AlertReport, *, known: dict[tuple, list[Alert]],
              silences: list) -> None:
    """Number, items, timeline and routing of an alert just inserted; then its first step."""
    alert, best = new.alert, new.best
    alert.number = number_for(ctx, alert.id, now)
    for item_id in new.items:
        session.add(AlertItem(alert_id=alert.id, item_id=item_id, added_at=now))
    record(session, alert.id, "created", at=now,
           message=f"生成告警：{alert.title}（{len(new.items)}条报道）",
           detail={"items": new.items, "base_level": best.level, "raises": new.raises,
                   "analysis": {"item_id": best.item_id, "model": best.model_version,
                                "explanation": best.explanation}})
    apply_decision(session, alert, new.decision, now)
    report.created += 1
    start(session, ctx, alert, now, report, links=batch.links(new.items), known=known,
          silences=silences)


def start(session: Session, ctx: AlertContext, alert: Alert, now: datetime,
          report: AlertReport, links=None, *, known: dict[tuple, list[Alert]] | None = None,
          silences: list | None = None) -> None:
    """Send the first step, unless a silence or a higher alert on the same event holds it.

    ``known`` and ``silences``: the open alerts on the batch's events and the silences in
    force, when the caller has read them for a batch.
    """
    silence = active_silence(session, ctx, alert, now, rows=silences)
    if silence is not None:
        alert.silenced_by, alert.next_due_at = silence
        alert.step = 0
        alert.deadline_due_at = None  # the clocks start when the silence ends
        record(session, alert.id, "silenced", at=now,
               message=f"被静默规则 {silence[0]} 静默，至 {silence[1].isoformat()}",
               detail={"silence": silence[0], "until": silence[1].isoformat()})
        report.silenced += 1
        return
    higher = inhibitor_of(session, ctx, alert, now, known=known)
    if higher is not None:
        alert.inhibited_by, alert.next_due_at = higher.id, None
        alert.deadline_due_at = None  # the higher alert carries the deadlines
        record(session, alert.id, "inhibited", at=now,
               message=f"同一事件已有更高级别告警 {higher.number}，本告警不再单独通知",
               detail={"by": higher.id})
        report.inhibited += 1
        return
    inhibit_lower(session, ctx, alert, now, known=known)
    fire_step(session, ctx, alert, 0, at=now, now=now, links=links)


def _join(session: Session, ctx: AlertContext, alert: Alert, analyses: list[ItemAnalysis],
          now: datetime, report: AlertReport) -> None:
    known = set(session.execute(select(AlertItem.item_id).where(AlertItem.alert_id == alert.id))
                .scalars())
    new = [a for a in analyses if a.item_id not in known]
    for analysis in new:
        session.add(AlertItem(alert_id=alert.id, item_id=analysis.item_id, added_at=now))
    session.flush()
    alert.item_count += len(new)
    alert.deaths = max([alert.deaths] + [a.deaths for a in analyses])
    alert.injured = max([alert.injured] + [a.injured for a in analyses])
    alert.missing = max([alert.missing] + [a.missing for a in analyses])
    alert.updated_at = now
    if new:
        record(session, alert.id, "item_added", at=now, message=f"新增{len(new)}条相关报道",
               detail={"items": [a.item_id for a in new]})
    report.updated += 1
    best = _best(analyses)
    if alert.status == AlertStatus.resolved or rank(best.level) <= rank(alert.base_level):
        return
    alert.base_level = best.level
    level = raise_level(best.level, len(alert.raises))
    decision = decide(ctx.config, _facts(best, level, now), ctx.calendar)
    if rank(decision.level) > rank(alert.level):
        upgrade(session, ctx, alert, decision, now, reason="新报道显示事态升级")
        report.upgraded += 1


def number_for(ctx: AlertContext, alert_id: int, now: datetime) -> str:
    """The number people see: YQ-<local date>-<id>."""
    return f"YQ-{now.astimezone(ZoneInfo(ctx.config.timezone)):%Y%m%d}-{alert_id:05d}"



