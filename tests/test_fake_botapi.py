"""The tests' local Bot API server behaves like Telegram's for what PolicyBot uses (checked with PTB)."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, InvalidToken, RetryAfter
from telegram.request import HTTPXRequest

from tests.fake_botapi import FakeBotApi

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def api():
    async with FakeBotApi() as server:
        yield server


def make_bot(api: FakeBotApi, token: str | None = None) -> Bot:
    request = HTTPXRequest(httpx_kwargs={"trust_env": False}, read_timeout=15)
    return Bot(token or api.token, base_url=api.base_url, request=request, get_updates_request=request)


async def test_get_me_returns_bot_with_username(api):
    async with make_bot(api) as bot:
        assert bot.username == "policybot_test"
    assert api.calls[0].method == "getMe"


async def test_wrong_token_is_refused_as_invalid_token(api):
    with pytest.raises(InvalidToken):
        async with make_bot(api, token="999:wrong"):
            pass


async def test_send_message_is_recorded_with_decoded_markup(api):
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="r:parent")]])
    async with make_bot(api) as bot:
        sent = await bot.send_message(77, "42", parse_mode="HTML", reply_markup=markup)
    call = await api.next_message(77)
    assert (call.text, call.params["parse_mode"], call.buttons) == ("42", "HTML", [("Yes", "r:parent")])
    assert sent.chat.id == 77 and sent.text == "42"


async def test_next_message_returns_each_message_once_in_order(api):
    async with make_bot(api) as bot:
        await bot.send_message(5, "one")
        await bot.send_message(6, "other chat")
        await bot.send_message(5, "two")
    assert [(await api.next_message(5)).text, (await api.next_message(5)).text] == ["one", "two"]
    with pytest.raises(AssertionError):
        await api.next_message(5, timeout=0.1)


async def test_get_updates_holds_until_an_update_is_queued(api):
    async with make_bot(api) as bot:
        started = time.monotonic()
        task = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.2)
        assert not task.done()
        api.send_text(10, "hello")
        updates = await task
    assert time.monotonic() - started < 2
    assert [u.message.text for u in updates] == ["hello"]


async def test_get_updates_times_out_empty_and_honours_offset(api):
    async with make_bot(api) as bot:
        assert await bot.get_updates(timeout=0.2) == ()
        first = api.send_text(10, "a")
        api.send_text(10, "b")
        assert len(await bot.get_updates(timeout=0)) == 2
        remaining = await bot.get_updates(offset=first["update_id"] + 1, timeout=0)
    assert [u.message.text for u in remaining] == ["b"]


async def test_update_builders_parse_as_ptb_objects(api):
    api.send_command(1, "start")
    api.send_media(1, "photo")
    api.send_media(1, "sticker")
    api.send_media(1, "voice")
    api.send_edited(1, "changed")
    api.send_group_text(-100, "hi", mention=True)
    api.send_callback(1, "r:parent")
    async with make_bot(api) as bot:
        updates = await bot.get_updates(timeout=0)
    command, photo, sticker, voice, edited, group, callback = updates
    assert command.message.entities[0].type == "bot_command"
    assert photo.message.photo and sticker.message.sticker and voice.message.voice
    assert edited.edited_message.text == "changed"
    assert group.message.chat.type == "group" and group.message.text == "@policybot_test hi"
    assert callback.callback_query.data == "r:parent"


async def test_unreachable_chat_answers_forbidden_or_bad_request(api):
    api.make_unreachable(-500)
    api.make_unreachable(-600, status=400, description="Bad Request: chat not found")
    async with make_bot(api) as bot:
        with pytest.raises(Forbidden):
            await bot.send_message(-500, "x")
        with pytest.raises(BadRequest):
            await bot.send_message(-600, "x")


async def test_fail_next_answers_429_once(api):
    api.fail_next("sendMessage", retry_after=3)
    async with make_bot(api) as bot:
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(1, "x")
        await bot.send_message(1, "y")
    assert caught.value.retry_after == 3


async def test_commands_and_callback_answers_are_kept(api):
    async with make_bot(api) as bot:
        await bot.set_my_commands([("help", "How to use me")])
        assert [c.command for c in await bot.get_my_commands()] == ["help"]
        assert await bot.answer_callback_query("1", text="Done")
        await bot.delete_my_commands()
        assert await bot.get_my_commands() == ()
    assert api.calls_of("answerCallbackQuery")[0].params["text"] == "Done"
