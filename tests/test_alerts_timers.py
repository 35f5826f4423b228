"""Alert timers and operational alerts: reminders after 签收, source-down alerts, pile-up,
trending raises, frozen chains under config edits, and two instances or relays at once."""

import os

from sqlalchemy import select, update
from sqlmodel import Session

from service.models import (
    Alert,
    Event,
)
from tests.alerting import (
    add_analysed_item,
    ensure_source,
    write_routing,
)
from tests.delivering import build, kinds, statuses


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
