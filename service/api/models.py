"""/api/v1/models: model versions, training, evaluation, comparison, thresholds, activation.

Training, evaluation and comparison are background jobs (202 with the job; follow it at
/api/v1/jobs/{id}). Activation and thresholds answer at once. Analysts and admins only.
"""

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlmodel import Session

from classifiers import ModelNotFound
from service.analysts import evaluation, jobs, registry
from service.api import evaluations
from service.api.deps import AnalystUser, ClockDep, SessionDep
from service.api.jobs import JobOut, job_out
from service.models import Job, ModelVersion

router = APIRouter(prefix="/api/v1/models", tags=["models"])
router.include_router(evaluations.router)  # /evaluations/{job} before /{version}/…
VersionPath = Annotated[str, Path(max_length=64, description="a version, or `active`")]
LabelSet = Literal["labels:holdout", "labels:all", "seed:holdout"]
MAX_UPLOAD = 20_000


class VersionOut(BaseModel):
    version: str
    status: str
    active: bool = False
    author: str
    created_at: datetime
    data_hash: str
    params: dict
    metrics: dict
    thresholds: dict
    note: str


class ActivationOut(BaseModel):
    id: int
    version: str
    previous: str | None
    actor: str
    at: datetime
    override: bool
    reason: str
    comparison: dict


class ActiveOut(BaseModel):
    version: str | None
    activated: bool
    activation: ActivationOut | None


class TrainIn(BaseModel):
    with_labels: bool = Field(False, description="also train on the bureau's training labels")
    label_weight: int = Field(10, ge=1, le=100,
                              description="copies of each label among the seed items")
    version: str | None = Field(None, max_length=64, description="name (default: date-hash)")
    note: str = Field("", max_length=2000)
    params: dict | None = Field(None, description="model parameters (classifiers.model)")


class SetIn(BaseModel):
    set: Literal["labels:holdout", "labels:all", "seed:holdout", "upload"] = "labels:holdout"
    records: list[dict] | None = Field(None, max_length=MAX_UPLOAD,
                                       description="the labelled set, for set=upload")
    jsonl: str | None = Field(None, max_length=50_000_000,
                              description="the labelled set as JSON lines, for set=upload")


class CompareIn(SetIn):
    a: str = Field(max_length=64, description="a version, or `active`")
    b: str = Field(max_length=64)


class ActivateIn(BaseModel):
    override: bool = Field(False, description="activate even when it measures worse")
    reason: str = Field("", max_length=2000, description="why (required with override)")


class ThresholdIn(BaseModel):
    target_precision: float | None = Field(None, gt=0, le=1)
    threshold: float | None = Field(None, ge=0, le=1, description="instead of a target")
    decision: Literal["relevance", "blue", "yellow", "orange", "red"] = Field(
        "relevance", description="whose precision: relevance, or alerts of at least a level")
    set: LabelSet = "labels:holdout"


def _refuse(exc: registry.RegistryError):
    return HTTPException(exc.status, str(exc))


def _version_out(row: ModelVersion, active: str | None) -> VersionOut:
    return VersionOut.model_validate({**row.model_dump(), "active": row.version == active})


def _in_use(session: Session, request: Request, now: datetime) -> ModelVersion | None:
    return registry.current_version(session=session, settings=request.app.state.settings,
                                    now=now)


def _resolve(session: Session, request: Request, name: str, now: datetime) -> ModelVersion:
    try:
        return registry.resolve_version(session=session, settings=request.app.state.settings,
                                        name=name, now=now)
    except registry.RegistryError as exc:
        raise _refuse(exc) from None


def _upload(body: SetIn) -> list[dict] | None:
    if body.set != "upload":
        return None
    try:
        records = (evaluation.parse_jsonl(body.jsonl) if body.jsonl is not None
                   else evaluation.parse_records(body.records or []))
    except ValueError as exc:
        raise HTTPException(422, f"上传的标注集有误：{exc}") from None
    if not records or len(records) > MAX_UPLOAD:
        raise HTTPException(422, f"上传的标注集须有 1 至 {MAX_UPLOAD} 条")
    return records


def _queue(session: Session, response: Response, kind: str, params: dict, user,
           now: datetime) -> JobOut:
    job = jobs.enqueue(session=session, kind=kind, params=params, actor=user.name, now=now)
    response.headers["Location"] = f"/api/v1/jobs/{job.id}"
    return job_out(job)


@router.get("", response_model=list[VersionOut])
def list_models(request: Request, session: SessionDep, user: AnalystUser,
                clock: ClockDep) -> list[VersionOut]:
    """Every version, newest first; ``active`` marks the one analysis uses."""
    current = _in_use(session, request, clock.now())
    active = current.version if current else None
    return [_version_out(row, active) for row in registry.list_versions(session)]


@router.get("/active", response_model=ActiveOut)
def get_active(request: Request, session: SessionDep, user: AnalystUser,
               clock: ClockDep) -> ActiveOut:
    """The version in use and its activation (none while the default model is in use)."""
    activation = registry.latest_activation(session)
    current = _in_use(session, request, clock.now())
    return ActiveOut(version=current.version if current else None,
                     activated=activation is not None,
                     activation=ActivationOut.model_validate(activation, from_attributes=True)
                     if activation else None)


@router.get("/activations", response_model=list[ActivationOut])
def list_activations(session: SessionDep, user: AnalystUser,
                     limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[ActivationOut]:
    """Who activated which version, when, why, and how it compared; newest first."""
    return [ActivationOut.model_validate(row, from_attributes=True)
            for row in registry.activations(session, limit)]


@router.post("/train", response_model=JobOut, status_code=202)
def train_model(body: TrainIn, response: Response, session: SessionDep, user: AnalystUser,
                clock: ClockDep) -> JobOut:
    """Train a new version from the seed corpus (and the bureau's training labels) as a job."""
    if body.version is not None:
        try:
            registry.check_name(body.version)
        except registry.RegistryError as exc:
            raise _refuse(exc) from None
        if session.get(ModelVersion, body.version) is not None:
            raise HTTPException(status.HTTP_409_CONFLICT, f"版本 {body.version} 已存在")
    params = {"with_labels": body.with_labels, "label_weight": body.label_weight,
              "version": body.version, "note": body.note, "model_params": body.params}
    return _queue(session, response, "train", params, user, clock.now())


@router.post("/compare", response_model=JobOut, status_code=202)
def compare_models(body: CompareIn, request: Request, response: Response, session: SessionDep,
                   user: AnalystUser, clock: ClockDep) -> JobOut:
    """Compare two versions on one labelled set (a job): metric deltas b − a and the items
    whose decision changes."""
    now = clock.now()
    a, b = (_resolve(session, request, name, now).version for name in (body.a, body.b))
    params = {"a": a, "b": b, "set": body.set, "records": _upload(body)}
    return _queue(session, response, "compare", params, user, now)


@router.get("/{version}", response_model=VersionOut)
def get_model(version: VersionPath, request: Request, session: SessionDep, user: AnalystUser,
              clock: ClockDep) -> VersionOut:
    """One version with its parameters, metrics and thresholds."""
    now = clock.now()
    row = session.get(ModelVersion, version) or _resolve(session, request, version, now)
    current = _in_use(session, request, now)
    return _version_out(row, current.version if current else None)


@router.post("/{version}/evaluate", response_model=JobOut, status_code=202)
def evaluate_model(version: VersionPath, body: SetIn, request: Request, response: Response,
                   session: SessionDep, user: AnalystUser, clock: ClockDep) -> JobOut:
    """Evaluate a version on a labelled set (a job); results at /models/evaluations/{job}."""
    now = clock.now()
    row = _resolve(session, request, version, now)
    params = {"version": row.version, "set": body.set, "records": _upload(body)}
    return _queue(session, response, "evaluate", params, user, now)


@router.get("/{version}/evaluations", response_model=list[JobOut])
def list_evaluations(version: VersionPath, session: SessionDep,
                     user: AnalystUser) -> list[JobOut]:
    """Evaluate and compare jobs that measured this version, newest first."""
    query = (select(Job).where(Job.kind.in_(("evaluate", "compare")))
             .order_by(Job.id.desc()).limit(500))
    return [job_out(job, with_result=False) for job in session.execute(query).scalars()
            if version in (job.params.get("version"), job.params.get("a"), job.params.get("b"))]


@router.get("/{version}/thresholds")
def get_thresholds(version: VersionPath, request: Request, session: SessionDep,
                         user: AnalystUser, clock: ClockDep,
                         set: Annotated[LabelSet, Query()] = "labels:holdout") -> dict:
    """Precision and recall of the relevance decision and of alerts of at least each level,
    at every relevance threshold from 0 to 1 (step 0.01), on a labelled set."""
    row = _resolve(session, request, version, clock.now())
    return _curves(request, session, row, set)


@router.post("/{version}/thresholds", response_model=VersionOut)
def set_threshold(version: VersionPath, body: ThresholdIn, request: Request,
                        session: SessionDep, user: AnalystUser, clock: ClockDep) -> VersionOut:
    """Set the version's relevance threshold: the one reaching ``target_precision`` with the
    best recall on the set, or an explicit ``threshold``. Applied wherever it is loaded."""
    if (body.target_precision is None) == (body.threshold is None):
        raise HTTPException(422, "请给出 target_precision 或 threshold 之一")
    now = clock.now()
    row = _resolve(session, request, version, now)
    basis: dict = {"set": body.set, "decision": body.decision}
    chosen = body.threshold
    if body.target_precision is not None:
        result = _curves(request, session, row, body.set)
        points = (result["relevance"] if body.decision == "relevance"
                  else result["levels"][body.decision])
        point = evaluation.choose_threshold(points, body.target_precision)
        if point is None:
            best = max((p["precision"] for p in points if p["tp"]), default=None)
            raise HTTPException(422, f"在该标注集上没有阈值能达到精确率 {body.target_precision}"
                                     f"（最高 {best}）")
        chosen = point["threshold"]
        basis |= {"target_precision": body.target_precision, "items": result["items"],
                  "point": point, "previous": result["threshold"]}
    updated = registry.set_thresholds(session=session, version=row.version,
                                      thresholds={"relevant": chosen, "basis": basis},
                                      actor=user.name, now=now)
    current = _in_use(session, request, now)
    return _version_out(updated, current.version if current else None)


def _curves(request: Request, session: Session, row: ModelVersion, name: str) -> dict:
    settings = request.app.state.settings
    try:
        records = evaluation.records_for(session=session, settings=settings, name=name)
        analyzer = registry.load_version(settings, row)
    except (ModelNotFound, OSError, ValueError) as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, f"无法计算：{exc}") from None
    if not records:
        raise HTTPException(status.HTTP_409_CONFLICT,
                            f"标注集 {evaluation.SETS[name]} 为空，请先添加标注")
    return {"version": row.version, "set": name, **evaluation.curves(analyzer, records)}


@router.post("/{version}/activate", response_model=ActivationOut,
             responses={409: {"description": "worse than the active version (with the "
                                             "comparison), already active, or not ready"}})
def activate_model(version: VersionPath, body: ActivateIn, request: Request,
                         session: SessionDep, user: AnalystUser, clock: ClockDep):
    """Make a version the active one in every instance (rolling back: an older version).

    It is first measured against the active version on the bureau's holdout labels; when
    its macro-F1 or relevance F1 is lower, ``override`` with a ``reason`` is needed.
    """
    try:
        activation = registry.activate(
            session=session, settings=request.app.state.settings, version=version,
            actor=user.name, now=clock.now(), override=body.override, reason=body.reason)
    except registry.WorseModel as exc:
        return JSONResponse({"detail": str(exc), "comparison": exc.comparison},
                            status_code=status.HTTP_409_CONFLICT)
    except registry.RegistryError as exc:
        raise _refuse(exc) from None
    return ActivationOut.model_validate(activation, from_attributes=True)
