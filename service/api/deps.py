"""Dependencies shared by the routers: database session, clock, the authenticated user."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from service.clock import Clock
from service.models import User
from service.users import authenticate

_bearer = HTTPBearer(auto_error=False, description="API token from `yuqing users add`")


def get_session(request: Request) -> Iterator[Session]:
    """A database session for one request."""
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


async def get_clock(request: Request) -> Clock:
    """The app's clock (a fake one in tests)."""
    return request.app.state.clock


SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]


async def get_current_user(
    request: Request,
    clock: ClockDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The user of the request's bearer token, or 401.

    A token seen in the last seconds is answered from memory on the event loop; otherwise the
    lookup runs in one thread-pool hop with a session of its own, released at once (a request
    never holds a pooled connection while it waits for a thread).
    """
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "缺少访问令牌：请在请求头中提供 Authorization: Bearer <令牌>",
            headers={"WWW-Authenticate": "Bearer"})
    token = credentials.credentials
    tokens = request.app.state.tokens
    user = tokens.get(token)
    if user is None:
        engine = request.app.state.engine

        def lookup() -> User | None:
            with Session(engine, expire_on_commit=False) as session:
                return authenticate(session=session, token=token, now=clock.now())

        user = await run_in_threadpool(lookup)
        if user is not None:
            tokens.put(token, user)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "访问令牌无效、已撤销或用户已停用",
                            headers={"WWW-Authenticate": "Bearer"})
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]



def require_roles(*roles: str):
    """A dependency that lets only users with one of ``roles`` through (403 otherwise)."""

    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            names = {"duty": "值班员", "leader": "领导", "analyst": "分析员", "admin": "管理员"}
            allowed = "、".join(names.get(r, r) for r in roles)
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"此操作仅限{allowed}")
        return user

    return check


AnalystUser = Annotated[User, Depends(require_roles("analyst", "admin"))]
MarkingUser = Annotated[User, Depends(require_roles("duty", "leader", "analyst", "admin"))]
