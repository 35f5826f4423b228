"""Marks on items and alerts, the labelled set they grow, and its JSON-lines export and import
(API and `yuqing labels`), on a real database."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlmodel import Session

from service.analysts.labels import split_of
from service.models import AlertEvent, AlertItem, Feedback, Label, Role
from tests.labels.support import LABELS, count, label, login, new_alert, new_item


def test_marks_fold_into_one_label_and_every_mark_stays_in_the_history(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    duty = login(engine, clock, "值班员", Role.duty)
    leader = login(engine, clock, "boss", Role.leader)
    item = new_item(engine, clock, "某化工厂仓库起火")
    url = f"/api/v1/items/{item}/feedback"

    first = client.post(url, headers=duty, json={"relevant": True})
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["feedback"]["author"] == "值班员" and body["feedback"]["item_id"] == item
    # confirmed relevant without a topic: the topic the classifier showed is taken
    assert body["labels"][0]["topics"] == ["fire"] and body["labels"][0]["key"] == f"item:{item}"

    clock.advance(60)
    second = client.post(url, headers=analyst,
                         json={"topic": "hazardous_chemicals", "level": "yellow"})
    assert second.status_code == 201, second.text
    stored = label(engine, f"item:{item}")
    assert (stored.relevant, stored.topics, stored.level, stored.author) == (
        True, ["hazardous_chemicals"], "yellow", "分析员")
    assert stored.title == "某化工厂仓库起火" and stored.text == "某化工厂仓库起火。"

    clock.advance(60)
    third = client.post(url, headers=leader,
                        json={"false_alarm": True, "reason": "演练，非真实火情"})
    assert third.status_code == 201, third.text
    stored = label(engine, f"item:{item}")
    assert (stored.relevant, stored.topics, stored.level) == (False, [], None)
    assert (stored.false_alarm, stored.reason, stored.author) == (True, "演练，非真实火情", "boss")
    assert stored.updated_at == clock.now() and stored.split == split_of(f"item:{item}")

    history = client.get(url, headers=duty)
    assert history.status_code == 200
    assert [(f["author"], f["topic"], f["false_alarm"]) for f in history.json()] == [
        ("boss", None, True), ("分析员", "hazardous_chemicals", False), ("值班员", None, False)]
    assert count(engine, Label) == 1 and count(engine, Feedback) == 3

    clock.advance(60)  # the latest mark wins: relevant again, a topic must be named or shown
    client.post(url, headers=analyst, json={"relevant": True, "reason": "复核：确为火灾"})
    stored = label(engine, f"item:{item}")
    assert (stored.relevant, stored.topics, stored.false_alarm) == (True, ["fire"], False)


@pytest.mark.parametrize("body, words", [
    ({}, "至少标注一项"),
    ({"false_alarm": False}, "至少标注一项"),
    ({"topic": "earthquake"}, "未知主题"),
    ({"level": "purple"}, "未知级别"),
    ({"false_alarm": True}, "必须填写理由"),
    ({"false_alarm": True, "reason": "   "}, "必须填写理由"),
    ({"relevant": False, "topic": "fire"}, "不能同时指定"),
    ({"relevant": True, "colour": "red"}, "extra"),
    ({"relevant": "maybe"}, "bool"),
])
def test_bad_marks_are_422_and_store_nothing(client, engine, clock, body, words):
    analyst = login(engine, clock, "分析员", Role.analyst)
    item = new_item(engine, clock, "河道水位上涨")
    response = client.post(f"/api/v1/items/{item}/feedback", headers=analyst, json=body)
    assert response.status_code == 422
    assert words in json.dumps(response.json(), ensure_ascii=False)
    assert count(engine, Feedback) == 0 and count(engine, Label) == 0


def test_unknown_targets_are_404_and_a_token_is_needed(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    for path in ("/api/v1/items/999/feedback", "/api/v1/alerts/999/feedback"):
        assert client.post(path, headers=analyst, json={"relevant": True}).status_code == 404
        assert client.get(path, headers=analyst).status_code == 404
        assert client.post(path, json={"relevant": True}).status_code == 401
    assert client.post("/api/v1/items/0/feedback", headers=analyst,
                       json={"relevant": True}).status_code == 422


def test_an_alert_mark_is_recorded_once_and_applies_to_each_item(client, engine, clock):
    duty = login(engine, clock, "值班员", Role.duty)
    first, second = (new_item(engine, clock, t) for t in ("商场起火", "商场火灾现场视频"))
    alert = new_alert(engine, clock, [first, second])

    marked = client.post(f"/api/v1/alerts/{alert}/feedback", headers=duty,
                         json={"false_alarm": True, "reason": "旧闻翻炒"})
    assert marked.status_code == 201, marked.text
    assert marked.json()["feedback"]["alert_id"] == alert
    assert marked.json()["feedback"]["item_id"] is None
    assert sorted(x["item_id"] for x in marked.json()["labels"]) == [first, second]
    for item in (first, second):
        stored = label(engine, f"item:{item}")
        assert (stored.item_id, stored.relevant, stored.false_alarm) == (item, False, True)
    assert count(engine, Feedback) == 1
    with Session(engine) as session:
        event = session.execute(select(AlertEvent).where(
            AlertEvent.alert_id == alert, AlertEvent.kind == "feedback")).scalar_one()
    assert event.actor == "值班员" and "误报" in event.message and "旧闻翻炒" in event.message

    clock.advance(60)  # a false alarm whose items are relevant: the mark says so
    client.post(f"/api/v1/alerts/{alert}/feedback", headers=duty, json={
        "false_alarm": True, "relevant": True, "level": "blue", "reason": "级别过高，应为一般"})
    stored = label(engine, f"item:{first}")
    assert (stored.relevant, stored.topics, stored.level, stored.false_alarm) == (
        True, ["fire"], "blue", True)

    clock.advance(60)
    later = new_item(engine, clock, "商场火灾后续")
    with Session(engine) as session:
        session.add(AlertItem(alert_id=alert, item_id=later, added_at=clock.now()))
        session.commit()
    assert len(client.get(f"/api/v1/items/{first}/feedback", headers=duty).json()) == 2
    assert client.get(f"/api/v1/items/{later}/feedback", headers=duty).json() == []
    history = client.get(f"/api/v1/alerts/{alert}/feedback", headers=duty).json()
    assert [h["reason"] for h in history] == ["级别过高，应为一般", "旧闻翻炒"]
    assert label(engine, f"item:{later}") is None


def test_a_leader_marks_only_alerts_they_see(client, engine, clock):
    boss = login(engine, clock, "boss", Role.leader)
    lead = login(engine, clock, "lead", Role.leader)
    alert = new_alert(engine, clock, [new_item(engine, clock, "厂房坍塌")], recipients=("boss",))
    path = f"/api/v1/alerts/{alert}/feedback"

    hidden = client.post(path, headers=lead, json={"relevant": True})
    assert hidden.status_code == 404 and "无权查看" in hidden.json()["detail"]
    assert client.get(path, headers=lead).status_code == 404
    assert client.post(path, headers=boss, json={"relevant": True}).status_code == 201
    assert [h["author"] for h in client.get(path, headers=boss).json()] == ["boss"]
    assert count(engine, Feedback) == 1


def test_the_labelled_set_is_for_analysts_and_admins(client, engine, clock):
    duty = login(engine, clock, "值班员", Role.duty)
    leader = login(engine, clock, "boss", Role.leader)
    admin = login(engine, clock, "管理员", Role.admin)
    line = json.dumps({"id": "x-1", "text": "某地发生火灾", "relevant": True, "topics": ["fire"]})
    for headers in (duty, leader):
        for path in (LABELS, f"{LABELS}/export", f"{LABELS}/stats"):
            assert client.get(path, headers=headers).status_code == 403
        denied = client.post(f"{LABELS}/import", headers=headers, content=line)
        assert denied.status_code == 403 and "分析员" in denied.json()["detail"]
    assert client.get(LABELS).status_code == 401
    assert client.post(f"{LABELS}/import", headers=admin, content=line).status_code == 200
    assert label(engine, "x-1").author == "管理员"


def test_labels_list_filters_and_pages(client, engine, clock):
    analyst = login(engine, clock, "分析员", Role.analyst)
    duty = login(engine, clock, "值班员", Role.duty)
    items = [new_item(engine, clock, f"第{n}起火情") for n in range(5)]
    start = clock.now()
    for n, item in enumerate(items):
        clock.advance(60)
        body = {"relevant": False} if n == 0 else {"topic": "fire" if n < 3 else "flood_drought"}
        client.post(f"/api/v1/items/{item}/feedback", headers=duty if n == 4 else analyst,
                    json=body)

    def keys(**params) -> list[str]:
        response = client.get(LABELS, headers=analyst, params=params)
        assert response.status_code == 200, response.text
        return [x["key"] for x in response.json()["labels"]]

    every = [f"item:{i}" for i in reversed(items)]
    assert keys() == every
    assert keys(relevant=False) == [f"item:{items[0]}"]
    assert keys(topic="fire") == [f"item:{items[2]}", f"item:{items[1]}"]
    assert keys(topic="flood_drought", author="值班员") == [f"item:{items[4]}"]
    assert keys(since=(start + timedelta(seconds=240)).isoformat()) == every[:2]
    assert sorted(keys(split="holdout") + keys(split="train")) == sorted(every)

    pages, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(LABELS, headers=analyst, params=params).json()
        pages.append([x["key"] for x in page["labels"]])
        if not (cursor := page["next_cursor"]):
            break
    assert pages == [every[:2], every[2:4], every[4:]]
    assert client.get(LABELS, headers=analyst, params={"cursor": "nope"}).status_code == 400
    assert client.get(LABELS, headers=analyst, params={"topic": "earthquake"}).status_code == 422
    assert client.get(LABELS, headers=analyst,
                      params={"since": "2026-11-26T08:00:00"}).status_code == 400

    stats = client.get(f"{LABELS}/stats", headers=analyst).json()
    assert stats["total"] == 5 and stats["relevant"] == {"true": 4, "false": 1}
    assert stats["topics"] == {"fire": 2, "flood_drought": 2}
    assert stats["authors"] == {"分析员": 4, "值班员": 1}
    assert sum(stats["split"].values()) == 5 and stats["false_alarms"] == 0
