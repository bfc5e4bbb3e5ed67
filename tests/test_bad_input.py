"""Bad input never crashes, is never evaluated as a template, and always gets a well-formed reply."""

from __future__ import annotations

import html

import pytest

from bot.core.engine import Engine
from bot.core.replies import Reply

NASTY = {
    "empty": "",
    "whitespace": "   \n\t  ",
    "huge": "can I post photos " * 600,  # ~10,800 characters
    "emoji only": "😀🎄📸👍",
    "other script": "我可以在脸书上发布孩子的照片吗？",
    "arabic": "هل يمكنني نشر صور الأطفال؟",
    "control characters": "can\x00 I\x07 post\x1b[31m photos\u200b\u202e?",
    "template": "{{ 7*7 }}",
    "template block": "{% for x in range(10**9) %}{{ x }}{% endfor %}",
    "html": "<script>alert('x')</script> can I post pics?",
    "only punctuation": "?!?!...,,,",
    "numbers": "1234567890",
    "lone surrogate-like": "\udcff photo",
}


def _well_formed(reply: Reply) -> None:
    assert reply.action in {"answer", "clarify", "fallback", "forward", "smalltalk", "safeguarding"}
    assert reply.text.strip()
    assert reply.html.strip()
    assert 0.0 <= reply.confidence <= 1.0
    assert "49" not in reply.text  # {{ 7*7 }} was not evaluated anywhere


@pytest.mark.parametrize("name", NASTY)
def test_bad_input_gets_a_well_formed_reply(engine: Engine, name: str) -> None:
    _well_formed(engine.ask(NASTY[name], "parent"))


def test_empty_message_asks_for_a_question(engine: Engine) -> None:
    reply = engine.ask("   ")
    assert reply.action == "fallback"
    assert "question" in reply.text.lower()


def test_emoji_only_message_says_words_are_needed(engine: Engine) -> None:
    reply = engine.ask("😀🎄📸")
    assert reply.action == "fallback"
    assert "words" in reply.text.lower()


@pytest.mark.parametrize("text", ["{{ 7*7 }}", "1234567890", "?!?!...,,,", "2 + 2"])
def test_a_message_with_no_words_is_not_answered_as_a_question(engine: Engine, text: str) -> None:
    reply = engine.ask(text, "parent")
    assert reply.action == "fallback" and "words" in reply.text.lower(), (reply.action, reply.topic)


def test_template_looking_text_is_never_rendered(engine: Engine) -> None:
    for text in ("{{ 7*7 }}", "{{ config }}", "{% raw %}x{% endraw %}", "{{ school.name }}"):
        reply = engine.ask(text)
        assert "49" not in reply.text
        assert text.strip("{} %") not in reply.text or reply.action == "fallback"


def test_user_text_is_escaped_in_html(engine: Engine) -> None:
    from bot.core.dialogue import Dialogue
    from bot.core.replies import UserContext

    dialogue = Dialogue(engine)
    replies = dialogue.command(UserContext("console:t"), "concern", "<b>hi</b>")
    for reply in replies:
        assert "<b>hi</b>" not in reply.html
    reply = dialogue.command(UserContext("console:t"), "<script>")[0]
    assert "<script>" not in reply.html
    assert html.escape("<script>") in reply.html


def test_huge_message_is_answered_quickly_from_its_start(engine: Engine) -> None:
    reply = engine.ask(
        "can I post photos of other children from the nativity on facebook? " + "x" * 10_000, "parent"
    )
    assert reply.topic == "parents_photos"
