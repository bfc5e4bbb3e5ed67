"""Find the question in a long message: split it into sentences and pick the ones that ask something.

Real messages often tell a story first and ask at the end ("…I'm upset by this. Any advice?"). Scoring the
whole story dilutes the question; scoring the asking sentences (and the sentence before each, which usually
names the subject) alongside the whole lets a story with a question at the end match like the question alone.
"""

from __future__ import annotations

import re

MAX_SENTENCES = 12
"""At most this many sentences are looked at: the first few (the subject) and the last ones (the question)."""
_HEAD = 4
_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")
_ASKING_WORDS = frozenset(
    [
        "can",
        "could",
        "may",
        "might",
        "should",
        "shall",
        "is",
        "are",
        "am",
        "was",
        "were",
        "do",
        "does",
        "did",
        "what",
        "whats",
        "how",
        "who",
        "whose",
        "when",
        "where",
        "why",
        "which",
        "will",
        "would",
        "any",
        "anyone",
        "has",
        "have",
        "had",
        "must",
        "if",
        "aibu",
        "wwyd",
    ]
)


def sentences(text: str) -> list[str]:
    """The message's sentences, in order (at most MAX_SENTENCES: the first few and the last ones)."""
    found = [s.strip() for s in _SPLIT.split(text) if s and s.strip()]
    if len(found) > MAX_SENTENCES:
        found = found[:_HEAD] + found[-(MAX_SENTENCES - _HEAD) :]
    return found


def asks(sentence: str) -> bool:
    """Whether a sentence asks something (a question mark, or it opens like a question)."""
    first = sentence.split(maxsplit=1)[0].lower().strip(",:;'’") if sentence.split() else ""
    return sentence.rstrip().endswith("?") or first in _ASKING_WORDS


def question_parts(text: str) -> list[str]:
    """Extra texts to score for a message of several sentences: its asking sentences, then those with the
    sentence before each; none for a message of one sentence or one that asks nothing."""
    found = sentences(text)
    if len(found) < 2:
        return []
    asking = [i for i, sentence in enumerate(found) if asks(sentence)]
    if not asking:
        return []
    with_context = sorted({j for i in asking for j in (i - 1, i) if j >= 0})
    parts = [" ".join(found[i] for i in asking), " ".join(found[j] for j in with_context)]
    return list(dict.fromkeys(parts))
