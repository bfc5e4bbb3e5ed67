"""The bundled knowledge is consistent: sections verbatim, every rule answered, every topic renders."""

from __future__ import annotations

import re

from bot.common.text import fold
from bot.config import BUNDLED_KNOWLEDGE, PROJECT_ROOT, Config
from bot.core.engine import Engine
from bot.knowledge.loading import load_knowledge
from bot.knowledge.render import Renderer

POLICY_TEXT = PROJECT_ROOT.parent / "shared" / "seed" / "social-media-policy.txt"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_section_heading_and_rule_is_verbatim_from_the_policy() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    source = _squash(POLICY_TEXT.read_text(encoding="utf-8")) if POLICY_TEXT.exists() else None
    policy = knowledge.policies["social-media"]
    assert len(policy.sections) == 6
    if source is None:  # the seed lives beside the repository; CI has it
        return
    for section in policy.sections:
        assert _squash(section.heading) in source, section.heading
        for rule in section.rules:
            assert _squash(rule.text) in source, f"{section.id}.{rule.id} is not verbatim"


def test_every_topic_renders_with_the_example_config_and_ends_with_its_section(engine: Engine) -> None:
    for topic in engine.knowledge.topics.values():
        rendered = engine.renderer.answer(topic)
        heading = engine.knowledge.section_of(topic).heading
        assert rendered.text.rstrip().endswith(f"“{heading}”"), topic.id
        for rule in engine.knowledge.rules_of(topic):
            assert rule.text in rendered.text
        assert "{{" not in rendered.text and "{%" not in rendered.text


def test_every_topic_has_enough_varied_examples_and_valid_related_topics(engine: Engine) -> None:
    for topic in engine.knowledge.topics.values():
        assert len({fold(e) for e in topic.examples}) >= 8, topic.id
        assert all(r in engine.knowledge.topics and r != topic.id for r in topic.related), topic.id
        assert len(topic.title) <= 40, topic.id


def test_every_synonym_maps_to_a_word_the_knowledge_uses(engine: Engine) -> None:
    normaliser = engine.matcher.normaliser
    vocabulary = set(engine.matcher.idf) | {
        word
        for intent in engine.knowledge.intents.values()
        for example in intent.examples
        for word in normaliser.tokens(example, correct=False)
    }
    unused = {
        canonical: words
        for canonical in engine.knowledge.language.synonyms
        if not (words := normaliser.tokens(canonical, correct=False)) or not set(words) <= vocabulary
    }
    assert unused == {}


def test_every_topic_answers_its_own_first_example(engine: Engine) -> None:
    for topic in engine.knowledge.topics.values():
        role = next((a for a in topic.audience if a != "any"), "any")
        reply = engine.ask(topic.examples[0], role)
        assert reply.topic == topic.id or (reply.alternatives and reply.alternatives[0].topic == topic.id), (
            topic.id
        )


def test_school_details_come_from_config(config: Config) -> None:
    from dataclasses import replace

    other = replace(config, school=replace(config.school, name="Elm Tree Primary", office_phone="000 111"))
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    renderer = Renderer(knowledge, other)
    assert "Elm Tree Primary" in renderer.message("start").text
    assert "000 111" in renderer.message("contact").text


def test_no_ordinary_policy_question_is_mistaken_for_a_disclosure(engine: Engine) -> None:
    flagged = [
        (topic.id, example)
        for topic in engine.knowledge.topics.values()
        for example in topic.examples
        if engine.detector.detect(example) is not None
    ]
    assert flagged == []
