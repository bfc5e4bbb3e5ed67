"""The bundled (example) Complaints Procedure: answered side by side with the Social Media Policy, each
"not satisfied" question pointing to the right stage, and clearly marked as an example to replace."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.cli.evaluate import evaluate, load_question_set
from bot.common.text import fold
from bot.config import Config
from bot.core.engine import Engine
from tests.conftest import leading_topic

QUESTIONS = Path(__file__).parent / "complaints_questions.yaml"


@pytest.mark.parametrize(
    ("question", "topic", "section"),
    [
        (
            "what if i'm not satisfied with the class teacher's response",
            "complaints_not_satisfied_teacher",
            "The informal stage: speaking to the class teacher",
        ),
        (
            "I'm not satisfied with the headteacher's reply to my complaint",
            "complaints_stage_two",
            "Stage 2: the governors' complaints panel",
        ),
        (
            "still not satisfied after the governors panel",
            "complaints_after_panel",
            "If you are still not satisfied",
        ),
        (
            "my complaint is about the head",
            "complaints_about_headteacher",
            "Complaints about the headteacher or a governor",
        ),
    ],
)
def test_not_satisfied_questions_point_to_the_next_stage(
    engine: Engine, question: str, topic: str, section: str
) -> None:
    reply = engine.ask(question, "parent")
    assert (reply.action, reply.topic, reply.section, reply.policy) == (
        "answer",
        topic,
        section,
        "Complaints Procedure",
    )


def test_a_complaints_answer_says_the_procedure_is_an_example(engine: Engine) -> None:
    reply = engine.ask("my complaint is about the head", "parent")
    assert "Complaints Procedure (an example policy), section" in reply.text
    assert "chair of governors" in reply.text.lower()


def test_social_media_answers_keep_their_topic_ids_and_name_their_policy(engine: Engine) -> None:
    reply = engine.ask("can i post pics of the nativity on fb", "parent")
    assert (reply.topic, reply.policy) == ("parents_photos", "Social Media Policy")


def test_the_concern_confirmation_names_the_complaints_route(config: Config) -> None:
    office = dataclasses.replace(config.office, telegram_chat_ids=[-1001234567890])
    engine = Engine.load(dataclasses.replace(config, office=office))
    text = engine.renderer.message("concern_sent", reference="MM-2026-0001").text
    assert "Stage 1 of the Complaints Procedure" in text


def test_complaints_question_set_covers_every_topic_and_copies_no_example(engine: Engine) -> None:
    questions = load_question_set(QUESTIONS).questions
    topics = {t.id for t in engine.knowledge.topics.values() if t.policy == "complaints"}
    assert {q.expect for q in questions} == topics
    examples = {fold(e) for t in engine.knowledge.topics.values() for e in t.examples}
    assert [q.text for q in questions if fold(q.text) in examples] == []


def test_complaints_question_set_is_mostly_answered_right(engine: Engine) -> None:
    # First measured at 0.75 top-1 on questions written apart from the topics' examples.
    report = evaluate(engine, load_question_set(QUESTIONS))
    assert report.top1_accuracy >= 0.7, report.top1_accuracy
    assert report.wrong_answer_rate <= 0.1, report.wrong_answer_rate


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What's the complaints procedure?", "complaints_procedure"),
        ("what is the complaints process at this school", "complaints_procedure"),
        # round 12: the wish to complain first, then a sentence that asks how
        ("I want to complain about the chair of governors. Who deals with it?", "complaints_about_governor"),
        ("i want to complain about one of the governors. who handles that", "complaints_about_governor"),
    ],
)
def test_asking_how_complaints_work_is_answered_from_the_procedure_with_a_person_offered(
    engine: Engine, question: str, topic: str
) -> None:
    reply = engine.ask(question, role="parent")
    assert (reply.action, reply.topic) == ("answer", topic), reply
    assert "fwd" in [option.payload for option in reply.options]


@pytest.mark.parametrize(
    "message",
    [
        "I want to make a complaint",
        "can someone ring me about my complaint",
        "I'd like to make a formal complaint about the head please",
    ],
)
def test_wanting_to_complain_is_still_forwarded(engine: Engine, message: str) -> None:
    assert engine.ask(message, role="parent").action == "forward"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("can we send a complaint in with no names on it?", "complaints_anonymous"),
        ("will the school look at a letter that's unsigned?", "complaints_anonymous"),
        ("what happens at the governors hearing for my complaint?", "complaints_panel_meeting"),
        ("is there a complaints hearing with the governors, and who is there?", "complaints_panel_meeting"),
    ],
)
def test_a_complaint_sent_without_names_or_a_governors_hearing_ranks_its_section_first(
    engine: Engine, text: str, topic: str
) -> None:
    # Round 10 (blind set 12): "unsigned" and "without names" are an anonymous complaint, and "the governors'
    # hearing" is the panel (knowledge/language.yaml); before, other complaints sections ranked first.
    reply = engine.ask(text, "parent")
    assert leading_topic(reply) == topic, (reply.action, reply.topic, [a.topic for a in reply.alternatives])
