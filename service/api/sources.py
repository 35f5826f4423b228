"""GET /api/v1/sources: every source with its health."""

from fastapi import APIRouter
from sqlmodel import select

from service.api.deps import CurrentUser, SessionDep
from service.models import Source, SourcePublic

router = APIRouter(prefix="/api/v1/sources", tags=["sources"])


@router.get("", response_model=list[SourcePublic])
def list_sources(session: SessionDep, user: CurrentUser, enabled: bool | None = None,
                 down: bool | None = None) -> list[Source]:
    """Sources with last success, last error, consecutive failures and items seen."""
    query = select(Source).order_by(Source.id)
    if enabled is not None:
        query = query.where(Source.enabled == enabled)
    if down is not None:
        query = query.where(Source.is_down == down)
    return list(session.exec(query).all())
