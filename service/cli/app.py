"""The `yuqing` Typer application and its command groups."""

import typer

app = typer.Typer(help="应急舆情哨兵 Yuqing Sentinel", no_args_is_help=True,
                  pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
sources_app = typer.Typer(help="The sources of sources.yaml.", no_args_is_help=True)
users_app = typer.Typer(help="Users and API tokens.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")
app.add_typer(users_app, name="users")
routes_app = typer.Typer(help="Routing of alerts (routing.yaml).", no_args_is_help=True)
outbox_app = typer.Typer(help="Notifications waiting, sent or dead.", no_args_is_help=True)
app.add_typer(routes_app, name="routes")
app.add_typer(outbox_app, name="outbox")
labels_app = typer.Typer(help="The bureau's labelled set (JSON lines).", no_args_is_help=True)
app.add_typer(labels_app, name="labels")
