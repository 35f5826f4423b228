"""The job queue on the real database: exclusive claims, progress, results and failures, leases
renewed while running, jobs of dead instances queued again, and the scheduler's jobs tick."""

import asyncio
import threading
from datetime import timedelta

import pytest
from sqlmodel import Session

from service.analysts import jobs
from service.analysts.jobs import JobLost, JobRunner, claim, enqueue, register_handler
from service.metrics import Metrics
from service.models import Job
from service.scheduler import ServiceScheduler
from tests.test_scheduler import wait_for


def probe(ctx: jobs.JobContext) -> dict:
    """A job kind of the tests (as a backtest would plug in): progress, then a result."""
    for step in range(1, 4):
        ctx.progress(step / 4, f"step {step}")
        with Session(ctx.engine) as session:
            row = session.get(Job, ctx.job_id)
            ctx.params.setdefault("seen", []).append((row.progress, row.message, row.worker))
    return {"echo": ctx.params["value"], "by": ctx.actor, "seen": ctx.params["seen"]}


def explode(ctx: jobs.JobContext) -> dict:
    ctx.progress(0.5, "halfway")
    raise RuntimeError("the data set is broken")


class Gate:
    """A job kind that waits until the test lets it go, then reports progress once more."""

    def __init__(self):
        self.started = threading.Event()
        self.release = threading.Event()
        self.outcome: list[str] = []

    def __call__(self, ctx: jobs.JobContext) -> dict:
        self.started.set()
        assert self.release.wait(20)
        try:
            ctx.progress(0.9, "after the wait")
        except JobLost:
            self.outcome.append("lost")
            raise
        self.outcome.append("finished")
        return {"ok": True}


register_handler("probe", probe)
register_handler("explode", explode)


def queue(engine, clock, kind: str = "probe", **params) -> int:
    with Session(engine) as session:
        return enqueue(session=session, kind=kind, params=params, actor="分析员",
                       now=clock.now()).id


def job(engine, job_id: int) -> Job:
    with Session(engine) as session:
        return session.get(Job, job_id)


def test_a_job_runs_with_progress_and_keeps_its_result(engine, settings, clock):
    job_id = queue(engine, clock, value=7)
    runner = JobRunner(engine=engine, settings=settings, clock=clock, worker="w1")
    assert runner.run_pending() == 1
    done = job(engine, job_id)
    assert done.status == "done" and done.progress == 1.0 and done.message == "完成"
    assert done.result["echo"] == 7 and done.result["by"] == "分析员"
    assert done.result["seen"] == [[0.25, "step 1", "w1"], [0.5, "step 2", "w1"],
                                   [0.75, "step 3", "w1"]]
    assert done.started_at == done.finished_at == clock.now() and done.lease_until is None
    with Session(engine) as session, pytest.raises(ValueError, match="no handler"):
        enqueue(session=session, kind="nothing", params={}, actor="x", now=clock.now())


def test_a_failing_job_records_its_error(engine, settings, clock):
    job_id = queue(engine, clock, "explode")
    JobRunner(engine=engine, settings=settings, clock=clock).run_pending()
    failed = job(engine, job_id)
    assert failed.status == "failed" and failed.progress == 0.5
    assert failed.error == "RuntimeError: the data set is broken"


def test_claims_are_exclusive_between_instances(engine, settings, clock):
    ids = {queue(engine, clock, value=i) for i in range(12)}
    claimed: list[int] = []
    lock = threading.Lock()

    def worker(name: str) -> None:
        while (taken := claim(engine=engine, worker=name, now=clock.now(),
                              lease=timedelta(minutes=2))) is not None:
            with lock:
                claimed.append(taken.id)

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == sorted(ids)  # each once, none twice


def test_the_job_of_a_dead_instance_is_queued_again_and_finished_elsewhere(engine, settings,
                                                                           clock):
    job_id = queue(engine, clock, value=1)
    lease = timedelta(seconds=settings.job_lease_seconds)
    assert claim(engine=engine, worker="dead", now=clock.now(), lease=lease).id == job_id
    survivor = JobRunner(engine=engine, settings=settings, clock=clock, worker="alive")
    assert survivor.run_pending() == 0  # the lease holds: the job is not taken over
    clock.advance(settings.job_lease_seconds + 1)
    assert survivor.run_pending() == 1
    done = job(engine, job_id)
    assert done.status == "done" and done.worker == "alive" and done.result["echo"] == 1


def test_a_job_that_keeps_killing_its_instance_is_failed(engine, settings, clock):
    job_id = queue(engine, clock, value=1)
    lease = timedelta(seconds=settings.job_lease_seconds)
    for attempt in range(jobs.MAX_REQUEUES + 1):
        assert claim(engine=engine, worker=f"dead{attempt}", now=clock.now(), lease=lease)
        clock.advance(settings.job_lease_seconds + 1)
        jobs.requeue_expired(engine=engine, now=clock.now())
        state = job(engine, job_id)
        if attempt < jobs.MAX_REQUEUES:
            assert state.status == "queued" and f"第 {attempt + 1} 次" in state.message
    assert state.status == "failed" and "3 times" in state.error


def test_the_lease_is_renewed_while_a_job_runs(engine, settings, clock):
    settings.job_lease_seconds = 5  # renewed every 1.25 s
    gate = Gate()
    register_handler("gate-renew", gate)
    job_id = queue(engine, clock, "gate-renew")
    runner = JobRunner(engine=engine, settings=settings, clock=clock, worker="w1")
    assert runner.tick() == 1 and gate.started.wait(10)
    first = job(engine, job_id).lease_until
    clock.advance(3)
    asyncio.run(wait_for(lambda: job(engine, job_id).lease_until > first, timeout=5))
    clock.advance(3)  # past the first lease, within the renewed one
    assert jobs.requeue_expired(engine=engine, now=clock.now()) == 0
    gate.release.set()
    runner.wait(10)
    assert job(engine, job_id).status == "done" and gate.outcome == ["finished"]


def test_a_worker_that_lost_its_job_stops_and_leaves_it_alone(engine, settings, clock):
    gate = Gate()
    register_handler("gate-lost", gate)
    job_id = queue(engine, clock, "gate-lost")
    runner = JobRunner(engine=engine, settings=settings, clock=clock, worker="slow")
    assert runner.tick() == 1 and gate.started.wait(10)
    clock.advance(settings.job_lease_seconds + 1)  # e.g. the instance hung past its lease
    assert jobs.requeue_expired(engine=engine, now=clock.now()) == 1
    taken = claim(engine=engine, worker="other", now=clock.now(),
                  lease=timedelta(seconds=settings.job_lease_seconds))
    assert taken.id == job_id
    gate.release.set()
    runner.wait(10)
    assert gate.outcome == ["lost"]
    state = job(engine, job_id)
    assert state.status == "running" and state.worker == "other"


def test_stopping_an_instance_gives_its_jobs_back(engine, settings, clock):
    gate = Gate()
    register_handler("gate-stop", gate)
    job_id = queue(engine, clock, "gate-stop")
    runner = JobRunner(engine=engine, settings=settings, clock=clock, worker="stopping")
    assert runner.tick() == 1 and gate.started.wait(10)
    runner.stop()
    assert runner.tick() == 0
    state = job(engine, job_id)
    assert state.status == "queued" and state.worker is None
    gate.release.set()
    runner.wait(10)
    assert gate.outcome == ["lost"] and job(engine, job_id).status == "queued"


def test_the_scheduler_runs_queued_jobs(engine, settings, clock):
    settings.jobs_tick_seconds = 0.1
    settings.collect_tick_seconds = 3600
    settings.sources.write_text("sources: []\n", encoding="utf-8")
    job_id = queue(engine, clock, value="定时")

    async def scenario() -> None:
        scheduler = await ServiceScheduler(engine=engine, settings=settings, clock=clock,
                                           metrics=Metrics()).start()
        try:
            await wait_for(lambda: job(engine, job_id).status == "done")
        finally:
            await scheduler.stop()

    asyncio.run(scenario())
    assert job(engine, job_id).result["echo"] == "定时"
