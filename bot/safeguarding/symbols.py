"""Variants of `spellings:` read as written, before a message is folded: an emoji ("🍃" for weed) or an
abbreviation whose apostrophe folding would drop ("SA'd" would read as "sad")."""

from __future__ import annotations

import re
from collections.abc import Mapping

_EMOJI_STYLE = "\ufe0f"  # the variation selector some keyboards add after an emoji ("❄️")


def _as_written(symbol: str) -> str:
    """A regular expression for a variant: whole, where it begins or ends with a letter or digit."""
    start = r"(?<![A-Za-z0-9])" if symbol[0].isalnum() else ""
    end = r"(?![A-Za-z0-9])" if symbol[-1].isalnum() else ""
    return start + re.escape(symbol) + end


class Symbols:
    """Replaces each variant in a text by the words it stands for, longest variants first."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self.words = {variant.replace(_EMOJI_STYLE, ""): said for variant, said in words.items() if variant}
        by_length = sorted(self.words, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(_as_written, by_length))) if by_length else None

    def read(self, text: str) -> str:
        """The text with every variant replaced by its words (unchanged when the file has none)."""
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: f" {self.words[m[0]]} ", text.replace(_EMOJI_STYLE, ""))
