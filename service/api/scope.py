"""Who may see and handle which alerts.

Duty officers without a division, analysts and admins see every alert. A leader sees the
alerts routed to them; a division user (a duty user with a division) sees their division's
alerts and those routed to them. Handling (ack, notes, assign, resolve) is for duty, leader
and admin users, within what they see.
"""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import bindparam, exists, or_, select

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

    @property
    def shape(self) -> str:
        """Which restriction applies: "all", "division" (the division's alerts and those
        routed to the person) or "routed" (only those routed to the person)."""
        if self.everything:
            return "all"
        return "division" if self.division else "routed"

    def parameters(self) -> dict[str, str]:
        """The values of the bound parameters ``filter`` adds (to reuse its statement for
        another user of the same ``shape``)."""
        if self.everything:
            return {}
        return {"scope_person": self.person or "", "scope_division": self.division or ""}

    def filter(self, query):
        """Restrict a query over Alert to what this user may see (the user's values are bound
        parameters named as in ``parameters``)."""
        if self.everything:
            return query
        routed = exists(select(AlertRecipient.alert_id).where(
            AlertRecipient.alert_id == Alert.id,
            AlertRecipient.person == bindparam("scope_person", self.person or "")))
        if self.division:
            return query.where(or_(
                Alert.division == bindparam("scope_division", self.division), routed))
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
