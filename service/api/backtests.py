"""Backtests for analysts: replay a model version or threshold over a period of stored items and
see which alerts it would have created, removed or changed. Results stay for comparison."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from service.analysts import jobs
from service.analysts.registry import ANALYZER_THRESHOLDS
from service.analysts.schemes import SchemeError, candidate_rules
from service.api.deps import AnalystUser, ClockDep, SessionDep
from service.api.jobs import JobOut, job_out
from service.api.pagination import MAX_ID
from service.models import Job, ModelVersion

router = APIRouter(prefix="/api/v1/backtests", tags=["backtests"])


class BacktestIn(BaseModel):
    since: datetime = Field(description="start of the period (ISO 8601 with zone)")
    until: datetime = Field(description="end of the period, exclusive")
    model: str | None = Field(None, max_length=64, description="a model version (default the "
                                                                "active one)")
    thresholds: dict[str, float] | None = Field(
        None, description='analyzer thresholds to try, e.g. {"relevant": 0.55, "topic": 0.4}')
    label: str = Field("", max_length=200, description="what is being tried, for the list")
    schemes: dict[str, dict | None] | None = Field(
        None, description='scheme changes to try: {"name": {"definition": {...}, "enabled": '
                          'true}} or {"name": null} to retire one')
    terms: list[dict] | None = Field(
        None, description='lexicon edits to try: [{"lexicon", "term", "action": "add"|"remove",'
                          ' "weight"}]')


class BacktestSummary(BaseModel):
    id: int
    status: str
    progress: float
    label: str
    model: str | None
    thresholds: dict
    since: str
    until: str
    counts: dict
    created_by: str
    created_at: datetime


@router.post("", response_model=JobOut, status_code=202)
def start_backtest(body: BacktestIn, response: Response, session: SessionDep,
                   user: AnalystUser, clock: ClockDep) -> JobOut:
    """Queue a backtest; follow it at /api/v1/jobs/{id} or /api/v1/backtests/{id}."""
    if body.since.tzinfo is None or body.until.tzinfo is None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "since/until 必须带时区")
    if body.since >= body.until:
        raise HTTPException(422, "since 必须早于 until")
    if body.model and body.model != "active" and session.get(ModelVersion, body.model) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"没有模型版本 {body.model}")
    unknown = set(body.thresholds or {}) - set(ANALYZER_THRESHOLDS)
    if unknown:
        raise HTTPException(422, f"未知的阈值：{'、'.join(sorted(unknown))}"
                                 f"（可用：{'、'.join(ANALYZER_THRESHOLDS)}）")
    try:  # a candidate scheme with a syntax error is refused now, not in the job
        candidate_rules(session, schemes=body.schemes, terms=body.terms)
    except SchemeError as exc:
        raise HTTPException(422, {"message": exc.message, "field": exc.field,
                                  "position": exc.position}) from None
    params = {"since": body.since.isoformat(), "until": body.until.isoformat(),
              "model": body.model, "thresholds": body.thresholds, "label": body.label,
              "schemes": body.schemes, "terms": body.terms}
    job = jobs.enqueue(session=session, kind="backtest", params=params, actor=user.name,
                       now=clock.now())
    response.headers["Location"] = f"/api/v1/backtests/{job.id}"
    return job_out(job)


@router.get("", response_model=list[BacktestSummary])
def list_backtests(session: SessionDep, user: AnalystUser,
                   limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[BacktestSummary]:
    """Backtests, newest first, with their counts, to compare candidate changes."""
    rows = session.execute(select(Job).where(Job.kind == "backtest")
                           .order_by(Job.id.desc()).limit(limit)).scalars()
    return [BacktestSummary(
        id=job.id, status=job.status, progress=job.progress,
        label=job.params.get("label", ""), model=(job.result or {}).get("model")
        or job.params.get("model"), thresholds=job.params.get("thresholds") or {},
        since=job.params["since"], until=job.params["until"],
        counts=(job.result or {}).get("counts", {}), created_by=job.created_by,
        created_at=job.created_at) for job in rows]


@router.get("/{job_id}", response_model=JobOut)
def get_backtest(job_id: Annotated[int, Path(ge=1, le=MAX_ID)], session: SessionDep,
                 user: AnalystUser) -> JobOut:
    """One backtest with its full result: the alerts created, removed and changed."""
    job = session.get(Job, job_id)
    if job is None or job.kind != "backtest":
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"回测 {job_id} 不存在")
    return job_out(job)
