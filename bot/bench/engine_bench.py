"""Benchmark the engine: questions per second, p50/p99 latency, start-up time and peak memory.

Run `python -m bot.bench [--runs 5] [--scales 1 10 100]`, or `--quick` for a first look in seconds (one run,
bundled knowledge, a quarter of the questions). Progress goes to stderr, the figures to stdout.

Scaled knowledge bases add synthetic policies whose topics use their own invented words mixed with the real
knowledge's commonest words. Each synthetic topic uses three of those common words, drawn with Zipf's law
(the n-th commonest with weight 1/n), so "parent" or "school" turns up in a large share of topics and rarer
words in few, as in real policy sets.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml

from bot.cli.evaluate import load_question_set
from bot.common.cache import ENVIRONMENT as CACHE_ENVIRONMENT
from bot.config import PROJECT_ROOT, load_config
from bot.core.engine import Engine
from bot.knowledge.loading import load_knowledge

SYLLABLES = [c + v for c in "bcdfghjklmnprstvwz" for v in "aeiou"]
COMMON_WORDS = 60
FILLER = ["can", "i", "is", "it", "ok", "to", "the", "a", "my", "do", "we", "on", "of", "about", "what"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def synthetic_knowledge(base: Path, scale: int, into: Path, seed: int = 7) -> Path:
    """Copy a knowledge folder and add (scale - 1) × its topic count of synthetic topics."""
    shutil.copytree(base, into)
    if scale <= 1:
        return into
    knowledge = load_knowledge(base)
    rng = random.Random(seed)
    counts = Counter(
        word
        for t in knowledge.topics.values()
        for e in t.examples
        for word in e.lower().split()
        if word.isalpha() and word not in FILLER and len(word) > 3
    )
    common = [word for word, _ in counts.most_common(COMMON_WORDS)]
    zipf = [1 / rank for rank in range(1, len(common) + 1)]
    per_policy = max(1, len(knowledge.topics))
    for p in range(scale - 1):
        policy_id = f"synthetic-{p}"
        sections = [
            {
                "id": f"s{s}",
                "heading": f"Synthetic section {p}.{s}",
                "rules": [{"id": f"r{t}", "text": f"Synthetic rule {t}."} for t in range(per_policy)],
            }
            for s in range(1)
        ]
        policy = {
            "id": policy_id,
            "title": f"Synthetic Policy {p}",
            "school": "Bench School",
            "source": "synthetic",
            "sections": sections,
        }
        topics = []
        for t in range(per_policy):
            own = [_word(rng) for _ in range(15)]
            shared = list(dict.fromkeys(rng.choices(common, weights=zipf, k=3)))
            examples = []
            for _ in range(12):
                words = rng.sample(own, 4) + rng.sample(shared, min(2, len(shared))) + rng.sample(FILLER, 2)
                rng.shuffle(words)
                examples.append(" ".join(words))
            topics.append(
                {
                    "id": f"syn_{p}_{t}",
                    "section": "s0",
                    "title": f"Synthetic {p}.{t}",
                    "audience": ["any"],
                    "rules": [f"r{t}"],
                    "examples": examples,
                    "answer": "Synthetic answer.",
                    "related": [],
                }
            )
        (into / "policies" / f"{policy_id}.yaml").write_text(yaml.safe_dump(policy), encoding="utf-8")
        (into / "topics" / f"{policy_id}.yaml").write_text(
            yaml.safe_dump({"policy": policy_id, "topics": topics}), encoding="utf-8"
        )
    return into


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by nearest rank."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def progress(line: str) -> None:
    """Where the benchmark is, on stderr (the table on stdout stays clean)."""
    print(f"bench: {line}", file=sys.stderr, flush=True)


def bench_scale(scale: int, questions: list[tuple[str, str]], runs: int) -> dict[str, float]:
    """Figures for one knowledge size: medians over `runs` runs."""
    config = load_config()
    with tempfile.TemporaryDirectory() as tmp:
        progress(f"{scale}×: building the knowledge base")
        folder = synthetic_knowledge(config.knowledge_path(), scale, Path(tmp) / "knowledge")
        startups, peaks, p50s, p99s, qps, match_p99s = [], [], [], [], [], []
        topics = 0
        tracemalloc.start()  # memory once, apart from timing: tracing slows everything down
        Engine.load(config, folder)
        peaks.append(tracemalloc.get_traced_memory()[1] / 2**20)
        tracemalloc.stop()
        for run in range(1, runs + 1):
            progress(f"{scale}×: run {run} of {runs} ({len(questions)} questions, twice)")
            t0 = time.perf_counter()
            engine = Engine.load(config, folder)
            startups.append(time.perf_counter() - t0)
            topics = len(engine.knowledge.topics)
            latencies = []
            t_all = time.perf_counter()
            for text, role in questions:
                t1 = time.perf_counter()
                engine.ask(text, role)
                latencies.append(time.perf_counter() - t1)
            qps.append(len(questions) / (time.perf_counter() - t_all))
            p50s.append(percentile(latencies, 50) * 1000)
            p99s.append(percentile(latencies, 99) * 1000)
            matching = []  # the same without the safeguarding check, to show what each part costs
            for text, role in questions:
                t1 = time.perf_counter()
                engine.ask(text, role, screened=True)
                matching.append(time.perf_counter() - t1)
            match_p99s.append(percentile(matching, 99) * 1000)
    return {
        "scale": scale,
        "topics": topics,
        "startup_s": statistics.median(startups),
        "peak_mib": statistics.median(peaks),
        "qps": statistics.median(qps),
        "p50_ms": statistics.median(p50s),
        "p99_ms": statistics.median(p99s),
        "match_p99_ms": statistics.median(match_p99s),
    }


_COLD_START = (
    "import time; t = time.perf_counter(); "
    "from bot.config import load_config; from bot.core.engine import Engine; "
    "Engine.load(load_config()); print(time.perf_counter() - t)"
)


def bench_cold_start(runs: int) -> float:
    """Bundled start-up in a fresh process: imports, model load, knowledge, embeddings (median, seconds)."""
    times = []
    for run in range(1, runs + 1):
        progress(f"start-up in a fresh process: run {run} of {runs}")
        out = subprocess.run(
            [sys.executable, "-c", _COLD_START], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


@contextmanager
def _no_cache() -> Iterator[None]:
    """Compile instead of reading the start-up cache (bot/common/cache.py), for as long as this lasts."""
    before = os.environ.get(CACHE_ENVIRONMENT)
    os.environ[CACHE_ENVIRONMENT] = "off"
    try:
        yield
    finally:
        if before is None:
            del os.environ[CACHE_ENVIRONMENT]
        else:
            os.environ[CACHE_ENVIRONMENT] = before


def bench_safeguarding(runs: int, sample: int = 1) -> dict[str, float]:
    """The safeguarding check alone: load time, µs per 200-character message, a 10,000-character message."""
    from bot.safeguarding.detector import SafeguardingDetector

    path = load_config().knowledge_path() / "safeguarding.yaml"
    data = yaml.safe_load(
        (PROJECT_ROOT / "tests" / "safeguarding_questions.yaml").read_text(encoding="utf-8")
    )
    texts = [item["text"] for item in data["disclosures"] + data["near_misses"]]
    texts = [((t + " ") * (200 // len(t) + 1))[:200] for t in texts[::sample]]
    long_text = " ".join(texts)[:10_000]
    loads, compiles, per_message, long_runs = [], [], [], []
    for run in range(1, runs + 1):
        progress(f"safeguarding check: run {run} of {runs} ({len(texts)} messages)")
        t0 = time.perf_counter()
        detector = SafeguardingDetector.from_file(path)  # from the start-up cache, as a start would
        loads.append(time.perf_counter() - t0)
        with _no_cache():
            t0 = time.perf_counter()
            SafeguardingDetector.from_file(path)  # compiled: the first start after an edit
            compiles.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for text in texts:
            detector.detect(text)
        per_message.append((time.perf_counter() - t0) / len(texts))
        t0 = time.perf_counter()
        detector.detect(long_text)
        long_runs.append(time.perf_counter() - t0)
    return {
        "load_ms": statistics.median(loads) * 1000,
        "compile_ms": statistics.median(compiles) * 1000,
        "us": statistics.median(per_message) * 1e6,
        "long_ms": statistics.median(long_runs) * 1000,
        "messages": len(texts),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--questions", default=str(PROJECT_ROOT / "tests" / "questions.yaml"))
    parser.add_argument(
        "--quick", action="store_true", help="one run, bundled knowledge, every 4th question (seconds)"
    )
    args = parser.parse_args(argv)
    sample = 4 if args.quick else 1  # --quick: every 4th question and message
    if args.quick:
        args.runs, args.scales = 1, [1]
    qs = [(q.text, q.role) for q in load_question_set(args.questions).questions][::sample]
    print(
        f"engine benchmark: {len(qs)} questions, median of {args.runs} runs, "
        f"{os.cpu_count()} cores, one used",
        flush=True,
    )
    print(
        f"{'scale':>5} {'topics':>7} {'start-up s':>10} {'peak MiB':>9} {'q/s':>8} "
        f"{'p50 ms':>7} {'p99 ms':>7} {'p99 ms without safeguarding':>28}",
        flush=True,
    )
    for scale in args.scales:
        r = bench_scale(scale, qs, args.runs)
        print(
            f"{r['scale']:>4}× {r['topics']:>7} {r['startup_s']:>10.3f} {r['peak_mib']:>9.1f} "
            f"{r['qps']:>8.0f} {r['p50_ms']:>7.2f} {r['p99_ms']:>7.2f} {r['match_p99_ms']:>28.2f}",
            flush=True,
        )
    if not args.quick:
        semantic = load_config().matching.semantic
        print(
            f"bundled start-up in a fresh process (imports{', model load' if semantic else ''}, knowledge, "
            f"matcher): {bench_cold_start(args.runs):.3f} s",
            flush=True,
        )
    sg = bench_safeguarding(args.runs, sample)
    print(
        f"safeguarding check: load {sg['load_ms']:.0f} ms (compiling: {sg['compile_ms']:.0f} ms), "
        f"{sg['us']:.0f} µs per 200-character message "
        f"({sg['messages']} messages), {sg['long_ms']:.0f} ms for a 10,000-character message"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
