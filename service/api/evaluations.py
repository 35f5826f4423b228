"""/api/v1/models/evaluations/{job}: results of evaluate and compare jobs, as JSON and as a
readable page."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, status
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from service.api.deps import AnalystUser, SessionDep
from service.api.model_pages import evaluation_page
from service.api.pagination import MAX_ID
from service.models import Job

router = APIRouter(prefix="/evaluations")


@router.get("/{job_id}")
def get_evaluation(job_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep,
                   user: AnalystUser) -> dict:
    """The result of an evaluate or compare job as JSON."""
    job = _measurement(session, job_id)
    return {"job": job.id, "created_by": job.created_by, "finished_at": job.finished_at,
            **job.result}


@router.get("/{job_id}/page", response_class=HTMLResponse)
def evaluation_html(job_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep,
                    user: AnalystUser) -> HTMLResponse:
    """The result of an evaluate or compare job as a readable page."""
    return evaluation_page(_measurement(session, job_id))


def _measurement(session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None or job.kind not in ("evaluate", "compare"):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"没有评估任务 {job_id}")
    if job.status != "done":
        detail = (f"任务失败：{job.error}" if job.status == "failed"
                  else f"任务尚未完成（{job.status}，{job.progress:.0%}）")
        raise HTTPException(status.HTTP_409_CONFLICT, detail)
    return job
