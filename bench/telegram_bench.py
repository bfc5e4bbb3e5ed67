"""Benchmark the Telegram channel end to end against the tests' local Bot API server.

N simulated chats (default 200) each ask Q questions (default 5), one at a time, waiting for the bot's
answer before the next — the real Application, dialogue core and SQLite store, over HTTP on 127.0.0.1.
Reports updates handled per second and p50/p99 latency from getUpdates handing the update to the bot until
the bot's sendMessage to that chat, with and without Telegram's outgoing flood limit (30 messages/s).

    python bench/telegram_bench.py [--chats 200] [--questions 5] [--no-flood-limit-only]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

from bot.channels.telegram.app import build_application, serving  # noqa: E402
from bot.config import OfficeConfig, RateLimitConfig, TelegramConfig, load_config  # noqa: E402
from bot.store.sqlite import SqliteStore  # noqa: E402
from bot.wiring import build_dialogue  # noqa: E402
from tests.fake_botapi import FakeBotApi  # noqa: E402

TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz"


@dataclasses.dataclass
class Result:
    """One run's figures."""

    label: str
    updates: int
    seconds: float
    latencies: list[float]

    def report(self) -> str:
        """One line of figures."""
        ms = sorted(x * 1000 for x in self.latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        return (
            f"{self.label:<28} {self.updates / self.seconds:8.1f} updates/s   "
            f"p50 {statistics.median(ms):7.1f} ms   p99 {p99:7.1f} ms   ({self.updates} updates in "
            f"{self.seconds:.1f} s)"
        )


async def chat(api: FakeBotApi, chat_id: int, questions: list[str], latencies: list[float]) -> None:
    """One person asking their questions one after another."""
    for question in questions:
        update = api.send_text(chat_id, question)
        reply = await api.next_message(chat_id, timeout=120)
        latencies.append(reply.at - api.delivered_at[update["update_id"]])


async def run(label: str, chats: int, per_chat: int, flood_limit: bool, pool: list[str]) -> Result:
    """Start a fresh bot and drive `chats` concurrent conversations through it."""
    with tempfile.TemporaryDirectory() as folder:
        async with FakeBotApi(token=TOKEN) as api:
            base = load_config()
            config = dataclasses.replace(
                base,
                telegram=TelegramConfig(
                    token=TOKEN, base_url=api.base_url, rate_limit=RateLimitConfig(10_000, 60)
                ),
                store=dataclasses.replace(base.store, path=str(Path(folder) / "bench.sqlite3")),
                office=OfficeConfig(),
            )
            store = SqliteStore(config.store_path())
            app = build_application(config, build_dialogue(config, store), store, flood_limit=flood_limit)
            latencies: list[float] = []
            async with serving(app):
                plans = [
                    [pool[(c * per_chat + q) % len(pool)] for q in range(per_chat)] for c in range(chats)
                ]
                started = time.monotonic()
                await asyncio.gather(
                    *(chat(api, 10_000 + c, plan, latencies) for c, plan in enumerate(plans))
                )
                elapsed = time.monotonic() - started
            store.close()
    return Result(label, chats * per_chat, elapsed, latencies)


def question_pool() -> list[str]:
    """Example questions from the bundled knowledge that get a single reply (so latency is unambiguous)."""
    from bot.core.replies import UserContext

    dialogue = build_dialogue(load_config(), None)
    user = UserContext("bench:1", channel="telegram", chat_id="1")
    examples = [example for topic in dialogue.engine.knowledge.topics.values() for example in topic.examples]
    return [q for q in examples if len(dialogue.handle(user, q)) == 1]


def main() -> None:
    """Parse arguments, run, print figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5, help="questions per chat")
    parser.add_argument("--no-flood-limit-only", action="store_true", help="skip the run with the limiter")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    pool = question_pool()
    print(
        f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}, {args.chats} chats x "
        f"{args.questions} questions, {len(pool)} distinct questions"
    )
    runs = [("without flood limiter", False)]
    if not args.no_flood_limit_only:
        runs.append(("with AIORateLimiter (30/s)", True))
    for label, flood in runs:
        print(asyncio.run(run(label, args.chats, args.questions, flood, pool)).report())


if __name__ == "__main__":
    main()
