"""POST /api/v1/classify: the analyzer on texts sent by the client (nothing is stored)."""

from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Request, status
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from classifiers import ModelNotFound
from service.api.deps import CurrentUser

router = APIRouter(prefix="/api/v1", tags=["classify"])
MAX_DOCUMENTS = 500


class ClassifyIn(BaseModel):
    id: str | int = ""
    title: str = Field("", max_length=2000)
    text: str = Field("", max_length=200_000)
    published_at: str | None = None
    source: str | None = None


class Casualties(BaseModel):
    deaths: int
    injured: int
    missing: int


class TopicScore(BaseModel):
    label: str
    score: float


class ClassifyOut(BaseModel):
    id: str
    relevant: bool
    topics: list[TopicScore]
    level: str | None
    grade: str | None
    casualties: Casualties
    loss_yuan: float | None
    places: list[str]
    sensitivity: float
    negativity: float
    explanation: dict
    locality: str
    place: str | None
    relevance: float
    model_version: str


@router.post("/classify", response_model=list[ClassifyOut])
async def classify(request: Request, user: CurrentUser,
                   documents: Annotated[list[ClassifyIn], Body()]) -> list[dict]:
    """Analyse up to 500 documents, in order, exactly as `yuqing classify` does."""
    if len(documents) > MAX_DOCUMENTS:
        raise HTTPException(status.HTTP_400_BAD_REQUEST,
                            f"一次最多分析 {MAX_DOCUMENTS} 条，本次 {len(documents)} 条")
    runner = request.app.state.analysis
    try:
        analyzer = await run_in_threadpool(runner.current, request.app.state.engine)
    except ModelNotFound as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"分类模型不可用：{exc}") from None
    payload = [{**d.model_dump(), "id": str(d.id)} for d in documents]
    analyses = await run_in_threadpool(analyzer.analyze, payload)
    return [a.as_dict() for a in analyses]
