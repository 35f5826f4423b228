"""Scripted timelines (in the style of Alertmanager's acceptance tests): alerts created from
stored analyses, routed, escalated on a fake clock, delivered to real local receivers that
check signatures, and acknowledged through the link."""

import re
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from service.api.app import create_app
from service.models import Alert, AlertEvent, Notification
from tests.alerting import Driver, add_analysed_item, write_routing
from tests.receivers import BotReceiver


@pytest.fixture
def world(engine, clock, receivers, tmp_path):
    ding, hook, smtp = receivers
    routing = write_routing(tmp_path / "routing.yaml", ding_url=ding.url, hook_url=hook.url,
                            smtp_port=smtp.port)
    driver = Driver(engine, routing, clock)
    yield driver, routing, ding, hook, smtp
    driver.close()


def mentioned(ding: BotReceiver) -> list[list[str]]:
    return [d.body.get("at", {}).get("atMobiles", []) for d in ding.received]


def timeline(engine, alert_id: int) -> list[str]:
    with Session(engine) as session:
        return list(session.execute(select(AlertEvent.kind).where(
            AlertEvent.alert_id == alert_id).order_by(AlertEvent.id)).scalars())


def the_alert(engine) -> Alert:
    with Session(engine) as session:
        return session.execute(select(Alert)).scalar_one()


def test_orange_fire_escalates_to_the_principal_until_acknowledged_by_link(
        world, engine, clock, settings):
    driver, routing, ding, hook, smtp = world
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇一厂房起火致12人死亡",
                          level="orange", deaths=12)
    # t=0: the story appears; the division (webhook) and its leader (DingTalk) are told
    report = driver.cycle()
    assert report.sent == 2
    alert = the_alert(engine)
    assert alert.level == "orange" and alert.division == "disaster"
    assert alert.number.startswith("YQ-20261126-")
    assert mentioned(ding) == [["13800000003"]]
    assert len(hook.received) == 1 and hook.received[0].body["level"] == "orange"
    ack_due = datetime.fromisoformat(alert.deadlines[0]["due_at"])
    assert clock.now() < ack_due  # notified within the acknowledgement deadline
    # nobody acknowledges; just before the wait nothing more happens
    clock.advance(59)
    driver.cycle()
    assert mentioned(ding) == [["13800000003"]]
    # at the configured wait the principal is notified
    clock.advance(1)
    report = driver.cycle()
    assert mentioned(ding) == [["13800000003"], ["13800000001"]]
    text = ding.received[-1].body
    assert "重大" in str(text) and "升级" in str(text)
    assert "escalated" in timeline(engine, alert.id)
    # the acknowledgement deadline (30 s) has passed: breach recorded, the duty officer told
    assert "deadline_breached" in timeline(engine, alert.id)
    assert any("duty@example.gov.cn" in m.rcpt_tos for m in smtp.messages)
    # the principal opens the link: the page only asks for confirmation
    link = re.search(r"http://127\.0\.0\.1:8000(/ack/[\w.\-]+)", str(text)).group(1)
    app = create_app(settings, engine=engine, clock=clock, routing=routing)
    with TestClient(app) as client:
        page = client.get(link)
        assert page.status_code == 200 and "确认签收" in page.text
        assert the_alert(engine).status == "open"
        confirmed = client.post(link)
        assert confirmed.status_code == 200 and "签收成功" in confirmed.text
        again = client.post(link)
        assert again.status_code == 410  # single use
    alert = the_alert(engine)
    assert alert.status == "acknowledged" and alert.acknowledged_by == "局长"
    # the chain has stopped: later ticks send no further escalation
    before = len(ding.received)
    clock.advance(120)
    driver.cycle()
    assert len(ding.received) == before
    with Session(engine) as session:
        steps = set(session.execute(select(Notification.step)).scalars())
    assert "s2" not in steps


def test_a_missed_tick_fires_every_step_that_came_due(world, engine, clock, tmp_path):
    driver, routing, ding, hook, smtp = world
    chain = """
      standard:
        steps:
          - {notify: [division], wait: 60}
          - {notify: [division_lead], wait: 60}
          - {notify: [principal]}
      duty:
        steps:
          - {notify: [duty_officer]}
    """
    routing = write_routing(tmp_path / "routing2.yaml", ding_url=ding.url, hook_url=hook.url,
                            smtp_port=smtp.port, chain=chain)
    driver = Driver(engine, routing, clock)
    try:
        with Session(engine) as session:
            add_analysed_item(session, clock.now(), title="某镇仓库火灾", level="blue")
        driver.cycle()
        clock.advance(600)  # the scheduler was down for ten minutes
        driver.cycle()
        assert mentioned(ding) == [["13800000003"], ["13800000001"]]
        events = [e for e in timeline(engine, the_alert(engine).id) if e == "escalated"]
        assert len(events) == 2
    finally:
        driver.close()


def test_ledger_is_unique_per_alert_step_channel_recipient(world, engine, clock):
    driver, *_ = world
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="某厂房火灾", level="yellow")
    driver.cycle()
    driver.cycle()
    with Session(engine) as session:
        rows = session.execute(select(Notification.alert_id, Notification.step,
                                      Notification.channel, Notification.recipient)).all()
    assert len(rows) == len(set(rows)) == 2


def test_a_new_item_joining_the_story_at_a_higher_level_upgrades_and_notifies(
        world, engine, clock):
    driver, routing, ding, hook, smtp = world
    with Session(engine) as session:
        _, story = add_analysed_item(session, clock.now(), title="某厂房起火", level="blue")
    driver.cycle()
    assert the_alert(engine).level == "blue"
    clock.advance(10)
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="某厂房起火已致3人死亡", level="yellow",
                          deaths=3, story=story)
    driver.cycle()
    alert = the_alert(engine)
    assert alert.level == "yellow" and alert.item_count == 2 and alert.deaths == 3
    kinds = timeline(engine, alert.id)
    assert "upgraded" in kinds and "item_added" in kinds
    assert "级别上调" in str(ding.received[-1].body)


def test_heightened_day_raises_the_level(world, engine, clock):
    driver, *_ = world
    clock.set(datetime(2026, 10, 1, 2, 0, tzinfo=UTC))  # 国庆节
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="景区附近山火", level="blue")
    driver.cycle()
    alert = the_alert(engine)
    assert alert.level == "yellow" and alert.base_level == "blue"
    assert "国庆节" in " ".join(alert.decision["raised"])
    # deadlines shorten by the configured factor (30 s × 0.5)
    ack = next(d for d in alert.deadlines if d["name"] == "ack")
    assert ack["seconds"] == 15


def test_a_silence_mutes_until_it_expires(world, engine, clock, settings):
    driver, routing, ding, hook, smtp = world
    app = create_app(settings, engine=engine, clock=clock, routing=routing)
    from service.models import Role
    from service.users import create_user, issue_token

    with Session(engine) as session:
        user = create_user(session=session, name="值班员甲", role=Role.duty, division=None,
                           now=clock.now())
        token = issue_token(session=session, user=user, now=clock.now())
        session.commit()
    with TestClient(app) as client:
        created = client.post("/api/v1/silences", headers={"Authorization": f"Bearer {token}"},
                              json={"matchers": {"topic": "fire", "place": "唐家湾镇"},
                                    "ends_at": "2026-11-26T02:10:00+00:00",
                                    "comment": "演练，已知情况"})
        assert created.status_code == 201, created.text
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇消防演练现场起火", level="blue")
    driver.cycle()
    alert = the_alert(engine)
    assert alert.silenced_by == f"silence:{created.json()['id']}"
    assert ding.received == [] and hook.received == []
    assert "silenced" in timeline(engine, alert.id)
    clock.advance(600)  # the silence ends
    driver.cycle()
    assert the_alert(engine).silenced_by is None
    assert len(hook.received) == 1 and mentioned(ding) == [["13800000003"]]
    assert "unsilenced" in timeline(engine, alert.id)


def test_a_higher_alert_on_the_same_event_inhibits_the_lower(world, engine, clock):
    driver, *_ = world
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇厂房起火", level="blue")
    driver.cycle()
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇大火已致12人遇难", level="orange",
                          deaths=12)
    driver.cycle()
    with Session(engine) as session:
        alerts = session.execute(select(Alert).order_by(Alert.id)).scalars().all()
    low, high = alerts
    assert low.inhibited_by == high.id and low.next_due_at is None
    assert high.inhibited_by is None
    clock.advance(120)
    driver.cycle()
    assert "escalated" not in timeline(engine, low.id)
    assert "escalated" in timeline(engine, high.id)


def test_the_timeline_is_append_only_in_the_database(world, engine, clock):
    from sqlalchemy import delete, update
    from sqlalchemy.exc import DBAPIError

    driver, *_ = world
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
    driver.cycle()
    for statement in (update(AlertEvent).values(message="改写"), delete(AlertEvent)):
        with Session(engine) as session, pytest.raises(DBAPIError, match="append-only"):
            session.execute(statement)
            session.commit()
    assert len(timeline(engine, the_alert(engine).id)) >= 3


def test_alerts_made_in_one_batch_see_each_other(world, engine, clock):
    """A burst becomes alerts a batch at a time: a higher alert in the same batch inhibits a
    lower one on the same event before it notifies anybody, and it does so once."""
    driver, routing, ding, hook, smtp = world
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇厂房起火", level="blue")
        add_analysed_item(session, clock.now(), title="唐家湾镇大火已致12人遇难", level="orange",
                          deaths=12)
        add_analysed_item(session, clock.now(), title="横琴一仓库起火", level="blue",
                          place="横琴")
    report = driver.process()
    assert report.created == 3 and report.inhibited == 1
    driver.deliver()
    with Session(engine) as session:
        low, high, other = session.execute(select(Alert).order_by(Alert.id)).scalars().all()
        queued = {alert_id for alert_id in session.execute(select(Notification.alert_id))
                  .scalars()}
    assert low.inhibited_by == high.id and high.inhibited_by is None
    assert other.inhibited_by is None and other.number.endswith(f"{other.id:05d}")
    assert queued == {high.id, other.id}  # the lower one told nobody
    assert timeline(engine, low.id).count("inhibited") == 1
    assert "notification_queued" not in timeline(engine, low.id)


def test_topics_piling_up_within_one_batch_raise_the_later_alert(world, engine, clock):
    driver, *_ = world
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇内涝", level="blue",
                          topic="flood_drought")
        add_analysed_item(session, clock.now(), title="唐家湾镇一化工厂泄漏", level="blue",
                          topic="hazardous_chemicals")
    driver.process()
    with Session(engine) as session:
        first, second = session.execute(select(Alert).order_by(Alert.id)).scalars().all()
    assert first.level == "blue" and first.raises == []
    assert second.level == "yellow" and second.raises == [
        "pile_up:flood_drought+hazardous_chemicals"]


def test_the_reads_of_a_batch_do_not_grow_with_its_alerts(world, engine, clock):
    """New alerts cost a few reads and updates per batch, not a dozen statements each (the
    latency of a burst); inserts are grouped per table where the database driver can."""
    from collections import Counter

    from sqlalchemy import event

    driver, *_ = world

    def statements_for(count: int) -> Counter:
        with Session(engine) as session:
            for n in range(count):
                add_analysed_item(session, clock.now(), title=f"第{n}号厂房起火",
                                  level="yellow", place=f"测试镇{count}-{n}")
        seen: Counter = Counter()

        def before(conn, cursor, statement, parameters, context, executemany):
            seen[statement.split()[0].upper()] += 1

        event.listen(engine, "before_cursor_execute", before)
        try:
            assert driver.process().created == count
        finally:
            event.remove(engine, "before_cursor_execute", before)
        return seen

    few, many = statements_for(3), statements_for(20)
    for verb in ("SELECT", "UPDATE"):
        assert many[verb] == few[verb], (verb, few, many)
    assert many["SELECT"] <= 10
