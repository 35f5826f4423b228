"""`yuqing users add`."""

from typing import Annotated

import typer

from service.cli.app import users_app
from service.cli.common import engine_for, fail, out, settings_or_exit
from service.clock import SystemClock


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="duty | leader | analyst | admin")],
    division: Annotated[str | None, typer.Option(help="division id from routing.yaml")] = None,
) -> None:
    """Create a user and print an API token once."""
    from sqlmodel import Session

    from service.models import Role
    from service.users import UserError, create_user, issue_token

    try:
        parsed_role = Role(role)
    except ValueError:
        raise fail(f"unknown role {role!r}: use duty, leader, analyst or admin") from None
    settings = settings_or_exit()
    engine = engine_for(settings)
    clock = SystemClock()
    with Session(engine) as session:
        try:
            user = create_user(session=session, name=name, role=parsed_role, division=division,
                               now=clock.now())
        except UserError as exc:
            raise fail(str(exc), 1) from None
        token = issue_token(session=session, user=user, now=clock.now())
        session.commit()
    out().print(f"user {name} ({parsed_role.value}) created. API token (shown once):")
    print(token)
