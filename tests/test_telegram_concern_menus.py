"""On Telegram, end to end: earlier menus' buttons never act; typed cancel or /cancel leave a concern.

The real Application, dialogue core and SQLite store against the tests' Bot API server on 127.0.0.1.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.telegram_harness import DSL_CHAT, running_bot

pytestmark = pytest.mark.anyio

PARENT = 4242
DISCLOSURE = "a man on roblox keeps asking my daughter to send him photos of herself"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_send_button_on_the_summary_does_nothing_after_edit_and_cancel_leaves(tmp_path):
    async with running_bot(tmp_path) as bot:
        await bot.command(PARENT, "start")
        started = await bot.command(PARENT, "concern", "The car park is dangerous at pick-up")
        reply = await bot.tap(PARENT, "c:done", on=started)
        for _ in range(3):
            reply = await bot.tap(PARENT, "c:skip", on=reply)
        summary = reply
        menu = await bot.tap(PARENT, "c:edit", on=summary)
        stale = await bot.tap(PARENT, "c:send", on=summary)  # the summary's Send, after choosing Edit
        where = await bot.api.next_message(PARENT)
        stored_after_stale = bot.store.list_concerns()
        cancelled = await bot.ask(PARENT, "cancel")
        state_after_cancel = bot.store.get_state(f"telegram:{PARENT}")
        again = await bot.command(PARENT, "concern", "The gate was left open")
        by_command = await bot.command(PARENT, "cancel")
        state_after_command = bot.store.get_state(f"telegram:{PARENT}")
        thanks = await bot.ask(PARENT, "thx")
        stored_at_end = bot.store.list_concerns()
    assert "What would you like to change?" in menu.text
    assert "earlier step" in stale.text and where.buttons == menu.buttons
    assert stored_after_stale == []
    assert "nothing was sent" in cancelled.text and state_after_cancel is None
    assert "noted what you wrote" in again.text
    assert "nothing was sent" in by_command.text and state_after_command is None
    assert "welcome" in thanks.text.lower()
    assert stored_at_end == []
    assert "cancel" in [c["command"] for c in bot.api.commands]


async def test_a_button_from_an_earlier_alert_question_sends_nothing(tmp_path):
    async with running_bot(tmp_path) as bot:
        first = await bot.ask(PARENT, DISCLOSURE)
        await bot.tap(PARENT, "sg:no", on=first)
        second = await bot.ask(PARENT, "my son says his uncle hurts him and tells him to keep it secret")
        bot.api.send_callback(
            PARENT, next(d for _, d in first.buttons if d.startswith("sg:anon")), message=first
        )
        toast = await bot.api.wait_for_call(
            lambda c: c.method == "answerCallbackQuery" and c.params.get("show_alert") in (True, "true")
        )
        await asyncio.sleep(0.2)
        alerts_after_stale = [c for c in bot.store.list_concerns() if c.kind == "safeguarding"]
        sent = await bot.tap(PARENT, "sg:anon", on=second)
        alert = await bot.api.next_message(DSL_CHAT)
    assert "expired" in toast.params["text"]
    assert alerts_after_stale == []
    assert "urgent alert" in sent.text
    assert "uncle" in alert.text and "roblox" not in alert.text


NEAR = (
    "Not sure who to ask about this. A man who isn't a parent has been waiting by the side gate at home time "
    "this week and chatting to some of the year five girls, giving them sweets, and he asked my daughter "
    "where she lives."
)


async def test_the_offer_under_a_reply_sends_the_message_to_the_dsl_only_when_tapped(tmp_path):
    async with running_bot(tmp_path) as bot:
        reply = await bot.ask(PARENT, NEAR)
        await asyncio.sleep(0.2)
        alerts_before = [c for c in bot.store.list_concerns() if c.kind == "safeguarding"]
        question = await bot.tap(PARENT, "sg:ask", on=reply)
        sent = await bot.tap(PARENT, "sg:anon", on=question)
        alert = await bot.api.next_message(DSL_CHAT)
    assert "If this is about a child's safety" in reply.text
    assert "It's about a child's safety" in [label for label, _ in reply.buttons]
    assert alerts_before == []
    assert "Send it without my name" in [label for label, _ in question.buttons]
    assert "urgent alert" in sent.text
    assert "side gate" in alert.text
