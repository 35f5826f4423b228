"""Delivery that loses nothing: receivers down and back, a relay killed mid-way, rate limits
and digests, configuration errors and the e-mail fallback, reminders, operational alerts."""

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlmodel import Session

from service.models import (
    Alert,
    AlertEvent,
    DeliveryAttempt,
    Event,
    Notification,
    OutboxStatus,
)
from tests.alerting import (
    DING_SECRET,
    HOOK_SECRET,
    Driver,
    add_analysed_item,
    ensure_source,
    write_routing,
)
from tests.receivers import BotReceiver, SmtpReceiver, WebhookReceiver


@pytest.fixture
def receivers():
    with BotReceiver("dingtalk", secret=DING_SECRET) as ding, \
            WebhookReceiver(secret=HOOK_SECRET) as hook, SmtpReceiver() as smtp:
        yield ding, hook, smtp


def build(engine, clock, receivers, path, **kwargs):
    ding, hook, smtp = receivers
    routing = write_routing(path, ding_url=kwargs.pop("ding_url", ding.url), hook_url=hook.url,
                            smtp_port=smtp.port, **kwargs)
    return Driver(engine, routing, clock), routing


@pytest.fixture
def driver(engine, clock, receivers, tmp_path):
    driver, _ = build(engine, clock, receivers, tmp_path / "routing.yaml")
    yield driver
    driver.close()


def statuses(engine) -> dict[str, int]:
    with Session(engine) as session:
        return dict(session.execute(select(Notification.status, func.count())
                                    .group_by(Notification.status)).all())


def kinds(engine, alert_id: int | None = None) -> list[str]:
    with Session(engine) as session:
        query = select(AlertEvent.kind).order_by(AlertEvent.id)
        if alert_id is not None:
            query = query.where(AlertEvent.alert_id == alert_id)
        return list(session.execute(query).scalars())


def test_a_receiver_down_for_a_while_gets_every_message_once_when_back(
        driver, engine, clock, receivers):
    ding, hook, smtp = receivers
    hook.set_down(True)
    ding.set_down(True, mode="drop")
    with Session(engine) as session:
        for n in range(3):
            add_analysed_item(session, clock.now(), title=f"第{n}起火情", level="yellow",
                              place=f"镇{n}")
    for _ in range(3):  # attempts while down are retried with backoff, none is lost
        driver.cycle()
        clock.advance(5)
    assert hook.received == [] and ding.received == []
    assert statuses(engine).get("pending") == 6
    hook.set_down(False)
    ding.set_down(False)
    clock.advance(10)  # past the longest backoff (4 s), before the 60 s escalation wait
    driver.cycle()
    assert len(hook.received) == 3 and len(ding.received) == 3
    assert sorted({r.body["alert_id"] for r in hook.received}) == [1, 2, 3]
    assert statuses(engine) == {"sent": 6}
    with Session(engine) as session:
        failed = session.execute(select(func.count()).select_from(DeliveryAttempt)
                                 .where(DeliveryAttempt.ok.is_(False))).scalar_one()
        ok = session.execute(select(func.count()).select_from(DeliveryAttempt)
                             .where(DeliveryAttempt.ok)).scalar_one()
    assert failed >= 6 and ok == 6  # every attempt is in the ledger
    driver.cycle()
    assert len(hook.received) == 3  # and nothing is sent twice


KILLED_AFTER_COMMIT = """
import os, signal, sys
from datetime import datetime
from service.clock import FakeClock
from service.db import make_engine
from tests.alerting import Driver
from service.alerts.context import RoutingFile
routing = RoutingFile(sys.argv[2], secret="test-secret-key", public_url="http://127.0.0.1:8000")
clock = FakeClock(datetime.fromisoformat(sys.argv[3]))
driver = Driver(make_engine(sys.argv[1]), routing, clock)
driver.process()  # alerts and their outbox rows are committed ...
os.kill(os.getpid(), signal.SIGKILL)  # ... and the process dies before the relay sends
"""

KILLED_WHILE_SENDING = """
import os, signal, sys, threading
from datetime import datetime
from service.clock import FakeClock
from service.db import make_engine
from tests.alerting import Driver
from service.alerts.context import RoutingFile
routing = RoutingFile(sys.argv[2], secret="test-secret-key", public_url="http://127.0.0.1:8000")
clock = FakeClock(datetime.fromisoformat(sys.argv[3]))
driver = Driver(make_engine(sys.argv[1]), routing, clock)
threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGKILL)).start()
driver.deliver()  # the receiver answers slowly: killed after the claim, before the answer
"""


def run_and_kill(script: str, database_url: str, routing_path, clock) -> int:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(script), database_url,
                           str(routing_path), clock.now().isoformat()],
                          cwd=root, capture_output=True, timeout=60)
    return proc.returncode


def test_killed_between_commit_and_send_the_message_goes_out_after_restart(
        engine, clock, receivers, tmp_path, database_url):
    ding, hook, smtp = receivers
    path = tmp_path / "routing.yaml"
    driver, routing = build(engine, clock, receivers, path)
    try:
        with Session(engine) as session:
            add_analysed_item(session, clock.now(), title="仓库起火", level="yellow")
        code = run_and_kill(KILLED_AFTER_COMMIT, database_url, path, clock)
        assert code == -signal.SIGKILL
        assert statuses(engine) == {"pending": 2}
        assert hook.received == []
        driver.deliver()  # the restarted service
        assert len(hook.received) == 1 and len(ding.received) == 1
        assert statuses(engine) == {"sent": 2}
    finally:
        driver.close()


def test_killed_while_sending_the_lease_expires_and_the_message_is_sent(
        engine, clock, receivers, tmp_path, database_url):
    ding, hook, smtp = receivers
    path = tmp_path / "routing.yaml"
    driver, routing = build(engine, clock, receivers, path)
    try:
        with Session(engine) as session:
            add_analysed_item(session, clock.now(), title="仓库起火", level="yellow")
        driver.process()
        hook.delay = ding.delay = 3.0
        code = run_and_kill(KILLED_WHILE_SENDING, database_url, path, clock)
        assert code == -signal.SIGKILL
        assert statuses(engine) == {"sending": 2}
        hook.delay = ding.delay = 0.0
        driver.deliver()
        assert statuses(engine) == {"sending": 2}  # the lease still holds
        clock.advance(121)
        driver.deliver()
        assert statuses(engine) == {"sent": 2}
        # at least once: a copy may have reached the receiver before the kill
        assert 1 <= len(hook.received) <= 2
        numbers = {r.body["number"] for r in hook.received}
        assert len(numbers) == 1  # a duplicate carries the same alert number and step
    finally:
        driver.close()


def test_a_burst_beyond_the_robot_rate_becomes_one_digest(driver, engine, clock, receivers):
    ding, hook, smtp = receivers
    with Session(engine) as session:
        for n in range(25):
            add_analysed_item(session, clock.now(), title=f"第{n}处火情", level="blue",
                              place=f"地点{n}")
    report = driver.cycle()
    # the robot takes 18 a minute by default: 17 messages and one digest of the other 8
    assert len(ding.received) == 18
    assert report.digested == 7  # the digest's own row is "sent", the 7 it carries "digested"
    digest = str(ding.received[-1].body)
    assert "汇总" in digest and "第24处火情" in digest and "第17处火情" in digest
    assert statuses(engine) == {"sent": 25 + 18, "digested": 7}
    assert len(ding.attempts) == 18  # the robot never had to throttle us


def test_vendor_rate_limit_is_retried_after_the_throttle(driver, engine, clock, receivers):
    ding, hook, smtp = receivers
    ding.fail_next(1, 130101)  # "send too fast, exceed 20 times per minute"
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
    driver.cycle()
    assert ding.received == []
    with Session(engine) as session:
        row = session.execute(select(Notification).where(
            Notification.channel == "ding")).scalar_one()
    assert row.status == "pending" and row.last_code == "130101"
    assert row.next_attempt_at - clock.now() >= timedelta(seconds=60)
    clock.advance(601)  # DingTalk throttles for ten minutes
    driver.cycle()
    # the first message goes out now; by now the chain has also reached the principal
    titles = [r.body["markdown"]["title"] for r in ding.received]
    assert len(titles) == 2 and "新告警" in titles[0] and "升级" in titles[1]


def test_a_bad_signature_is_dead_at_once_and_falls_back_to_email(
        engine, clock, receivers, tmp_path):
    ding, hook, smtp = receivers
    wrong = BotReceiver("dingtalk", secret="SECsomethingelse")
    with wrong:
        driver, _ = build(engine, clock, receivers, tmp_path / "routing.yaml", ding_url=wrong.url)
        try:
            with Session(engine) as session:
                add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
            driver.cycle()
            with Session(engine) as session:
                dead = session.execute(select(Notification).where(
                    Notification.status == OutboxStatus.dead)).scalar_one()
            assert dead.last_code == "310000" and dead.attempts == 1
            driver.deliver()  # the fallback row is due at once
            assert [m.rcpt_tos for m in smtp.messages] == [["lead@example.gov.cn"]]
            subject = smtp.messages[0].message["subject"]
            assert "火" in subject and "YQ-" in subject
            assert "notification_dead" in kinds(engine)
        finally:
            driver.close()


def test_retries_stop_after_max_attempts_then_dead_and_fallback(driver, engine, clock,
                                                               receivers):
    ding, hook, smtp = receivers
    ding.set_down(True)
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
    for _ in range(6):
        driver.cycle()
        clock.advance(10)  # beyond the 4 s backoff cap
    with Session(engine) as session:
        row = session.execute(select(Notification).where(
            Notification.channel == "ding")).scalar_one()
    assert row.status == "dead" and row.attempts == 4
    # the leader's e-mail carries it instead (the duty officer's mail is the breached deadline)
    assert ["lead@example.gov.cn"] in [m.rcpt_tos for m in smtp.messages]


def test_reminders_after_acknowledgement(driver, engine, clock, receivers):
    from service.alerts.workflow import acknowledge

    ding, hook, smtp = receivers
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="厂房起火", level="yellow")
    driver.cycle()
    ctx = driver.pipe.routing.current()
    with Session(engine) as session:
        acknowledge(session, ctx, 1, actor="值班员", now=clock.now())
        session.commit()
    clock.advance(299)
    driver.cycle()
    assert "reminder" not in kinds(engine, 1)
    clock.advance(1)
    driver.cycle()
    assert kinds(engine, 1).count("reminder") == 1
    assert "续报" in str(hook.received[-1].body)
    clock.advance(300)
    driver.cycle()
    assert kinds(engine, 1).count("reminder") == 2


def test_a_source_down_is_an_alert_for_the_duty_officer_resolved_when_back(
        driver, engine, clock, receivers):
    ding, hook, smtp = receivers
    with Session(engine) as session:
        ensure_source(session, clock.now(), "gov")
        session.add(Event(kind="source_down", source_id="gov", created_at=clock.now(),
                          message="信息源「测试新闻网」连续 5 次采集失败", detail={}))
        session.commit()
    driver.cycle()
    with Session(engine) as session:
        alert = session.execute(select(Alert)).scalar_one()
    assert alert.kind == "source_down" and alert.status == "open"
    assert [m.rcpt_tos for m in smtp.messages] == [["duty@example.gov.cn"]]
    assert "信息源故障" in smtp.messages[0].message["subject"]
    with Session(engine) as session:  # a second down event while open adds no alert
        session.add(Event(kind="source_down", source_id="gov", created_at=clock.now(),
                          message="again", detail={}))
        session.add(Event(kind="source_recovered", source_id="gov", created_at=clock.now(),
                          message="信息源「测试新闻网」已恢复采集", detail={}))
        session.commit()
    driver.cycle()
    with Session(engine) as session:
        alerts = session.execute(select(Alert)).scalars().all()
    assert len(alerts) == 1 and alerts[0].status == "resolved"
    assert alerts[0].resolved_by == "system"


def test_several_topics_in_one_town_pile_up_and_raise_the_level(driver, engine, clock):
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇内涝", level="blue",
                          topic="flood_drought")
    driver.cycle()
    clock.advance(3600)
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="唐家湾镇一化工厂泄漏", level="blue",
                          topic="hazardous_chemicals")
    driver.cycle()
    with Session(engine) as session:
        first, second = session.execute(select(Alert).order_by(Alert.id)).scalars().all()
    assert first.level == "blue"
    assert second.level == "yellow" and second.raises == [
        "pile_up:flood_drought+hazardous_chemicals"]


def test_a_trending_story_raises_its_alert(driver, engine, clock, receivers):
    ding, hook, smtp = receivers
    with Session(engine) as session:
        _, story = add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
    driver.cycle()
    with Session(engine) as session:
        session.add(Event(kind="trending", created_at=clock.now(), message="报道激增",
                          detail={"series": f"story:{story}"}))
        session.commit()
    driver.cycle()
    with Session(engine) as session:
        alert = session.execute(select(Alert)).scalar_one()
    assert alert.level == "yellow" and "trending" in alert.raises
    assert "upgraded" in kinds(engine, alert.id)


def test_config_edits_never_change_alerts_in_flight(engine, clock, receivers, tmp_path):
    ding, hook, smtp = receivers
    path = tmp_path / "routing.yaml"
    driver, routing = build(engine, clock, receivers, path)
    try:
        with Session(engine) as session:
            add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
        driver.cycle()
        # the bureau shortens the wait and sends step 2 to the ideology lead instead
        chain = """
          standard:
            steps:
              - {notify: [division, division_lead], wait: 5}
              - {notify: [ideology_lead]}
          duty:
            steps:
              - {notify: [duty_officer]}
        """
        write_routing(path, ding_url=ding.url, hook_url=hook.url, smtp_port=smtp.port,
                      chain=chain)
        os.utime(path, (clock.now().timestamp() + 5,) * 2)
        clock.advance(30)
        driver.cycle()
        assert len(ding.received) == 1  # the frozen wait is 60 s
        clock.advance(30)
        driver.cycle()
        assert ding.received[-1].body["at"]["atMobiles"] == ["13800000001"]  # the principal
    finally:
        driver.close()


def test_two_relays_never_send_one_row_twice(engine, clock, receivers, tmp_path):
    ding, hook, smtp = receivers
    first, routing = build(engine, clock, receivers, tmp_path / "routing.yaml")
    second, _ = build(engine, clock, receivers, tmp_path / "routing.yaml")
    try:
        with Session(engine) as session:
            for n in range(10):
                add_analysed_item(session, clock.now(), title=f"火情{n}", level="blue",
                                  place=f"地点{n}")
        first.process()
        hook.delay = 0.05
        import threading

        threads = [threading.Thread(target=d.deliver) for d in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(hook.received) == 10
        assert len({r.body["alert_id"] for r in hook.received}) == 10
    finally:
        first.close()
        second.close()


def test_two_instances_never_both_fire_a_step(engine, clock, receivers, tmp_path):
    ding, hook, smtp = receivers
    first, _ = build(engine, clock, receivers, tmp_path / "routing.yaml")
    second, _ = build(engine, clock, receivers, tmp_path / "routing.yaml")
    try:
        with Session(engine) as session:
            add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
        first.process()
        clock.advance(60)
        import threading

        threads = [threading.Thread(target=d.tick) for d in (first, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert kinds(engine, 1).count("escalated") == 1
        with Session(engine) as session:
            session.execute(update(Alert).values(next_due_at=None))
            session.commit()
    finally:
        first.close()
        second.close()


def test_an_escalation_queued_before_the_ack_is_not_sent_after_it(driver, engine, clock,
                                                                 receivers):
    from service.alerts.workflow import acknowledge

    ding, hook, smtp = receivers
    with Session(engine) as session:
        add_analysed_item(session, clock.now(), title="厂房起火", level="blue")
    driver.cycle()
    clock.advance(60)
    driver.process()
    driver.tick()  # the escalation to the principal is queued ...
    with Session(engine) as session:  # ... and the leader acknowledges before it goes out
        acknowledge(session, driver.pipe.routing.current(), 1, actor="分管副局长",
                    now=clock.now())
        session.commit()
    report = driver.deliver()
    assert report.skipped == 1
    assert [r.body["at"]["atMobiles"] for r in ding.received] == [["13800000003"]]
    assert statuses(engine).get("skipped") == 1
