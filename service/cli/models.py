"""`yuqing classify`, `yuqing train`, `yuqing evaluate`; jobs run in the foreground."""

from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app
from service.cli.common import engine_for, fail, out, settings_or_exit


@app.command()
def classify(
    model: Annotated[Path | None, typer.Option(help="model folder (default: YQ_MODEL_DIR)")] = None,
) -> None:
    """JSON lines in on stdin, one analysis per line out on stdout, same order."""
    import json
    import sys

    from classifiers import ModelNotFound, load

    settings = settings_or_exit()
    try:
        analyzer = load(model or settings.model_dir)
    except ModelNotFound as exc:
        raise fail(str(exc)) from None
    batch: list[dict] = []
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
            if not isinstance(document, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            raise fail(f"stdin line {number}: not a JSON object ({exc})") from None
        batch.append(document)
        if len(batch) >= 256:
            _emit(analyzer.analyze(batch))
            batch = []
    _emit(analyzer.analyze(batch))


def _emit(analyses) -> None:
    import json

    for analysis in analyses:
        print(json.dumps(analysis.as_dict(), ensure_ascii=False), flush=False)


@app.command()
def train(
    corpus: Annotated[
        list[Path] | None, typer.Option(help="JSON-lines corpus (repeatable)")] = None,
    output: Annotated[Path | None, typer.Option(help="model folder to write")] = None,
    author: Annotated[str | None, typer.Option(help="who trained it (default: you)")] = None,
    with_labels: Annotated[bool, typer.Option(
        "--with-labels", help="also train on the bureau's training labels")] = False,
    seed: Annotated[Path | None, typer.Option(
        exists=True, dir_okay=False, help="seed corpus (default: YQ_SEED_CORPUS or shipped)")]
    = None,
    version: Annotated[str | None, typer.Option(help="version name (default: date-hash)")]
    = None,
    note: Annotated[str, typer.Option(help="what this version is for")] = "",
    label_weight: Annotated[int, typer.Option(
        min=1, max=100, help="copies of each label among the seed items")] = 10,
) -> None:
    """Train a new model version from the seed corpus (plus any corpus given) and register it."""
    from classifiers.train import read_corpus

    settings = settings_or_exit()
    for path in corpus or []:
        try:
            read_corpus(path)
        except (OSError, ValueError) as exc:
            raise fail(str(exc)) from None
    params = {"with_labels": with_labels, "label_weight": label_weight, "version": version,
              "note": note, "seed": str(seed.resolve()) if seed else None,
              "corpora": [str(p.resolve()) for p in corpus or []],
              "output": str(output.resolve()) if output else None}
    job = run_job(settings, "train", params, author)
    result = job.result
    held = result.get("held_out") or {}
    out().print(f"model {result['version']} registered ({result['items']} training records, "
                f"data hash {result['data_hash'][:12]})")
    out().print(f"held-out: relevance F1 {(held.get('relevance') or {}).get('f1')}, "
                f"macro-F1 {held.get('macro_f1')}")
    if result.get("labels_holdout"):
        labels = result["labels_holdout"]
        out().print(f"bureau holdout labels: relevance F1 {labels['relevance']['f1']}, "
                    f"macro-F1 {labels['macro_f1']}")


def actor_name(author: str | None) -> str:
    """Who runs the command: --author, else the operating-system user."""
    import getpass

    return author or f"{getpass.getuser()}（命令行）"


def run_job(settings, kind: str, params: dict, author: str | None):
    """Queue a job and run it in this process with a progress bar; exit 1 when it fails."""
    import threading

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from sqlmodel import Session

    from service.analysts.jobs import JobRunner, enqueue
    from service.clock import SystemClock
    from service.db import require_current_schema
    from service.models import Job

    engine = engine_for(settings)
    if problem := require_current_schema(engine):
        raise fail(problem)
    clock = SystemClock()
    with Session(engine) as session:
        job_id = enqueue(session=session, kind=kind, params=params, actor=actor_name(author),
                         now=clock.now()).id
    runner = JobRunner(engine=engine, settings=settings, clock=clock)
    worker = threading.Thread(target=runner.run_pending, args=(job_id,), daemon=True)
    worker.start()
    columns = (TextColumn(f"[bold]{kind} #{job_id}"), BarColumn(),
               TextColumn("{task.percentage:>3.0f}%"), TimeElapsedColumn(),
               TextColumn("{task.description}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("", total=1.0)
        while worker.is_alive():
            worker.join(0.5)
            with Session(engine) as session:
                job = session.get(Job, job_id)
                progress.update(task, completed=job.progress, description=job.message)
    with Session(engine) as session:
        job = session.get(Job, job_id)
    if job.status != "done":
        raise fail(f"{kind} job {job_id} {job.status}: {job.error or job.message}", 1)
    return job


@app.command()
def evaluate(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="JSON lines: id, title, text, relevant, topics")],
    model: Annotated[Path | None, typer.Option(help="model folder (default: YQ_MODEL_DIR)")] = None,
    json_output: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Per-topic precision, recall, F1, macro-F1, false alerts per 1,000, confusion matrix."""
    import json

    from classifiers import ModelNotFound, load
    from classifiers.evaluate import Labelled, format_report
    from classifiers.evaluate import evaluate as evaluate_analyses
    from classifiers.train import TOPICS, read_corpus

    settings = settings_or_exit()
    try:
        records = read_corpus(file)
        analyzer = load(model or settings.model_dir)
    except (ValueError, ModelNotFound) as exc:
        raise fail(str(exc)) from None
    analyses = analyzer.analyze(records)
    labels = [Labelled(str(r.get("id", i)), bool(r.get("relevant")), r.get("topics") or [])
              for i, r in enumerate(records)]
    metrics = evaluate_analyses(analyses, labels, TOPICS)
    if json_output:
        print(json.dumps(metrics, ensure_ascii=False, indent=2))
    else:
        metrics.pop("errors")
        print(format_report(metrics))

