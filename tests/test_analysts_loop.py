"""The analysts' loop end to end through the API: label items → train with the labels →
evaluate → activate → the service analyses with the new version → roll back."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from service.analysis.runner import AnalysisRunner
from service.analysts.jobs import JobRunner
from service.api.app import create_app
from service.models import AnalysisState, Item, ItemAnalysis, Role, Source
from tests.collecting import api_headers
from tests.modelling import prepare, small_models  # noqa: F401


def run_job(client, headers, engine, settings, clock, response) -> dict:
    assert response.status_code == 202, response.text
    job_id = response.json()["id"]
    JobRunner(engine=engine, settings=settings, clock=clock).run_pending(job_id)
    job = client.get(f"/api/v1/jobs/{job_id}", headers=headers).json()
    assert job["status"] == "done", job
    return job["result"]


def store(engine, clock, records) -> list[int]:
    with Session(engine) as session:
        session.add(Source(id="news", name="测试新闻网", kind="rss", tier="municipal",
                           url="http://127.0.0.1/news.xml", created_at=clock.now(),
                           updated_at=clock.now()))
        session.flush()
        rows = [Item(source_id="news", entry_key=f"e{n}", title=r.get("title") or "",
                     content=r.get("text") or "", content_hash=str(n), fetched_at=clock.now(),
                     analysis_state=AnalysisState.done) for n, r in enumerate(records)]
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def test_label_train_evaluate_activate_use_and_roll_back(engine, settings, clock,
                                                        small_models):  # noqa: F811
    prepare(settings, small_models)  # the default model is a bad one
    analyst = api_headers(engine, clock, "分析员甲", Role.analyst)
    records = small_models.holdout + small_models.train_labels
    ids = store(engine, clock, records)
    with TestClient(create_app(settings, engine=engine, clock=clock)) as client:
        for item_id, record in zip(ids, records, strict=True):  # an analyst's marks
            mark = {"relevant": record["relevant"]}
            if record["relevant"] and record.get("topics"):
                mark["topic"] = record["topics"][0]
            answer = client.post(f"/api/v1/items/{item_id}/feedback", headers=analyst,
                                 json=mark)
            assert answer.status_code == 201, answer.text
        stats = client.get("/api/v1/labels/stats", headers=analyst).json()
        assert stats["total"] == len(records) and stats["split"]["holdout"] > 0

        trained = run_job(client, analyst, engine, settings, clock, client.post(
            "/api/v1/models/train", headers=analyst, json={"with_labels": True}))
        version = trained["version"]
        row = client.get(f"/api/v1/models/{version}", headers=analyst).json()
        assert row["author"] == "分析员甲" and row["data_hash"]

        evaluated = run_job(client, analyst, engine, settings, clock, client.post(
            f"/api/v1/models/{version}/evaluate", headers=analyst,
            json={"set": "labels:holdout"}))
        assert "macro_f1" in evaluated["metrics"]

        activated = client.post(f"/api/v1/models/{version}/activate", headers=analyst,
                                json={"override": True, "reason": "端到端测试"})
        assert activated.status_code == 200, activated.text
        previous = activated.json()["previous"]

        # the service analyses new items with the new version, without a restart
        runner = AnalysisRunner(settings)
        new_id = store_pending(engine, clock)
        runner.run(engine, clock.now())
        with Session(engine) as session:
            assert session.get(ItemAnalysis, new_id).model_version == version

        rolled = client.post(f"/api/v1/models/{previous}/activate", headers=analyst,
                             json={"override": True, "reason": "回滚"})
        assert rolled.status_code == 200 and rolled.json()["version"] == previous
        assert runner.current(engine).version == previous
        history = client.get("/api/v1/models/activations", headers=analyst).json()
        assert [h["version"] for h in history] == [previous, version]


def store_pending(engine, clock) -> int:
    with Session(engine) as session:
        n = len(session.execute(select(Item.id)).all())
        item = Item(source_id="news", entry_key=f"new{n}", title="某化工厂发生爆炸 3人死亡",
                    content="某化工厂发生爆炸，造成3人死亡。", content_hash=f"new{n}",
                    fetched_at=clock.now())
        session.add(item)
        session.commit()
        return item.id
