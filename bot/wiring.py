"""Assemble the dialogue core from a config: engine, store, concern flow and the outbox."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from bot.config import Config
from bot.core.dialogue import CurrentMessages, Dialogue
from bot.core.engine import Engine

if TYPE_CHECKING:
    from bot.concerns.outbox import Outbox
    from bot.knowledge.messages import Messages
    from bot.store.base import Store


def open_store(config: Config) -> Store:
    """The SQLite store named in the config (created on first use)."""
    from bot.store.sqlite import SqliteStore

    return SqliteStore(config.store_path())


def close_store(store: Store, dialogue: Dialogue | None = None) -> None:
    """Close the store once the dialogue's observers have written what they queued for it (the insights
    recorder writes from a background thread: closing first would lose the last outcomes)."""
    flush = getattr(dialogue.on_outcome, "flush", None) if dialogue is not None else None
    try:
        if callable(flush):
            flush()
    finally:
        store.close()


def build_dialogue(config: Config, store: Store | None) -> Dialogue:
    """Load the knowledge and build the dialogue core around it."""
    engine = Engine.load(config)
    messages = CurrentMessages(engine)  # follows the dialogue's engine through reloads
    concerns = None
    if store is not None:
        from bot.concerns.flow import ConcernFlow

        concerns = ConcernFlow(store, config, messages)
    dialogue = Dialogue(engine, store, concerns)
    messages.follow(dialogue)
    if store is not None:
        from bot.insights.recorder import OutcomeRecorder

        # Counts and unanswered questions for the office; taps naming unknown topics are not counted.
        dialogue.on_outcome = OutcomeRecorder(store, lambda topic: topic in dialogue.engine.knowledge.topics)
    return dialogue


def reload_knowledge(dialogue: Dialogue, config: Config) -> str:
    """Load the knowledge folder again and switch the dialogue to it; returns a one-line summary.

    Raises the loading error (KnowledgeError, TemplateError: `file:line` problems) and leaves the dialogue on
    the knowledge it had, so a broken edit never takes the bot down.
    """
    engine = Engine.load(config)
    dialogue.reload(engine)
    knowledge = engine.knowledge
    titles = ", ".join(p.title for p in knowledge.policies.values())
    return f"{len(knowledge.policies)} policies ({titles}), {len(knowledge.topics)} topics"


def build_outbox(config: Config, store: Store, messages: Messages) -> Outbox:
    """The outbox with the senders every channel can use (e-mail); channels add their own."""
    from bot.concerns.outbox import Outbox

    senders: dict[str, Any] = {}
    if config.smtp is not None:
        from bot.concerns.mailer import SmtpSender

        sender = SmtpSender(config.smtp, messages)
        senders.update({"office-email": sender, "dsl-email": sender})
    return Outbox(store, senders, config)


@contextmanager
def outbox_in_background(dialogue: Dialogue, config: Config) -> Iterator[Outbox | None]:
    """Run the outbox worker in a thread while a synchronous channel (the console) runs.

    Deliveries that need another channel (Telegram) stay pending and are sent when that channel runs.
    """
    if dialogue.store is None or dialogue.concerns is None:
        yield None
        return
    outbox = build_outbox(config, dialogue.store, dialogue.messages)
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    dialogue.concerns.on_stored = lambda _concern: loop.call_soon_threadsafe(outbox.wake)

    def work() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(outbox.run_forever(stop))
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    thread = threading.Thread(target=work, name="policybot-outbox", daemon=True)
    thread.start()
    try:
        yield outbox
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)
        dialogue.concerns.on_stored = None
