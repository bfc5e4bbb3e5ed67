"""The safeguarding check's third layer: a long message close in meaning to the example disclosures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine, meaning_layer
from bot.matching.semantic import load_embedder
from bot.safeguarding.detector import SafeguardingDetector
from bot.safeguarding.examples import EXAMPLES_FILE
from bot.safeguarding.meaning import MAX_EXAMPLES, MeaningSettings, _spread

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

# Neglect told as a story: no rule's wording and too few shared words for the similarity layer.
UNLIKE_ANY_RULE = (
    "There's a girl in my son's class who hasn't been collected on time once this month and she told the "
    "club she eats crisps for dinner most nights and puts herself to bed."
)


@pytest.fixture(scope="module")
def patterns_and_examples() -> SafeguardingDetector:
    return SafeguardingDetector.from_file(KNOWLEDGE / "safeguarding.yaml")


def test_a_long_disclosure_worded_unlike_any_rule_or_example_is_found_by_its_meaning(
    patterns_and_examples: SafeguardingDetector, engine: Engine
) -> None:
    assert patterns_and_examples.detect(UNLIKE_ANY_RULE, role="parent") is None
    found = engine.detector.detect(UNLIKE_ANY_RULE, role="parent")
    assert found is not None and found.route == "dsl"
    assert found.matched.startswith("close in meaning to the example disclosures")


def test_a_short_message_is_never_judged_by_its_meaning_alone() -> None:
    embedder = load_embedder()
    assert embedder is not None
    layer = meaning_layer(KNOWLEDGE / EXAMPLES_FILE, embedder)
    assert layer is not None and layer.settings == MeaningSettings(threshold=0.88, min_words=20)
    detector = SafeguardingDetector.from_file(KNOWLEDGE / "safeguarding.yaml")
    detector.attach_meaning(layer)
    short = "she told the club she eats crisps for dinner and puts herself to bed"
    assert layer.probability(short) >= layer.settings.threshold  # close in meaning, but 14 words
    assert detector.detect(short, role="parent") is None


def test_the_layer_is_off_when_the_sentence_model_is_switched_off(words_only_engine: Engine) -> None:
    assert words_only_engine.detector.meaning is None
    assert words_only_engine.detector.detect(UNLIKE_ANY_RULE, role="parent") is None


def test_a_large_knowledge_base_is_fitted_on_a_bounded_sample() -> None:
    texts = [f"an ordinary message number {i}" for i in range(MAX_EXAMPLES * 3 + 7)]
    sample = _spread(texts)
    assert len(sample) == MAX_EXAMPLES and sample[0] == texts[0] and len(set(sample)) == MAX_EXAMPLES
    assert _spread(texts[:10]) == texts[:10]
