"""`policybot web`: the web channel alone, with its own outbox worker, until SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.channels.web.app import WebCompanion

if TYPE_CHECKING:
    from bot.config import Config
    from bot.core.dialogue import Dialogue
    from bot.store.base import Store

log = logging.getLogger("bot.web")


class WebStartupError(Exception):
    """The web channel cannot start; the message is one line saying what to fix."""


async def serve(
    config: Config,
    dialogue: Dialogue,
    store: Store,
    host: str | None = None,
    port: int | None = None,
    stop: asyncio.Event | None = None,
    started: Callable[[WebCompanion], None] | None = None,
) -> None:
    """Serve the chat and dashboard, and deliver concerns and replies, until `stop` is set."""
    from bot.wiring import build_outbox

    stop = stop or asyncio.Event()
    outbox = build_outbox(config, store, dialogue.engine.renderer)
    loop = asyncio.get_running_loop()
    if dialogue.concerns is not None:
        dialogue.concerns.on_stored = lambda _concern: loop.call_soon_threadsafe(outbox.wake)
    companion = WebCompanion(config, host, port)
    try:
        await companion.start(dialogue, store, outbox)
    except OSError as err:
        raise WebStartupError(
            f"cannot listen on {companion.host}:{companion.port} ({err.strerror or err}) — "
            "choose another web.port / --port, or stop what is using it"
        ) from None
    outbox_stop = asyncio.Event()
    worker = asyncio.create_task(outbox.run_forever(outbox_stop), name="policybot-outbox")
    if started is not None:
        started(companion)
    try:
        await stop.wait()
    finally:
        await companion.stop()
        outbox_stop.set()
        await asyncio.wait_for(worker, timeout=15)


def run_web(config: Config, host: str | None = None, port: int | None = None) -> int:
    """Run until Ctrl-C or SIGTERM; raises WebStartupError for problems the admin must fix."""
    from bot.store.base import StoreError
    from bot.wiring import build_dialogue, close_store, open_store

    try:
        store = open_store(config)
    except StoreError as err:
        raise WebStartupError(f"{err} — check store.path") from None
    dialogue = None
    try:
        dialogue = build_dialogue(config, store)

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            await serve(config, dialogue, store, host, port, stop)

        asyncio.run(main())
    finally:
        close_store(store, dialogue)
    log.info("stopped")
    return 0
