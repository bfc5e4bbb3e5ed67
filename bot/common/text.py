"""Text clean-up shared by matching and safeguarding: case, accents, punctuation, control characters."""

from __future__ import annotations

import re
import unicodedata

MAX_INPUT_CHARS = 2000
"""Questions are cut to this length before matching; nobody asks a policy question in 2,000 characters."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[^a-z0-9']+")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Drop control and format characters and collapse whitespace, keeping the words as typed."""
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] == "C":  # control, format, surrogate, private use, unassigned
            kept.append(" " if ch in "\t\n\r\x0b\x0c" else "")
        else:
            kept.append(ch)
    return _SPACES.sub(" ", "".join(kept)).strip()


def fold(text: str) -> str:
    """Lower-case, strip accents and turn everything that is not a letter or digit into single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text)
    # Apostrophes only matter inside words ("don't"); drop them, keeping the word whole.
    text = text.replace("'", "")
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The folded words of a text."""
    folded = fold(text)
    return folded.split() if folded else []


def has_letters(text: str) -> bool:
    """Whether the text has anything a matcher could read (letters or digits in any script)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)
