"""Reload without a restart: /reload (office admins) and SIGHUP load edited knowledge; a broken edit keeps the
old knowledge running and says why."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import shutil
import signal
from pathlib import Path

import pytest

from bot.channels.telegram.app import build_application, serving
from bot.config import BUNDLED_KNOWLEDGE
from bot.knowledge.loading import KnowledgeError
from bot.store.sqlite import SqliteStore
from bot.wiring import build_dialogue, close_store, reload_knowledge
from tests.fake_botapi import Call, FakeBotApi
from tests.telegram_harness import ADMIN, TOKEN, Bot, make_config

pytestmark = pytest.mark.anyio

PARENT = 444
QUESTION = "can i post pics of the nativity on fb"
OLD = "You can post photos and videos of your own child"
NEW = "Freshly edited answer about nativity photos."
RELOAD_WAIT = 60.0  # seconds: a reload compiles the edited knowledge afresh (`_reload`)


@pytest.fixture
def anyio_backend():
    return "asyncio"


def _knowledge(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BUNDLED_KNOWLEDGE, tmp_path / "knowledge"))


def _edit_answer(folder: Path) -> None:
    topics = folder / "topics" / "social-media.yaml"
    text = topics.read_text(encoding="utf-8")
    start = text.index("  - id: parents_photos\n")
    at = text.index("    answer: >-\n", start) + len("    answer: >-\n")
    end = text.index("\n    related:", at)
    topics.write_text(text[:at] + f"      {NEW}" + text[end:], encoding="utf-8")


def _break(folder: Path) -> Path:
    broken = folder / "topics" / "complaints.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n  - id: [unclosed\n", encoding="utf-8")
    return broken


def test_reload_switches_to_edited_knowledge_and_keeps_the_old_one_when_broken(tmp_path, config) -> None:
    folder = _knowledge(tmp_path)
    config = dataclasses.replace(config, knowledge_dir=str(folder))
    dialogue = build_dialogue(config, None)
    assert OLD in dialogue.engine.ask(QUESTION, "parent").text
    _edit_answer(folder)
    assert "2 policies" in reload_knowledge(dialogue, config)
    assert NEW in dialogue.engine.ask(QUESTION, "parent").text
    before = dialogue.engine
    broken = _break(folder)
    with pytest.raises(KnowledgeError) as caught:
        reload_knowledge(dialogue, config)
    assert any(str(broken) in problem for problem in caught.value.problems)
    assert dialogue.engine is before
    assert NEW in dialogue.engine.ask(QUESTION, "parent").text


async def _running(tmp_path: Path, api: FakeBotApi, folder: Path):
    config = dataclasses.replace(make_config(tmp_path, api), knowledge_dir=str(folder))
    store = SqliteStore(config.store_path())
    dialogue = build_dialogue(config, store)
    return config, store, dialogue, build_application(config, dialogue, store)


async def test_admin_reload_on_telegram_loads_edits_and_reports_a_broken_edit(tmp_path) -> None:
    folder = _knowledge(tmp_path)
    async with FakeBotApi(token=TOKEN) as api:
        config, store, dialogue, app = await _running(tmp_path, api, folder)
        try:
            async with serving(app, poll_interval=0.0):
                bot = Bot(api, store, config, app)
                assert OLD in (await bot.ask(PARENT, QUESTION)).text
                _edit_answer(folder)
                refused = await bot.command(PARENT, "reload")
                assert refused.text == "Sorry, that command is only for the school office."
                assert OLD in (await bot.ask(PARENT, QUESTION)).text
                done = await _reload(bot, ADMIN)
                assert done.text.startswith("Reloaded the knowledge: 2 policies")
                assert NEW in (await bot.ask(PARENT, QUESTION)).text
                broken = _break(folder)
                failed = await _reload(bot, ADMIN)
                assert "Not reloaded" in failed.text and f"{broken}:" in failed.text
                assert NEW in (await bot.ask(PARENT, QUESTION)).text
        finally:
            close_store(store, dialogue)


async def _reload(bot: Bot, chat_id: int) -> Call:
    """/reload from `chat_id` and the bot's reply. A reload compiles the edited knowledge afresh (its
    safeguarding rules and examples are not in the start-up cache), which takes several seconds on a slow
    shared machine: the reply is waited for longer than an ordinary answer."""
    bot.api.send_command(chat_id, "reload")
    return await bot.api.next_message(chat_id, timeout=RELOAD_WAIT)


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this platform")
async def test_sighup_reloads_the_running_bot(tmp_path) -> None:
    folder = _knowledge(tmp_path)
    async with FakeBotApi(token=TOKEN) as api:
        config, store, dialogue, app = await _running(tmp_path, api, folder)
        try:
            async with serving(app, poll_interval=0.0):
                bot = Bot(api, store, config, app)
                assert OLD in (await bot.ask(PARENT, QUESTION)).text
                _edit_answer(folder)
                os.kill(os.getpid(), signal.SIGHUP)
                for _ in range(int(RELOAD_WAIT / 0.05)):
                    await asyncio.sleep(0.05)
                    task = app.bot_data.get("reload_task")
                    if task is not None and task.done():
                        break
                assert task is not None and task.result()[0] is True
                assert NEW in (await bot.ask(PARENT, QUESTION)).text
        finally:
            close_store(store, dialogue)


def test_reload_reaches_the_concern_flow_and_the_alert_question(tmp_path, config) -> None:
    folder = _knowledge(tmp_path)
    config = dataclasses.replace(
        config,
        office=dataclasses.replace(config.office, telegram_chat_ids=[-1001234567890]),
        knowledge_dir=str(folder),
        store=dataclasses.replace(config.store, path=str(tmp_path / "policybot.sqlite3")),
    )
    store = SqliteStore(config.store_path())
    dialogue = None
    try:
        dialogue = build_dialogue(config, store)
        concerns = folder / "messages" / "concerns.yaml"
        text = concerns.read_text(encoding="utf-8")
        concerns.write_text(
            text.replace("Sent. Your reference is", "Thank you. Your reference is"), encoding="utf-8"
        )
        reload_knowledge(dialogue, config)
        assert dialogue.alerts.engine is dialogue.engine
        assert dialogue.concerns is not None
        sent, _ = dialogue.concerns.messages.render("concern_sent", reference="MM-2026-0001")
        assert sent.startswith("Thank you. Your reference is")
    finally:
        close_store(store, dialogue)
