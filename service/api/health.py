"""Liveness, readiness and Prometheus metrics (no token; metrics restricted by address)."""

import os
from ipaddress import ip_address

from fastapi import APIRouter, HTTPException, Request, Response, status
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from service import __version__

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict:
    """The process is alive (``pid``: which worker of ``yuqing serve --workers`` answered)."""
    return {"status": "ok", "version": __version__, "pid": os.getpid()}


@router.get("/readyz")
def readyz(request: Request, response: Response) -> dict:
    """The service can reach its database."""
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "unavailable", "database": f"数据库不可用：{type(exc).__name__}"}
    return {"status": "ready", "database": "ok"}


@router.get("/metrics", response_class=Response)
def metrics(request: Request) -> Response:
    """Prometheus metrics for clients inside YQ_METRICS_ALLOWED_NETWORKS."""
    client = request.client.host if request.client else None
    try:
        address = ip_address(client) if client else None
    except ValueError:
        address = None
    allowed = request.app.state.settings.metrics_networks
    if address is None or not any(address in network for network in allowed):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "该地址无权读取监控指标")
    return Response(request.app.state.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
