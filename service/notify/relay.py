"""The outbox relay: claim due notifications, send them, record every attempt.

Claiming is a conditional UPDATE per row (pending and due, or sending with an expired lease),
so two relays never send one row at the same time, on PostgreSQL or SQLite. A relay killed
after its claim leaves the row 'sending' until the lease runs out; then it is sent again
(at-least-once: the alert number and step in every message make a duplicate recognisable).

Per channel, the attempts of the last minute are counted from the ledger; when more rows wait
than the channel's rate allows, the surplus to one recipient is merged into a digest.
"""

import asyncio
import logging
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlmodel import Session

from service.alerts.context import AlertContext
from service.alerts.timeline import record
from service.models import DeliveryAttempt, Notification, OutboxStatus
from service.notify.channels import Sender, SendResult
from service.notify.channels.config import BOT_TYPES
from service.notify.message import message_from_json

log = logging.getLogger(__name__)
RATE_WINDOW = timedelta(minutes=1)
PARALLEL_SENDS = 8  # concurrent sends through one e-mail server or webhook


@dataclass
class RelayReport:
    sent: int = 0
    digested: int = 0
    retried: int = 0
    dead: int = 0
    deferred: int = 0
    skipped: int = 0
    fallbacks: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)


class Relay:
    """Sends what the outbox holds; one per process, run by the scheduler and after changes."""

    def __init__(self, engine: Engine, sender: Sender | None = None, *, lease_seconds=120.0,
                 batch_size: int = 200, rng: random.Random | None = None, metrics=None):
        self.engine = engine
        self.sender = sender or Sender()
        self.lease = timedelta(seconds=lease_seconds)
        self.batch_size = batch_size
        self.rng = rng or random.Random()
        self.metrics = metrics

    async def aclose(self) -> None:
        await self.sender.aclose()

    async def run_once(self, ctx: AlertContext, now: datetime) -> RelayReport:
        """One pass over the due rows."""
        report = RelayReport()
        rows = await asyncio.to_thread(self._claim, now)
        rows = await asyncio.to_thread(self._drop_stale, rows, now, report)
        groups: dict[tuple[str, str], list[Notification]] = defaultdict(list)
        for row in rows:
            groups[(row.channel, row.recipient)].append(row)
        by_channel: dict[str, list[list[Notification]]] = defaultdict(list)
        for (channel, _), group in groups.items():
            by_channel[channel].append(group)
        await asyncio.gather(*(self._channel(ctx, channel, batches, now, report)
                               for channel, batches in by_channel.items()))
        return report

    def _claim(self, now: datetime) -> list[Notification]:
        due = or_(and_(Notification.status == OutboxStatus.pending,
                       Notification.next_attempt_at <= now),
                  and_(Notification.status == OutboxStatus.sending,
                       Notification.claimed_until <= now))
        claimed = []
        with Session(self.engine, expire_on_commit=False) as session:
            query = select(Notification.id).where(due).order_by(Notification.id).limit(
                self.batch_size)
            if session.get_bind().dialect.name == "postgresql":
                # rows another relay is claiming right now are passed over, not waited for
                query = query.with_for_update(skip_locked=True)
            ids = session.execute(query).scalars().all()
            if ids:  # one UPDATE for the batch; `due` again, for SQLite (no row locks)
                claimed = list(session.execute(
                    update(Notification).where(Notification.id.in_(ids), due)
                    .values(status=OutboxStatus.sending, claimed_until=now + self.lease,
                            attempts=Notification.attempts + 1)
                    .returning(Notification.id)
                    .execution_options(synchronize_session=False)).scalars())
            session.commit()
            if not claimed:
                return []
            return list(session.execute(select(Notification).where(
                Notification.id.in_(claimed)).order_by(Notification.id)).scalars())

    def _drop_stale(self, rows: list[Notification], now: datetime,
                    report: RelayReport) -> list[Notification]:
        """Rows the alert's state has overtaken (an escalation for an acknowledged alert,
        anything but its closing news for a resolved one) are skipped, not sent."""
        from service.models import Alert

        if not rows:
            return rows
        keep = []
        with Session(self.engine) as session:
            states = dict(session.execute(select(Alert.id, Alert.status).where(
                Alert.id.in_({r.alert_id for r in rows}))).all())
            for row in rows:
                state = states.get(row.alert_id)
                stale = (state == "resolved" and row.kind != "resolved") or (
                    state in ("acknowledged", "in_progress") and row.kind == "escalation")
                if not stale:
                    keep.append(row)
                    continue
                session.execute(update(Notification).where(Notification.id == row.id).values(
                    status=OutboxStatus.skipped, claimed_until=None,
                    last_error=f"alert {state} before sending"))
                label = "已办结" if state == "resolved" else "已签收"
                record(session, row.alert_id, "notification_dead", at=now,
                       message=f"告警{label}，未再发送 {row.channel} → {row.recipient}",
                       detail={"notification": row.id, "skipped": True, "state": state})
                report.skipped += 1
            session.commit()
        return keep

    def _budget(self, channel: str, limit: int, now: datetime) -> int:
        with Session(self.engine) as session:
            used = session.execute(select(func.coalesce(func.count(), 0)).where(
                DeliveryAttempt.channel == channel,
                DeliveryAttempt.at > now - RATE_WINDOW)).scalar_one()
        return limit - used

    async def _channel(self, ctx: AlertContext, channel: str,
                       groups: list[list[Notification]], now: datetime,
                       report: RelayReport) -> None:
        config = ctx.config.channels.get(channel)
        if config is None:
            missing = SendResult(ok=False, config_error=True, code="unknown-channel",
                                 detail=f"channel {channel!r} is not in routing.yaml")
            outcomes = [([row], missing, 0) for group in groups for row in group]
            await asyncio.to_thread(self._finish_all, ctx, outcomes, now, report)
            return
        budget = await asyncio.to_thread(self._budget, channel, config.rate_per_minute, now)
        sends: list[list[Notification]] = []
        for group in groups:
            if budget <= 0:
                await asyncio.to_thread(self._defer, group, now + RATE_WINDOW / 2, report)
                continue
            singles = group if len(group) <= budget else group[:budget - 1]
            rest = group[len(singles):]
            for rows in [[row] for row in singles] + ([rest] if rest else []):
                sends.append(rows)
                budget -= 1
        # robots take messages one at a time and in order; mail and webhooks in parallel
        gate = asyncio.Semaphore(1 if config.type in BOT_TYPES else PARALLEL_SENDS)
        spacing = 1.0 / config.rate_per_second if config.rate_per_second else 0.0

        async def send(rows: list[Notification]):
            async with gate:
                started = time.monotonic()
                messages = [message_from_json(row.message) for row in rows]
                to = sorted({t for row in rows for t in row.to})
                result = await self.sender.send(config, messages, to)
                if spacing:
                    await asyncio.sleep(spacing)
                return rows, result, int((time.monotonic() - started) * 1000)

        outcomes = await asyncio.gather(*(send(rows) for rows in sends))
        await asyncio.to_thread(self._finish_all, ctx, outcomes, now, report)

    def _defer(self, rows: list[Notification], until: datetime, report: RelayReport) -> None:
        with Session(self.engine) as session:
            for row in rows:
                session.execute(update(Notification).where(Notification.id == row.id).values(
                    status=OutboxStatus.pending, next_attempt_at=until, claimed_until=None,
                    attempts=Notification.attempts - 1))
            session.commit()
        report.deferred += len(rows)

    def _finish_all(self, ctx: AlertContext, outcomes: list, now: datetime,
                    report: RelayReport) -> None:
        """Record the outcomes of one channel's sends in one transaction."""
        if not outcomes:
            return
        # one read of the rows, then every change written at the commit, a statement per table
        with Session(self.engine, expire_on_commit=False, autoflush=False) as session:
            ids = [row.id for rows, _, _ in outcomes for row in rows]
            loaded = {row.id: row for row in session.execute(
                select(Notification).where(Notification.id.in_(ids))).scalars()}
            for rows, result, elapsed_ms in outcomes:
                self._finish(session, ctx, [loaded[row.id] for row in rows], result, now,
                             elapsed_ms, report)
            session.commit()

    def _finish(self, session: Session, ctx: AlertContext, rows: list[Notification],
                result: SendResult, now: datetime, elapsed_ms: int,
                report: RelayReport) -> None:
        head = rows[0]
        session.add(DeliveryAttempt(notification_id=head.id, channel=head.channel, at=now,
                                    ok=result.ok, code=result.code,
                                    detail=result.detail[:2000], messages=len(rows),
                                    duration_ms=elapsed_ms))
        omitted = {rows[i].id for i in result.omitted} if result.ok else set()
        carried = len(rows) - len(omitted)
        for row in rows:
            row.last_code, row.claimed_until = result.code, None
            if row.id in omitted:  # did not fit in the digest: the next pass takes it
                row.status, row.next_attempt_at = OutboxStatus.pending, now
                row.attempts -= 1
            elif result.ok and result.refused:  # the mail server refused this address
                self._dead(session, ctx, row, SendResult(
                    ok=False, config_error=True, code=result.code,
                    detail=f"recipient refused: {', '.join(result.refused)}"), now, report)
            elif result.ok:
                self._sent(session, row, head, now, carried, report)
            elif result.code == "disabled":
                row.status, row.last_error = OutboxStatus.skipped, result.detail
                record(session, row.alert_id, "notification_dead", at=now,
                       message=f"通道 {row.channel} 已停用，未发送",
                       detail={"notification": row.id, "skipped": True})
            elif result.rate_limited or (result.retryable and not result.config_error):
                self._retry(session, ctx, row, result, now, report)
            else:
                self._dead(session, ctx, row, result, now, report)
        if self.metrics is not None:
            self.metrics.notifications.labels(head.channel_type,
                                              "ok" if result.ok else "error").inc()

    def _sent(self, session: Session, row: Notification, head: Notification, now: datetime,
              count: int, report: RelayReport) -> None:
        row.status = OutboxStatus.sent if row.id == head.id else OutboxStatus.digested
        row.digest_of = head.id if count > 1 else None
        row.sent_at, row.last_error = now, None
        report.sent += row.id == head.id
        report.digested += row.id != head.id
        report.by_channel[row.channel] = report.by_channel.get(row.channel, 0) + 1
        how = f"（汇总消息，共{count}条）" if count > 1 else ""
        record(session, row.alert_id, "notification_sent", at=now,
               message=f"通知已送达 {row.channel} → {'、'.join(row.persons) or row.recipient}{how}",
               detail={"notification": row.id, "step": row.step, "channel": row.channel,
                       "recipient": row.recipient, "attempts": row.attempts,
                       "digest_of": row.digest_of})

    def _retry(self, session: Session, ctx: AlertContext, row: Notification,
               result: SendResult, now: datetime, report: RelayReport) -> None:
        policy = ctx.config.notify
        if result.rate_limited:
            row.attempts -= 1  # a throttle is not the message's fault
            delay = result.retry_after or RATE_WINDOW.total_seconds()
        elif row.attempts >= policy.max_attempts:
            self._dead(session, ctx, row, result, now, report)
            return
        else:  # "full jitter": uniform between zero and the capped exponential
            delay = self.rng.uniform(0, min(policy.backoff_cap,
                                            policy.backoff_base * 2 ** (row.attempts - 1)))
        row.status, row.last_error = OutboxStatus.pending, result.detail
        row.next_attempt_at = now + timedelta(seconds=delay)
        report.retried += 1
        code = result.code or "网络错误"
        record(session, row.alert_id, "notification_failed", at=now,
               message=f"发送失败（{code}），{int(delay)}秒后重试：{row.channel}",
               detail={"notification": row.id, "code": result.code, "error": result.detail,
                       "attempts": row.attempts, "retry_in": delay,
                       "rate_limited": result.rate_limited})

    def _dead(self, session: Session, ctx: AlertContext, row: Notification,
              result: SendResult, now: datetime, report: RelayReport) -> None:
        from service.alerts.deliver import enqueue, fallback_destinations
        from service.alerts.recipients import people

        row.status, row.last_error = OutboxStatus.dead, result.detail
        report.dead += 1
        record(session, row.alert_id, "notification_dead", at=now,
               message=f"通知放弃发送（{result.code or '多次失败'}）：{row.channel} → "
                       f"{'、'.join(row.persons) or row.recipient}",
               detail={"notification": row.id, "code": result.code, "error": result.detail,
                       "attempts": row.attempts})
        log.warning("notification %s to %s is dead: %s %s", row.id, row.channel, result.code,
                    result.detail)
        if row.fallback_of is not None:
            return
        from service.models import Alert

        alert = session.get(Alert, row.alert_id)
        recipients = people(ctx.config, row.persons)
        created = enqueue(session, ctx, alert, step=row.step, kind=row.kind,
                          recipients=recipients, now=now,
                          reason=row.message.get("reason", ""), fallback_of=row.id,
                          choose=lambda r: fallback_destinations(ctx, r, row.channel))
        report.fallbacks += len(created)


def redrive(engine: Engine, now: datetime, *, ids: list[int] | None = None) -> int:
    """Send dead notifications again (all of them, or the given ids)."""
    with Session(engine) as session:
        query = update(Notification).where(Notification.status == OutboxStatus.dead)
        if ids:
            query = query.where(Notification.id.in_(ids))
        count = session.execute(query.values(status=OutboxStatus.pending, attempts=0,
                                             next_attempt_at=now)).rowcount
        session.commit()
    return count
