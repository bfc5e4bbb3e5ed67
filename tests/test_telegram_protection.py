"""The Telegram channel copes with floods, odd messages, forged buttons, long replies, failures and groups."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

import pytest

from bot.channels.telegram.format import MAX_TEXT, split_html, units
from tests.telegram_harness import rate_limit, running_bot

pytestmark = pytest.mark.anyio

PARENT = 222
GROUP = -3000
QUESTION = "can I put photos of the nativity on facebook?"


@pytest.fixture
def anyio_backend():
    return "asyncio"


class Wrapped:
    """The real dialogue with one behaviour changed."""

    def __init__(self, dialogue, handle):
        self._dialogue = dialogue
        self.handle = lambda user, text: handle(dialogue, user, text)

    def __getattr__(self, name):
        return getattr(self._dialogue, name)


def long_answers(dialogue):
    def handle(real, user, text):
        return [dataclasses.replace(r, html="\n\n".join([r.html] * 40)) for r in real.handle(user, text)]

    return Wrapped(dialogue, handle)


def failing_on_boom(dialogue):
    def handle(real, user, text):
        if "boom" in text:
            raise RuntimeError("simulated failure in the core")
        return real.handle(user, text)

    return Wrapped(dialogue, handle)


async def test_flooding_gets_one_notice_not_silence_nor_one_per_message(tmp_path):
    async with running_bot(tmp_path, rate_limit=rate_limit(3, 60)) as bot:
        for n in range(7):
            bot.api.send_text(PARENT, f"{QUESTION} {n}")
        await bot.api.drained()
        await asyncio.sleep(0.5)
        sent = bot.api.messages_to(PARENT)
    notices = [c for c in sent if "faster than I can answer" in c.text]
    assert len(notices) == 1
    assert len(sent) == 4  # three answers and one notice


async def test_photo_sticker_and_voice_get_the_text_only_reply(tmp_path):
    async with running_bot(tmp_path) as bot:
        replies = []
        for kind in ("photo", "sticker", "voice", "document"):
            bot.api.send_media(PARENT, kind)
            replies.append(await bot.api.next_message(PARENT))
    assert {r.text for r in replies} == {
        "Sorry, I can only read text messages. Please type your question in your own words."
    }


async def test_forged_or_stale_buttons_get_a_polite_answer_not_an_exception(tmp_path, caplog):
    async with running_bot(tmp_path) as bot:
        for data in ("x" * 80, "<script>", "t:no_such_topic", "c:send", "sg:named"):
            bot.api.send_callback(PARENT, data)
        await bot.api.drained()
        answers = [
            await bot.api.wait_for_call(
                lambda c, n=n: c.method == "answerCallbackQuery" and c.params["callback_query_id"] == str(n)
            )
            for n in range(1, 6)
        ]
        await asyncio.sleep(0.2)
    assert [a.params.get("text", "") != "" for a in answers] == [True, True, True, False, True]
    assert "expired" in answers[0].params["text"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_long_reply_is_split_under_4096_with_buttons_on_the_last_part(tmp_path):
    async with running_bot(tmp_path, wrap=long_answers) as bot:
        bot.api.send_text(PARENT, QUESTION)
        first = await bot.api.next_message(PARENT)
        parts = [first]
        while not parts[-1].buttons:
            parts.append(await bot.api.next_message(PARENT))
    assert len(parts) >= 2
    assert all(units(p.text) <= MAX_TEXT for p in parts)
    assert [bool(p.buttons) for p in parts] == [False] * (len(parts) - 1) + [True]


def test_split_html_keeps_tags_balanced_across_parts():
    markup = "<b>" + "word " * 2000 + "</b>\n\n<blockquote>" + "rule line\n" * 800 + "</blockquote>"
    parts = split_html(markup)
    assert len(parts) > 1 and all(units(p) <= MAX_TEXT for p in parts)
    for part in parts:
        assert part.count("<b>") == part.count("</b>")
        assert part.count("<blockquote>") == part.count("</blockquote>")


async def test_a_failure_in_a_handler_gets_an_apology_and_is_logged_with_the_update_id(tmp_path, caplog):
    async with running_bot(tmp_path, wrap=failing_on_boom) as bot:
        update = bot.api.send_text(PARENT, "boom goes the question")
        apology = await bot.api.next_message(PARENT)
        answer = await bot.ask(PARENT, QUESTION)
    assert apology.text == "Sorry, something went wrong — please try again."
    assert answer.buttons  # the bot carries on
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [f"update {update['update_id']} failed"] == [r.getMessage() for r in errors]
    assert errors[0].exc_info is not None


async def test_logs_carry_no_message_text_unless_configured(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    async with running_bot(tmp_path) as bot:
        await bot.ask(PARENT, "my secret question about nativity photos on facebook")
    assert "secret" not in caplog.text


async def test_edited_messages_are_ignored(tmp_path):
    async with running_bot(tmp_path) as bot:
        bot.api.send_edited(PARENT, QUESTION)
        bot.api.send_text(PARENT, "friend request")
        reply = await bot.api.next_message(PARENT)
    assert "Did you mean" in reply.text  # the reply is to the second message, not the edit
    assert len(bot.api.messages_to(PARENT)) == 1


async def test_in_a_group_only_mentions_and_commands_are_answered(tmp_path):
    async with running_bot(tmp_path) as bot:
        bot.api.send_group_text(GROUP, QUESTION)
        bot.api.send_group_text(GROUP, QUESTION, mention=True)
        answer = await bot.api.next_message(GROUP)
        bot.api.send_command(GROUP, "contact", mention=True, chat_type="group", user_id=4242)
        contact = await bot.api.next_message(GROUP)
        await asyncio.sleep(0.2)
    assert len(bot.api.messages_to(GROUP)) == 2
    assert answer.buttons and answer.params["reply_parameters"]["message_id"]
    assert "01889 590000" in contact.text


async def test_group_mode_all_answers_every_group_message(tmp_path):
    async with running_bot(tmp_path, group_mode="all") as bot:
        bot.api.send_group_text(GROUP, QUESTION)
        answer = await bot.api.next_message(GROUP)
    assert answer.buttons
