"""`spellings:` variants read as written, before folding: emoji and abbreviations folding would lose."""

from __future__ import annotations

from bot.safeguarding.symbols import Symbols


def test_an_emoji_is_read_as_the_words_it_stands_for() -> None:
    symbols = Symbols({"🍃": "weed"})
    assert symbols.read("older boys gave him 🍃").split() == ["older", "boys", "gave", "him", "weed"]
    assert "weed" in symbols.read("🍃🍃 for sale").split()


def test_an_emoji_matches_with_or_without_the_keyboards_variation_selector() -> None:
    written_plain, written_styled = Symbols({"❄": "cocaine"}), Symbols({"❄️": "cocaine"})
    for symbols in (written_plain, written_styled):
        assert "cocaine" in symbols.read("puts ❄️ on the table").split()
        assert "cocaine" in symbols.read("puts ❄ on the table").split()


def test_an_abbreviation_is_read_only_as_a_whole_word() -> None:
    symbols = Symbols({"SA'd": "sexually assaulted"})
    assert "assaulted" in symbols.read("i got SA'd at the party").split()
    assert symbols.read("our VISA'd passports") == "our VISA'd passports"
    assert symbols.read("i was sad") == "i was sad"  # case and apostrophe as written


def test_no_variants_leave_the_text_alone() -> None:
    assert Symbols({}).read("anything 🍃 at all") == "anything 🍃 at all"
