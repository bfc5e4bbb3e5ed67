"""Messages written mostly in a language the safeguarding check cannot read.

The check's rules and examples are English (a few words of other languages are `spellings:`). A message
written mostly in Polish or Urdu passes it unflagged however worrying it is; the dialogue offers such a
message to the safeguarding lead, as it does a message near a disclosure in meaning, so that a person
decides rather than the check's silence. The words that mark a language are knowledge (`other_languages`
in language.yaml).
"""

from __future__ import annotations

from bot.common.text import fold

LEAST_WORDS = 2  # words of another language in a message, at the least
LEAST_SHARE = 0.1  # and of its words
# letters English never uses but Polish, Romanian, Portuguese and Lithuanian do (not the accents of names
# such as Zoë, José or Chloé)
_OTHER_LETTERS = frozenset("ąćęłńśźżăâîșşțţãõçėįųūšžč")


def written_in_another_language(text: str, markers: frozenset[str]) -> bool:
    """Whether at least LEAST_WORDS of the message's words, and LEAST_SHARE of them, mark another language:
    a word of `markers` (folded), or a word written with a letter English never uses."""
    if not markers:
        return False
    words = text.lower().split()
    marked = sum(fold(word).strip() in markers or any(ch in _OTHER_LETTERS for ch in word) for word in words)
    return marked >= LEAST_WORDS and marked >= LEAST_SHARE * len(words)
