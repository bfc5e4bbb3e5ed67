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


@pytest.mark.parametrize(
    ("text", "word", "times"),
    [
        ("can i friend mrs patel on facebook", "panel", 0),
        ("is Miss Frost allowed to follow pupils", "front", 0),
        ("Mr Poste put the sports day photos on his facebook", "post", 1),  # once, for "put"
    ],
)
def test_a_name_after_a_title_is_left_out_not_corrected_into_a_word(
    engine: Engine, text: str, word: str, times: int
) -> None:
    # Round 48 (blind67b, read): "Miss Patel" was corrected into "panel", and questions about adding a named
    # teacher were offered the governors' panel meeting; a word after a title is a name
    words = engine.matcher.normaliser.tokens(text)
    assert words.count(word) == times
    assert "staff" in words  # the title itself still reads as a member of staff


def test_a_word_of_the_knowledge_after_a_title_is_kept(engine: Engine) -> None:
    # "Miss said…" and "Mrs Green": a word the knowledge uses is not dropped after a title
    assert "photo" in engine.matcher.normaliser.tokens("miss photos of the trip")
