"""The meaning side judges a class by all its examples, not by its single nearest one."""

from __future__ import annotations

import numpy as np

from bot.matching.discriminant import Discriminant


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_stray_example_of_another_class_does_not_win_the_question() -> None:
    rng = np.random.default_rng(3)
    dim = 16
    a_centre, b_centre = np.eye(dim)[0], np.eye(dim)[1]
    a = a_centre + 0.25 * rng.standard_normal((30, dim))
    b = b_centre + 0.25 * rng.standard_normal((30, dim))
    query = _unit((a_centre + 0.35 * b_centre + 0.05 * rng.standard_normal(dim))[None, :])
    b[0] = query[0] + 0.01 * rng.standard_normal(dim)  # one of B's examples happens to sit on the question
    vectors = _unit(np.vstack([a, b]))
    nearest = int(np.argmax(vectors @ query[0]))
    assert nearest >= 30, "the nearest single example is B's stray one"
    posterior = Discriminant(vectors, [(0, 30), (30, 60)]).posteriors(query)[0]
    assert posterior[0] > posterior[1]


def test_posteriors_are_probabilities_over_the_classes() -> None:
    rng = np.random.default_rng(5)
    vectors = _unit(rng.standard_normal((40, 8)))
    posteriors = Discriminant(vectors, [(0, 10), (10, 25), (25, 40)]).posteriors(vectors[:4])
    assert posteriors.shape == (4, 3)
    assert np.allclose(posteriors.sum(axis=1), 1.0) and (posteriors >= 0).all()
