"""Silences through the API: create (author and reason required), list, expire early."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy import select, update

from service.api.deps import ClockDep, SessionDep
from service.api.scope import ScopeDep
from service.models import Alert, Silence
from service.routing.config import Matcher

router = APIRouter(prefix="/api/v1/silences", tags=["silences"])


class SilenceIn(BaseModel):
    matchers: dict = Field(description="fields of a routing.yaml matcher: topic, level, place, "
                                       "locality, division, kind, source, min_level")
    starts_at: datetime | None = None
    ends_at: datetime
    comment: str = Field(min_length=1, max_length=2000, description="why (required)")


class SilenceOut(BaseModel):
    id: int
    matchers: dict
    starts_at: datetime
    ends_at: datetime
    created_by: str
    comment: str
    created_at: datetime
    active: bool = False


def _out(row: Silence, now: datetime) -> SilenceOut:
    out = SilenceOut.model_validate(row, from_attributes=True)
    out.active = row.starts_at <= now < row.ends_at
    return out


def _require_handler(scope) -> None:
    if not scope.everything or not scope.can_handle():
        raise HTTPException(status.HTTP_403_FORBIDDEN, "只有值班员和管理员可以设置静默")


@router.get("", response_model=list[SilenceOut])
def list_silences(session: SessionDep, scope: ScopeDep, clock: ClockDep,
                  active: Annotated[bool | None, Query()] = None) -> list[SilenceOut]:
    """Silences, newest first; ``active=true`` for those in force now."""
    now = clock.now()
    query = select(Silence).order_by(Silence.id.desc()).limit(500)
    if active:
        query = query.where(Silence.starts_at <= now, Silence.ends_at > now)
    return [_out(row, now) for row in session.execute(query).scalars()]


@router.post("", response_model=SilenceOut, status_code=201)
def create_silence(body: SilenceIn, session: SessionDep, scope: ScopeDep,
                   clock: ClockDep) -> SilenceOut:
    """A silence: alerts created while it holds and that match notify nobody until it ends."""
    _require_handler(scope)
    now = clock.now()
    try:
        matcher = Matcher.model_validate(body.matchers)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise HTTPException(422,
                            f"静默条件无效：{problems}") from None
    if matcher.is_empty():  # {"topic": []} too, not only {}
        raise HTTPException(422,
                            "静默条件不能为空（否则将静默全部告警）")
    starts = body.starts_at or now
    for moment in (starts, body.ends_at):
        if moment.tzinfo is None:
            raise HTTPException(status.HTTP_400_BAD_REQUEST, "时间必须带时区")
    if body.ends_at <= max(starts, now):
        raise HTTPException(422,
                            "结束时间必须晚于开始时间和当前时间")
    row = Silence(matchers=body.matchers, starts_at=starts, ends_at=body.ends_at,
                  created_by=scope.user.name, comment=body.comment, created_at=now)
    session.add(row)
    session.commit()
    return _out(row, now)


@router.delete("/{silence_id}", response_model=SilenceOut)
def expire_silence(silence_id: int, session: SessionDep, scope: ScopeDep,
                   clock: ClockDep) -> SilenceOut:
    """End a silence now; the alerts it held start their chains at the next tick."""
    _require_handler(scope)
    now = clock.now()
    row = session.get(Silence, silence_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"静默 {silence_id} 不存在")
    if row.ends_at > now:
        row.ends_at = now
        session.execute(update(Alert).where(Alert.silenced_by == f"silence:{row.id}")
                        .values(next_due_at=now, fence=Alert.fence + 1))
    session.commit()
    return _out(row, now)
