"""The handling workflow (签收 → 处置 → 办结) through the API, and who sees what."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from service.alerts.context import RoutingFile
from service.api.app import create_app
from service.models import Notification, Role
from tests.alerting import (
    routing_yaml,
)
from tests.alerts_api.support import LIST, ids, login, raise_alert, stored, timeline

# --- workflow ------------------------------------------------------------------------------

def test_the_workflow_and_its_append_only_timeline(client, engine, clock, driver):
    alert_id = raise_alert(engine, clock, driver, "乙镇厂房大火致12人死亡", level="orange",
                           place="乙镇", deaths=12)
    other = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    assert driver.deliver().sent == 4
    duty = login(engine, clock, "值班员甲")
    history = [timeline(engine, alert_id)]

    def step(action: str, body: dict | None, expect: int, actor: str = "值班员甲",
             kind: str | None = None, headers: dict = duty, target: int = alert_id):
        response = client.post(f"{LIST}/{target}/{action}", headers=headers, json=body)
        assert response.status_code == expect, (action, response.text)
        now = timeline(engine, alert_id)
        previous = history[-1]
        assert now[:len(previous)] == previous  # entries are never changed or removed
        if expect == 200 and target == alert_id:
            added = now[len(previous):]
            assert added and added[-1][1] == kind and added[-1][2] == actor
            assert all(entry[4] == clock.now() for entry in added)
        else:
            assert now == previous  # a refused action leaves no trace
        history.append(now)
        return response.json()

    analyst = login(engine, clock, "分析员", Role.analyst)
    refused = step("ack", {}, 403, headers=analyst)
    assert refused["detail"] == "当前角色不能处置告警"
    step("notes", {"text": "看看"}, 403, headers=analyst)
    step("resolve", None, 403, headers=analyst)
    assert step("assign", {"assignee": "张三"}, 409)["detail"] == "请先签收告警，再指派处置人"

    clock.advance(10)
    acked = step("ack", {"comment": "已电话核实"}, 200, kind="acknowledged")
    assert acked["status"] == "acknowledged" and acked["acknowledged_by"] == "值班员甲"
    assert acked["next_due_at"] is None
    assert history[-1][-1][3] == "值班员甲 签收：已电话核实"
    alert = stored(engine, alert_id)
    assert alert.reminder_due_at == clock.now() + timedelta(seconds=300)
    ack_deadline = next(d for d in alert.deadlines if d["name"] == "ack")
    assert ack_deadline["met_at"] == clock.now().isoformat()
    again = step("ack", {}, 409)
    assert again["detail"] == "告警已签收，无需重复签收"

    clock.advance(10)
    assigned = step("assign", {"assignee": "防灾减灾科李四", "comment": "请现场核实"}, 200,
                    kind="assigned")
    assert assigned["status"] == "in_progress" and assigned["assignee"] == "防灾减灾科李四"
    assert step("ack", None, 409)["detail"] == "告警已进入处置，无需重复签收"
    step("assign", {"assignee": ""}, 422)

    clock.advance(10)
    step("notes", {"text": "现场明火已扑灭"}, 200, kind="note")
    deadlines = {d["name"]: d for d in stored(engine, alert_id).deadlines}
    assert deadlines["report"]["met_at"] is None
    clock.advance(10)
    step("notes", {"text": "初报：12人死亡，原因调查中", "kind": "report"}, 200, kind="report")
    deadlines = {d["name"]: d for d in stored(engine, alert_id).deadlines}
    assert deadlines["report"]["met_at"] == clock.now().isoformat()
    assert deadlines["report"]["breached_at"] is None
    assert deadlines["respond"]["met_at"] is None
    assert history[-1][-2][1] == "deadline_met"  # the deadline, then the report itself
    clock.advance(10)
    step("notes", {"text": "已通过官方微博发布通报", "kind": "response"}, 200, kind="report")
    deadlines = {d["name"]: d for d in stored(engine, alert_id).deadlines}
    assert deadlines["respond"]["met_at"] == clock.now().isoformat()
    for bad in ({"text": ""}, {"text": "x", "kind": "gossip"}, {}, {"text": "x" * 5001}):
        step("notes", bad, 422)

    clock.advance(10)
    resolved = step("resolve", {"comment": "善后工作完成"}, 200, kind="resolved")
    assert resolved["status"] == "resolved" and resolved["next_due_at"] is None
    alert = stored(engine, alert_id)
    assert alert.resolved_by == "值班员甲" and alert.resolved_at == clock.now()
    assert alert.next_due_at is alert.reminder_due_at is alert.deadline_due_at is None
    assert step("ack", {}, 409)["detail"] == "告警已办结，无需重复签收"
    assert step("assign", {"assignee": "张三"}, 409)["detail"] == "告警已办结，不能再指派"
    assert step("resolve", {}, 409)["detail"] == "告警已办结"
    # the stopped timers stay stopped: hours later no reminder, escalation or breach
    before = len(history[-1])
    clock.advance(hours=6)
    driver.cycle()
    assert timeline(engine, alert_id)[before:] == [], timeline(engine, alert_id)[before:]
    with Session(engine) as session:
        steps = set(session.execute(select(Notification.step).where(
            Notification.alert_id == alert_id)).scalars())
    assert steps == {"s0"}
    # the other alert went on escalating meanwhile: timers are per alert
    assert "escalated" in [e[1] for e in timeline(engine, other)]
    # the whole story, as the detail shows it
    detail = client.get(f"{LIST}/{alert_id}", headers=duty).json()
    actions = [(e["kind"], e["actor"]) for e in detail["timeline"] if e["actor"] != "system"]
    assert actions == [("acknowledged", "值班员甲"), ("assigned", "值班员甲"),
                       ("note", "值班员甲"), ("report", "值班员甲"), ("report", "值班员甲"),
                       ("resolved", "值班员甲")]


def test_ack_and_resolve_need_no_body(client, engine, clock, driver):
    first = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    second = raise_alert(engine, clock, driver, "乙镇仓库起火", place="乙镇")
    duty = login(engine, clock, "值班员甲")
    acked = client.post(f"{LIST}/{first}/ack", headers=duty)
    assert acked.status_code == 200, acked.text
    assert client.post(f"{LIST}/{first}/resolve", headers=duty).status_code == 200
    # resolving an open alert acknowledges it too, and meets its acknowledgement deadline
    resolved = client.post(f"{LIST}/{second}/resolve", headers=duty)
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["acknowledged_by"] == "值班员甲"
    assert all(d["met_at"] for d in stored(engine, second).deadlines)


def test_a_leader_handles_what_is_routed_to_them(client, engine, clock, driver):
    mine = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    others = raise_alert(engine, clock, driver, "丁镇突发事件", topic=None, place="丁镇")
    leader = login(engine, clock, "lead", Role.leader)
    response = client.post(f"{LIST}/{mine}/ack", headers=leader, json={"comment": "收到"})
    assert response.status_code == 200 and response.json()["acknowledged_by"] == "lead"
    assert client.post(f"{LIST}/{others}/ack", headers=leader, json={}).status_code == 404
    assert stored(engine, others).status == "open"


# --- scope ---------------------------------------------------------------------------------

def test_who_sees_which_alerts(client, engine, clock, driver):
    fire = raise_alert(engine, clock, driver, "甲镇仓库起火", place="甲镇")
    safety = raise_alert(engine, clock, driver, "丙镇工地坍塌", level="yellow",
                         topic="production_safety", place="丙镇")
    untopical = raise_alert(engine, clock, driver, "丁镇突发事件", topic=None, place="丁镇")
    everyone = [untopical, safety, fire]
    duty = login(engine, clock, "值班员甲")
    lead = login(engine, clock, "lead", Role.leader)
    boss = login(engine, clock, "boss", Role.leader)
    stranger = login(engine, clock, "外单位领导", Role.leader)
    safety_desk = login(engine, clock, "安监科科员", Role.duty, division="safety")
    fireduty = login(engine, clock, "fireduty", Role.duty, division="disaster")
    analyst = login(engine, clock, "分析员", Role.analyst)
    admin = login(engine, clock, "管理员", Role.admin)

    def seen(headers, **params):
        return ids(client.get(LIST, params=params, headers=headers))

    for headers in (duty, analyst, admin):
        assert seen(headers) == everyone
    assert seen(lead) == [safety, fire]  # the lead of both divisions, not the duty room's
    assert seen(boss) == [] and seen(stranger) == []
    assert seen(safety_desk) == [safety]
    # the fire division's duty is also on the safety division's list (routing.yaml)
    assert seen(fireduty) == [safety, fire]
    assert seen(lead, division="safety") == [safety] and seen(lead, status="resolved") == []
    assert seen(safety_desk, division="disaster") == []
    # a leader starts to see an alert when it escalates to them
    for alert_id in (safety, untopical):
        client.post(f"{LIST}/{alert_id}/ack", headers=duty, json={})
    clock.advance(60)
    driver.tick()
    assert seen(boss) == [fire]
    assert client.get(f"{LIST}/{fire}", headers=boss).status_code == 200
    assert client.get(f"{LIST}/{safety}", headers=boss).status_code == 404
    assert client.get(f"{LIST}/{untopical}", headers=lead).status_code == 404
    assert client.get(f"{LIST}/{fire}", headers=safety_desk).status_code == 404
    # a division user handles their division's alerts, nobody else's
    assert client.post(f"{LIST}/{safety}/notes", headers=safety_desk,
                       json={"text": "已到场"}).status_code == 200
    assert client.post(f"{LIST}/{fire}/ack", headers=safety_desk, json={}).status_code == 404


def test_a_person_linked_to_a_user_is_not_also_the_user_of_the_same_name(
        settings, engine, clock, driver, receivers, tmp_path):
    ding, hook, smtp = receivers
    path = tmp_path / "linked.yaml"
    path.write_text(routing_yaml(ding_url=ding.url, hook_url=hook.url, smtp_port=smtp.port)
                    .replace("user: lead", "user: liju"), encoding="utf-8")
    linked = RoutingFile(path, secret="test-secret-key", public_url="http://127.0.0.1:8000")
    linked.load()
    fire = raise_alert(engine, clock, driver, "甲镇仓库起火")
    liju = login(engine, clock, "liju", Role.leader)
    namesake = login(engine, clock, "lead", Role.leader)  # another account, named like the id
    app = create_app(settings, engine=engine, clock=clock, routing=linked)
    with TestClient(app) as client:
        assert ids(client.get(LIST, headers=liju)) == [fire]
        assert ids(client.get(LIST, headers=namesake)) == []
        assert client.get(f"{LIST}/{fire}", headers=namesake).status_code == 404
