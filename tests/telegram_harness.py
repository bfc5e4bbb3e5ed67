"""Run the real Telegram Application, dialogue core and store against the local fake Bot API server."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.channels.telegram.app import build_application, serving
from bot.config import Config, OfficeConfig, RateLimitConfig, SafeguardingConfig, TelegramConfig, load_config
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store
from tests.fake_botapi import Call, FakeBotApi

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
OFFICE_CHAT = -1001000
DSL_CHAT = -1002000
ADMIN = 999


def make_config(tmp_path: Path, api: FakeBotApi, **telegram: Any) -> Config:
    """The example config pointed at the fake server, with an office chat, a DSL chat and an admin."""
    config = load_config()
    settings = {"token": TOKEN, "base_url": api.base_url, **telegram}
    return dataclasses.replace(
        config,
        telegram=dataclasses.replace(TelegramConfig(), **settings),
        store=dataclasses.replace(config.store, path=str(tmp_path / "policybot.sqlite3")),
        office=OfficeConfig(telegram_chat_ids=[OFFICE_CHAT], admin_user_ids=[ADMIN]),
        safeguarding=SafeguardingConfig(dsl_telegram_chat_ids=[DSL_CHAT]),
    )


def rate_limit(messages: int, per_seconds: int) -> RateLimitConfig:
    """A per-user inbound limit for make_config(..., rate_limit=...)."""
    return RateLimitConfig(messages=messages, per_seconds=per_seconds)


@dataclasses.dataclass
class Bot:
    """The running bot as a test sees it: the fake server, the store and the application."""

    api: FakeBotApi
    store: SqliteStore
    config: Config
    app: Any

    async def ask(self, chat_id: int, text: str, **kwargs: Any) -> Call:
        """Send a text message and return the bot's next message to that chat."""
        self.api.send_text(chat_id, text, **kwargs)
        return await self.api.next_message(chat_id)

    async def command(self, chat_id: int, name: str, args: str = "", **kwargs: Any) -> Call:
        """Send /name args and return the bot's next message to that chat."""
        self.api.send_command(chat_id, name, args, **kwargs)
        return await self.api.next_message(chat_id)

    async def tap(self, chat_id: int, payload: str, on: Call | None = None, **kwargs: Any) -> Call:
        """Tap a button (it must be on `on`, default the last message) and return the next message.

        `payload` may leave out the menu token the bot adds to one-shot choices: `sg:named` taps the
        `sg:named:<token>` button on `on`.
        """
        if on is not None:
            payload = button(on, payload)
        self.api.send_callback(chat_id, payload, message=on, **kwargs)
        return await self.api.next_message(chat_id)


def button(call: Call, choice: str) -> str:
    """The payload of the button on `call` for `choice` (exactly, or `choice:<menu token>`)."""
    for _, data in call.buttons:
        if data == choice or data.startswith(choice + ":"):
            return data
    raise AssertionError(f"{choice} is not among the buttons {call.buttons}")


def has_button(call: Call, choice: str) -> bool:
    """Whether `call` offers `choice` (with or without a menu token)."""
    return any(data == choice or data.startswith(choice + ":") for _, data in call.buttons)


@asynccontextmanager
async def running_bot(
    tmp_path: Path,
    wrap: Callable[[Any], Any] | None = None,
    webhook: dict[str, Any] | None = None,
    **telegram: Any,
) -> AsyncIterator[Bot]:
    """A fresh fake server, store and Application, polling until the block ends.

    `wrap` may replace the real dialogue with a wrapper around it (to simulate failures or long replies).
    """
    async with FakeBotApi(token=TOKEN) as api:
        config = make_config(tmp_path, api, **telegram)
        store = SqliteStore(config.store_path())
        dialogue = None
        try:
            dialogue = build_dialogue(config, store)
            if wrap is not None:
                dialogue = wrap(dialogue)
            app = build_application(config, dialogue, store)
            async with serving(app, poll_interval=0.0, webhook=webhook):
                yield Bot(api, store, config, app)
        finally:
            close_store(store, dialogue)
