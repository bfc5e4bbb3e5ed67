"""Turn a question into the words the matcher compares: folded, synonyms mapped, misspellings corrected."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.common.text import fold
from bot.knowledge.loading import Language
from bot.matching.real_words import keeps_meaning, real_words

_MIN_CORRECTABLE = 5
"""Words shorter than this are never spell-corrected: too many short words are one letter apart."""
_LONG_WORD = 8
"""From this length two typos are corrected (an edit or swapped neighbours each); below it, one."""


def stem(word: str) -> str:
    """A light suffix stripper so that post/posts/posting/posted meet; applied to both sides alike."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            if suffix == "es" and not word.endswith(("ches", "shes", "xes", "sses")):
                continue
            return word[: -len(suffix)] + replacement
    return word


class Normaliser:
    """Synonyms, stop words and spelling correction from knowledge/language.yaml."""

    def __init__(self, language: Language) -> None:
        self.stopwords = frozenset(fold(word) for word in language.stopwords)
        variants: dict[str, str] = {}
        for canonical, words in language.synonyms.items():
            target = fold(canonical).replace(" ", "_")
            for variant in [canonical, *words]:
                folded = fold(variant)
                if folded and folded != target:
                    variants[folded] = target
        self.single = {v: c for v, c in variants.items() if " " not in v}
        phrases = sorted((v for v in variants if " " in v), key=len, reverse=True)
        self.phrases = {v: variants[v] for v in phrases}
        self.phrase_re = (
            re.compile(r"\b(" + "|".join(re.escape(p) for p in phrases) + r")\b") if phrases else None
        )
        # "Mrs Patel", "Mr Hadley": a word after a title that the knowledge does not use is a name; it is
        # left out, not corrected into a word it is one letter from ("patel" is not "panel")
        self.titles = frozenset(fold(title) for title in language.name_titles)
        self.vocabulary: frozenset[str] = frozenset()
        self._buckets: dict[tuple[str, int], list[str]] = {}
        self.real = real_words()  # real English words: corrected only at their ending (real_words.py)

    def learn(self, vocabulary: set[str]) -> None:
        """Set the words spelling correction may correct towards (the knowledge's own words)."""
        self.vocabulary = frozenset(vocabulary)
        buckets: dict[tuple[str, int], list[str]] = {}
        for word in self.vocabulary:
            buckets.setdefault((word[0], len(word)), []).append(word)
        self._buckets = {key: sorted(ws) for key, ws in buckets.items()}
        self._correct.cache_clear()

    def tokens(self, text: str, correct: bool = True) -> list[str]:
        """Content words of a text: folded, multi-word synonyms joined, stop words dropped, stemmed."""
        folded = fold(text)
        if self.phrase_re is not None:
            folded = self.phrase_re.sub(lambda m: self.phrases[m.group(1)], folded)
        out = []
        after_title = False
        for word in folded.split():
            named, after_title = after_title, word in self.titles
            word = self.single.get(word, word)
            if word in self.stopwords:
                continue
            stemmed = self.single.get(stem(word), stem(word))
            if correct and stemmed not in self.vocabulary and "_" not in stemmed:
                if named:
                    continue  # a name says nothing of the subject; the title before it already reads as staff
                stemmed = self._correct(stemmed, word in self.real or stemmed in self.real)
            if stemmed not in self.stopwords:
                out.append(stemmed)
        return out

    @lru_cache(maxsize=8192)  # noqa: B019 — one Normaliser per loaded knowledge base, bounded cache
    def _correct(self, word: str, real: bool = False) -> str:
        if len(word) < _MIN_CORRECTABLE or word.isdigit() or not self._buckets:
            return word
        # Typos keep the first letter far more often than not; real words one letter apart
        # ("great"/"treat", "arent"/"parent") mostly differ there, so they are not merged.
        limit = 2 if len(word) >= _LONG_WORD else 1
        lengths = range(len(word) - limit, len(word) + limit + 1)
        pool = [w for n in lengths for w in self._buckets.get((word[0], n), ())]
        if not pool:
            return word
        found = process.extractOne(word, pool, scorer=OSA.distance, score_cutoff=limit)
        if found is None or (real and not keeps_meaning(word, found[0])):
            return word
        return self.single.get(found[0], found[0])
