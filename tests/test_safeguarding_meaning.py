"""The safeguarding check's third layer: a long message close in meaning to the example disclosures."""

from __future__ import annotations

import shutil
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
    assert layer is not None and layer.settings == MeaningSettings(threshold=0.85, min_words=20)
    detector.attach_meaning(layer)
    # 8 words; round 17 made "he hides under the bed when his stepdad shouts" a rule of its own
    short = "he goes quiet whenever his stepdad comes home"
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


def test_meaning_only_examples_teach_the_meaning_layer_and_are_not_compared_by_the_similarity_layer(
    tmp_path: Path,
) -> None:
    embedder = load_embedder()
    assert embedder is not None
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    examples = folder / "safeguarding_examples.yaml"
    text = examples.read_text(encoding="utf-8")
    told = "the purple giraffe hums quietly beside the old lighthouse"  # no rule or example is like it
    at = text.index("meaning_only:")  # a list item of the layer's own examples, and of the compared ones
    as_meaning_only = text[:at] + text[at:].replace("    abuse:\n", f'    abuse:\n      - "{told}"\n', 1)
    assert as_meaning_only != text
    examples.write_text(as_meaning_only, encoding="utf-8")
    detector = SafeguardingDetector.from_file(folder / "safeguarding.yaml")
    assert detector.detect(told, role="parent") is None  # the similarity layer does not compare with it
    before = meaning_layer(KNOWLEDGE, embedder, detector.by_id)
    after = meaning_layer(folder, embedder, detector.by_id)
    assert before is not None and after is not None
    assert after.probability(told) > before.probability(told) + 0.01  # one example among thousands
    compared = text.replace("\n  abuse:\n", f'\n  abuse:\n    - "{told}"\n', 1)
    examples.write_text(compared, encoding="utf-8")
    found = SafeguardingDetector.from_file(folder / "safeguarding.yaml").detect(told, role="parent")
    assert found is not None  # the same example in `disclosures:` is compared, and found


def test_an_unknown_category_among_the_meaning_only_examples_is_reported_with_its_line(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    examples = folder / "safeguarding_examples.yaml"
    text = examples.read_text(encoding="utf-8")
    examples.write_text(
        text.replace(
            "meaning_only:\n  disclosures:\n", 'meaning_only:\n  disclosures:\n    bullyng: ["x y z"]\n', 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(Exception) as raised:
        SafeguardingDetector.from_file(folder / "safeguarding.yaml")
    assert "meaning_only.disclosures.bullyng" in str(raised.value) and "unknown category" in str(raised.value)


# Not flagged by any layer, but near the example disclosures in meaning (our own wording).
NEAR = [
    "Sorry to message so late. Her older cousin has been looking after her after school since September and "
    "she has started refusing to go, she hides her phone from me and she screams when I mention him.",
    "Not sure who to ask about this. A man who isn't a parent has been waiting by the side gate at home time "
    "this week and chatting to some of the year five girls, giving them sweets, and he asked my daughter "
    "where she lives.",
]
ORDINARY_LONG = [
    "Can I post photos of the school nativity play on my Facebook page if other children are in them too, or "
    "do I need to ask their parents first before sharing anything?",
    "I am a new teaching assistant and I would like to know whether I am allowed to accept friend requests "
    "on Facebook from the parents of children in my class this year.",
]


@pytest.mark.parametrize("text", NEAR)
def test_a_message_near_the_disclosures_in_meaning_is_not_flagged_but_offered(
    engine: Engine, text: str
) -> None:
    assert engine.detector.detect(text, role="parent") is None
    assert engine.detector.assess(text).near
    assert engine.detector.offered(text).route == "dsl"


@pytest.mark.parametrize("text", ORDINARY_LONG)
def test_an_ordinary_policy_question_gets_no_offer(engine: Engine, text: str) -> None:
    assert engine.detector.detect(text, role="parent") is None
    assert not engine.detector.assess(text).near


def test_the_offer_needs_the_meaning_layer_and_twenty_words_as_written(
    engine: Engine, words_only_engine: Engine
) -> None:
    assert not words_only_engine.detector.assess(NEAR[0]).near
    short = "her cousin looks after her and now she screams when I mention him"  # 13 words
    assert engine.detector.meaning is not None and engine.detector.meaning.probability(short) > 0
    assert not engine.detector.assess(short).near
    # 18 words as written, 20 as read ("he's" is two): near in meaning, but too short for the offer
    nearly = (
        "He's been really quiet since the weekend and he's crying at bedtime, he won't tell me what's wrong."
    )
    assert engine.detector.meaning.probability(nearly) >= engine.detector.meaning.settings.offer
    assert not engine.detector.assess(nearly, role="parent").near


def test_the_offer_is_turned_off_with_1_and_a_value_above_the_threshold_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, folder)
    examples = folder / "safeguarding_examples.yaml"
    text = examples.read_text(encoding="utf-8")
    embedder = load_embedder()
    assert embedder is not None
    examples.write_text(text.replace("  offer: 0.4\n", "  offer: 1\n", 1), encoding="utf-8")
    detector = SafeguardingDetector.from_file(folder / "safeguarding.yaml")
    detector.attach_meaning(meaning_layer(folder, embedder, detector.by_id))
    assert not detector.assess(NEAR[0]).near
    examples.write_text(text.replace("  offer: 0.4\n", "  offer: 0.9\n", 1), encoding="utf-8")
    with pytest.raises(Exception) as raised:
        SafeguardingDetector.from_file(folder / "safeguarding.yaml")
    assert "meaning.offer" in str(raised.value) and "at most `threshold`" in str(raised.value)
