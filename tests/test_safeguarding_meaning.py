"""The safeguarding check's third layer: a long message close in meaning to the example disclosures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.engine import Engine, meaning_layer
from bot.matching.semantic import load_embedder
from bot.safeguarding.detector import SafeguardingDetector
from bot.safeguarding.meaning import MAX_EXAMPLES, MeaningSettings, _spread

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

# A child afraid to go home, told as a story: no rule's wording, few words shared with the examples.
UNLIKE_ANY_RULE = (
    "Since his mum's boyfriend moved in he has stopped wanting to go home at the end of the day and hides in "
    "the toilets when it is time for pick up, he won't say why."
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
    detector = SafeguardingDetector.from_file(KNOWLEDGE / "safeguarding.yaml")
    layer = meaning_layer(KNOWLEDGE, embedder, detector.by_id)
    assert layer is not None and layer.settings == MeaningSettings(threshold=0.88, min_words=20)
    detector.attach_meaning(layer)
    short = "he hides under the bed when his stepdad shouts"  # 9 words
    assert detector.detect(short, role="parent") is None
    layer.settings = MeaningSettings(threshold=0.5, min_words=20)
    assert layer.probability(short) >= 0.5 and detector.detect(short, role="parent") is None
    layer.settings = MeaningSettings(threshold=0.5, min_words=5)  # the same message, were short ones judged
    assert detector.detect(short, role="parent") is not None


def test_the_layer_is_off_when_the_sentence_model_is_switched_off(words_only_engine: Engine) -> None:
    assert words_only_engine.detector.meaning is None
    assert words_only_engine.detector.detect(UNLIKE_ANY_RULE, role="parent") is None


def test_a_large_knowledge_base_is_fitted_on_a_bounded_sample() -> None:
    texts = [f"an ordinary message number {i}" for i in range(MAX_EXAMPLES * 3 + 7)]
    sample = _spread(texts)
    assert len(sample) == MAX_EXAMPLES and sample[0] == texts[0] and len(set(sample)) == MAX_EXAMPLES
    assert _spread(texts[:10]) == texts[:10]
