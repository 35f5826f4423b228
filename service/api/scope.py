"""Who may see and handle which alerts.

Duty officers without a division, analysts and admins see every alert. A leader sees the
alerts routed to them; a division user (a duty user with a division) sees their division's
alerts and those routed to them. Handling (ack, notes, assign, resolve) is for duty, leader
and admin users, within what they see.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import exists, or_, select

from service.alerts.context import AlertContext
from service.api.deps import CurrentUser
from service.configfile import ConfigError
from service.models import Alert, AlertRecipient, Role, User

HANDLERS = {Role.duty, Role.leader, Role.admin}


@dataclass(frozen=True)
class Scope:
    user: User
    person: str | None  # the routing.yaml person this user is
    division: str | None
    everything: bool

    def filter(self, query):
        """Restrict a query over Alert to what this user may see."""
        if self.everything:
            return query
        routed = exists(select(AlertRecipient.alert_id).where(
            AlertRecipient.alert_id == Alert.id, AlertRecipient.person == (self.person or "")))
        if self.division:
            return query.where(or_(Alert.division == self.division, routed))
        return query.where(routed)

    def can_handle(self) -> bool:
        return self.user.role in HANDLERS


async def alert_context(request: Request) -> AlertContext:
    """The routing context (routing.yaml), or 503 when it cannot be loaded."""
    try:
        return request.app.state.routing.current()
    except ConfigError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            f"路由配置无法加载：{exc}") from None


ContextDep = Annotated[AlertContext, Depends(alert_context)]


def person_of(user: User, request: Request) -> str | None:
    """The person id in routing.yaml linked to this user (by `user:` or by equal id)."""
    try:
        config = request.app.state.routing.current().config
    except ConfigError:
        return None
    for person_id, person in config.people.items():
        if person.user == user.name:
            return person_id
    person = config.people.get(user.name)
    # a person linked by `user:` to another account is not also the account named like it
    return user.name if person is not None and person.user is None else None


async def get_scope(user: CurrentUser, request: Request) -> Scope:
    everything = user.role in (Role.analyst, Role.admin) or (
        user.role == Role.duty and not user.division)
    return Scope(user=user, person=None if everything else person_of(user, request),
                 division=user.division if user.role == Role.duty else None,
                 everything=everything)


ScopeDep = Annotated[Scope, Depends(get_scope)]
