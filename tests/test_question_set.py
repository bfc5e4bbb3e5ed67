"""The development question set meets its bar through `policybot eval`, and is honest about its wording."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from bot.cli.evaluate import SPECIAL, evaluate, format_report, load_question_set
from bot.common.text import fold
from bot.config import BUNDLED_KNOWLEDGE
from bot.core.engine import Engine
from bot.knowledge.loading import load_knowledge
from tests.conftest import run_cli

QUESTIONS = Path(__file__).parent / "questions.yaml"


def test_eval_meets_accuracy_rejection_and_wrong_answer_thresholds() -> None:
    result = run_cli(
        "eval", str(QUESTIONS), "--min-accuracy", "0.90", "--min-rejection", "0.90", "--max-wrong", "0.05"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"top-1 accuracy:\s+0\.9\d\d|top-1 accuracy:\s+1\.000", result.stdout)


def test_eval_fails_when_a_threshold_is_not_met() -> None:
    result = run_cli("eval", str(QUESTIONS), "--min-accuracy", "1.01")
    assert result.returncode == 1
    assert "FAIL: top-1 accuracy" in result.stdout


def test_forward_and_smalltalk_requests_are_recognised(engine: Engine) -> None:
    report = evaluate(engine, load_question_set(QUESTIONS))
    assert report.special_accuracy("forward") >= 0.9, format_report(report)
    assert report.special_accuracy("smalltalk") >= 0.9, format_report(report)


def test_question_set_covers_every_topic_and_role_with_enough_out_of_scope_and_forward() -> None:
    questions = load_question_set(QUESTIONS).questions
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    expects = Counter(q.expect for q in questions)
    assert len(questions) >= 150
    # This set is the Social Media Policy's; the Complaints Procedure has tests/complaints_questions.yaml.
    assert {t.id for t in knowledge.topics.values() if t.policy == "social-media"} <= set(expects)
    assert set(expects) <= set(knowledge.topics) | set(SPECIAL)
    assert expects["out_of_scope"] >= 30
    assert expects["forward"] >= 10
    assert {q.role for q in questions} >= {"parent", "staff", "pupil"}


def test_no_question_appears_verbatim_among_the_knowledge_examples() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    examples = {fold(e) for t in knowledge.topics.values() for e in t.examples}
    examples |= {fold(e) for i in knowledge.intents.values() for e in i.examples}
    examples |= {fold(e) for e in knowledge.out_of_scope}
    copied = [q.text for q in load_question_set(QUESTIONS).questions if fold(q.text) in examples]
    assert copied == []
