"""Assemble the dialogue core from a config: engine, store and concern flow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.config import Config
from bot.dialogue import Dialogue
from bot.engine import Engine

if TYPE_CHECKING:
    from bot.store import Store


def open_store(config: Config) -> Store | None:
    """The SQLite store named in the config (created on first use)."""
    from bot.store import SqliteStore

    return SqliteStore(config.store_path())


def build_dialogue(config: Config, store: Store | None) -> Dialogue:
    """Load the knowledge and build the dialogue core around it."""
    engine = Engine.load(config)
    concerns = None
    if store is not None:
        from bot.concerns import ConcernFlow

        concerns = ConcernFlow(store, config, engine.renderer)
    return Dialogue(engine, store, concerns)
