"""Words without which a topic is offered, never answered outright (a topic's `needs:` in knowledge/topics).

The Social Media Policy's online-bullying section answers bullying *online*: asked about bullying with no
word of a phone, an app or the internet ("my son is being bullied at school, what can I do?"), it is a fair
option but not the answer, since other bullying is the anti-bullying policy's. Measured in round 22 on the
development sets: of the answers it gave with no such word, 7 were wrong (6 of them real questions) and 1
right.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.common.text import fold
from bot.knowledge.loading import Knowledge
from bot.matching.normalise import Normaliser


class Needs:
    """Each topic's needed words, read as the matcher reads a message (folded, synonyms joined, stemmed); an
    entry ending in `*` is the start of a word as typed ("cyber*": "cyberbulling"), read before synonyms,
    which join "cyberbullying" with "bullying"."""

    def __init__(self, knowledge: Knowledge, normaliser: Normaliser) -> None:
        self.words: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
        for topic in knowledge.topics.values():
            if topic.needs:
                whole = " ".join(word for word in topic.needs if not word.endswith("*"))
                starts = tuple(fold(word[:-1]) for word in topic.needs if word.endswith("*"))
                self.words[topic.id] = (frozenset(normaliser.tokens(whole, correct=False)), starts)

    def answerable(self, topic: str, words: Iterable[str], folded: str) -> bool:
        """Whether a message (its matcher words, and its folded text) may be answered with this topic."""
        if topic not in self.words:
            return True
        whole, starts = self.words[topic]
        return not whole.isdisjoint(words) or any(word.startswith(starts) for word in folded.split())
