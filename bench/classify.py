"""Classifier speed: analyzer throughput against raw jieba, story lookups with 1M fingerprints.

    python -m bench.classify [--repeat 5] [--fingerprints 1000000]

Targets (issue #3): analyzer throughput on the same texts ≥ 0.8 × raw `jieba.lcut` throughput;
story lookup p99 < 1 ms with 1M fingerprints indexed; memory of a loaded analyzer reported.
Texts: the CEC articles, DuEE sentences and THUCNews headlines when ../shared/data is here,
else the project's seed corpus. Throughput is in characters per second; medians of --repeat runs,
measured alternately in the same run. The analyzer segments with ``classifiers.segment`` (jieba's
accurate mode computed in fewer steps): the benchmark first checks that it cuts every text as
``jieba.lcut`` does, and reports the segmenter's own throughput beside the analyzer's.
"""

import argparse
import json
import random
import resource
import statistics
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import jieba

from bench import realdata
from classifiers import load
from classifiers.dedup import SimHashIndex
from classifiers.segment import Segmenter
from classifiers.train import SEED_CORPUS, read_corpus


def texts_for_benchmark() -> tuple[str, list[dict]]:
    """The documents to analyse, and where they came from."""
    if realdata.available():
        examples = realdata.cec() + realdata.duee()[:4000] + realdata.thucnews()[:4000]
        return "shared/data (CEC + 4,000 DuEE + 4,000 THUCNews)", [
            {"id": e.id, "title": e.title, "text": e.text} for e in examples]
    return "seed corpus", read_corpus(SEED_CORPUS)


def measure_throughput(analyzer, docs: list[dict], repeat: int) -> dict:
    """Characters per second of raw jieba.lcut, of the analyzer, and of the analyzer's
    segmentation alone, alternately; first, that the segmentation equals jieba's on every text."""
    joined = [f"{d.get('title', '')}\n{d.get('text', '')}" for d in docs]
    chars = sum(len(t) for t in joined)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    segmenter = Segmenter(tokenizer)
    differ = sum(segmenter.lcut(text) != tokenizer.lcut(text) for text in joined)
    raw_runs, analyzer_runs, segment_runs = [], [], []
    for _ in range(repeat):
        started = time.perf_counter()
        for text in joined:
            tokenizer.lcut(text)
        raw_runs.append(chars / (time.perf_counter() - started))
        analyzer.tokenizer.forget()  # each run segments the texts as if for the first time
        started = time.perf_counter()
        for start in range(0, len(docs), 256):
            analyzer.analyze(docs[start:start + 256])
        analyzer_runs.append(chars / (time.perf_counter() - started))
        fresh = Segmenter(tokenizer)  # no memo carried over from the last run
        started = time.perf_counter()
        for text in joined:
            fresh.lcut(text)
        segment_runs.append(chars / (time.perf_counter() - started))
    raw, ours = statistics.median(raw_runs), statistics.median(analyzer_runs)
    segment = statistics.median(segment_runs)
    return {"documents": len(docs), "characters": chars,
            "jieba_lcut_chars_per_s": round(raw), "analyzer_chars_per_s": round(ours),
            "segmenter_chars_per_s": round(segment),
            "analyzer_docs_per_s": round(ours / chars * len(docs), 1),
            "ratio": round(ours / raw, 3), "segmenter_ratio": round(segment / raw, 3),
            "segmentation_differs": differ,
            "runs": {"jieba": raw_runs, "analyzer": analyzer_runs, "segmenter": segment_runs}}


def measure_story_lookup(count: int, queries: int = 20000) -> dict:
    """p50/p99 of SimHash index lookups (Hamming ≤ 3) with ``count`` fingerprints indexed."""
    rng = random.Random(20261126)
    index = SimHashIndex()
    fingerprints = [rng.getrandbits(64) for _ in range(count)]
    started = time.perf_counter()
    for key, value in enumerate(fingerprints):
        index.add(key, value)
    build = time.perf_counter() - started
    timings, hits = [], 0
    for n in range(queries):
        probe = fingerprints[rng.randrange(count)] if n % 2 else rng.getrandbits(64)
        if n % 4 == 1:
            for bit in rng.sample(range(64), 3):
                probe ^= 1 << bit
        started = time.perf_counter()
        hits += bool(index.query(probe, 3))
        timings.append(time.perf_counter() - started)
    timings.sort()
    return {"fingerprints": count, "queries": queries, "build_seconds": round(build, 1),
            "p50_ms": round(timings[len(timings) // 2] * 1000, 4),
            "p99_ms": round(timings[int(len(timings) * 0.99)] * 1000, 4),
            "max_ms": round(timings[-1] * 1000, 3), "hit_share": round(hits / queries, 3)}


def measure_memory() -> dict:
    """Load time of an analyzer (jieba's cache warm), then the Python heap a loaded one holds."""
    load()  # writes jieba's prefix-dictionary cache if it is not there yet
    started = time.perf_counter()
    load()
    seconds = time.perf_counter() - started
    tracemalloc.start()  # slows loading a lot, so it is measured apart from the time
    analyzer = load()
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"analyzer": analyzer, "load_seconds": round(seconds, 2),
            "heap_mib": round(current / 1048576, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--fingerprints", type=int, default=1_000_000)
    parser.add_argument("--output", type=Path,
                        default=Path(__file__).resolve().parent / "results" / "classify.json")
    args = parser.parse_args()
    memory = measure_memory()
    analyzer = memory.pop("analyzer")
    source, docs = texts_for_benchmark()
    throughput = measure_throughput(analyzer, docs, args.repeat)
    lookup = measure_story_lookup(args.fingerprints)
    result = {"benchmark": "classify", "date": datetime.now(UTC).isoformat(timespec="seconds"),
              "model": analyzer.version, "texts": source, "throughput": throughput,
              "story_lookup": lookup, "memory": memory,
              "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"texts: {source}, {throughput['documents']} documents, "
          f"{throughput['characters']} characters")
    rows = [
        ("raw jieba.lcut (chars/s, median)", throughput["jieba_lcut_chars_per_s"], ""),
        ("analyzer (chars/s, median)", throughput["analyzer_chars_per_s"], ""),
        ("analyzer / jieba", throughput["ratio"], ">= 0.8"),
        ("segmenter alone (chars/s, median)", throughput["segmenter_chars_per_s"], ""),
        ("segmenter / jieba", throughput["segmenter_ratio"], ""),
        ("texts the segmenter cuts unlike jieba", throughput["segmentation_differs"], "0"),
        (f"story lookup p50 (ms, {lookup['fingerprints']:,} fingerprints)", lookup["p50_ms"], ""),
        ("story lookup p99 (ms)", lookup["p99_ms"], "< 1"),
        ("analyzer load (s)", memory["load_seconds"], "<= 2"),
        ("analyzer heap after load (MiB)", memory["heap_mib"], "reported"),
        ("peak RSS of the benchmark (MiB)", result["peak_rss_mib"], "reported"),
    ]
    for name, value, target in rows:
        print(f"{name:<55}{value!s:>14}   {('target ' + target) if target else ''}")


if __name__ == "__main__":
    main()
