"""The second safeguarding layer: flag a message that reads like the labelled disclosures, by meaning.

The patterns (patterns.py) catch the wording they were written for. This layer compares a message with
example messages kept as data (knowledge/safeguarding_examples.yaml): TF-IDF cosine over word stems and
stem pairs, through an inverted index. A message is flagged when its nearest disclosures are clearly closer
than its nearest ordinary messages (a k-nearest-neighbour margin). See docs/safeguarding-notes.md.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.common.text import MAX_INPUT_CHARS

WINDOW = 30
"""Long messages are compared a window of words at a time, so a disclosure is not drowned by chatter."""

MAX_WORDS = MAX_INPUT_CHARS // 5
"""Only the first words of a very long message are compared (the patterns read all of it)."""

ORDINARY_POSTINGS_CAP = 200
"""At most this many ordinary messages are kept per word: the ones where it weighs most."""

RARE_POSTINGS = 20
"""Before scoring a message against every disclosure, features in at most this many are scored alone."""

SHARPNESS_FLOOR = 0.0
"""Weight kept by a word that is equally common in disclosures and ordinary messages (cross-validated)."""


@dataclass(frozen=True)
class SimilaritySettings:
    """How close a message must be to the disclosures, and how much closer than to ordinary messages."""

    k: int = 3
    min_similarity: float = 0.3
    margin: float = 0.05
    min_words: int = 1
    """Shorter messages are left to the patterns: one or two words ("Reception", "same") are no evidence."""
    short_words: int = 0
    """Messages of fewer words than this need `short_margin` instead of `margin` (0: no difference)."""
    short_margin: float = 0.0
    long_words: int = 0
    """Messages of this many words or more need `long_margin` instead of `margin` (0: no difference)."""
    long_margin: float = 0.0


@dataclass(frozen=True)
class Nearest:
    """The best-matching stretch of a message: its nearest disclosures and ordinary messages."""

    disclosures: list[tuple[float, str]]  # (cosine, category id), best first
    ordinary: list[float]


# ---- turning text into features -------------------------------------------------------------------------


@lru_cache(maxsize=50_000)  # the same few thousand words, over and over
def stem(word: str) -> str:
    """A rough English stem, enough that "hits", "hitting" and "hit" meet; every number is "#".

    A number's value says nothing about meaning here ("a 12 year old" is no closer to a disclosure than "a
    10 year old"), so all numbers meet.
    """
    if word.isdigit():
        return "#"
    for suffix, keep in (("ings", 5), ("ing", 5), ("ies", 4), ("ied", 4), ("ed", 5), ("es", 5), ("s", 4)):
        if len(word) >= keep and word.endswith(suffix) and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2]:  # hitt(ing), slapp(ed)
        word = word[:-1]
    return word


def features(stems: list[str]) -> Counter[str]:
    """Stems and neighbouring stem pairs (pairs carry word order: "hit me" vs "me hit").

    An empty stem is a word the detector skipped (an excluded phrase); no pair is made across it.
    """
    found = Counter(s for s in stems if s)
    found.update(f"{a} {b}" for a, b in pairwise(stems) if a and b)
    return found


@dataclass
class Tables:
    """What the index works out from its examples: plain data, kept between runs by stored.py."""

    labels: list[str]  # each example's category; "" for an ordinary message
    idf: dict[str, float]
    disclosure_postings: dict[str, list[tuple[int, float]]]
    ordinary_postings: dict[str, list[tuple[int, float]]]
    top_k_weight: dict[str, float]
    vocabulary: dict[str, list[str]]  # known words by first letter, for correcting misspellings


def build_tables(
    disclosures: list[tuple[str, str]],
    ordinary: list[str],
    settings: SimilaritySettings,
    reader: Callable[[str], list[str]],
) -> Tables:
    """Index the labelled examples: TF-IDF weights, postings, and the bounds `_may_be_close` uses."""
    labels = [category for category, _ in disclosures] + [""] * len(ordinary)
    texts = [text for _, text in disclosures] + ordinary
    counted = [features([stem(word) for word in reader(text[:MAX_INPUT_CHARS])]) for text in texts]
    df: Counter[str] = Counter()
    for feats in counted:
        df.update(feats.keys())
    n = len(counted)
    n_disclosures = len(disclosures)
    in_disclosures: Counter[str] = Counter()
    for feats in counted[:n_disclosures]:
        in_disclosures.update(feats.keys())
    n_ordinary = max(1, n - n_disclosures)
    # A word as common in ordinary messages as in disclosures ("year 3", "my son says") says little
    # about which kind a message is; one found in only one kind says a lot. Weigh by both.
    idf = {}
    for f, d in df.items():
        rate_d = in_disclosures[f] / max(1, n_disclosures)
        rate_o = (d - in_disclosures[f]) / n_ordinary
        sharpness = abs(rate_d - rate_o) / (rate_d + rate_o)
        idf[f] = (math.log((n + 1) / (d + 1)) + 1) * (SHARPNESS_FLOOR + sharpness)
    # Disclosures and ordinary messages are indexed apart: the ordinary side (which grows with every
    # policy's example questions) is only read for a stretch that is already close to disclosures.
    disclosure_postings: dict[str, list[tuple[int, float]]] = {}
    ordinary_postings: dict[str, list[tuple[int, float]]] = {}
    for doc, feats in enumerate(counted):
        postings = disclosure_postings if doc < n_disclosures else ordinary_postings
        for feature, weight in weigh(feats, idf).items():
            postings.setdefault(feature, []).append((doc, weight))
    # The most the k nearest disclosures can share of each feature: a message whose features cannot add
    # up to `min_similarity` even with these is not compared with every disclosure (see `_score`).
    top_k_weight = {
        feature: sum(w for _, w in postings)
        if len(postings) <= settings.k
        else sum(heapq.nlargest(settings.k, (w for _, w in postings)))
        for feature, postings in disclosure_postings.items()
    }
    # Only the nearest few ordinary messages count, and those weigh a shared word heavily: a word found
    # in thousands of them (as with many policies loaded) keeps just the ones where it weighs most.
    for postings in ordinary_postings.values():
        if len(postings) > ORDINARY_POSTINGS_CAP:
            postings.sort(key=lambda posting: -posting[1])
            del postings[ORDINARY_POSTINGS_CAP:]
    vocabulary: dict[str, list[str]] = {}
    for feature in idf:
        if " " not in feature and len(feature) >= 4 and feature.isalpha():
            vocabulary.setdefault(feature[0], []).append(feature)
    return Tables(labels, idf, disclosure_postings, ordinary_postings, top_k_weight, vocabulary)


def weigh(feats: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    """A unit TF-IDF vector (features no example has weigh nothing and are left out)."""
    vector = {f: (1 + math.log(c)) * idf.get(f, 0.0) for f, c in feats.items()}
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {f: w / norm for f, w in vector.items() if w}


class SimilarityIndex:
    """Labelled example messages in an inverted index of TF-IDF weights."""

    def __init__(self, tables: Tables, settings: SimilaritySettings) -> None:
        self.tables = tables
        self.settings = settings
        self.labels = tables.labels
        self.idf = tables.idf
        self.disclosure_postings = tables.disclosure_postings
        self.ordinary_postings = tables.ordinary_postings
        self.top_k_weight = tables.top_k_weight
        self.vocabulary = tables.vocabulary
        self.correct = lru_cache(maxsize=20_000)(self._correct)

    def _query_stems(self, said: list[str]) -> list[str]:
        """A message's stems, misspellings corrected to known words; "" stays "" (a skipped word)."""
        out = []
        for word in said:
            stemmed = stem(word) if word else ""
            if stemmed and stemmed not in self.idf:
                stemmed = self.correct(stemmed)
            out.append(stemmed)
        return out

    def _correct(self, word: str) -> str:
        """A misspelt word as the nearest known word with the same first letter ("beets" → "beat").

        A slip adds or drops at most one letter, so a known word of another length is no candidate: "bean"
        (of "beans on toast") is not a misspelling of "beaten".
        """
        if len(word) < 4 or not word.isalpha():
            return word
        near = [known for known in self.vocabulary.get(word[0], ()) if abs(len(known) - len(word)) <= 1]
        best = process.extractOne(word, near, scorer=fuzz.ratio, score_cutoff=80)
        return best[0] if best else word

    def nearest(self, said: list[str], *, shortcuts: bool = True) -> Nearest | None:
        """The stretch of the message close enough to disclosures that leans most towards them, or None."""
        stems = self._query_stems(said[:MAX_WORDS])
        if sum(1 for s in stems if s) < max(1, self.settings.min_words):
            return None
        step = WINDOW // 2
        starts = range(0, max(1, len(stems) - step), step) if len(stems) > WINDOW else [0]
        best: tuple[float, Nearest] | None = None
        for start in starts:
            found = self._score(stems[start : start + WINDOW], shortcuts)
            if found is None:
                continue
            lean = self.lean(found)
            if best is None or lean > best[0]:
                best = (lean, found)
        return best[1] if best else None

    def _score(self, stems: list[str], shortcuts: bool = True) -> Nearest | None:
        """The nearest examples of each kind, or None when the nearest disclosures are not close enough."""
        query = weigh(features(stems), self.idf)
        if not query:
            return None
        k = self.settings.k
        if shortcuts and not self._may_be_close(query):
            return None
        labels = self.labels
        near_disclosures = heapq.nlargest(
            k, ((s, labels[d]) for d, s in self._totals(query, self.disclosure_postings).items())
        )
        if sum(s for s, _ in near_disclosures) / k < self.settings.min_similarity:
            return None
        near_ordinary = heapq.nlargest(k, self._totals(query, self.ordinary_postings).values())
        return Nearest(near_disclosures, near_ordinary)

    def _may_be_close(self, query: dict[str, float]) -> bool:
        """Whether the k nearest disclosures could reach `min_similarity`, by an upper bound (cheaply).

        The k nearest share at most the k largest weights of each feature, and no weight is negative, so
        their summed cosines cannot exceed the sum of those. When that bound is not enough, the features
        found in few disclosures are scored exactly and only the common ones ("my", "and") are bounded.
        A little is allowed for rounding: a message near the line is always scored in full.
        """
        k, top = self.settings.k, self.top_k_weight
        floor = self.settings.min_similarity * k - 1e-9
        if sum(weight * top.get(f, 0.0) for f, weight in query.items()) < floor:
            return False
        postings = self.disclosure_postings
        rare = {f: weight for f, weight in query.items() if len(postings.get(f, ())) <= RARE_POSTINGS}
        common = sum(weight * top.get(f, 0.0) for f, weight in query.items() if f not in rare)
        return sum(heapq.nlargest(k, self._totals(rare, postings).values())) + common >= floor

    @staticmethod
    def _totals(query: dict[str, float], postings: dict[str, list[tuple[int, float]]]) -> dict[int, float]:
        totals: dict[int, float] = {}
        for feature, weight in query.items():
            for doc, doc_weight in postings.get(feature, ()):
                totals[doc] = totals.get(doc, 0.0) + weight * doc_weight
        return totals

    def lean(self, found: Nearest) -> float:
        """How much closer the nearest disclosures are than the nearest ordinary messages (mean of k)."""
        k = self.settings.k
        return (sum(s for s, _ in found.disclosures) - sum(found.ordinary)) / k

    def margin_for(self, said: list[str]) -> float:
        """The margin a message must clear: a short or a very long one needs more. A short message's few
        words share a word or two with a disclosure by chance ("scared of my sats"), while what a short
        disclosure says is mostly caught by the patterns; a very long one (a forum post, an e-mail) meets
        some disclosure in one of its many stretches. Messages between keep the lower margin, which wording
        nobody has written a rule for needs (docs/safeguarding-notes.md has the measurements)."""
        words = sum(1 for word in said if word)
        if self.settings.short_words and words < self.settings.short_words:
            return max(self.settings.margin, self.settings.short_margin)
        if self.settings.long_words and words >= self.settings.long_words:
            return max(self.settings.margin, self.settings.long_margin)
        return self.settings.margin

    def classify_words(
        self, said: list[str], *, shortcuts: bool = True
    ) -> tuple[list[str], float, float] | None:
        """(categories of the nearest disclosures, most votes first; closeness; lean), or None if ordinary.

        `said` is the message as the detector read it: folded words, spellings applied, "" where skipped.
        `shortcuts=False` scores every window against the disclosures even when the bound says it is too far.
        """
        found = self.nearest(said, shortcuts=shortcuts)
        if found is None or not found.disclosures:
            return None
        k = self.settings.k
        closeness = sum(s for s, _ in found.disclosures) / k
        lean = self.lean(found)
        if closeness < self.settings.min_similarity or lean < self.margin_for(said):
            return None
        votes: dict[str, float] = {}
        for score, category in found.disclosures:
            votes[category] = votes.get(category, 0.0) + score
        return sorted(votes, key=lambda c: -votes[c]), closeness, lean
