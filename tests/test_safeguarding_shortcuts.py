"""The safeguarding check's shortcuts skip only work that could not change its answer.

`detect` tries only the rules filed under the message's own words (bot/safeguarding/triggers.py) and
compares a message with every example disclosure only when an upper bound says it could be close enough
(bot/safeguarding/similarity.py). `detect(text, shortcuts=False)` does all the work; on every labelled
message in tests/ both must give the same answer, and the similarity layer the same nearest examples.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.safeguarding.detector import SafeguardingDetector
from bot.safeguarding.scanning import read

TESTS = Path(__file__).parent
SAFEGUARDING = TESTS.parent / "knowledge" / "safeguarding.yaml"
ORDINARY_AND_DISCLOSURES = sorted((TESTS / "safeguarding").glob("*.yaml"))
SETS = {
    "safeguarding_questions.yaml": ("disclosures", "near_misses"),
    **{f"safeguarding/{p.name}": ("disclosures", "messages", "ordinary") for p in ORDINARY_AND_DISCLOSURES},
    "questions.yaml": ("questions",),
    "real/real_dev.yaml": ("questions",),
    "blind/blind1.yaml": ("questions",),
}


def _texts(name: str) -> list[str]:
    data = yaml.safe_load((TESTS / name).read_text(encoding="utf-8"))
    return [item["text"] for key in SETS[name] for item in data.get(key) or []]


@pytest.fixture(scope="module")
def detector() -> SafeguardingDetector:
    return SafeguardingDetector.from_file(SAFEGUARDING)


@pytest.mark.parametrize("name", sorted(SETS))
def test_shortcuts_never_change_what_is_detected_or_where_it_goes(
    detector: SafeguardingDetector, name: str
) -> None:
    texts = _texts(name)
    assert len(texts) >= 80
    differ = [
        f"{text!r}: {quick} != {full}"
        for text in texts
        if (quick := detector.detect(text)) != (full := detector.detect(text, shortcuts=False))
    ]
    assert differ == [], "\n".join(differ)


@pytest.mark.parametrize("name", sorted(SETS))
def test_shortcuts_never_change_the_nearest_examples(detector: SafeguardingDetector, name: str) -> None:
    similar = detector.similar
    assert similar is not None
    differ = []
    for text in _texts(name):
        msg = read(text, detector.vocabulary, detector.spellings)
        msg.mask(detector.exclude)
        if similar.nearest(msg.words) != similar.nearest(msg.words, shortcuts=False):
            differ.append(text)
    assert differ == [], "\n".join(differ)


def test_a_long_message_is_read_the_same_with_and_without_shortcuts(detector: SafeguardingDetector) -> None:
    texts = _texts("safeguarding_questions.yaml")
    long = " ".join(texts)[:10_000]
    assert detector.detect(long) == detector.detect(long, shortcuts=False) is not None


def test_a_choice_that_may_match_no_words_does_not_stop_a_rule(tmp_path: Path) -> None:
    path = tmp_path / "safeguarding.yaml"
    path.write_text(
        'categories:\n  - id: abuse\n    route: dsl\n    rules: ["dad (really?|badly) hurts me"]\n',
        encoding="utf-8",
    )
    detector = SafeguardingDetector.from_file(path)
    for text in ("my dad hurts me", "my dad badly hurts me", "my dad really hurts me"):
        assert detector.detect(text) is not None, text
        assert detector.detect(text, shortcuts=False) is not None, text
