"""`yuqing classify`, `yuqing train`, `yuqing evaluate`."""

from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app
from service.cli.common import fail, out, settings_or_exit


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
    author: Annotated[str | None, typer.Option(help="who trained it")] = None,
) -> None:
    """Train a new model version from the seed corpus (plus any corpus given)."""
    from classifiers import load
    from classifiers.analyzer import make_tokenizer
    from classifiers.artifacts import DATA_DIR
    from classifiers.train import SEED_CORPUS, read_corpus
    from classifiers.train import train as train_model

    settings = settings_or_exit()
    records = read_corpus(SEED_CORPUS)
    for path in corpus or []:
        try:
            records += read_corpus(path)
        except (OSError, ValueError) as exc:
            raise fail(str(exc)) from None
    folder = output or settings.data_dir / "models" / "new"
    meta = train_model(records, tokenizer=make_tokenizer(DATA_DIR), output=folder, author=author,
                       trained_on="seed" + (f"+{len(corpus)} corpora" if corpus else ""),
                       analyzer_factory=load)
    if output is None:
        final = settings.data_dir / "models" / meta.version
        if final.exists():
            import shutil

            shutil.rmtree(final)
        folder.rename(final)
        folder = final
    held = meta.metrics.get("held_out", {})
    out().print(f"model {meta.version} written to {folder}")
    out().print(f"held-out: relevance {held.get('relevance')}, macro-F1 {held.get('macro_f1')}")


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
