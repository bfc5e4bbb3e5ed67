"""Words in knowledge/language.yaml that would never be read, said so that the editor can fix them.

Messages are folded and split into words before text-speak, the words of other languages and name titles are
looked for, so each of those must be written as one folded word.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.common.text import fold

if TYPE_CHECKING:
    from bot.knowledge.loading import Language


def language_problems(language: Language, where: Path) -> list[str]:
    """Words in language.yaml that would never be read (messages are folded and split into words first):
    spellings in `text_speak`, or one listed under two words; words of `other_languages`; `name_titles`."""
    problems: list[str] = []
    typed_as: dict[str, str] = {}
    for word, spellings in language.text_speak.items():
        for typed in spellings:
            if not _as_read(typed):
                problems.append(
                    f"{where}: text_speak.{word}: '{typed}' — write each spelling as one word in lower case "
                    "without punctuation, as it is read"
                )
            elif typed_as.setdefault(typed, word) != word:
                problems.append(
                    f"{where}: text_speak.{word}: '{typed}' is also listed under '{typed_as[typed]}' — "
                    "keep it under one word"
                )
    problems.extend(
        f"{where}: other_languages: '{word}' — write each word in lower case without accents or punctuation, "
        "as it is read"
        for word in language.other_languages
        if not _as_read(word)
    )
    problems.extend(
        f"{where}: name_titles: '{title}' — write each title as one word in lower case without punctuation "
        "(mr, mrs, dr), as it is read; the word after it is taken for a name"
        for title in language.name_titles
        if not _as_read(title)
    )
    return problems


def _as_read(word: str) -> bool:
    """Whether a word is written as a message's words are read: folded, and one word."""
    return fold(word) == word and " " not in word
