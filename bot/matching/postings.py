"""Which classes and examples have each word, as flat arrays: a question's scores for every class it reaches.

The lexical matcher scores a class by its best example's cosine, blended with how much of the question the
class's words cover, and looks only at classes whose upper bounds say they could matter. Doing that one
class at a time in Python cost most of a question's time once the knowledge was many times the bundled size
(an everyday word such as "school" reaches thousands of topics there). Here the bounds and the scores are a
few numpy operations over the postings of the question's words, summed in the question's word order.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

EXAMPLE_WEIGHT = 0.75  # best single example vs the class's whole vocabulary

Candidate = tuple[str, float, float, float]
"""A class whose bounds reach the floor asked for: key, loose bound (from the coverage alone: what orders
the candidates), tight bound (from each word's peak in the class's examples) and score (EXAMPLE_WEIGHT ·
its best example's cosine + (1 − EXAMPLE_WEIGHT) · the coverage). Plain tuples: there can be thousands."""


class Inverted:
    """word id → the items (classes, examples or rules) that have the word, each with a value."""

    def __init__(self, words: int, word: np.ndarray, item: np.ndarray, value: np.ndarray) -> None:
        """`words`: how many word ids; `word`, `item`, `value`: one posting each (their order within a
        word is kept)."""
        import numpy as np  # imported with the first index, not with the module

        order = np.argsort(word, kind="stable")
        self.items = item[order].astype(np.int32)
        self.values = value[order].astype(np.float64)
        self.offsets: list[int] = [0, *np.cumsum(np.bincount(word, minlength=words)).tolist()]

    def total(self, ids: Sequence[int], factors: Sequence[float], size: int, by_value: bool) -> np.ndarray:
        """Per item, Σ over the words `ids` it has (in that order) of the word's factor (× its value)."""
        import numpy as np

        spans = [(self.offsets[i], self.offsets[i + 1]) for i in ids]
        if not spans:
            return np.zeros(size)
        index = np.concatenate([self.items[a:b] for a, b in spans])
        if by_value:
            weights = np.concatenate([f * self.values[a:b] for f, (a, b) in zip(factors, spans, strict=True)])
        else:
            weights = np.repeat(np.asarray(factors, dtype=np.float64), [b - a for a, b in spans])
        return np.bincount(index, weights=weights, minlength=size)


class Postings:
    """The classes' examples (idf-weighted word vectors) indexed by word, for scoring and bounding classes."""

    def __init__(
        self, examples: Sequence[tuple[str, list[str]]], idf: Mapping[str, float], topics: Collection[str]
    ) -> None:
        """`examples`: (class, an example's words); `idf`: each word's weight; `topics`: the topics."""
        import numpy as np

        self._np = np
        grouped: dict[str, list[list[str]]] = {}
        for key, words in examples:
            if words:
                grouped.setdefault(key, []).append(words)
        self.keys = list(grouped)
        self.ids: dict[str, int] = {}
        word, owner, weight = array("i"), array("i"), array("d")
        norms: list[float] = []
        starts: list[int] = []
        for key in self.keys:
            starts.append(len(norms))
            for words in grouped[key]:
                distinct = list(dict.fromkeys(words))
                weights = [idf[w] for w in distinct]
                word.extend(self.ids.setdefault(w, len(self.ids)) for w in distinct)
                owner.extend([len(norms)] * len(distinct))
                weight.extend(weights)
                norms.append(math.sqrt(sum(w * w for w in weights)))
        self._norms = np.array(norms, dtype=np.float64)
        self._starts = np.array(starts, dtype=np.intp)
        word_ids, example = np.frombuffer(word, dtype=np.int32), np.frombuffer(owner, dtype=np.int32)
        self._examples = Inverted(len(self.ids), word_ids, example, np.frombuffer(weight, dtype=np.float64))
        self._classes = self._peaks(word_ids, example, np.frombuffer(weight, dtype=np.float64))
        order = sorted(range(len(self.keys)), key=self.keys.__getitem__)
        self._rank = np.empty(len(self.keys), dtype=np.intp)
        self._rank[order] = np.arange(len(self.keys))
        self._topic = np.array([key in topics for key in self.keys], dtype=bool)
        self._key_array = np.array(self.keys, dtype=object)

    def _peaks(self, word: np.ndarray, example: np.ndarray, weight: np.ndarray) -> Inverted:
        """Per word and class, the most the word adds to one of the class's examples' cosine (weight / its
        length): the tight bound's postings."""
        np = self._np
        sizes = np.diff(np.append(self._starts, len(self._norms)))
        cls = np.repeat(np.arange(len(self.keys), dtype=np.int32), sizes)[example]
        # Sorted by word, then class: each run of one (word, class) pair becomes one posting.
        order = np.lexsort((cls, word))
        word, cls, value = word[order], cls[order], weight[order] / self._norms[example[order]]
        del order
        first = np.flatnonzero(np.r_[True, (word[1:] != word[:-1]) | (cls[1:] != cls[:-1])])
        peak = np.maximum.reduceat(value, first) if len(first) else value
        return Inverted(len(self.ids), word[first], cls[first], peak)

    def candidates(
        self, query: dict[str, float], norm2: float, common: Collection[str], floor: float
    ) -> tuple[Iterator[Candidate], list[Candidate]]:
        """The topics, and the other classes, that a word of the question outside `common` reaches and
        whose bounds both reach `floor`; topics ordered by loose bound then key, both descending.

        A class's score is EXAMPLE_WEIGHT·cos + (1 − EXAMPLE_WEIGHT)·covered/|q|², where covered is the
        Σ q² of the question's words the class has and cos its best example's cosine with the question;
        cos is at most √covered/|q| (loose bound) and at most Σ q·peak/|q| (tight bound).
        """
        np = self._np
        size = len(self.keys)
        known = [w for w in query if w in self.ids]
        if not known:
            return iter(()), []
        ids = [self.ids[w] for w in known]
        bring = [(self.ids[w], query[w] * query[w]) for w in known if w not in common]
        shared = [(self.ids[w], query[w] ** 2) for w in common if w in self.ids]
        covered = self._classes.total(*_unzip(bring), size, by_value=False)
        reached = covered > 0
        covered = covered + self._classes.total(*_unzip(shared), size, by_value=False)
        norm = math.sqrt(norm2)
        share = (1 - EXAMPLE_WEIGHT) * covered / norm2
        loose = EXAMPLE_WEIGHT * np.minimum(1.0, np.sqrt(covered) / norm) + share
        cosine = self._classes.total(ids, [query[w] for w in known], size, by_value=True) / norm
        tight = EXAMPLE_WEIGHT * np.minimum(1.0, cosine) + share
        chosen = np.flatnonzero(reached & (loose >= floor) & (tight >= floor))
        if not len(chosen):
            return iter(()), []
        chosen = chosen[np.lexsort((self._rank[chosen], loose[chosen]))[::-1]]
        score = np.zeros(size)
        score[chosen] = EXAMPLE_WEIGHT * self._best_cosine(query, known, ids)[chosen] / norm + share[chosen]
        topic = self._topic[chosen]
        others = list(self._listed(chosen[~topic], loose, tight, score))
        return self._listed(chosen[topic], loose, tight, score), others

    def _listed(
        self, chosen: np.ndarray, loose: np.ndarray, tight: np.ndarray, score: np.ndarray
    ) -> Iterator[Candidate]:
        keys = self._key_array[chosen].tolist()
        return zip(keys, loose[chosen].tolist(), tight[chosen].tolist(), score[chosen].tolist(), strict=True)

    def _best_cosine(self, query: dict[str, float], known: list[str], ids: list[int]) -> np.ndarray:
        """Per class, the largest q·example / |example| over its examples (|q| times the cosine)."""
        np = self._np
        dots = self._examples.total(ids, [query[w] for w in known], len(self._norms), by_value=True)
        return np.maximum.reduceat(dots / self._norms, self._starts)


def _unzip(pairs: list[tuple[int, float]]) -> tuple[list[int], list[float]]:
    return [i for i, _ in pairs], [f for _, f in pairs]
