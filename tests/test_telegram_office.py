"""The office on Telegram: concerns reach the office chat, staff reply and close, the parent hears back."""

from __future__ import annotations

import asyncio
import logging
import re

import pytest

from tests.telegram_harness import ADMIN, DSL_CHAT, OFFICE_CHAT, has_button, running_bot

pytestmark = pytest.mark.anyio

PARENT = 444
STAFF = 5555
REFERENCE = re.compile(r"MM-\d{4}-\d{4}")
CONCERN = "Another parent posted a photo of my son's class on Facebook without asking"


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def send_concern(bot, chat_id: int = PARENT) -> str:
    """Raise a concern with /concern and skip every optional detail; returns its reference."""
    reply = await bot.command(chat_id, "concern", CONCERN)
    for _ in range(8):
        choice = next((c for c in ("c:send", "c:done", "c:skip") if has_button(reply, c)), None)
        assert choice, (reply.text, reply.buttons)
        reply = await bot.tap(chat_id, choice, on=reply)
        if choice == "c:send":
            break
    found = REFERENCE.search(reply.text)
    assert found, reply.text
    return found.group(0)


def as_reply_to(bot, call) -> dict:
    """The bot's message `call` as Telegram would quote it in reply_to_message."""
    message = bot.api.build_message(call.chat_id, call.plain, user_id=1)
    message.update(message_id=1000 + bot.api.calls.index(call), **{"from": bot.api.bot_user})
    return message


async def test_concern_reaches_the_office_and_a_staff_reply_reaches_the_parent(tmp_path):
    async with running_bot(tmp_path) as bot:
        reference = await send_concern(bot)
        forwarded = await bot.api.next_message(OFFICE_CHAT)
        bot.api.send_text(
            OFFICE_CHAT,
            "Thanks — we've asked them to take it down.",
            user_id=STAFF,
            chat_type="supergroup",
            reply_to=as_reply_to(bot, forwarded),
        )
        ack = await bot.api.next_message(OFFICE_CHAT)
        relayed = await bot.api.next_message(PARENT)
        replies = bot.store.office_replies(bot.store.get_concern(reference).id)
    assert reference in forwarded.plain and CONCERN in forwarded.plain
    assert reference in ack.text
    assert reference in relayed.plain and "we've asked them to take it down" in relayed.plain
    assert [r.text for r in replies] == ["Thanks — we've asked them to take it down."]


async def test_close_command_closes_the_concern_and_tells_the_parent(tmp_path):
    async with running_bot(tmp_path) as bot:
        reference = await send_concern(bot)
        await bot.api.next_message(OFFICE_CHAT)
        ack = await bot.command(OFFICE_CHAT, "close", reference, user_id=STAFF, chat_type="supergroup")
        told = await bot.api.next_message(PARENT)
        status = bot.store.get_concern(reference).status
        again = await bot.command(OFFICE_CHAT, "close", reference, user_id=STAFF, chat_type="supergroup")
    assert status == "closed"
    assert f"{reference} is closed" in ack.text
    assert reference in told.text and "closed" in told.text
    assert "can't find an open concern" in again.text


async def test_admin_can_reply_by_reference_from_a_private_chat(tmp_path):
    async with running_bot(tmp_path) as bot:
        reference = await send_concern(bot)
        ack = await bot.command(ADMIN, "reply", f"{reference} Please call the office tomorrow.")
        relayed = await bot.api.next_message(PARENT)
    assert reference in ack.text
    assert "Please call the office tomorrow." in relayed.text


async def test_office_commands_from_anyone_else_are_refused_and_logged_without_text(tmp_path, caplog):
    async with running_bot(tmp_path) as bot:
        reference = await send_concern(bot)
        refused = await bot.command(PARENT, "reply", f"{reference} I am pretending to be the office")
        closed = await bot.command(PARENT, "close", reference)
        status = bot.store.get_concern(reference).status
    assert refused.text == closed.text == "Sorry, that command is only for the school office."
    assert status == "open"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("/reply" in w and str(PARENT) in w for w in warnings)
    assert "pretending" not in caplog.text


async def test_unreachable_office_chat_is_retried_and_the_parent_still_gets_a_reference(tmp_path, caplog):
    async with running_bot(tmp_path) as bot:
        bot.api.make_unreachable(OFFICE_CHAT, status=502, description="Bad Gateway")
        reference = await send_concern(bot)
        concern_id = bot.store.get_concern(reference).id
        for _ in range(50):
            deliveries = bot.store.deliveries_for(concern_id)
            if deliveries and deliveries[0].last_error:
                break
            await asyncio.sleep(0.05)
    assert deliveries[0].destination == f"office-telegram:{OFFICE_CHAT}"
    assert deliveries[0].status == "pending" and "Bad Gateway" in deliveries[0].last_error


async def test_safeguarding_alert_goes_to_the_dsl_chat_marked_urgent(tmp_path):
    async with running_bot(tmp_path) as bot:
        warning = await bot.ask(
            PARENT, "a man on roblox keeps asking my daughter to send him photos of herself"
        )
        assert has_button(warning, "sg:named"), warning.buttons
        sent = await bot.tap(PARENT, "sg:named", on=warning)
        alert = await bot.api.next_message(DSL_CHAT)
    reference = REFERENCE.search(sent.text).group(0)
    assert "URGENT" in alert.text and reference in alert.text
    assert bot.api.messages_to(OFFICE_CHAT) == []
