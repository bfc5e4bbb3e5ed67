"""Invisible characters never change what a question means; terminal escapes never reach a screen."""

from __future__ import annotations

import pytest

from bot.common.text import clean, printable
from bot.core.engine import Engine

QUESTION = "can i post photos on fb"
ZWSP, NUL, ZWJ = "\u200b", "\x00", "\u200d"


@pytest.mark.parametrize(
    "typed",
    [
        QUESTION.replace(" ", ZWSP),
        QUESTION.replace(" ", NUL),
        QUESTION.replace(" ", ZWJ),
        QUESTION.replace(" ", " " + ZWSP),
        "can i po" + ZWSP + "st pho" + NUL + "tos on fb",
    ],
    ids=["zero-width spaces", "NULs", "zero-width joiners", "beside spaces", "inside words"],
)
def test_invisible_characters_between_words_score_as_without_them(engine: Engine, typed: str) -> None:
    plain = engine.ask(QUESTION, "parent")
    reply = engine.ask(typed, "parent")
    assert (reply.action, reply.topic, reply.confidence) == (plain.action, plain.topic, plain.confidence)


def test_invisible_characters_between_single_letters_keep_the_word_whole() -> None:
    assert clean("he will " + ZWSP.join("kill") + " me") == "he will kill me"


def test_printable_drops_screen_clearing_titles_cursor_moves_and_reversal() -> None:
    stored = "hello\x1b[2J\x1b[H\x1b]0;pwned\x07 there\r\x1b[1AFAKE\u202eevil\x9b2J\x07 end\nline two"
    assert printable(stored) == "hello thereFAKEevil end\nline two"
    assert printable(stored, keep_newlines=False) == "hello thereFAKEevil end line two"


def test_printable_keeps_ordinary_text_and_emoji() -> None:
    text = "Mrs O'Neil’s class — 👍 café\nthanks"
    assert printable(text) == text
