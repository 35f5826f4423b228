"""Background jobs: rows of the `jobs` table that any instance claims and runs in a worker
thread under a lease it renews while running; when an instance dies, its lease runs out and the
job is queued again for another one.

A kind of job is a handler registered with ``register_handler(kind, fn)``: ``fn(ctx)`` gets a
``JobContext`` (database, settings, clock, the job's params and author, ``ctx.progress()``) and
returns the job's result, a JSON object.
"""

import importlib
import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, select, update
from sqlmodel import Session

from service.clock import Clock
from service.config import Settings
from service.models import Job

log = logging.getLogger(__name__)

# the modules whose import registers the handlers of the built-in kinds; a new kind (backtest)
# adds its module here, or registers itself from any module imported before jobs run
HANDLER_MODULES = ("service.analysts.training", "service.analysts.measurements",
                   "service.analysts.backtest")
MAX_REQUEUES = 3  # a job that took its instance down this often is failed, not retried forever
_HANDLERS: dict[str, Callable[["JobContext"], dict]] = {}


class JobLost(Exception):
    """The job's lease went to another instance (or the job was released): stop working."""


def register_handler(kind: str, handler: Callable[["JobContext"], dict]) -> None:
    """Make jobs of ``kind`` runnable by ``handler(ctx) -> result``."""
    if len(kind) > 16:
        raise ValueError(f"job kind {kind!r} is longer than 16 characters")
    _HANDLERS[kind] = handler


def handler_for(kind: str) -> Callable[["JobContext"], dict] | None:
    """The handler of a kind, or None."""
    for module in HANDLER_MODULES:
        importlib.import_module(module)
    return _HANDLERS.get(kind)


@dataclass
class JobContext:
    """What a handler works with; ``progress()`` also proves the job is still this worker's."""

    engine: Engine
    settings: Settings
    clock: Clock
    job_id: int
    kind: str
    params: dict
    actor: str
    worker: str
    lease: timedelta
    lost: threading.Event = field(default_factory=threading.Event)

    def progress(self, fraction: float, message: str = "") -> None:
        """Record progress (0–1) and what is being done; raises JobLost when no longer ours."""
        if self.lost.is_set():
            raise JobLost(self.job_id)
        now = self.clock.now()
        with self.engine.begin() as connection:
            changed = connection.execute(
                update(Job).where(Job.id == self.job_id, Job.worker == self.worker,
                                  Job.status == "running")
                .values(progress=round(min(max(fraction, 0.0), 1.0), 4), message=message[:500],
                        lease_until=now + self.lease)).rowcount
        if changed != 1:
            self.lost.set()
            raise JobLost(self.job_id)


def enqueue(*, session: Session, kind: str, params: dict, actor: str, now: datetime) -> Job:
    """A queued job (committed); ValueError for a kind without a handler."""
    if handler_for(kind) is None:
        raise ValueError(f"no handler for jobs of kind {kind!r}")
    job = Job(kind=kind, params=params, created_by=actor, created_at=now, message="排队中")
    session.add(job)
    session.commit()
    session.refresh(job)
    return job


def claim(*, engine: Engine, worker: str, now: datetime, lease: timedelta,
          job_id: int | None = None) -> Job | None:
    """Take the oldest queued job (or the given one) for ``worker``; None when there is none.

    The claim is a conditional UPDATE on the status on both databases; on PostgreSQL the
    candidates are also locked with SKIP LOCKED so instances pass over each other's rows.
    """
    with Session(engine, expire_on_commit=False) as session:
        query = select(Job.id).where(Job.status == "queued").order_by(Job.id).limit(5)
        if job_id is not None:
            query = query.where(Job.id == job_id)
        if engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        for candidate in session.execute(query).scalars().all():
            taken = session.execute(
                update(Job).where(Job.id == candidate, Job.status == "queued")
                .values(status="running", worker=worker, lease_until=now + lease,
                        started_at=now, progress=0.0, message="开始运行")).rowcount
            if taken == 1:
                session.commit()
                return session.get(Job, candidate)
        session.commit()
    return None


def requeue_expired(*, engine: Engine, now: datetime) -> int:
    """Queue again the running jobs whose lease ran out (their instance stopped); returns how
    many. A job that has been re-queued MAX_REQUEUES times is failed instead."""
    expired = and_(Job.status == "running", Job.lease_until < now)
    count = 0
    with Session(engine) as session:
        query = select(Job.id, Job.worker, Job.result).where(expired).order_by(Job.id).limit(100)
        if engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        for job_id, worker, result in session.execute(query).all():
            requeues = int((result or {}).get("requeues", 0)) + 1
            if requeues > MAX_REQUEUES:
                values = {"status": "failed", "finished_at": now, "lease_until": None,
                          "error": f"the job stopped its instance {MAX_REQUEUES} times"}
            else:
                values = {"status": "queued", "worker": None, "lease_until": None,
                          "result": {"requeues": requeues},
                          "message": f"重新排队：实例 {worker} 未续租（第 {requeues} 次）"}
            changed = session.execute(update(Job).where(
                Job.id == job_id, Job.worker == worker, expired).values(**values)).rowcount
            if changed == 1:
                count += 1
                log.warning("job %d: lease of %s expired; %s", job_id, worker, values["status"])
        session.commit()
    return count


def renew(*, engine: Engine, job_id: int, worker: str, until: datetime) -> bool:
    """Extend the lease of a running job of ``worker``; False when it is no longer theirs."""
    with engine.begin() as connection:
        return connection.execute(
            update(Job).where(Job.id == job_id, Job.worker == worker, Job.status == "running")
            .values(lease_until=until)).rowcount == 1


def _close(engine: Engine, job_id: int, worker: str, now: datetime, **values) -> bool:
    with engine.begin() as connection:
        return connection.execute(
            update(Job).where(Job.id == job_id, Job.worker == worker, Job.status == "running")
            .values(finished_at=now, lease_until=None, **values)).rowcount == 1


def run_claimed(job: Job, *, engine: Engine, settings: Settings, clock: Clock,
                worker: str) -> str:
    """Run a job claimed by ``worker`` to its end, renewing the lease meanwhile; returns the
    status it ended with (done, failed, or lost when another worker has it now)."""
    lease = timedelta(seconds=settings.job_lease_seconds)
    ctx = JobContext(engine=engine, settings=settings, clock=clock, job_id=job.id,
                     kind=job.kind, params=dict(job.params or {}), actor=job.created_by,
                     worker=worker, lease=lease)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(ctx, stop), daemon=True,
                            name=f"job-{job.id}-lease")
    beat.start()
    try:
        handler = handler_for(job.kind)
        if handler is None:
            raise LookupError(f"no handler for jobs of kind {job.kind!r}")
        result = handler(ctx)
    except JobLost:
        log.warning("job %d (%s) was taken over; this worker stops", job.id, job.kind)
        return "lost"
    except Exception as exc:
        log.exception("job %d (%s) failed", job.id, job.kind)
        closed = _close(engine, job.id, worker, clock.now(), status="failed",
                        error=f"{type(exc).__name__}: {exc}"[:4000], message="失败")
        return "failed" if closed else "lost"
    finally:
        stop.set()
        beat.join()
    closed = _close(engine, job.id, worker, clock.now(), status="done", progress=1.0,
                    result=result or {}, message="完成")
    return "done" if closed else "lost"


def _heartbeat(ctx: JobContext, stop: threading.Event) -> None:
    """Renew the lease every quarter of it until the job ends (a long fit reports no progress)."""
    interval = max(ctx.lease.total_seconds() / 4, 0.05)
    while not stop.wait(interval):
        if not renew(engine=ctx.engine, job_id=ctx.job_id, worker=ctx.worker,
                     until=ctx.clock.now() + ctx.lease):
            ctx.lost.set()
            return


def worker_name() -> str:
    """This instance's name in ``jobs.worker``: host, process and a random suffix."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class JobRunner:
    """The job worker of one instance: each tick re-queues jobs of dead instances and starts
    queued ones in threads, at most ``YQ_JOB_WORKERS`` at a time."""

    def __init__(self, *, engine: Engine, settings: Settings, clock: Clock,
                 worker: str | None = None):
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self.worker = worker or worker_name()
        self._threads: dict[int, threading.Thread] = {}
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def lease(self) -> timedelta:
        """How long a claim holds without renewal."""
        return timedelta(seconds=self.settings.job_lease_seconds)

    def tick(self) -> int:
        """Re-queue expired jobs and start queued ones in worker threads; returns how many."""
        requeue_expired(engine=self.engine, now=self.clock.now())
        started = 0
        while not self._stopped:
            with self._lock:
                self._threads = {i: t for i, t in self._threads.items() if t.is_alive()}
                if len(self._threads) >= self.settings.job_workers:
                    break
                job = claim(engine=self.engine, worker=self.worker, now=self.clock.now(),
                            lease=self.lease)
                if job is None:
                    break
                thread = threading.Thread(target=self._run, args=(job,), daemon=True,
                                          name=f"job-{job.id}")
                self._threads[job.id] = thread
            thread.start()
            started += 1
        return started

    def run_pending(self, job_id: int | None = None) -> int:
        """Run queued jobs (or the given one) in this thread until none is left: for the CLI
        and tests. Returns how many ran."""
        ran = 0
        while True:
            requeue_expired(engine=self.engine, now=self.clock.now())
            job = claim(engine=self.engine, worker=self.worker, now=self.clock.now(),
                        lease=self.lease, job_id=job_id)
            if job is None:
                return ran
            self._run(job)
            ran += 1
            if job_id is not None:
                return ran

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the jobs running in threads to end."""
        with self._lock:
            threads = list(self._threads.values())
        for thread in threads:
            thread.join(timeout)

    def stop(self) -> None:
        """Start nothing more and give the running jobs back to the queue at once (their
        threads' results are then ignored), so another instance need not wait for the lease."""
        self._stopped = True
        with self._lock:
            running = [i for i, t in self._threads.items() if t.is_alive()]
        if running:
            with self.engine.begin() as connection:
                connection.execute(update(Job).where(
                    Job.id.in_(running), Job.worker == self.worker, Job.status == "running")
                    .values(status="queued", worker=None, lease_until=None,
                            message="重新排队：实例已停止"))

    def _run(self, job: Job) -> None:
        status = run_claimed(job, engine=self.engine, settings=self.settings, clock=self.clock,
                             worker=self.worker)
        log.info("job %d (%s) by %s: %s", job.id, job.kind, job.created_by, status)
