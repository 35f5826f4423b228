"""`python -m service` is the `yuqing` command."""

from service.cli import app

app(prog_name="yuqing")
