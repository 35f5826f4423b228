"""Users and API tokens: a token is shown once and stored only as its SHA-256 hash."""

import hashlib
import secrets
import threading
import time
from datetime import datetime, timedelta

from sqlmodel import Session, select

from service.models import ApiToken, Role, User

TOKEN_PREFIX = "yq_"
_LAST_USED_RESOLUTION = timedelta(minutes=5)


class UserError(ValueError):
    """A user request that cannot be carried out (duplicate name, unknown user ...)."""


def hash_token(token: str) -> str:
    """The stored form of a token (tokens are 256-bit random, so a plain hash suffices)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(*, session: Session, name: str, role: Role, division: str | None,
                now: datetime) -> User:
    """A new active user; raises UserError when the name is taken."""
    name = name.strip()
    if not name:
        raise UserError("user name is empty")
    if session.exec(select(User).where(User.name == name)).first():
        raise UserError(f"user {name!r} exists already")
    user = User(name=name, role=role, division=division, created_at=now)
    session.add(user)
    session.flush()
    return user


def issue_token(*, session: Session, user: User, now: datetime) -> str:
    """A new API token for the user; the caller shows it once, only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), prefix=token[:10],
                         created_at=now))
    session.flush()
    return token


# A request carries its token every time: the user behind a token is remembered this long in
# the process (a revoked token or deactivated user stops working within it).
TOKEN_CACHE_SECONDS = 30.0
_cache: dict[str, tuple[float, User]] = {}
_cache_lock = threading.Lock()


def remembered_user(token: str) -> User | None:
    """The user of a token authenticated in the last seconds, without the database."""
    with _cache_lock:
        hit = _cache.get(hash_token(token))
    return hit[1] if hit is not None and hit[0] > time.monotonic() else None


def authenticate(*, session: Session, token: str, now: datetime) -> User | None:
    """The active user holding this unrevoked token, or None (remembered for a few seconds)."""
    digest = hash_token(token)
    if (user := remembered_user(token)) is not None:
        return user
    user = _authenticate(session=session, token=token, now=now)
    if user is not None:
        snapshot = User(id=user.id, name=user.name, role=Role(user.role), active=user.active,
                        division=user.division, created_at=user.created_at)  # detached copy
        with _cache_lock:
            if len(_cache) > 10_000:
                _cache.clear()
            _cache[digest] = (time.monotonic() + TOKEN_CACHE_SECONDS, snapshot)
    return user


def forget_tokens() -> None:
    """Drop the remembered tokens (after revoking one, in this process)."""
    with _cache_lock:
        _cache.clear()


def _authenticate(*, session: Session, token: str, now: datetime) -> User | None:
    """The active user holding this unrevoked token, or None."""
    row = session.exec(
        select(ApiToken, User)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.token_hash == hash_token(token), ApiToken.revoked_at.is_(None),
               User.active)
    ).first()
    if row is None:
        return None
    api_token, user = row
    if api_token.last_used_at is None or now - api_token.last_used_at > _LAST_USED_RESOLUTION:
        api_token.last_used_at = now
        session.commit()
    return user
