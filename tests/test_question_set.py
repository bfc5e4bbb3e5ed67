"""The development question set meets its bar through `policybot eval`, and is honest about its wording."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from bot.cli.evaluate import SPECIAL, Report, evaluate, format_report, load_question_set
from bot.common.text import fold
from bot.config import BUNDLED_KNOWLEDGE
from bot.core.engine import Engine
from bot.knowledge.loading import load_knowledge
from tests.conftest import run_cli

QUESTIONS = Path(__file__).parent / "questions.yaml"


@pytest.mark.parametrize("semantic", [True, False], ids=["semantic", "words-only"])
def test_eval_meets_accuracy_rejection_and_wrong_answer_thresholds(
    semantic: bool, words_only_config_file: Path
) -> None:
    config = [] if semantic else ["--config", str(words_only_config_file)]
    result = run_cli(
        "eval",
        str(QUESTIONS),
        *config,
        "--min-accuracy",
        "0.90",
        "--min-rejection",
        "0.90",
        "--max-wrong",
        "0.05",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"top-1 accuracy:\s+0\.9\d\d|top-1 accuracy:\s+1\.000", result.stdout)


def test_eval_fails_when_a_threshold_is_not_met() -> None:
    result = run_cli("eval", str(QUESTIONS), "--min-accuracy", "1.01")
    assert result.returncode == 1
    assert "FAIL: top-1 accuracy" in result.stdout


def test_forward_and_smalltalk_requests_are_recognised(engine_both_ways: Engine) -> None:
    report = evaluate(engine_both_ways, load_question_set(QUESTIONS))
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


REAL_DEV = Path(__file__).parent / "real" / "real_dev.yaml"


def test_eval_counts_an_also_topic_as_right_and_an_offered_option_as_helped(tmp_path: Path) -> None:
    questions = tmp_path / "set.yaml"
    questions.write_text(
        "questions:\n"
        '  - {text: "can i post pics of the nativity on fb", role: parent, expect: policy_scope,\n'
        "     also: [parents_photos], source: 'https://example.org/thread'}\n"
        '  - {text: "what time is pickup", role: parent, expect: out_of_scope}\n',
        encoding="utf-8",
    )
    result = run_cli("eval", str(questions), "--max-wrong", "0.0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"answered correctly:\s+1\.000", result.stdout)
    assert re.search(r"helped:\s+1\.000", result.stdout)
    assert re.search(r"forward recall:", result.stdout)


def test_eval_counts_a_section_listed_under_i_cant_find_an_answer_as_helped(tmp_path: Path) -> None:
    # Round 11: a fallback lists the sections that came close; the right one among them helped the person.
    questions = tmp_path / "set.yaml"
    questions.write_text(
        "questions:\n"
        '  - {text: "does anyone get a say after the governors meet", role: parent,'
        " expect: complaints_after_panel}\n",
        encoding="utf-8",
    )
    result = run_cli("eval", str(questions))
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"answered correctly:\s+0\.000", result.stdout), result.stdout
    assert re.search(r"helped:\s+1\.000", result.stdout), result.stdout


def test_eval_summary_hides_the_confusion_list_and_reports_each_set() -> None:
    result = run_cli("eval", "--summary", str(QUESTIONS), str(REAL_DEV))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "most confused" not in result.stdout
    assert "per topic" not in result.stdout
    assert result.stdout.count("wrong-answer rate:") == 2
    full = run_cli("eval", str(REAL_DEV))
    assert "most confused (expected → got):" in full.stdout


def test_real_question_sets_keep_their_source_on_every_item() -> None:
    for path in (Path(__file__).parent / "real").glob("*.yaml"):
        questions = load_question_set(path).questions
        assert questions, path
        assert all(q.source.startswith("http") for q in questions), path


# Development floors (these sets were read, or their figures used to choose between changes, while tuning).
# blind7, blind8, real_fresh2 and real_fresh3 joined them in round 7, and blind9, blind10, real_fresh4 and
# real_fresh5 in round 8 (their misses were read), blind11 and real_fresh6 in round 9, and blind12 and
# real_fresh7 in round 10, and blind13 and real_fresh8 (held out through round 10) and blind14 and real_fresh9
# (held out until round 11's first changes) in round 11, once read, and blind15 and real_fresh10 (held out
# through round 11) in round 12. The held-out sets of round 12 are kept outside the repository and measured
# for the README only.
# Round 12: 20 examples written for the confusions of the written development sets (playing online games with
# pupils, the governors looking at a complaint, phoning about a worry, which policy staff follow for online
# bullying…) raised every set's pooled figures in both modes (words only: answers right 1,382 → 1,420, wrong
# 109 → 103; with the meaning: 1,856 → 1,896 and 69 → 64) and moved single questions on a few sets: the
# words-only ceilings of blind7, blind10 and blind13 and floors of blind3 and real_fresh8, and real_fresh8's
# semantic floor and ceiling (a teacher's colleague finding rude tweets from students is now answered with the
# staff disciplinary section) follow.
# Words-only is the fallback mode: looser floors.
# Round 8 raised the helped floors of real_dev, real_fresh, real_fresh3 and blind5 to what four sections in
# "Did you mean…" reach, and real_fresh3's words-only wrong-answer ceiling: a question that raised a false
# alarm until then (a governor "choked off by the head") is answered wrongly on words alone.
DEV_FLOORS = {
    # set: (top-1 ≥, helped ≥, wrong ≤) with the semantic layer on / words only
    "blind/blind1.yaml": ((0.96, 0.94, 0.03), (0.91, 0.90, 0.05)),
    "blind/blind2.yaml": ((0.86, 0.88, 0.05), (0.80, 0.82, 0.12)),
    "blind/blind3.yaml": ((0.90, 0.90, 0.04), (0.87, 0.82, 0.05)),
    "blind/blind4.yaml": ((0.95, 0.96, 0.03), (0.92, 0.92, 0.05)),
    "blind/blind5.yaml": ((0.88, 0.93, 0.04), (0.78, 0.80, 0.08)),
    "blind/blind6.yaml": ((0.89, 0.90, 0.06), (0.68, 0.78, 0.11)),  # round 14: question parts weigh less
    "blind/blind7.yaml": ((0.77, 0.86, 0.06), (0.58, 0.67, 0.10)),
    "blind/blind8.yaml": ((0.83, 0.85, 0.05), (0.66, 0.74, 0.09)),
    "blind/blind9.yaml": ((0.85, 0.88, 0.06), (0.65, 0.77, 0.11)),
    "blind/blind10.yaml": ((0.89, 0.93, 0.02), (0.67, 0.83, 0.07)),  # round 14: as blind6
    "blind/blind11.yaml": ((0.87, 0.93, 0.04), (0.70, 0.81, 0.08)),
    "real/real_fresh6.yaml": ((0.44, 0.53, 0.35), (0.35, 0.44, 0.36)),
    "blind/blind12.yaml": ((0.82, 0.90, 0.05), (0.66, 0.78, 0.08)),
    "real/real_fresh7.yaml": ((0.39, 0.50, 0.52), (0.33, 0.43, 0.40)),
    # round 11: one question's right option came from "bitter" read as "better", no longer corrected
    "real/real_fresh4.yaml": ((0.58, 0.69, 0.22), (0.46, 0.54, 0.36)),
    "real/real_fresh5.yaml": ((0.42, 0.55, 0.20), (0.33, 0.41, 0.38)),
    "real/real_fresh2.yaml": ((0.44, 0.55, 0.20), (0.33, 0.38, 0.35)),
    # round 16: the whole message's meaning is taken from all of it (no story filter): one more of its answers
    # wrong (2 of 15), one more question helped
    "real/real_fresh3.yaml": ((0.49, 0.70, 0.14), (0.35, 0.57, 0.26)),
    # round 11: a fake account "pretending to be me" joined online bullying's examples (five questions of the
    # sets now get that section); one long story here now ranks the staff guidance first, its answer second
    "real/real_dev.yaml": ((0.60, 0.82, 0.05), (0.47, 0.59, 0.15)),
    "real/real_fresh.yaml": ((0.41, 0.58, 0.05), (0.21, 0.33, 0.40)),
    "real/real_heldout.yaml": ((0.50, 0.68, 0.15), (0.31, 0.45, 0.85)),
    "blind/blind13.yaml": ((0.88, 0.94, 0.02), (0.65, 0.82, 0.06)),
    # round 13: one question's right option went when an example joined complaints about the head (two wrong
    # answers fewer over the development sets, with the meaning and on words alone); round 14: another when
    # the question parts weigh less (written top-1 0.889 → 0.899 pooled, real wrong answers 22 → 20)
    "real/real_fresh8.yaml": ((0.42, 0.57, 0.11), (0.35, 0.48, 0.10)),  # round 15: parents' own words, up
    "blind/blind14.yaml": ((0.80, 0.94, 0.02), (0.63, 0.83, 0.08)),
    "real/real_fresh9.yaml": ((0.36, 0.60, 0.01), (0.28, 0.48, 0.20)),  # round 16: as real_fresh3
    "blind/blind15.yaml": ((0.86, 0.94, 0.03), (0.64, 0.84, 0.05)),  # round 13: as real_fresh8; 14: as blind6
    # round 15: as real_fresh8; round 16: as real_fresh3 (top-1 0.382 → 0.455; 2 of 9 answers wrong)
    "real/real_fresh10.yaml": ((0.38, 0.56, 0.23), (0.34, 0.50, 0.25)),
    # held out through round 13, read in round 14
    "blind/blind18a.yaml": ((0.91, 0.94, 0.03), (0.67, 0.82, 0.08)),  # parts weigh less: 0.866 → 0.918
    "blind/blind18b.yaml": ((0.79, 0.91, 0.02), (0.48, 0.72, 0.24)),
    "real/real_fresh13.yaml": ((0.65, 0.75, 0.10), (0.50, 0.60, 0.15)),  # round 15: as real_fresh8
    # held out through rounds 13 and 14, read in round 15
    # round 15: parents' own words for a problem with the teacher and pupils' posts about staff from home
    # raised both with the meaning; on words alone one of blind19b's options went to a neighbour
    "blind/blind19a.yaml": ((0.85, 0.95, 0.03), (0.59, 0.81, 0.16)),
    "blind/blind19b.yaml": ((0.87, 0.94, 0.03), (0.60, 0.75, 0.11)),  # round 16: as real_fresh3, one option
    # held out through rounds 14 and 15, read in round 16
    "blind/blind20a.yaml": ((0.88, 0.93, 0.02), (0.72, 0.81, 0.05)),
    "blind/blind20b.yaml": ((0.73, 0.76, 0.02), (0.40, 0.60, 0.18)),
    "real/real_fresh14.yaml": ((0.38, 0.61, 0.34), (0.22, 0.33, 0.72)),
    # held out through rounds 15 and 16, read in round 17
    "blind/blind21a.yaml": ((0.90, 0.94, 0.05), (0.87, 0.89, 0.04)),
    "blind/blind21b.yaml": ((0.77, 0.90, 0.02), (0.29, 0.55, 0.12)),
    "real/real_fresh15.yaml": ((0.54, 0.62, 0.02), (0.34, 0.45, 0.40)),
    # held out through rounds 16 and 17, read in round 18
    "blind/blind22a.yaml": ((0.93, 0.92, 0.03), (0.82, 0.88, 0.02)),
    "blind/blind22b.yaml": ((0.81, 0.88, 0.07), (0.43, 0.64, 0.12)),
    "real/real_fresh16.yaml": ((0.66, 0.84, 0.23), (0.47, 0.66, 0.19)),
    # held out through rounds 17 and 18, read in round 19
    "blind/blind23a.yaml": ((0.90, 0.91, 0.03), (0.77, 0.80, 0.06)),
    # round 31: a letter's greeting and sign-off taken off before matching (bot/matching/letter.py) cost this
    # set
    # one question helped (a "Good afternoon." before a long second-language message) while the 84 development
    # sets gained 13 questions and lost 6 with the meaning, and blind48's 75 letters went 0.833 → 0.917 top-1
    "blind/blind23b.yaml": ((0.76, 0.84, 0.08), (0.32, 0.60, 0.28)),
    "real/real_fresh17.yaml": ((0.34, 0.46, 0.02), (0.16, 0.34, 0.50)),
    # held out through rounds 18 and 19, read in round 20
    "blind/blind24a.yaml": ((0.96, 0.97, 0.02), (0.80, 0.91, 0.06)),
    "blind/blind24b.yaml": ((0.82, 0.89, 0.07), (0.38, 0.70, 0.03)),
    "real/real_fresh18.yaml": ((0.29, 0.52, 0.60), (0.30, 0.40, 0.55)),
    # held out through rounds 19 and 20, read in round 21. Round 21's examples moved one or two questions of
    # eleven sets below their floors (blind10 and blind20a with the meaning, nine sets on words alone) while
    # the pooled figures rose (written wrong answers 44 → 42 with the meaning and 98 → 88 on words alone,
    # top-1 0.895 → 0.899 and 0.696 → 0.700); those eleven floors above are set to what the round measured
    "blind/blind25a.yaml": ((0.93, 0.98, 0.02), (0.83, 0.95, 0.04)),
    "blind/blind25b.yaml": ((0.86, 0.88, 0.02), (0.54, 0.77, 0.08)),
    "real/real_fresh19.yaml": ((0.52, 0.64, 0.15), (0.38, 0.52, 0.50)),
    # held out through rounds 20 and 21, read in round 22
    "blind/blind26a.yaml": ((0.93, 0.93, 0.01), (0.88, 0.90, 0.04)),
    "blind/blind26b.yaml": ((0.89, 0.94, 0.01), (0.59, 0.82, 0.07)),
    "real/real_fresh20.yaml": ((0.51, 0.68, 0.17), (0.39, 0.63, 0.25)),
    # written in round 22 for sections that sound alike, read at once
    "blind/blind29.yaml": ((0.87, 0.94, 0.03), (0.60, 0.82, 0.05)),
    # held out through rounds 21 and 22, read in round 23
    "blind/blind27a.yaml": ((0.92, 0.96, 0.02), (0.76, 0.87, 0.02)),
    # round 31: the same change answered one more question here wrongly (a complaint about the chair of
    # governors
    # that names the head first, answered with the head's section once "Thanks, Rachel" was taken off)
    "blind/blind27b.yaml": ((0.87, 0.93, 0.08), (0.58, 0.79, 0.07)),
    "real/real_fresh21.yaml": ((0.31, 0.54, 0.34), (0.22, 0.36, 1.0)),
    # written in round 23 as long stories that ask last, with details about other subjects, read at once
    "blind/blind31.yaml": ((0.80, 0.86, 0.0), (0.50, 0.75, 0.15)),
    # held out through rounds 22 and 23, read in round 24
    "blind/blind28a.yaml": ((0.92, 0.96, 0.02), (0.77, 0.88, 0.04)),
    # round 45: 0.91 → 0.90 with the meaning (a long wait for the head's reply ranks the time limit first
    # after the kept timescales example; 26 questions better, 6 worse over the sets)
    "blind/blind28b.yaml": ((0.90, 0.94, 0.06), (0.61, 0.84, 0.10)),
    "real/real_fresh22.yaml": ((0.71, 0.78, 0.0), (0.57, 0.71, 0.0)),
    # written in round 24 by governors, the clerk, the head and office staff who say who they are first,
    # read at once
    "blind/blind33.yaml": ((0.75, 0.92, 0.07), (0.43, 0.63, 0.28)),
    # held out through rounds 23 and 24, read in round 25
    "blind/blind30a.yaml": ((0.80, 0.91, 0.03), (0.42, 0.76, 0.0)),
    "blind/blind30b.yaml": ((0.90, 0.98, 0.02), (0.85, 0.91, 0.04)),
    # written in round 25 by parents and carers whose first language is not English, read at once
    "blind/blind35.yaml": ((0.84, 0.93, 0.0), (0.56, 0.80, 0.04)),
    # written in round 25 as messages whose loudest words are not the subject, read at once
    "blind/blind36.yaml": ((0.80, 0.92, 0.0), (0.58, 0.86, 0.0)),
    # held out through rounds 24 and 25, read in round 26
    "blind/blind32a.yaml": ((0.90, 0.93, 0.03), (0.79, 0.90, 0.0)),
    "blind/blind32b.yaml": ((0.85, 0.94, 0.0), (0.49, 0.80, 0.15)),
    "real/real_fresh24.yaml": ((0.29, 0.62, 0.0), (0.29, 0.45, 0.5)),
    # written in round 26 as conditions and exceptions, and as two questions in one, read at once
    "blind/blind38.yaml": ((0.90, 0.94, 0.03), (0.63, 0.82, 0.0)),
    # held out through rounds 25 and 26, read in round 27
    "blind/blind34a.yaml": ((0.84, 0.93, 0.04), (0.60, 0.83, 0.03)),
    "blind/blind34b.yaml": ((0.84, 0.94, 0.0), (0.60, 0.83, 0.0)),
    "real/real_fresh25.yaml": ((0.36, 0.45, 1.0), (0.36, 0.36, 0.0)),
    # written in round 27 as claims heard from someone else, and as staff, governors, volunteers and pupils in
    # their own working language, read at once
    "blind/blind40.yaml": ((0.82, 0.89, 0.03), (0.42, 0.75, 0.19)),
    # round 28: blind37 (held out through rounds 26 and 27) and real_fresh26 read
    "blind/blind37a.yaml": ((0.88, 0.98, 0.0), (0.63, 0.85, 0.1)),
    "blind/blind37b.yaml": ((0.98, 0.97, 0.02), (0.68, 0.88, 0.08)),
    "real/real_fresh26.yaml": ((0.68, 0.84, 0.17), (0.56, 0.84, 0.25)),
    # written in round 28 as messages after the fact and as family circumstances, read at once
    # round 44: helped 0.88 → 0.87 with the meaning (a husband's posts about a TA's workload, offered at the
    # round's start, falls back after the class-account example, which answers questions it only offered)
    "blind/blind42.yaml": ((0.73, 0.87, 0.07), (0.46, 0.66, 0.07)),
    # round 29: blind39 (held out through rounds 27 and 28) and real_fresh27 read
    "blind/blind39a.yaml": ((0.85, 0.93, 0.03), (0.31, 0.78, 0.24)),
    "blind/blind39b.yaml": ((0.84, 0.96, 0.0), (0.6, 0.77, 0.1)),
    "real/real_fresh27.yaml": ((0.5, 0.77, 0.63), (0.5, 0.61, 0.5)),
    # written in round 29 as messages before the fact and about platforms and devices, read at once
    # words only lowered by one question in round 35: "If I want to complain about her, who do I email?" (her:
    # the head) asks after a condition and is answered with stage one instead of forwarded with the right
    # section offered
    "blind/blind44.yaml": ((0.82, 0.88, 0.06), (0.5, 0.79, 0.16)),
    # round 30: blind41 (held out through rounds 28 and 29) and real_fresh28 read; blind46, a probe read at
    # once
    "blind/blind41a.yaml": ((0.8, 0.92, 0.08), (0.45, 0.69, 0.18)),
    "blind/blind41b.yaml": ((0.83, 0.93, 0.02), (0.56, 0.8, 0.11)),
    "real/real_fresh28.yaml": ((0.76, 0.76, 0.0), (0.57, 0.57, 0.17)),
    "blind/blind46.yaml": ((0.92, 0.97, 0.0), (0.81, 0.9, 0.06)),
    # round 31: blind43 (held out through rounds 29 and 30) and real_fresh29 read; blind48, a probe read at
    # once
    "blind/blind43a.yaml": ((0.86, 0.96, 0.07), (0.51, 0.83, 0.15)),
    "blind/blind43b.yaml": ((0.89, 0.91, 0.0), (0.6, 0.85, 0.0)),
    "real/real_fresh29.yaml": ((0.4, 0.56, 0.0), (0.4, 0.48, 0.0)),
    "blind/blind48.yaml": ((0.9, 0.96, 0.0), (0.55, 0.82, 0.14)),
    # round 32: blind45 (held out through rounds 30 and 31) and real_fresh30 read; blind50, a probe read at
    # once (quoted posts and messages; questions asked for someone else)
    "blind/blind45a.yaml": ((0.85, 0.94, 0.03), (0.62, 0.85, 0.06)),
    "blind/blind45b.yaml": ((0.97, 1.0, 0.0), (0.91, 0.98, 0.03)),
    "real/real_fresh30.yaml": ((0.6, 0.75, 0.12), (0.65, 0.65, 0.2)),
    "blind/blind50.yaml": ((0.87, 0.96, 0.0), (0.57, 0.8, 0.1)),
    # round 33: blind47 (held out through rounds 31 and 32) and real_fresh31 read; blind52, a probe read at
    # once (venting and rhetorical messages; people in less usual positions)
    "blind/blind47a.yaml": ((0.91, 0.98, 0.04), (0.66, 0.88, 0.02)),
    "blind/blind47b.yaml": ((0.91, 0.96, 0.0), (0.68, 0.86, 0.1)),
    "real/real_fresh31.yaml": ((0.31, 0.45, 0.6), (0.27, 0.45, 0.34)),
    "blind/blind52.yaml": ((0.85, 0.9, 0.0), (0.61, 0.8, 0.12)),
    # round 34: blind49 (held out through rounds 32 and 33) and real_fresh32 read
    "blind/blind49a.yaml": ((0.89, 0.96, 0.0), (0.57, 0.79, 0.11)),
    "blind/blind49b.yaml": ((0.94, 0.94, 0.03), (0.55, 0.84, 0.1)),
    "real/real_fresh32.yaml": ((0.31, 0.5, 0.0), (0.06, 0.56, 0.0)),
    # round 35: blind51 (held out through rounds 33 and 34) and real_fresh33 read; blind54, a probe written in
    # round 34 (comparisons and assumptions; planning ahead), read this round
    "blind/blind51a.yaml": ((0.8, 0.84, 0.0), (0.58, 0.67, 0.1)),
    "blind/blind51b.yaml": ((0.89, 0.97, 0.0), (0.62, 0.86, 0.1)),
    "real/real_fresh33.yaml": ((0.23, 0.42, 0.0), (0.14, 0.42, 0.5)),
    "blind/blind54.yaml": ((0.87, 0.95, 0.03), (0.5, 0.78, 0.14)),
    # round 36: blind53 (held out through rounds 34 and 35) and real_fresh34 read
    "blind/blind53a.yaml": ((0.88, 0.97, 0.04), (0.59, 0.83, 0.11)),
    "blind/blind53b.yaml": ((0.84, 0.91, 0.07), (0.63, 0.79, 0.1)),
    "real/real_fresh34.yaml": ((0.32, 0.48, 0.34), (0.25, 0.38, 1.0)),
    # round 37: blind55 (held out through rounds 35 and 36) and real_fresh35 read
    "blind/blind55a.yaml": ((0.87, 0.99, 0.0), (0.5, 0.78, 0.1)),
    "blind/blind55b.yaml": ((0.9, 0.98, 0.0), (0.65, 0.83, 0.1)),
    "real/real_fresh35.yaml": ((0.33, 0.33, 0.0), (0.0, 0.33, 1.0)),
    # round 38: real_fresh36 (held out through rounds 36 and 37) read
    "real/real_fresh36.yaml": ((0.75, 0.75, 0.0), (0.25, 0.5, 0.0)),
    # round 38: the blind59 probe (named apps and new technology), read at once
    "blind/blind59.yaml": ((0.8, 0.94, 0.03), (0.62, 0.82, 0.12)),
    # round 39: blind57 and real_fresh37 (held out through rounds 37 and 38) read
    "blind/blind57a.yaml": ((0.92, 0.95, 0.02), (0.65, 0.84, 0.08)),
    "blind/blind57b.yaml": ((0.9, 0.97, 0.0), (0.8, 0.91, 0.0)),
    "real/real_fresh37.yaml": ((0.5, 0.83, 0.0), (0.33, 0.66, 0.0)),
    # round 40: blind58 and real_fresh38 (held out through rounds 38 and 39) read
    "blind/blind58a.yaml": ((0.87, 0.98, 0.0), (0.75, 0.84, 0.08)),
    "blind/blind58b.yaml": ((0.82, 0.86, 0.03), (0.59, 0.82, 0.11)),
    "real/real_fresh38.yaml": ((0.33, 0.66, 0.0), (0.33, 0.0, 0.0)),
    # round 41: blind60 and real_fresh39 (held out through rounds 39 and 40) read
    "blind/blind60a.yaml": ((0.84, 0.94, 0.03), (0.55, 0.86, 0.04)),
    "blind/blind60b.yaml": ((0.81, 0.94, 0.08), (0.64, 0.85, 0.12)),
    "real/real_fresh39.yaml": ((0.3, 0.38, 0.5), (0.23, 0.53, 0.0)),
    # round 42: blind61 and real_fresh40 (held out through rounds 40 and 41) read
    "blind/blind61a.yaml": ((0.8, 0.87, 0.03), (0.56, 0.78, 0.23)),
    "blind/blind61b.yaml": ((0.74, 0.88, 0.03), (0.58, 0.76, 0.17)),
    "real/real_fresh40.yaml": ((0.7, 0.7, 0.0), (0.5, 0.6, 0.0)),
    # round 43: blind62 and real_fresh41 (held out through rounds 41 and 42) read
    "blind/blind62a.yaml": ((0.91, 0.99, 0.02), (0.61, 0.83, 0.15)),
    "blind/blind62b.yaml": ((0.76, 0.81, 0.0), (0.53, 0.68, 0.2)),
    "real/real_fresh41.yaml": ((0.3, 0.53, 0.0), (0.23, 0.23, 0.0)),
    # round 44: blind63 and real_fresh42 (held out through rounds 42 and 43) read
    "blind/blind63a.yaml": ((0.92, 0.95, 0.03), (0.55, 0.8, 0.15)),
    "blind/blind63b.yaml": ((0.8, 0.92, 0.08), (0.63, 0.81, 0.18)),
    "real/real_fresh42.yaml": ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
    # round 45: blind64 (held out through rounds 43 and 44) read
    "blind/blind64a.yaml": ((0.91, 0.96, 0.03), (0.83, 0.93, 0.02)),
    "blind/blind64b.yaml": ((0.83, 0.98, 0.04), (0.62, 0.81, 0.0)),
    # round 46: blind65 (held out through rounds 44 and 45) read
    "blind/blind65a.yaml": ((0.88, 0.96, 0.0), (0.6, 0.83, 0.12)),
    "blind/blind65b.yaml": ((0.92, 0.97, 0.02), (0.68, 0.84, 0.07)),
    # round 47: blind66 (held out through rounds 45 and 46) read
    "blind/blind66a.yaml": ((0.8, 0.9, 0.07), (0.55, 0.74, 0.23)),
    "blind/blind66b.yaml": ((0.78, 0.89, 0.06), (0.52, 0.73, 0.34)),
    # round 48: blind67b (held out through rounds 46 and 47) read
    "blind/blind67b.yaml": ((0.86, 0.94, 0.0), (0.64, 0.8, 0.14)),
    # round 49: blind67a and blind67c (held out through rounds 47 and 48) read
    "blind/blind67a.yaml": ((0.68, 0.83, 0.0), (0.46, 0.74, 0.14)),
    "blind/blind67c.yaml": ((0.71, 0.9, 0.07), (0.54, 0.72, 0.18)),
    # round 50: blind68a and blind68b (held out through rounds 48 and 49) read
    "blind/blind68a.yaml": ((0.81, 0.82, 0.0), (0.53, 0.74, 0.17)),
    "blind/blind68b.yaml": ((0.81, 0.92, 0.0), (0.56, 0.76, 0.12)),
    # round 51: blind69a and blind69b (held out through rounds 49 and 50) read
    "blind/blind69a.yaml": ((0.79, 0.93, 0.04), (0.49, 0.73, 0.19)),
    "blind/blind69b.yaml": ((0.75, 0.86, 0.0), (0.57, 0.78, 0.12)),
    # round 52: blind70a and blind70b (held out through rounds 50 and 51) read
    "blind/blind70a.yaml": ((0.92, 0.96, 0.0), (0.64, 0.86, 0.05)),
    "blind/blind70b.yaml": ((0.93, 0.97, 0.0), (0.86, 0.93, 0.04)),
    # round 53: blind71a and blind71b (held out through rounds 51 and 52) read
    "blind/blind71a.yaml": ((0.88, 0.89, 0.0), (0.68, 0.79, 0.05)),
    "blind/blind71b.yaml": ((0.84, 0.91, 0.0), (0.57, 0.75, 0.1)),
    "blind/blind72a.yaml": ((0.88, 0.98, 0.0), (0.62, 0.78, 0.09)),
    "blind/blind72b.yaml": ((0.85, 0.9, 0.0), (0.52, 0.8, 0.21)),
    "blind/blind73a.yaml": ((0.93, 0.96, 0.0), (0.68, 0.88, 0.04)),
    "blind/blind73b.yaml": ((0.90, 0.92, 0.05), (0.56, 0.80, 0.2)),
    # round 56: blind74a and blind74b (held out through rounds 54 and 55) read
    "blind/blind74a.yaml": ((0.83, 0.95, 0.05), (0.52, 0.83, 0.2)),
    "blind/blind74b.yaml": ((0.78, 0.88, 0.03), (0.66, 0.77, 0.06)),
    # round 57: blind75a and blind75b (held out through rounds 55 and 56) read
    "blind/blind75a.yaml": ((0.86, 0.93, 0.02), (0.62, 0.83, 0.0)),
    "blind/blind75b.yaml": ((0.84, 0.92, 0.03), (0.63, 0.79, 0.14)),
    # round 58: blind76a and blind76b (held out through rounds 56 and 57) read
    "blind/blind76a.yaml": ((0.85, 0.96, 0.0), (0.69, 0.88, 0.0)),
    "blind/blind76b.yaml": ((0.85, 0.88, 0.0), (0.69, 0.84, 0.05)),
    # round 59: blind77a and blind77b (held out through rounds 57 and 58) read
    "blind/blind77a.yaml": ((0.84, 0.91, 0.0), (0.53, 0.79, 0.15)),
    "blind/blind77b.yaml": ((0.84, 0.88, 0.0), (0.59, 0.81, 0.14)),
    # round 60: blind78a and blind78b (held out through rounds 58 and 59) read
    "blind/blind78a.yaml": ((0.88, 0.95, 0.0), (0.74, 0.86, 0.07)),
    "blind/blind78b.yaml": ((0.91, 0.94, 0.02), (0.53, 0.79, 0.13)),
    # round 61: blind79a and blind79b (held out through rounds 59 and 60) read
    "blind/blind79a.yaml": ((0.84, 0.93, 0.0), (0.57, 0.83, 0.04)),
    "blind/blind79b.yaml": ((0.93, 0.98, 0.0), (0.71, 0.84, 0.0)),
    # round 62: blind80a and blind80b (held out through rounds 60 and 61) read
    "blind/blind80a.yaml": ((0.76, 0.88, 0.0), (0.5, 0.68, 0.11)),
    "blind/blind80b.yaml": ((0.88, 0.92, 0.0), (0.59, 0.79, 0.05)),
    # round 63: blind81a and blind81b (held out through rounds 61 and 62) read
    "blind/blind81a.yaml": ((0.85, 0.93, 0.03), (0.6, 0.82, 0.0)),
    "blind/blind81b.yaml": ((0.88, 0.91, 0.03), (0.54, 0.75, 0.05)),
    # round 64: blind82a and blind82b (held out through rounds 62 and 63) read
    "blind/blind82a.yaml": ((0.87, 0.96, 0.03), (0.6, 0.78, 0.12)),
    "blind/blind82b.yaml": ((0.86, 0.91, 0.03), (0.57, 0.78, 0.04)),
    # round 65: blind83a and blind83b (held out through rounds 63 and 64) read
    "blind/blind83a.yaml": ((0.89, 0.91, 0.0), (0.64, 0.86, 0.17)),
    "blind/blind83b.yaml": ((0.93, 0.97, 0.02), (0.75, 0.92, 0.05)),
    # round 66: blind84a and blind84b (held out through rounds 64 and 65) read
    "blind/blind84a.yaml": ((0.89, 0.93, 0.03), (0.68, 0.83, 0.0)),
    "blind/blind84b.yaml": ((0.99, 0.99, 0.0), (0.84, 0.94, 0.04)),
    # round 67: blind85a and blind85b (held out through rounds 65 and 66) read
    "blind/blind85a.yaml": ((0.93, 0.97, 0.02), (0.7, 0.91, 0.0)),
    "blind/blind85b.yaml": ((0.83, 0.92, 0.0), (0.56, 0.8, 0.04)),
}


# Round 39: a set's floors allow one question of that set. Any change of the knowledge moves the words'
# weights for every section, and with 116 sets each held at the figure it had when it was read, nearly
# every example moved a question or two across some floor even when the sets pooled rose in both modes
# (round 38 took out every example it tried; round 39's two examples for the head's reply raised nearly
# every pooled figure in both modes and moved eleven sets by one question each). A set that loses two
# questions still fails, and the sets pooled (POOLED_FLOORS, below) may not fall at all.
_REPORTS: dict[tuple[bool, str], Report] = {}


def _report(engine: Engine, name: str) -> Report:
    """A development set's figures, evaluated once a mode in a session (its floors and the pooled floors)."""
    key = (engine.matcher.semantic is not None, name)
    if key not in _REPORTS:
        _REPORTS[key] = evaluate(engine, load_question_set(Path(__file__).parent / name))
    return _REPORTS[key]


def _one_question(report: Report) -> tuple[float, float]:
    """What one question moves the set's policy figures by, and its wrong-answer rate by."""
    policy = sum(o.question.expect not in SPECIAL for o in report.outcomes)
    answered = sum(o.action == "answer" for o in report.outcomes)
    return (1 / policy if policy else 0.0), (1 / answered if answered else 0.0)


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_development_sets_keep_their_floors(engine_both_ways: Engine, name: str) -> None:
    semantic = engine_both_ways.matcher.semantic is not None
    top1, helped, wrong = DEV_FLOORS[name][0 if semantic else 1]
    report = _report(engine_both_ways, name)
    figures = format_report(report)
    question, answer = _one_question(report)
    assert report.top1_accuracy >= top1 - question - 1e-9, figures
    assert report.helped >= helped - question - 1e-9, figures
    assert report.wrong_answer_rate <= wrong + answer + 1e-9, figures


# The development sets pooled, written (blind/) and real (real/), with the meaning and on words alone: top-1,
# answered right and helped may not fall, nor the wrong-answer rate rise (round 67's end, 176 sets, with the
# sets read in round 67: blind85a and blind85b; over the 174 sets before them round 67's changes moved no
# outcome in either mode: the round's four topic examples, which did, were measured and dropped).
POOLED_FLOORS = {
    # (semantic, kind): (top-1 ≥, answered right ≥, helped ≥, wrong-answer rate ≤)
    # 15193 policy, 112 of 7580 answers wrong
    (True, "blind"): (0.877, 0.4914, 0.9427, 0.0148),
    # 1462 policy, 39 of 325 answers wrong
    (True, "real"): (0.5, 0.1956, 0.6737, 0.12),
    # 15193 policy, 311 of 4725 answers wrong
    (False, "blind"): (0.6448, 0.2904, 0.8334, 0.0659),
    # 1462 policy, 59 of 233 answers wrong
    (False, "real"): (0.3734, 0.119, 0.5567, 0.2533),
}


@pytest.mark.parametrize("kind", ["blind", "real"])
def test_development_sets_pooled_do_not_fall(engine_both_ways: Engine, kind: str) -> None:
    semantic = engine_both_ways.matcher.semantic is not None
    sets = [name for name in sorted(DEV_FLOORS) if name.startswith(kind + "/")]
    pooled = Report([outcome for name in sets for outcome in _report(engine_both_ways, name).outcomes])
    top1, right, helped, wrong = POOLED_FLOORS[(semantic, kind)]
    figures = format_report(pooled)
    assert pooled.top1_accuracy >= top1, figures
    assert pooled.answered_correctly >= right, figures
    assert pooled.helped >= helped, figures
    assert pooled.wrong_answer_rate <= wrong, figures
