"""Which class a sentence vector belongs to, learned from all of each class's examples at once.

The nearest single example (a cosine) is a noisy judge: one stray example of a neighbouring topic can sit
closer to a question than the twenty that describe its own topic. A linear discriminant looks at where each
class's examples lie as a group and which directions separate classes: each class is its mean vector, the
space is whitened by the examples' shared within-class covariance (shrunk towards a multiple of the identity,
so a few dozen examples a class are enough), and a question's score for a class is the usual LDA
discriminant. A softmax over the scores gives a posterior, so one class is likely only when the others are
not. Fitting is closed-form (one d×d inverse), a few milliseconds for the bundled knowledge.

Measured on the development sets (top-1 of the meaning alone, wordllama 256-d vectors): nearest example
0.70 / 0.59 / 0.68 on questions.yaml / blind2 / blind3; this discriminant 0.86 / 0.80 / 0.86; a multinomial
logistic regression trained by gradient descent was about as good (better on one set, worse on another) and
took a second to fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SHRINKAGE = 0.15
"""How far the covariance is pulled towards a multiple of the identity (0.05–0.3 were close)."""
TEMPERATURE = 8.0
"""Divides the discriminant scores before the softmax: their raw differences are large (tens), and a
posterior that is all-or-nothing would swamp the words' side of the fused score."""
_COVARIANCE_SAMPLE = 20_000
"""At most this many examples estimate the covariance (a knowledge base many times the bundled one)."""


class Discriminant:
    """Linear discriminant over unit sentence vectors grouped into classes (rows start..end per class)."""

    def __init__(self, vectors: np.ndarray, bounds: Sequence[tuple[int, int]]) -> None:
        import numpy as np

        self._np = np
        means = np.stack([vectors[start:end].mean(axis=0) for start, end in bounds])
        self.means = means  # (classes, dim); the semantic shortlist's centroids are these, made unit length
        owner = np.repeat(np.arange(len(bounds)), [end - start for start, end in bounds])
        step = max(1, len(vectors) // _COVARIANCE_SAMPLE)
        residuals = (vectors - means[owner])[::step].astype(np.float64)
        dim = vectors.shape[1]
        covariance = residuals.T @ residuals / max(1, len(residuals))
        covariance = (1 - SHRINKAGE) * covariance + SHRINKAGE * np.eye(dim) * np.trace(covariance) / dim
        weights = means @ np.linalg.inv(covariance)
        self._weights = weights.astype(np.float32)  # (classes, dim)
        self._bias = (-0.5 * np.sum(weights * means, axis=1)).astype(np.float32)

    def posteriors(self, queries: np.ndarray) -> np.ndarray:
        """(n, classes): for each unit query vector, how likely each class is (rows sum to 1)."""
        np = self._np
        scores = np.einsum("id,cd->ic", queries, self._weights) + self._bias
        scores = scores / TEMPERATURE
        scores -= scores.max(axis=1, keepdims=True)
        odds = np.exp(scores)
        return odds / odds.sum(axis=1, keepdims=True)
