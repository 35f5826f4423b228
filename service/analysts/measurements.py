"""Jobs that measure model versions: ``evaluate`` (one version on a labelled set) and
``compare`` (two versions on the same set). Their results are the jobs' results."""

from sqlmodel import Session

from service.analysts import evaluation, registry
from service.analysts.jobs import JobContext, register_handler


def _records(ctx: JobContext, session: Session) -> list[dict]:
    name = ctx.params["set"]
    records = evaluation.records_for(session=session, settings=ctx.settings, name=name,
                                     upload=ctx.params.get("records"))
    if not records:
        raise ValueError(f"标注集 {evaluation.SETS.get(name, name)} 为空")
    return records


def run_evaluation(ctx: JobContext) -> dict:
    """Evaluate ``params.version`` on ``params.set``."""
    ctx.progress(0.05, "读取标注集")
    with Session(ctx.engine) as session:
        row = registry.resolve_version(session=session, settings=ctx.settings,
                                       name=ctx.params["version"], now=ctx.clock.now())
        records = _records(ctx, session)
    ctx.progress(0.2, f"加载模型 {row.version}")
    analyzer = registry.load_version(ctx.settings, row)
    ctx.progress(0.4, f"分析 {len(records)} 条")
    result = evaluation.evaluate(analyzer, records)
    return {"kind": "evaluate", "version": row.version, "set": ctx.params["set"], **result}


def run_comparison(ctx: JobContext) -> dict:
    """Compare ``params.a`` and ``params.b`` on ``params.set`` (deltas are b − a)."""
    ctx.progress(0.05, "读取标注集")
    with Session(ctx.engine) as session:
        rows = [registry.resolve_version(session=session, settings=ctx.settings,
                                         name=ctx.params[side], now=ctx.clock.now())
                for side in ("a", "b")]
        records = _records(ctx, session)
    ctx.progress(0.15, f"加载模型 {rows[0].version}、{rows[1].version}")
    a, b = (registry.load_version(ctx.settings, row) for row in rows)
    ctx.progress(0.4, f"两个版本各分析 {len(records)} 条")
    return {"kind": "compare", "set": ctx.params["set"], **evaluation.compare(records, a, b)}


register_handler("evaluate", run_evaluation)
register_handler("compare", run_comparison)
