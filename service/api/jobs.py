"""GET /api/v1/jobs and /api/v1/jobs/{id}: background jobs (train, evaluate, compare) and their
progress, for analysts."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, status
from pydantic import BaseModel
from sqlalchemy import select

from service.api.deps import AnalystUser, SessionDep
from service.api.pagination import MAX_ID
from service.models import Job

router = APIRouter(prefix="/api/v1/jobs", tags=["jobs"])


class JobOut(BaseModel):
    id: int
    kind: str
    status: str
    progress: float
    message: str
    params: dict
    error: str | None
    created_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    lease_until: datetime | None
    worker: str | None
    result: dict | None = None


def job_out(job: Job, *, with_result: bool = True) -> JobOut:
    """The public form of a job: an uploaded set is shown by its size, not its records."""
    params = dict(job.params or {})
    if isinstance(params.get("records"), list):
        params["records"] = f"{len(params['records'])} uploaded records"
    out = JobOut.model_validate({**job.model_dump(), "params": params, "result": None})
    if with_result:
        out.result = job.result or {}
    return out


@router.get("", response_model=list[JobOut], response_model_exclude_none=False)
def list_jobs(
    session: SessionDep, user: AnalystUser,
    kind: Annotated[str | None, Query(max_length=16)] = None,
    state: Annotated[str | None, Query(alias="status", pattern="^(queued|running|done|failed)$")]
    = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[JobOut]:
    """Jobs, newest first (without their results; GET one job for its result)."""
    query = select(Job).order_by(Job.id.desc()).limit(limit)
    if kind:
        query = query.where(Job.kind == kind)
    if state:
        query = query.where(Job.status == state)
    return [job_out(job, with_result=False) for job in session.execute(query).scalars()]


@router.get("/{job_id}", response_model=JobOut)
def get_job(job_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep,
            user: AnalystUser) -> JobOut:
    """One job: status, progress (0–1), what it is doing, and its result when done."""
    job = session.get(Job, job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"没有任务 {job_id}")
    return job_out(job)
