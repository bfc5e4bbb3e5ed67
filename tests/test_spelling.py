"""Spelling correction and folding: typos meet the knowledge's words; real words keep their meaning."""

from __future__ import annotations

import pytest

from bot.core.engine import Engine
from bot.matching.real_words import keeps_meaning, real_words


@pytest.mark.parametrize(
    ("text", "kept", "not_read_as"),
    [
        ("can she have instagram when she is older", "older", "order"),
        ("is it done properly", "properly", "property"),
        ("a question about my career", "career", "parent"),
        ("at least tell me", "least", "last"),
    ],
)
def test_a_real_word_is_not_corrected_into_a_different_word(
    engine: Engine, text: str, kept: str, not_read_as: str
) -> None:
    # Round 11: correction mapped real words the knowledge never uses onto knowledge words a letter away
    # ("till I'm older" was read "till order"; "career" as "carer", which is a parent).
    words = engine.matcher.normaliser.tokens(text)
    assert kept in words
    assert not_read_as not in words


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("can i post the nativty video", "nativity"),
        ("a freind request from a parent", "friend"),
        ("the head decided against it", "decide"),
        ("can teachers post photos publicly", "public"),
    ],
)
def test_typos_and_endings_are_still_corrected(engine: Engine, text: str, meant: str) -> None:
    assert meant in engine.matcher.normaliser.tokens(text)


@pytest.mark.parametrize(
    ("text", "not_read_as"),
    [("she'd like to complain", "shed"), ("we'd like to post it", "wed"), ("she'll ask the head", "shell")],
)
def test_a_contraction_is_not_read_as_the_word_it_folds_into(
    engine: Engine, text: str, not_read_as: str
) -> None:
    # Round 11 (blind set 13): "how she'd go about complaining" was read with a garden shed in it.
    assert not_read_as not in engine.matcher.normaliser.tokens(text)


def test_the_real_words_are_the_shipped_tokenizers_whole_words() -> None:
    words = real_words()
    assert len(words) > 5000
    assert {"older", "properly", "career", "bitter"} <= words
    assert not {"nativty", "freind", "becuase"} & words


def test_a_real_word_changes_only_at_its_ending() -> None:
    assert keeps_meaning("decid", "decide") and keeps_meaning("publicly", "public")
    assert not keeps_meaning("older", "order") and not keeps_meaning("career", "carer")
