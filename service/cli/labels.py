"""`yuqing labels export|import|stats`: the bureau's labelled set as JSON lines."""

from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import labels_app
from service.cli.common import engine_for, fail, out, settings_or_exit
from service.clock import SystemClock


@labels_app.command("export")
def labels_export(
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", dir_okay=False, help="file to write (default: stdout)")] = None,
) -> None:
    """Write every label as JSON lines, readable by `yuqing train --corpus`."""
    import sys

    from sqlmodel import Session

    from service.analysts.labels import dump_line, export_labels

    engine = engine_for(settings_or_exit())
    count = 0
    with Session(engine) as session:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
        try:
            for record in export_labels(session):
                stream.write(dump_line(record) + "\n")
                count += 1
        finally:
            if output:
                stream.close()
    if output:
        out().print(f"{count} labels written to {output}")


@labels_app.command("import")
def labels_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="JSON lines, as `yuqing labels export` writes")],
    author: Annotated[str | None, typer.Option(
        help="who imports (recorded on every mark; default: the login name)")] = None,
) -> None:
    """Add or update labels from a JSON-lines file; nothing is written if a line is bad."""
    from sqlmodel import Session

    from service.analysts.labels import import_labels, read_lines

    author = (author or _login()).strip()
    if not author or len(author) > 100:
        raise fail("--author must be 1 to 100 characters")
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise fail(f"{file}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    engine = engine_for(settings_or_exit())
    with Session(engine) as session:
        report = import_labels(session=session, lines=read_lines(text), author=author,
                               now=SystemClock().now())
        if report.error_count:
            session.rollback()
            for error in report.errors:
                typer.echo(f"{file}:{error.line}: {error.message}", err=True)
            more = report.error_count - len(report.errors)
            raise fail((f"... and {more} more bad lines\n" if more else "")
                       + f"{report.error_count} bad lines: nothing imported")
        session.commit()
    out().print(f"{report.lines} lines: {report.created} created, {report.updated} updated, "
                f"{report.unchanged} unchanged, {report.kept} kept (newer here)")


@labels_app.command("stats")
def labels_stats() -> None:
    """Counts of labels by relevance, split, topic and author."""
    from sqlmodel import Session

    from service.analysts.labels import label_stats

    with Session(engine_for(settings_or_exit())) as session:
        stats = label_stats(session)
    console = out()
    console.print(f"{stats['total']} labels, {stats['false_alarms']} false alarms")
    for name in ("relevant", "split", "topics", "authors"):
        counts = ", ".join(f"{key} {n}" for key, n in stats[name].items()) or "—"
        console.print(f"{name}: {counts}")


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "cli"
