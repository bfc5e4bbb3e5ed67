"""How much PolicyBot answers from the rules alone: the bundled Social Media Policy with its topics removed.

Run `python -m bot.bench.rules_only [QUESTION_SET ...] [--policy ID]` (default: the development set and the
blind sets, which ask about the Social Media Policy). Each labelled question is asked of a copy of the
bundled knowledge whose topics file for that policy is emptied (the other policies keep theirs), so its
questions can only be answered by quoting its rules. A policy question counts as answered right when a
quoted rule is one of the rules its labelled topic quotes (the right section but other rules is shown apart),
and wrong when the bot quoted other rules or answered with another policy's topic; an out-of-scope question is
right when it is not answered. `--policy all` removes every policy's topics.
Questions labelled forward, small talk or safeguarding do not depend on the rules and are left out.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.cli.evaluate import load_question_set
from bot.config import BUNDLED_KNOWLEDGE, PROJECT_ROOT, Config, load_config
from bot.core.engine import Engine

DEFAULT_SETS = [
    "tests/questions.yaml",
    *sorted(f"tests/blind/{p.name}" for p in (PROJECT_ROOT / "tests/blind").glob("*.yaml")),
]
LEFT_OUT = ("forward", "smalltalk", "safeguarding")


@dataclass
class RulesOnly:
    """Figures for one question set."""

    name: str
    policy_questions: int = 0
    right: int = 0
    right_section: int = 0  # the right section, other rules of it
    wrong: int = 0
    out_of_scope: int = 0
    out_of_scope_rejected: int = 0

    @property
    def answered_right(self) -> float:
        """Share of policy questions answered with one of the expected rules."""
        return self.right / self.policy_questions if self.policy_questions else 0.0

    @property
    def wrong_rate(self) -> float:
        """Share of rule answers to policy questions that quoted none of the expected section's rules."""
        answered = self.right + self.right_section + self.wrong
        return self.wrong / answered if answered else 0.0


def without_topics(into: Path, policy: str, base: Path = BUNDLED_KNOWLEDGE) -> Path:
    """A copy of a knowledge folder where the topics file of `policy` (or of every policy: "all") keeps its
    policy but lists no topics."""
    folder = Path(shutil.copytree(base, into))
    for path in (folder / "topics").glob("*.yaml" if policy == "all" else f"{policy}.yaml"):
        policy = next(
            line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("policy:")
        )
        path.write_text(f"{policy}\ntopics: []\n", encoding="utf-8")
    return folder


def measure(full: Engine, bare: Engine, path: str | Path) -> RulesOnly:
    """Ask a question set of the topic-less engine and judge the quoted rules against the labels."""
    result = RulesOnly(Path(path).name)
    for question in load_question_set(path).questions:
        if question.expect in LEFT_OUT:
            continue
        reply = bare.ask(question.text, question.role)
        answered = reply.action == "answer"  # quoting rules, or a topic of a policy that kept its topics
        if question.expect == "out_of_scope":
            result.out_of_scope += 1
            result.out_of_scope_rejected += not answered
            continue
        result.policy_questions += 1
        if not answered:
            continue
        topic = full.knowledge.topics[question.expect]
        if set(reply.rules) & set(topic.rules):
            result.right += 1
        elif reply.section == full.knowledge.section_of(topic).heading:
            result.right_section += 1
        else:
            result.wrong += 1
    return result


def run(sets: list[str], policy: str = "social-media", config: Config | None = None) -> list[RulesOnly]:
    """Measure each question set."""
    config = config or load_config()
    full = Engine.load(config)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Engine.load(config, without_topics(Path(tmp) / "knowledge", policy))
        return [measure(full, bare, path) for path in sets]


def main(argv: list[str] | None = None) -> int:
    """Print one line per question set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=DEFAULT_SETS)
    parser.add_argument("--policy", default="social-media", help="whose topics to remove (all: every policy)")
    args = parser.parse_args(argv)
    print(
        "| question set | policy questions | right rule | right section, other rule | wrong "
        "| out-of-scope rejected |"
    )
    print("|---|---|---|---|---|---|")
    for r in run(args.sets, args.policy):
        print(
            f"| `{r.name}` | {r.policy_questions} | {r.right} ({r.answered_right:.0%}) | {r.right_section} | "
            f"{r.wrong} | {r.out_of_scope_rejected}/{r.out_of_scope} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
