"""The third layer: a long message close in meaning to the example disclosures, though its words are not.

The patterns catch wording someone wrote a rule for, and the similarity layer wording that shares words with
the labelled examples. Neither catches a long message that says the same thing in other words ("she's up in
the night looking after mam because mam has the shakes"). This layer reads a message's meaning with the
sentence model the matcher uses (passed in by the engine: this room does not load models) and weighs it with
a logistic regression fitted on the examples file: its disclosures against its ordinary messages and the
knowledge's topic and intent examples. It runs only when neither other layer fired, and only on messages of
`min_words` or more: every disclosure it alone caught on fresh blind sets was long, while short everyday chat
is where a meaning model errs. Measured in docs/safeguarding-notes.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.common import cache as startup_cache

if TYPE_CHECKING:
    import numpy as np

    from bot.safeguarding.examples import ExampleTexts

Embed = Callable[[Sequence[str]], "np.ndarray"]

_KIND = "safeguarding-meaning"  # the fitted weights in the start-up cache
_STEPS = 12  # Newton steps: the fit has converged long before (changes under 1e-6)
_RIDGE = 1.0  # L2 penalty on the weights (not the bias), so a few hundred examples a side are enough
MAX_EXAMPLES = 4000
"""At most this many examples a side are fitted on, taken evenly through the list. A knowledge base many
times the bundled one has tens of thousands of topic examples: fitting on all of them cost seconds and
hundreds of MiB, for nothing a few thousand do not give (the bundled knowledge has about 700 disclosures and
1,500 ordinary messages)."""


@dataclass(frozen=True)
class MeaningSettings:
    """When a message's meaning alone raises an alert (knowledge/safeguarding_examples.yaml, `meaning:`)."""

    threshold: float = 0.85
    """The probability of "disclosure" a message must reach (0..1)."""
    min_words: int = 20
    """Shorter messages are left to the other two layers."""
    offer: float = 0.4
    """From this probability up to `threshold`, the message is not flagged, but the reply offers to alert the
    safeguarding team (a button): it does not interrupt the person. 1 turns the offer off."""


class MeaningLayer:
    """A logistic regression over unit sentence vectors: disclosure (1) against ordinary (0)."""

    def __init__(self, weights: np.ndarray, embed: Embed, settings: MeaningSettings, name: str) -> None:
        self._weights = weights  # one per dimension, then the bias
        self._embed = embed
        self.settings = settings
        self.name = name

    @classmethod
    def load(
        cls, knowledge: Path, read: Callable[[], ExampleTexts | None], *, embed: Embed, name: str
    ) -> MeaningLayer | None:
        """The layer for a knowledge folder and a model (`name`), fitted on the texts `read` gives, or None
        when they have no disclosures or no ordinary messages.

        Its settings and fitted weights are kept in the start-up cache under the bytes of every knowledge
        file (as the compiled rules are, safeguarding/stored.py): a start with nothing changed reads them
        back without reading or embedding the examples at all.
        """
        import numpy as np

        key = startup_cache.fingerprint(f"{_KIND} {name}", knowledge, __file__)
        kept = startup_cache.load(_KIND, key)
        if isinstance(kept, tuple) and len(kept) == 4 and isinstance(kept[3], bytes) and kept[3]:
            threshold, min_words, offer, weights = kept
            settings = MeaningSettings(threshold, min_words, offer)
            return cls(np.frombuffer(weights, dtype=np.float64).copy(), embed, settings, name)
        texts = read()
        if texts is None or not texts.disclosures or not texts.ordinary:
            return None
        disclosures, ordinary = _spread(texts.disclosures), _spread(texts.ordinary)
        vectors = _unit(embed([*disclosures, *ordinary]))
        labels = np.r_[np.ones(len(disclosures)), np.zeros(len(ordinary))]
        weights = _logistic(vectors, labels)
        settings = texts.meaning
        startup_cache.save(
            _KIND, key, (settings.threshold, settings.min_words, settings.offer, weights.tobytes())
        )
        return cls(weights, embed, settings, name)

    def probability(self, text: str) -> float:
        """How likely the message is a disclosure, by its meaning (0..1)."""
        import numpy as np

        vector = _unit(self._embed([text]))[0]
        if not np.any(vector):
            return 0.0
        return float(1 / (1 + np.exp(-(vector @ self._weights[:-1] + self._weights[-1]))))


def _spread(texts: Sequence[str]) -> list[str]:
    """At most MAX_EXAMPLES of the texts, taken evenly through them (every one when there are fewer)."""
    if len(texts) <= MAX_EXAMPLES:
        return list(texts)
    step = len(texts) / MAX_EXAMPLES
    return [texts[int(i * step)] for i in range(MAX_EXAMPLES)]


def _unit(vectors: np.ndarray) -> np.ndarray:
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)


def _logistic(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; each class weighs as much as the other."""
    import numpy as np

    x = np.c_[x, np.ones(len(x))]
    positives = max(float(y.sum()), 1.0)
    negatives = max(float(len(y) - y.sum()), 1.0)
    balance = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * negatives))
    penalty = np.full(x.shape[1], _RIDGE)
    penalty[-1] = 0.0  # the bias is not penalised
    weights = np.zeros(x.shape[1])
    for _ in range(_STEPS):
        p = 1 / (1 + np.exp(-(x @ weights)))
        gradient = x.T @ (balance * (p - y)) + penalty * weights
        hessian = (x * (balance * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        weights -= np.linalg.solve(hessian, gradient)
    return weights
