"""`yuqing models`: list, evaluate, compare, thresholds, activate (and roll back) versions."""

from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app
from service.cli.common import engine_for, fail, out, settings_or_exit
from service.cli.models import actor_name, run_job

models_app = typer.Typer(help="Model versions: list, evaluate, compare, thresholds, activate.",
                         no_args_is_help=True)
app.add_typer(models_app, name="models")
SetOption = Annotated[str, typer.Option(
    "--set", help="labels:holdout, labels:all or seed:holdout (ignored with --file)")]
FileOption = Annotated[Path | None, typer.Option(
    exists=True, dir_okay=False, help="a labelled set of your own (JSON lines)")]


def _registry_session(settings):
    from sqlmodel import Session

    from service.db import require_current_schema

    engine = engine_for(settings)
    if problem := require_current_schema(engine):
        raise fail(problem)
    return Session(engine, expire_on_commit=False)


@models_app.command("list")
def list_models() -> None:
    """Every version, newest first; * marks the active one."""
    from rich.table import Table

    from service.analysts import registry
    from service.clock import SystemClock

    settings = settings_or_exit()
    with _registry_session(settings) as session:
        current = registry.current_version(session=session, settings=settings,
                                           now=SystemClock().now())
        rows = registry.list_versions(session)
    table = Table(title="模型版本 model versions")
    for column in ("", "version", "status", "author", "created", "data", "held-out rel. F1",
                   "macro-F1", "bureau holdout macro-F1", "threshold"):
        table.add_column(column, overflow="fold")
    for row in rows:
        held = row.metrics.get("held_out") or {}
        labels = row.metrics.get("labels_holdout") or {}
        override = row.thresholds.get("relevant")
        model = (row.params.get("model_thresholds") or {}).get("relevant")
        table.add_row("*" if current and row.version == current.version else "", row.version,
                      row.status, row.author, f"{row.created_at:%Y-%m-%d %H:%M}",
                      row.data_hash[:8], str((held.get("relevance") or {}).get("f1", "")),
                      str(held.get("macro_f1", "")), str(labels.get("macro_f1", "")),
                      f"{override} (set)" if override is not None else str(model or ""))
    out().print(table)


@models_app.command("activate")
def activate_model(
    version: Annotated[str, typer.Argument(help="the version (an older one rolls back)")],
    override: Annotated[bool, typer.Option(
        "--override", help="activate even when it measures worse")] = False,
    reason: Annotated[str, typer.Option(help="why (required with --override)")] = "",
    author: Annotated[str | None, typer.Option(help="who (default: you)")] = None,
) -> None:
    """Make a version active in every running instance (checked against the active one)."""
    from service.analysts import registry
    from service.clock import SystemClock

    settings = settings_or_exit()
    with _registry_session(settings) as session:
        try:
            activation = registry.activate(session=session, settings=settings, version=version,
                                           actor=actor_name(author), now=SystemClock().now(),
                                           override=override, reason=reason)
        except registry.WorseModel as exc:
            _print_comparison(exc.comparison)
            raise fail(str(exc), 1) from None
        except registry.RegistryError as exc:
            raise fail(str(exc), 1) from None
    _print_comparison(activation.comparison)
    out().print(f"model {activation.version} active (was {activation.previous})"
                + (" — override: " + activation.reason if activation.override else ""))


def _print_comparison(comparison: dict) -> None:
    if not comparison.get("metrics"):
        out().print(f"no comparison: {comparison.get('note', '')}")
        return
    new, old = comparison["metrics"]["candidate"], comparison["metrics"]["active"]
    out().print(f"on {comparison['items']} bureau holdout labels: "
                f"relevance F1 {old['relevance']['f1']} → {new['relevance']['f1']}, "
                f"macro-F1 {old['macro_f1']} → {new['macro_f1']}")


def _set_params(settings, name: str, file: Path | None) -> dict:
    from service.analysts.evaluation import SETS, parse_jsonl

    if file is not None:
        try:
            return {"set": "upload", "records": parse_jsonl(file.read_text(encoding="utf-8"))}
        except ValueError as exc:
            raise fail(f"{file}: {exc}") from None
    if name not in SETS or name == "upload":
        raise fail(f"unknown set {name!r}: labels:holdout, labels:all or seed:holdout")
    return {"set": name}


@models_app.command("evaluate")
def evaluate_version(
    version: Annotated[str, typer.Argument(help="a version, or active")],
    set_name: SetOption = "labels:holdout",
    file: FileOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    wrong: Annotated[int, typer.Option(help="wrong items to list")] = 20,
) -> None:
    """Metrics of a version on a labelled set, and the items it gets wrong (with why)."""
    import json

    from classifiers.evaluate import format_report

    settings = settings_or_exit()
    job = run_job(settings, "evaluate", {"version": version,
                                         **_set_params(settings, set_name, file)}, None)
    if json_output:
        print(json.dumps(job.result, ensure_ascii=False, indent=2))
        return
    print(format_report(job.result["metrics"]))
    print(f"\nwrong: {job.result['wrong_total']} items (job {job.id}; the page: "
          f"/api/v1/models/evaluations/{job.id}/page)")
    for item in job.result["wrong"][:wrong]:
        got = item["got"]
        print(f"- {item['id']} [{', '.join(item['mistakes'])}] expected {item['expected']}; "
              f"got relevant={got['relevant']} topics={got['topics']} level={got['level']} "
              f"({got['relevance']}); rules: {', '.join(item['explanation'].get('rules', []))}")


@models_app.command("compare")
def compare_versions(
    a: Annotated[str, typer.Argument(help="a version, or active")],
    b: Annotated[str, typer.Argument(help="the version to compare with it")],
    set_name: SetOption = "labels:holdout",
    file: FileOption = None,
    json_output: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Two versions on one labelled set: metric deltas (b − a) and the items that change."""
    import json

    settings = settings_or_exit()
    job = run_job(settings, "compare", {"a": a, "b": b, **_set_params(settings, set_name, file)},
                  None)
    result = job.result
    if json_output:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    d = result["deltas"]
    print(f"{result['a']} → {result['b']} on {result['items']} items: relevance F1 "
          f"{d['relevance']['f1']:+}, macro-F1 {d['macro_f1']}, false alerts per 1,000 "
          f"{d['false_alerts_per_1000_irrelevant']}")
    changes = result["changes"]
    print(f"{result['changed_total']} items change: {changes['fixed']} fixed, "
          f"{changes['broken']} broken, {changes['different']} otherwise")


@models_app.command("thresholds")
def thresholds(
    version: Annotated[str, typer.Argument(help="a version, or active")],
    set_name: SetOption = "labels:holdout",
    target_precision: Annotated[float | None, typer.Option(
        min=0.01, max=1.0, help="store the threshold reaching this precision")] = None,
    decision: Annotated[str, typer.Option(
        help="relevance, or blue/yellow/orange/red: alerts of at least that level")]
    = "relevance",
    author: Annotated[str | None, typer.Option(help="who (default: you)")] = None,
) -> None:
    """The precision–recall trade-off of the relevance threshold; set one from a target."""
    from service.analysts import evaluation, registry
    from service.clock import SystemClock

    settings = settings_or_exit()
    now = SystemClock().now()
    with _registry_session(settings) as session:
        try:
            row = registry.resolve_version(session=session, settings=settings, name=version,
                                           now=now)
        except registry.RegistryError as exc:
            raise fail(str(exc), 1) from None
        _set_params(settings, set_name, None)
        records = evaluation.records_for(session=session, settings=settings, name=set_name)
        if not records:
            raise fail(f"the set {set_name} is empty", 1)
        curves = evaluation.curves(registry.load_version(settings, row), records)
        points = curves["relevance"] if decision == "relevance" else curves["levels"][decision]
        print(f"{row.version} on {len(records)} items, threshold now {curves['threshold']}")
        print(f"{'threshold':>10}{'precision':>11}{'recall':>8}{'f1':>8}")
        for point in points[::5]:
            print(f"{point['threshold']:>10.2f}{point['precision'] or 0:>11.3f}"
                  f"{point['recall'] or 0:>8.3f}{point['f1']:>8.3f}")
        if target_precision is None:
            return
        point = evaluation.choose_threshold(points, target_precision)
        if point is None:
            raise fail(f"no threshold reaches precision {target_precision} on this set", 1)
        registry.set_thresholds(
            session=session, version=row.version, actor=actor_name(author), now=now,
            thresholds={"relevant": point["threshold"], "basis": {
                "set": set_name, "decision": decision, "target_precision": target_precision,
                "items": len(records), "point": point, "previous": curves["threshold"]}})
    print(f"threshold of {row.version} set to {point['threshold']} (precision "
          f"{point['precision']}, recall {point['recall']})")
