"""Analysts edit monitoring schemes and lexicon terms through the API: validated with positions,
versioned with their authors, and used by the analysis step at its next run."""

import pytest
from fastapi.testclient import TestClient

from service.analysis.runner import AnalysisRunner
from service.api.app import create_app
from service.models import Role
from tests.collecting import api_headers


@pytest.fixture
def client(engine, settings, clock):
    with TestClient(create_app(settings, engine=engine, clock=clock)) as running:
        yield running


@pytest.fixture
def analyst(engine, clock):
    return api_headers(engine, clock, "分析员甲", Role.analyst)


def test_expression_errors_name_their_position(client, analyst):
    bad = client.post("/api/v1/schemes/validate", headers=analyst,
                      json={"expression": "(珠海|高新区+火灾"})
    assert bad.status_code == 422
    detail = bad.json()["detail"]
    assert detail["field"] == "expression" and isinstance(detail["position"], int)
    assert "第" in detail["message"]
    good = client.post("/api/v1/schemes/validate", headers=analyst,
                       json={"expression": "(珠海|高新区)+火灾!演练"})
    assert good.json() == {"ok": True}


def test_scheme_edits_are_versioned_and_history_stays(client, analyst):
    shipped = {s["name"]: s for s in client.get("/api/v1/schemes", headers=analyst).json()}
    assert shipped["辖区火灾"]["version"] == 0
    url = "/api/v1/schemes/金鼎工业园火情"
    wrong = client.put(url, headers=analyst, json={"definition": {
        "topic": "fire", "expression": "金鼎+(火灾|起火"}})
    assert wrong.status_code == 422 and wrong.json()["detail"]["position"] >= 0
    unknown = client.put(url, headers=analyst, json={"definition": {"topic": "weather",
                                                                     "事件": ["火灾"]}})
    assert unknown.status_code == 422 and unknown.json()["detail"]["field"] == "topic"
    first = client.put(url, headers=analyst, json={
        "definition": {"topic": "fire", "地域": ["金鼎"], "事件": ["火灾", "起火"]},
        "comment": "园区专项"})
    assert first.status_code == 200 and first.json()["version"] == 1
    second = client.put(url, headers=analyst, json={
        "definition": {"topic": "fire", "expression": "金鼎+(火灾|起火)!演练"},
        "enabled": False})
    assert second.json()["version"] == 2 and second.json()["author"] == "分析员甲"
    listed = {s["name"]: s for s in client.get("/api/v1/schemes", headers=analyst).json()}
    assert listed["金鼎工业园火情"]["enabled"] is False
    assert client.delete(url, headers=analyst).status_code == 200
    assert "金鼎工业园火情" not in {s["name"] for s in
                              client.get("/api/v1/schemes", headers=analyst).json()}
    history = client.get(f"{url}/versions", headers=analyst).json()
    assert [h["version"] for h in history] == [3, 2, 1]


def test_lexicon_terms_are_added_and_removed_with_history(client, analyst):
    url = "/api/v1/lexicons/fire"
    added = client.post(f"{url}/terms", headers=analyst,
                        json={"term": "锂电池热失控", "weight": 2.0, "comment": "新型火灾"})
    assert added.status_code == 201
    assert client.get(url, headers=analyst).json()["terms"]["锂电池热失控"] == 2.0
    assert client.delete(f"{url}/terms/锂电池热失控", headers=analyst).status_code == 200
    assert "锂电池热失控" not in client.get(url, headers=analyst).json()["terms"]
    again = client.delete(f"{url}/terms/锂电池热失控", headers=analyst)
    assert again.status_code == 422
    history = client.get(f"{url}/history", headers=analyst).json()
    assert [(h["action"], h["author"]) for h in history] == [("remove", "分析员甲"),
                                                            ("add", "分析员甲")]
    assert client.post("/api/v1/lexicons/weather/terms", headers=analyst,
                       json={"term": "暴晒"}).status_code == 404


def test_only_analysts_edit(client, engine, clock):
    duty = api_headers(engine, clock, "值班员甲", Role.duty)
    assert client.get("/api/v1/schemes", headers=duty).status_code == 403
    assert client.post("/api/v1/lexicons/fire/terms", headers=duty,
                       json={"term": "x"}).status_code == 403


def test_the_analysis_step_uses_the_edits_at_its_next_run(client, analyst, engine, settings):
    runner = AnalysisRunner(settings)
    text = {"id": "1", "title": "蓝莓广场发生踩踏", "text": "蓝莓广场发生踩踏，现场人员密集。"}
    before = runner.current(engine).analyze([text])[0]
    assert "scheme:蓝莓广场监测" not in before.explanation["rules"]
    client.put("/api/v1/schemes/蓝莓广场监测", headers=analyst, json={
        "definition": {"topic": "mass_incident", "expression": "蓝莓广场+(踩踏|聚集)"}})
    after = runner.current(engine).analyze([text])[0]
    assert "scheme:蓝莓广场监测" in after.explanation["rules"]
    assert after.model_version == before.model_version  # same model, new rules
