"""Delivery that loses nothing: receivers down and back, a relay killed mid-way, rate limits
and digests, configuration errors and the e-mail fallback, reminders, operational alerts."""

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from service.models import (
    DeliveryAttempt,
    Notification,
    OutboxStatus,
)
from tests.alerting import (
    add_analysed_item,
)
from tests.delivering import build, kinds, statuses
from tests.receivers import BotReceiver


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
