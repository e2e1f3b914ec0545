"""Run every benchmark and rewrite ``bench/results.json`` and ``bench/RESULTS.md``.

``make bench`` runs ``python -m bench.run``. The process limits every numerical
library to one thread before spaCy is imported (``--pin`` also pins it to one CPU). Corpora (see
:mod:`bench.corpus`): the ``news`` mix, 500k words for matching and its first 120k
words for the pipeline against spaCy, and the ``dense`` sample reports (30k words).

Example:
    python -m bench.run                              # the full run, a few minutes
    python -m bench.run --matching-words 5000 --pipeline-words 2000 --dense-words 1000 \\
        --repeats 1 --out-dir /tmp/bench             # a smoke run, seconds
    python -m bench.run --profile                    # also print a cProfile of tieline
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .timing import Clock, environment, single_core

HERE = Path(__file__).parent


def run(matching_words: int = 500_000, pipeline_words: int = 120_000, dense_words: int = 30_000,
        repeats: int = 3, seed: int | None = None, clock: Clock = "cpu",
        memory_documents: Sequence[int] = (1000, 4000),
        query_events: int = 1_000_000) -> dict[str, Any]:
    """Every benchmark; the results as one JSON-ready dictionary. ``memory_documents``
    are the ingest sizes of the memory benchmark (empty: skip it); ``query_events`` the
    size of the store the dyad query runs on (0: skip it)."""
    from tieline.pipeline import Pipeline

    from .corpus import DEFAULT_SEED, build_corpus, describe, fingerprint, total_words
    from .matching import run_matching
    from .memory import run_memory
    from .pipeline import run_pipeline
    from .query import run_query

    seed = DEFAULT_SEED if seed is None else seed
    corpora = {
        "news": build_corpus(matching_words, seed, "news"),
        "news_pipeline": build_corpus(pipeline_words, seed, "news"),
        "dense": build_corpus(dense_words, seed, "dense"),
    }
    corpus_info = {
        key: {"mix": "dense" if key == "dense" else "news", "seed": seed,
              "documents": len(docs), "words": total_words(docs), "sha256": fingerprint(docs),
              "description": ("The first documents of the news corpus (same seed). "
                              if key == "news_pipeline" else "")
              + describe("dense" if key == "dense" else "news")}
        for key, docs in corpora.items()
    }
    pipe = Pipeline()
    benchmarks: list[dict[str, Any]] = []
    for result in run_matching(corpora["news"], max(repeats, 5), pipe, clock):
        benchmarks.append({**result, "corpus": "news"})
    for result in run_matching(corpora["dense"], max(repeats, 5), pipe, clock):
        benchmarks.append({**result, "name": result["name"] + "_dense", "corpus": "dense"})
    benchmarks.append({**run_pipeline(corpora["news_pipeline"], repeats, "pipeline_vs_spacy", pipe, clock),
                       "corpus": "news_pipeline"})
    benchmarks.append({**run_pipeline(corpora["dense"], repeats, "pipeline_vs_spacy_dense", pipe, clock),
                       "corpus": "dense"})
    memory = run_memory(memory_documents, seed) if memory_documents else None
    query = run_query(query_events, seed=seed) if query_events else None
    return {"corpora": corpus_info, "benchmarks": benchmarks, "memory": memory, "query": query}


def profile(words: int, seed: int | None = None, top: int = 30) -> str:
    """A cProfile of one ``Pipeline.extract_many`` pass over the news corpus (after warm-up)."""
    from tieline.pipeline import Pipeline

    from .corpus import DEFAULT_SEED, build_corpus

    docs = build_corpus(words, DEFAULT_SEED if seed is None else seed, "news")
    pipe = Pipeline()
    list(pipe.extract_many(docs[:5]))
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in pipe.extract_many(docs):
        pass
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "pass" if value else "FAIL"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render_markdown(results: dict[str, Any]) -> str:
    """The readable ``RESULTS.md`` for a results dictionary."""
    env = results["environment"]
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench.run`) from `bench/results.json`; do not edit.",
        "",
        f"Run on {env['date']} · commit {env['git_commit']} · Python {env['python']} · "
        f"spaCy {env['spacy']} · {env['cpu_model']} ({env['cpu_count']} CPUs; one thread"
        f"{'' if env['pinned_cpu'] is None else ', pinned to CPU ' + str(env['pinned_cpu'])}) · "
        f"{env['platform']}",
        "",
        "| benchmark | corpus | words | seconds | wall s | words/s | ratio | target | result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for b in results["benchmarks"]:
        target = None if b["target"] is None else (
            f"≥ {b['target']:g}×" if b["metric"] == "ratio" else f"≥ {b['target']:,} words/s")
        lines.append(f"| {b['name']} | {b['corpus']} | {_number(b['words'])} | "
                     f"{b['seconds']:.3f} | {b['wall_seconds']:.3f} | {_number(b['words_per_s'])} | "
                     f"{_number(b.get('ratio'))} | {target or '–'} | {_number(b['pass'])} |")
    clock = results["benchmarks"][0]["clock"] if results["benchmarks"] else "cpu"
    lines += ["", f"Seconds: the best of the repeats on the {clock} clock ("
              + ("CPU time of the single busy thread, which waiting for a shared core does not "
                 "inflate" if clock == "cpu" else "wall clock")
              + "), after a warm-up; wall s: the best wall-clock time, far above the CPU time "
              "when the machine was busy. Medians are in `results.json`. Words are "
              "whitespace-separated tokens.", ""]
    for b in results["benchmarks"]:
        if "baseline" not in b:
            continue
        s = b["stages"]
        total = s["sentences_seconds"] + s["actors_seconds"] + s["events_seconds"]
        lines += [
            f"## {b['name']} ({b['corpus']} corpus)",
            "",
            f"- tieline: {_number(b['words_per_s'])} words/s "
            f"(median of {b['repeats']}: {_number(b['words_per_s_median'])})",
            f"- {b['baseline']['name']}: {_number(b['baseline']['words_per_s'])} words/s; "
            f"**ratio {b['ratio']:.2f}×** (medians: {b['ratio_median']:.2f}×, "
            f"wall clock: {b['ratio_wall']:.2f}×)",
            f"- {b['baseline_as_tieline']['name']}: "
            f"{_number(b['baseline_as_tieline']['words_per_s'])} words/s; "
            f"ratio {b['ratio_vs_as_tieline']:.2f}×",
            f"- sentences: {_number(s['sentences'])}, with an actor: "
            f"{_number(s['sentences_with_actor'])}, parsed: {_number(s['sentences_parsed'])}; "
            f"share of words parsed: {s['share_of_words_parsed']:.1%}",
            f"- where the time goes (CPU time, one pass per stage, {total:.2f} s): sentences "
            f"{s['sentences_seconds']:.2f} s, actors {s['actors_seconds']:.2f} s, events "
            f"{s['events_seconds']:.2f} s, of which spaCy parsing {s['parse_seconds']:.2f} s and "
            f"trigger matching, roles, dates {s['events_without_parse_seconds']:.2f} s",
            "",
        ]
    memory = results.get("memory")
    if memory:
        lines += ["## ingest_peak_memory", "",
                  f"Peak resident memory of `ingest` ({memory['description']}), each size in a "
                  "fresh process:", "",
                  "| documents | peak MB | seconds | events | failed |",
                  "|---:|---:|---:|---:|---:|"]
        lines += [f"| {_number(r['documents'])} | {r['peak_mb']:,.1f} | {r['seconds']:,.1f} | "
                  f"{_number(r['events'])} | {_number(r['failed'])} |" for r in memory["runs"]]
        lines += ["", f"Growth: {memory['growth_mb_per_1000_documents']:.2f} MB per 1,000 "
                  f"documents; **projected peak at {memory['projected_documents']:,} documents: "
                  f"{memory['projected_mb']:,.0f} MB** (a linear projection from the runs above, "
                  f"not a run of that size); target < {memory['target_mb']:,} MB: "
                  f"{_number(memory['pass'])}.", ""]
    query = results.get("query")
    if query:
        lines += ["## dyad_timeline_1m", "",
                  f"{query['description']}: {_number(query['events_in_store'])} events in the "
                  f"store (filled in {query['fill_seconds']:.0f} s), {query['pair_events']} of "
                  f"them between the pair, {query['states']} yearly states. **Best "
                  f"{query['ms']:.1f} ms** (median of {query['repeats']}: "
                  f"{query['ms_median']:.1f} ms, wall clock); target < {query['target_ms']:g} ms: "
                  f"{_number(query['pass'])}.", ""]
    lines += ["## Corpora", ""]
    for key, c in results["corpora"].items():
        lines += [f"- **{key}**: {_number(c['documents'])} documents, {_number(c['words'])} words, "
                  f"seed {c['seed']}, sha256 `{c['sha256'][:16]}`. {c['description']}"]
    lines.append("")
    return "\n".join(lines)


def write(results: dict[str, Any], out_dir: Path) -> None:
    """Rewrite ``results.json`` and ``RESULTS.md`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                          "utf-8")
    (out_dir / "RESULTS.md").write_text(render_markdown(results), "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run tieline's benchmarks.")
    parser.add_argument("--matching-words", type=int, default=500_000)
    parser.add_argument("--pipeline-words", type=int, default=120_000)
    parser.add_argument("--dense-words", type=int, default=30_000)
    parser.add_argument("--memory-documents", default="1000,4000",
                        help="ingest sizes of the memory benchmark, comma-separated (0: skip)")
    parser.add_argument("--query-events", type=int, default=1_000_000,
                        help="events in the store of the dyad query benchmark (0: skip)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out-dir", type=Path, default=HERE)
    parser.add_argument("--pin", action="store_true",
                        help="pin the process to one CPU (default: one thread, any CPU)")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="the clock of the headline figures (default: CPU time)")
    parser.add_argument("--profile", action="store_true",
                        help="also print a cProfile of one pipeline pass")
    args = parser.parse_args(argv)
    cpu = single_core(args.pin)
    results = {"environment": environment(cpu),
               **run(args.matching_words, args.pipeline_words, args.dense_words, args.repeats,
                     args.seed, args.clock,
                     [int(n) for n in args.memory_documents.split(",") if int(n) > 0],
                     args.query_events)}
    write(results, args.out_dir)
    for b in results["benchmarks"]:
        ratio = f"  ratio {b['ratio']:.2f}x" if "ratio" in b else ""
        verdict = "" if b["pass"] is None else ("  pass" if b["pass"] else "  FAIL")
        print(f"{b['name']:<28} {b['words']:>9,} words {b['seconds']:8.3f} s "
              f"{b['words_per_s']:>11,} words/s{ratio}{verdict}")
    memory = results["memory"]
    if memory:
        peaks = ", ".join(f"{r['documents']:,} docs {r['peak_mb']:,.0f} MB" for r in memory["runs"])
        print(f"{memory['name']:<28} {peaks}; projected at {memory['projected_documents']:,}: "
              f"{memory['projected_mb']:,.0f} MB{'  pass' if memory['pass'] else '  FAIL'}")
    query = results["query"]
    if query:
        print(f"{query['name']:<28} {query['events_in_store']:,} events in the store: "
              f"{query['ms']:.1f} ms{'  pass' if query['pass'] else '  FAIL'}")
    print(f"wrote {args.out_dir / 'results.json'} and {args.out_dir / 'RESULTS.md'}")
    if args.profile:
        sys.stdout.write(profile(args.pipeline_words, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
