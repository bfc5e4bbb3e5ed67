"""Run a labelled question set through the engine and measure what people would have got.

How a question counts (documented in the README, "Measuring the matcher"):
- `expect` is a topic id, or one of SPECIAL; `also` lists further topics that are an acceptable answer
  (a real question that touches two sections); `about` is a note on why a question expects a forward
  (a complaint about the process, a member of staff's conduct) and does not change the scoring.
- answered right: the bot answered outright with an accepted topic (policy questions only).
- helped: answered right, or an accepted topic was offered as an option: in "Did you mean…", or beside the
  offer to pass on a message that also asked something, or among the sections "I can't find an answer" lists
  as coming close (policy questions only; an answer's related topics do not count).
- wrong-answer rate: of all confident answers, the share that answered something not accepted (an
  out-of-scope or forward question answered with a topic not in its `also` counts as wrong).
- out-of-scope rejection: out-of-scope questions that did not get a confident answer.
- forward recall: questions expecting a forward that got the offer to pass them on (a forward question
  answered with one of its `also` topics is not wrong, but is not counted as recalled).
"""

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
    also: list[str] = field(default_factory=list)  # other topics that are an acceptable answer
    about: str = ""  # why a forward is expected (e.g. complaints, staff_conduct_complaint)
    source: str = ""  # where a real question was copied from

    @property
    def accepted(self) -> set[str]:
        """Topics whose answer counts as right."""
        return {self.expect, *self.also} - set(SPECIAL)


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
    offered: list[str] = field(default_factory=list)  # topics offered in "Did you mean…"

    @property
    def answered_right(self) -> bool:
        """Answered outright with an accepted topic."""
        return self.action == "answer" and self.topic in self.question.accepted

    @property
    def helped(self) -> bool:
        """Answered right, or an accepted topic was among the options offered."""
        return self.answered_right or bool(self.question.accepted & set(self.offered))

    @property
    def ok(self) -> bool:
        """Whether the person got what the label asks for."""
        expect = self.question.expect
        if expect == "out_of_scope":
            return self.action != "answer"
        if expect in SPECIAL:
            return self.action == expect
        return self.answered_right


@dataclass
class Report:
    """Figures for a question set."""

    outcomes: list[Outcome] = field(default_factory=list)

    def _in_scope(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.question.expect not in SPECIAL]

    @property
    def top1_accuracy(self) -> float:
        """Share of policy questions whose best-ranked topic is an accepted one."""
        items = self._in_scope()
        return sum(o.top in o.question.accepted for o in items) / len(items) if items else 1.0

    @property
    def answered_correctly(self) -> float:
        """Share of policy questions answered outright with an accepted topic."""
        items = self._in_scope()
        return sum(o.answered_right for o in items) / len(items) if items else 1.0

    @property
    def helped(self) -> float:
        """Share of policy questions answered right or offered the right option."""
        items = self._in_scope()
        return sum(o.helped for o in items) / len(items) if items else 1.0

    @property
    def out_of_scope_rejection(self) -> float:
        """Share of out-of-scope questions that did not get a confident answer."""
        items = [o for o in self.outcomes if o.question.expect == "out_of_scope"]
        return sum(o.action != "answer" for o in items) / len(items) if items else 1.0

    @property
    def wrong_answer_rate(self) -> float:
        """Share of confident answers that answered the wrong thing."""
        answered = [o for o in self.outcomes if o.action == "answer"]
        return sum(o.topic not in o.question.accepted for o in answered) / len(answered) if answered else 0.0

    def special_accuracy(self, kind: str) -> float:
        """Share of questions expecting action `kind` (forward, smalltalk, safeguarding) that got it."""
        items = [o for o in self.outcomes if o.question.expect == kind]
        return sum(o.action == kind for o in items) / len(items) if items else 1.0

    def count(self, kind: str) -> int:
        """How many questions expect `kind` (a SPECIAL action, or "policy" for policy questions)."""
        if kind == "policy":
            return len(self._in_scope())
        return sum(o.question.expect == kind for o in self.outcomes)

    def per_topic(self) -> dict[str, tuple[int, int]]:
        """expected topic → (top-1 correct, total)."""
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self._in_scope():
            table[o.question.expect][1] += 1
            table[o.question.expect][0] += o.top in o.question.accepted
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}

    def confused(self, limit: int = 10) -> list[tuple[tuple[str, str], int]]:
        """The most frequent (expected, got) pairs among mistakes."""
        pairs: Counter[tuple[str, str]] = Counter()
        for o in self.outcomes:
            if o.ok:
                continue
            got = o.topic if o.action == "answer" else o.action
            if o.action == "clarify":
                got = f"clarify:{o.top}"
            pairs[(o.question.expect, str(got))] += 1
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
        offered = (
            [o.payload[2:] for o in reply.options if o.payload.startswith("t:")]
            if reply.action in ("clarify", "forward", "fallback")
            else []
        )
        report.outcomes.append(Outcome(q, reply.action, reply.topic, top, reply.confidence, offered))
    return report


def format_figures(report: Report) -> list[str]:
    """The summary figures of one set."""
    return [
        f"questions: {len(report.outcomes)} ({report.count('policy')} policy, "
        f"{report.count('out_of_scope')} out of scope, {report.count('forward')} forward)",
        f"top-1 accuracy:          {report.top1_accuracy:.3f}",
        f"answered correctly:      {report.answered_correctly:.3f}",
        f"helped:                  {report.helped:.3f}",
        f"wrong-answer rate:       {report.wrong_answer_rate:.3f}",
        f"out-of-scope rejection:  {report.out_of_scope_rejection:.3f}",
        f"forward recall:          {report.special_accuracy('forward'):.3f}",
        f"smalltalk recognised:    {report.special_accuracy('smalltalk'):.3f}",
    ]


def format_report(report: Report, details: bool = True) -> str:
    """The printed evaluation; `details=False` leaves out the per-topic table and the confusion list."""
    lines: list[str] = []
    if details:
        lines.append("per topic (top-1 correct / total):")
        for topic, (correct, total) in report.per_topic().items():
            lines.append(f"  {topic:32} {correct:3d}/{total:<3d} {correct / total:6.1%}")
        lines += ["", "most confused (expected → got):"]
        for (expected, got), count in report.confused():
            lines.append(f"  {count:3d}  {expected} → {got}")
        lines.append("")
    return "\n".join(lines + format_figures(report))
