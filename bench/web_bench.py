"""Benchmark the web chat: N concurrent sessions against `policybot web` on 127.0.0.1.

The server runs as its own process (`python -m bot web`, a temp SQLite file, rate limits raised); this
process is the load: each session opens the chat (the greeting) and then asks Q questions one after
another, waiting for each answer, all sessions at once. Reports requests/s and p50/p99 latency of
`POST /api/chat` as the client sees it (HTTP on loopback, JSON, the dialogue core, the store).

    python bench/web_bench.py [--sessions 200] [--questions 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

from bot.config import load_config  # noqa: E402
from bot.core.engine import Engine  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_config(folder: Path) -> Path:
    """The example config with a temp store, high rate limits and quiet logs."""
    text = (PROJECT_ROOT / "config.example.yaml").read_text(encoding="utf-8")
    text = text.replace("path: policybot.sqlite3", f"path: {folder / 'bench.sqlite3'}")
    text = text.replace('knowledge_dir: ""', f"knowledge_dir: {PROJECT_ROOT / 'knowledge'}")
    text = text.replace(
        "  rate_limit:               # per chat session\n    messages: 20",
        "  rate_limit:               # per chat session\n    messages: 100000",
    )
    text = text.replace("    messages: 120", "    messages: 1000000")
    text = text.replace("  level: INFO", "  level: WARNING")
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def question_pool() -> list[str]:
    """Example questions from the bundled knowledge that the engine answers (no concern flow starts)."""
    engine = Engine.load(load_config())
    examples = [e for topic in engine.knowledge.topics.values() for e in topic.examples]
    return [q for q in examples if engine.ask(q, "parent").action in ("answer", "clarify", "fallback")]


async def session(
    http: aiohttp.ClientSession, url: str, questions: list[str], latencies: list[float]
) -> None:
    """One person: open the chat, then ask each question after the last answer arrived."""
    sid = None
    for body in [{"payload": "cmd:start"}, *({"text": q} for q in questions)]:
        if sid:
            body = {**body, "session": sid}
        started = time.perf_counter()
        async with http.post(f"{url}/api/chat", json=body) as response:
            data = await response.json()
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}: {data}")
        latencies.append(time.perf_counter() - started)
        sid = data["session"]


async def drive(url: str, sessions: int, per_session: int, pool: list[str]) -> tuple[float, list[float]]:
    latencies: list[float] = []
    connector = aiohttp.TCPConnector(limit=sessions)
    async with aiohttp.ClientSession(connector=connector) as http:
        plans = [
            [pool[(s * per_session + q) % len(pool)] for q in range(per_session)] for s in range(sessions)
        ]
        started = time.perf_counter()
        await asyncio.gather(*(session(http, url, plan, latencies) for plan in plans))
        return time.perf_counter() - started, latencies


async def wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(200):
            if process.poll() is not None:
                raise RuntimeError("the server exited")
            try:
                async with http.get(url + "/") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


def report(label: str, seconds: float, latencies: list[float]) -> str:
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return (
        f"{label:<34} {len(ms) / seconds:8.1f} requests/s   p50 {statistics.median(ms):7.1f} ms   "
        f"p99 {p99:7.1f} ms   ({len(ms)} requests in {seconds:.1f} s)"
    )


def main() -> None:
    """Start the server, run one session alone and then N at once, print figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5, help="questions per session")
    args = parser.parse_args()
    pool = question_pool()
    print(f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}, {len(pool)} distinct questions")
    with tempfile.TemporaryDirectory() as folder:
        config, port = write_config(Path(folder)), free_port()
        command = [sys.executable, "-m", "bot", "web", "--config", str(config), "--port", str(port)]
        server = subprocess.Popen(command, cwd=PROJECT_ROOT)
        url = f"http://127.0.0.1:{port}"
        try:
            asyncio.run(wait_until_up(url, server))
            seconds, latencies = asyncio.run(drive(url, 1, 50, pool))
            print(report("1 session x 50 questions", seconds, latencies))
            seconds, latencies = asyncio.run(drive(url, args.sessions, args.questions, pool))
            label = f"{args.sessions} sessions x {args.questions} questions"
            print(report(label, seconds, latencies))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
