"""A parent's conversation on Telegram end to end: real Application, core and store, fake Bot API."""

from __future__ import annotations

import pytest

from tests.telegram_harness import running_bot

pytestmark = pytest.mark.anyio

PARENT = 111


@pytest.fixture
def anyio_backend():
    return "asyncio"


def payloads(call) -> list[str]:
    return [data for _, data in call.buttons]


async def test_start_greets_with_school_name_and_asks_for_role_with_buttons(tmp_path):
    async with running_bot(tmp_path) as bot:
        greeting = await bot.command(PARENT, "start")
        menu = [c["command"] for c in bot.api.commands]
    assert "Marston Montgomery Primary School" in greeting.text
    assert "parent/carer, a member of staff or a pupil" in greeting.text
    assert greeting.params["parse_mode"] == "HTML"
    assert payloads(greeting) == ["r:parent", "r:staff", "r:pupil"]
    assert {"start", "help", "topics", "concern", "contact", "role", "privacy", "forget"} <= set(menu)


async def test_role_button_is_stored_and_the_parent_photo_question_cites_the_parents_section(tmp_path):
    async with running_bot(tmp_path) as bot:
        greeting = await bot.command(PARENT, "start")
        confirmed = await bot.tap(PARENT, "r:parent", on=greeting)
        answer = await bot.ask(PARENT, "can I put photos of the nativity on facebook?")
        role = bot.store.get_role(f"telegram:{PARENT}")
        edits = bot.api.calls_of("editMessageReplyMarkup")
    assert role == "parent"
    assert "parent or carer" in confirmed.text
    assert edits and "reply_markup" not in edits[0].params  # the role buttons are used up
    assert "Parents" in answer.text or "parents" in answer.text
    assert answer.text.rstrip().endswith("Was this helpful?")
    assert "fb:parents_photos:1" in payloads(answer) and "fb:parents_photos:0" in payloads(answer)


async def test_feedback_tap_is_recorded_and_acknowledged_in_place(tmp_path):
    async with running_bot(tmp_path) as bot:
        answer = await bot.ask(PARENT, "can I put photos of the nativity on facebook?")
        bot.api.send_callback(PARENT, "fb:parents_photos:1", message=answer)
        toast = await bot.api.wait_for_call(lambda c: c.method == "answerCallbackQuery")
        await bot.api.wait_for_call(lambda c: c.method == "editMessageReplyMarkup")
        counts = bot.store.feedback_counts()
    assert "Thanks for the feedback" in toast.params["text"]
    assert counts["parents_photos"].helpful == 1
    assert bot.api.messages_to(PARENT)[-1] is bot.api.messages_to(PARENT)[0]  # no extra message


async def test_question_before_choosing_a_role_is_answered_for_anyone(tmp_path):
    async with running_bot(tmp_path) as bot:
        answer = await bot.ask(PARENT, "can I put photos of the nativity on facebook?")
        assert bot.store.get_role(f"telegram:{PARENT}") is None
    assert payloads(answer)[-2:] == ["fb:parents_photos:1", "fb:parents_photos:0"]


async def test_unclear_question_offers_candidates_and_tapping_one_answers_it(tmp_path):
    async with running_bot(tmp_path) as bot:
        clarify = await bot.ask(PARENT, "friend request")
        candidates = [p for p in payloads(clarify) if p.startswith("t:")]
        assert "Did you mean" in clarify.text, clarify.text
        assert candidates, clarify.buttons
        answer = await bot.tap(PARENT, candidates[0], on=clarify)
    topic = candidates[0].removeprefix("t:")
    assert f"fb:{topic}:1" in payloads(answer)


async def test_out_of_scope_question_offers_the_office_and_the_button_starts_a_concern(tmp_path):
    async with running_bot(tmp_path) as bot:
        fallback = await bot.ask(PARENT, "what's for school dinner today?")
        forward = [p for p in payloads(fallback) if p == "fwd"]
        assert forward, fallback.buttons
        concern = await bot.tap(PARENT, "fwd", on=fallback)
    assert fallback.text.startswith("Sorry, I can't find an answer")
    assert any(p.startswith("c:") for p in payloads(concern))


async def test_topics_browse_from_section_to_topic_to_answer(tmp_path):
    async with running_bot(tmp_path) as bot:
        policies = await bot.command(PARENT, "topics")
        policy = next(p for p in payloads(policies) if p.startswith("p:"))
        sections = await bot.tap(PARENT, policy, on=policies)
        section = next(p for p in payloads(sections) if p.startswith("s:"))
        topics = await bot.tap(PARENT, section, on=sections)
        topic = next(p for p in payloads(topics) if p.startswith("t:"))
        answer = await bot.tap(PARENT, topic, on=topics)
    assert f"fb:{topic.removeprefix('t:')}:1" in payloads(answer)
    assert not bot.api.calls_of("editMessageReplyMarkup")  # browsing buttons stay usable


async def test_forget_asks_first_then_erases_the_role(tmp_path):
    async with running_bot(tmp_path) as bot:
        greeting = await bot.command(PARENT, "start")
        await bot.tap(PARENT, "r:staff", on=greeting)
        confirm = await bot.command(PARENT, "forget")
        assert bot.store.get_role(f"telegram:{PARENT}") == "staff"  # nothing erased before confirming
        done = await bot.tap(PARENT, "forget:yes", on=confirm)
        role = bot.store.get_role(f"telegram:{PARENT}")
    assert [p.split(":")[:2] for p in payloads(confirm)] == [["forget", "yes"], ["forget", "no"]]
    assert role is None
    assert done.text


async def test_help_contact_privacy_and_unknown_commands_are_answered(tmp_path):
    async with running_bot(tmp_path) as bot:
        help_ = await bot.command(PARENT, "help")
        contact = await bot.command(PARENT, "contact")
        privacy = await bot.command(PARENT, "privacy")
        unknown = await bot.command(PARENT, "frobnicate")
    assert "/topics" in help_.text
    assert "01889 590000" in contact.text
    assert privacy.text
    assert "/frobnicate" in unknown.text
