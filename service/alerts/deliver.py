"""Turn a step of an alert's chain into outbox rows, in the caller's transaction.

One row per (channel, recipient): a group robot gets one message that @-mentions everybody it
reaches; each e-mail address gets its own. Every row carries its own single-use ack link.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.timeline import record
from service.models import Alert, AlertItem, AlertRecipient, Item, Notification, Source
from service.notify import acklinks
from service.notify.message import AlertMessage, ItemLink, message_to_json

MAX_ITEM_LINKS = 5


@dataclass
class _Group:
    channel: str
    channel_type: str
    recipient: str
    persons: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    to: list[str] = field(default_factory=list)


def primary_destinations(ctx: AlertContext, recipient) -> list:
    """A person's destinations for a first try: bots and webhooks; e-mail only when that is all
    they have (e-mail is otherwise the fallback for a dead bot message)."""
    fallback = ctx.config.notify.fallback
    usable = [d for d in recipient.destinations if d.channel in ctx.config.channels]
    primary = [d for d in usable if d.type != fallback]
    return primary or usable


def fallback_destinations(ctx: AlertContext, recipient, failed_channel: str) -> list:
    """Where a person is tried when a message to ``failed_channel`` is dead."""
    fallback = ctx.config.notify.fallback
    return [d for d in recipient.destinations
            if d.type == fallback and d.channel != failed_channel
            and d.channel in ctx.config.channels]


def _groups(ctx: AlertContext, recipients: list, choose) -> list[_Group]:
    groups: dict[tuple[str, str], _Group] = {}
    for recipient in recipients:
        for dest in choose(recipient):
            kind = ctx.config.channels[dest.channel].type
            address = dest.to if kind == "email" else dest.channel
            if not address:
                continue
            group = groups.setdefault((dest.channel, address),
                                      _Group(dest.channel, kind, address))
            if recipient.person not in group.persons:
                group.persons.append(recipient.person)
                group.names.append(recipient.name)
            if kind != "email" and dest.to and dest.to not in group.to:
                group.to.append(dest.to)
            if kind == "email":
                group.to = [address]
    return list(groups.values())


def item_links(session: Session, alert_id: int) -> list[ItemLink]:
    """The first items of an alert, as links for its messages."""
    rows = session.execute(
        select(Item.title, Item.url, Source.name, Item.published_at)
        .join(AlertItem, AlertItem.item_id == Item.id).join(Source, Source.id == Item.source_id)
        .where(AlertItem.alert_id == alert_id).order_by(Item.id).limit(MAX_ITEM_LINKS)
    ).all()
    return [ItemLink(title=t, url=u, source=s, published_at=p) for t, u, s, p in rows]


def ack_deadline(alert: Alert) -> datetime | None:
    for deadline in alert.deadlines:
        if deadline["name"] == "ack" and not deadline.get("met_at"):
            return datetime.fromisoformat(deadline["due_at"])
    return None


def enqueue(session: Session, ctx: AlertContext, alert: Alert, *, step: str, kind: str,
            recipients: list, now: datetime, reason: str = "", choose=None,
            fallback_of: int | None = None,
            links: list[ItemLink] | None = None) -> list[Notification]:
    """Outbox rows for ``recipients`` (routing Recipients); rows already queued are skipped.

    The first step of a new alert has nothing queued or recorded yet, and its caller passes the
    item links: it runs without a query or a flush (most of the cost of a burst of alerts).
    """
    choose = choose or (lambda r: primary_destinations(ctx, r))
    fresh = step == "s0" and alert.step == 0 and links is not None
    if not fresh:
        session.flush()  # the queries below read rows this transaction may have added
    if links is None:
        links = item_links(session, alert.id)
    created = []
    queued = set() if fresh else {tuple(row) for row in session.execute(
        select(Notification.channel, Notification.recipient).where(
            Notification.alert_id == alert.id, Notification.step == step))}
    for group in _groups(ctx, recipients, choose):
        if (group.channel, group.recipient) in queued:
            continue
        token = acklinks.issue(session, secret=ctx.secret, alert_id=alert.id,
                               persons=group.persons, now=now,
                               ttl_seconds=ctx.config.notify.ack_link_ttl)
        message = AlertMessage(
            alert_id=alert.id, number=alert.number, kind=kind, step=_step_number(step),
            title=alert.title, level=alert.level, topic=alert.topic, place=alert.place,
            summary=alert.summary,
            casualties={"deaths": alert.deaths, "injured": alert.injured,
                        "missing": alert.missing},
            items=links, deadline_at=ack_deadline(alert), ack_url=ctx.ack_url(token),
            alert_url=ctx.alert_url(alert.id), reason=reason, recipients=group.names,
            mentions=group.to if group.channel_type != "email" else [],
            heightened=list(alert.decision.get("heightened", [])))
        row = Notification(
            alert_id=alert.id, step=step, kind=kind, channel=group.channel,
            channel_type=group.channel_type, recipient=group.recipient, persons=group.persons,
            to=group.to, message=message_to_json(message), next_attempt_at=now, created_at=now,
            fallback_of=fallback_of)
        session.add(row)
        created.append(row)
    known = set() if fresh else set(session.execute(select(AlertRecipient.person).where(
        AlertRecipient.alert_id == alert.id)).scalars())
    for recipient in recipients:
        if recipient.person not in known:
            known.add(recipient.person)
            session.add(AlertRecipient(alert_id=alert.id, person=recipient.person,
                                       first_step=_step_number(step), added_at=now))
    if created:
        record(session, alert.id, "notification_queued", at=now,
               message=f"{_describe(kind)}：通知 {'、'.join(_names(recipients))}",
               detail={"step": step, "kind": kind, "reason": reason,
                       "notifications": [{"channel": n.channel, "recipient": n.recipient,
                                          "persons": n.persons} for n in created]})
    return created


def _names(recipients: list) -> list[str]:
    return [r.name for r in recipients]


def _describe(kind: str) -> str:
    from service.notify.message import KINDS

    return KINDS.get(kind, kind)


def _step_number(step: str) -> int:
    digits = "".join(c for c in step if c.isdigit())
    return int(digits) if digits else 0
