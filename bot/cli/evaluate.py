"""Run a labelled question set through the engine and measure accuracy, rejection and wrong answers."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from bot.common.schema import Problems, build
from bot.common.yamlfile import YamlError, load_yaml
from bot.core.engine import Engine

SPECIAL = ("out_of_scope", "forward", "smalltalk", "safeguarding")


class QuestionSetError(Exception):
    """The question set file is broken; the message says where."""


@dataclass(frozen=True)
class LabelledQuestion:
    """One question with the role asking it and what should happen."""

    text: str
    expect: str
    role: Literal["parent", "staff", "pupil", "any"] = "any"


@dataclass(frozen=True)
class QuestionSet:
    """A file of labelled questions."""

    questions: list[LabelledQuestion]


@dataclass
class Outcome:
    """What happened to one question."""

    question: LabelledQuestion
    action: str
    topic: str | None
    top: str | None
    confidence: float


@dataclass
class Report:
    """Figures for a question set."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _in_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.expect not in SPECIAL]

    @property
    def top1_accuracy(self) -> float:
        """Share of policy questions whose best-ranked topic is the expected one."""
        items = self._in_scope()
        return sum(o.top == o.question.expect for o in items) / len(items) if items else 1.0

    @property
    def answered_correctly(self) -> float:
        """Share of policy questions answered outright with the expected topic."""
        items = self._in_scope()
        return (
            sum(o.action == "answer" and o.topic == o.question.expect for o in items) / len(items)
            if items
            else 1.0
        )

    @property
    def out_of_scope_rejection(self) -> float:
        """Share of out-of-scope questions that did not get a confident answer."""
        items = [o for o in self.outcomes if o.question.expect == "out_of_scope"]
        return sum(o.action != "answer" for o in items) / len(items) if items else 1.0

    @property
    def wrong_answer_rate(self) -> float:
        """Share of confident answers that answered the wrong thing."""
        answered = [o for o in self.outcomes if o.action == "answer"]
        return sum(o.topic != o.question.expect for o in answered) / len(answered) if answered else 0.0

    def special_accuracy(self, kind: str) -> float:
        """Share of questions expecting action `kind` (forward, smalltalk, safeguarding) that got it."""
        items = [o for o in self.outcomes if o.question.expect == kind]
        return sum(o.action == kind for o in items) / len(items) if items else 1.0

    def per_topic(self) -> dict[str, tuple[int, int]]:
        """expected topic → (top-1 correct, total)."""
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self._in_scope():
            table[o.question.expect][1] += 1
            table[o.question.expect][0] += o.top == o.question.expect
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}

    def confused(self, limit: int = 10) -> list[tuple[tuple[str, str], int]]:
        """The most frequent (expected, got) pairs among mistakes."""
        pairs: Counter[tuple[str, str]] = Counter()
        for o in self.outcomes:
            got = (
                o.topic
                if o.action == "answer"
                else (o.action if o.action != "clarify" else f"clarify:{o.top}")
            )
            expected = o.question.expect
            ok = (got == expected) or (expected == "out_of_scope" and o.action != "answer")
            if not ok:
                pairs[(expected, str(got))] += 1
        return pairs.most_common(limit)


def load_question_set(path: str | Path) -> QuestionSet:
    """Read a question set YAML file."""
    try:
        doc = load_yaml(path)
    except YamlError as err:
        raise QuestionSetError(str(err)) from None
    problems = Problems(doc)
    result = build(QuestionSet, doc.data, (), problems)
    if problems.items or result is None:
        raise QuestionSetError("\n".join(problems.items))
    return result


def evaluate(engine: Engine, questions: QuestionSet) -> Report:
    """Ask every question and collect the outcomes."""
    report = Report()
    for q in questions.questions:
        reply = engine.ask(q.text, q.role)
        top = reply.topic or (reply.alternatives[0].topic if reply.alternatives else None)
        report.outcomes.append(Outcome(q, reply.action, reply.topic, top, reply.confidence))
    return report


def format_report(report: Report) -> str:
    """The printed evaluation."""
    lines = [f"questions: {len(report.outcomes)}", "", "per topic (top-1 correct / total):"]
    for topic, (correct, total) in report.per_topic().items():
        lines.append(f"  {topic:32} {correct:3d}/{total:<3d} {correct / total:6.1%}")
    lines.append("")
    lines.append("most confused (expected → got):")
    for (expected, got), count in report.confused():
        lines.append(f"  {count:3d}  {expected} → {got}")
    lines += [
        "",
        f"top-1 accuracy:          {report.top1_accuracy:.3f}",
        f"answered correctly:      {report.answered_correctly:.3f}",
        f"out-of-scope rejection:  {report.out_of_scope_rejection:.3f}",
        f"wrong-answer rate:       {report.wrong_answer_rate:.3f}",
        f"forward recognised:      {report.special_accuracy('forward'):.3f}",
        f"smalltalk recognised:    {report.special_accuracy('smalltalk'):.3f}",
    ]
    return "\n".join(lines)
