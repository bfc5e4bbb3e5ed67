"""Small talk: greetings, thanks and "who are you", told apart from short policy questions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from bot.common.text import fold
from bot.knowledge.loading import Knowledge
from bot.matching.normalise import Normaliser

MAX_WORDS = 6
RATIO = 84.0
SHORT = 3  # words: a message this short that is mostly greeting or thanks is small talk


class SmallTalk:
    """Recognises the knowledge's small-talk intents in short messages."""

    def __init__(self, knowledge: Knowledge, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        self.examples = [
            (fold(example), intent.id)
            for intent in knowledge.intents.values()
            if intent.action == "smalltalk"
            for example in intent.examples
        ]
        self.words: dict[str, set[str]] = defaultdict(set)
        for example, intent_id in self.examples:
            self.words[intent_id].update(example.split())
        topic_words = {w for t in knowledge.topics.values() for e in t.examples for w in fold(e).split()}
        self.only = {w for words in self.words.values() for w in words} - topic_words
        # Small-talk words after synonyms ("ta very much" → thanks) that no policy question uses.
        self.tokens: dict[str, set[str]] = defaultdict(set)
        for example, intent_id in self.examples:
            self.tokens[intent_id].update(normaliser.tokens(example, correct=False))

    def forget_policy_words(self, vocabulary: Iterable[str]) -> None:
        """Drop tokens that policy questions use too (called once the matcher's vocabulary is known)."""
        known = set(vocabulary)
        for tokens in self.tokens.values():
            tokens -= known

    def intent(self, folded: str, words: list[str]) -> str | None:
        """The small-talk intent a (folded) message is, or None."""
        if not folded or len(folded.split()) > MAX_WORDS:
            return None
        best, intent = 0.0, None
        for example, intent_id in self.examples:
            score = fuzz.ratio(folded, example)
            if score > best:
                best, intent = score, intent_id
        if best >= RATIO:
            return intent
        # Every word, after synonyms, is a small-talk word that no policy question uses.
        if words and len(words) <= SHORT:
            fits = [i for i, tokens in sorted(self.tokens.items()) if set(words) <= tokens]
            if fits:
                return fits[0]
        # "ta thats great", "cheers mate", "thank u so much x": a short message (filler words aside)
        # mostly made of one intent's words.
        said = [w for w in folded.split() if w not in self.normaliser.stopwords] or folded.split()
        if len(said) > SHORT:
            return None
        fits = [(sum(w in words for w in said), i) for i, words in sorted(self.words.items())]
        count, intent = max(fits, default=(0, None))
        # ...and with a word no policy question uses ("cheers", "hiya"), so "photos ok" stays a question.
        if count * 2 >= len(said) and any(w in self.only for w in said):
            return intent
        return None
