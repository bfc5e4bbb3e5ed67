"""`policybot run` with web.enabled: the web chat on Telegram's event loop, one outbox for both."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from pathlib import Path

import aiohttp
import pytest

from bot.channels.telegram.app import COMPANIONS_KEY, build_application, serving
from bot.channels.web.app import WebCompanion
from bot.config import RateLimitConfig, WebConfig
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store
from tests.fake_botapi import FakeBotApi
from tests.telegram_harness import OFFICE_CHAT, TOKEN, make_config

pytestmark = pytest.mark.anyio
STAFF = 5555
REFERENCE = re.compile(r"MM-\d{4}-\d{4}")


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def _chat(http: aiohttp.ClientSession, url: str, session: str | None, **body: str) -> dict:
    async with http.post(f"{url}/api/chat", json={"session": session, **body} if session else body) as r:
        assert r.status == 200, await r.text()
        return await r.json()


async def test_a_web_concern_reaches_the_telegram_office_and_its_reply_the_web_chat(tmp_path: Path) -> None:
    async with FakeBotApi(token=TOKEN) as api:
        config = dataclasses.replace(
            make_config(tmp_path, api),
            web=WebConfig(enabled=True, rate_limit=RateLimitConfig(100, 60)),
        )
        store = SqliteStore(config.store_path())
        dialogue = None
        try:
            dialogue = build_dialogue(config, store)
            app = build_application(config, dialogue, store)
            companion = WebCompanion(config, "127.0.0.1", 0)
            app.bot_data[COMPANIONS_KEY] = [companion]
            async with serving(app, poll_interval=0.0), aiohttp.ClientSession() as http:
                url = f"http://127.0.0.1:{companion.bound_port}"
                last = await _chat(http, url, None, text="/concern")
                session = last["session"]
                last = await _chat(http, url, session, text="The car park gate is broken again")
                for action in ("c:done", "c:skip", "c:skip", "c:skip", "c:send"):
                    payload = next(
                        o["payload"]
                        for r in last["replies"]
                        for o in r["options"]
                        if o["payload"].startswith(action)
                    )
                    last = await _chat(http, url, session, payload=payload)
                sent = last
                found = REFERENCE.search(sent["replies"][-1]["text"])
                assert found, sent
                reference = found.group(0)
                forwarded = await api.next_message(OFFICE_CHAT)
                assert reference in forwarded.plain and "car park gate is broken" in forwarded.plain
                api.send_command(
                    OFFICE_CHAT,
                    "reply",
                    f"{reference} Emptied this morning.",
                    user_id=STAFF,
                    chat_type="supergroup",
                )
                ack = await api.next_message(OFFICE_CHAT)
                assert reference in ack.text
                replies: list[dict] = []
                for _ in range(100):
                    async with http.post(f"{url}/api/inbox", json={"session": session}) as r:
                        replies = (await r.json())["replies"]
                    if replies:
                        break
                    await asyncio.sleep(0.1)
                assert "Emptied this morning." in replies[0]["text"] and reference in replies[0]["text"]
        finally:
            close_store(store, dialogue)
