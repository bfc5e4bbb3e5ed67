"""Unanswered questions grouped by similar wording, each group with the topic it most resembles."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.store.records import Unanswered

SIMILAR = 70.0  # token-set similarity (0..100) at which two questions count as the same question
_WORD = re.compile(r"[a-z0-9']+")


@dataclass
class Group:
    """Questions asked in similar words; `topic` is the nearest topic most of them had ('' if none)."""

    questions: list[Unanswered] = field(default_factory=list)
    topic: str = ""

    @property
    def ids(self) -> list[int]:
        return [q.id for q in self.questions]

    @property
    def reasons(self) -> dict[str, int]:
        return dict(Counter(q.reason for q in self.questions))


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def group_questions(questions: list[Unanswered], threshold: float = SIMILAR) -> list[Group]:
    """Greedy grouping (each question joins the first similar group); biggest groups first."""
    groups: list[tuple[str, Group]] = []
    for question in questions:
        key = _key(question.text)
        for representative, group in groups:
            if key and fuzz.token_set_ratio(key, representative) >= threshold:
                group.questions.append(question)
                break
        else:
            groups.append((key, Group([question])))
    result = [group for _, group in groups]
    for group in result:
        topics = Counter(q.topic for q in group.questions if q.topic)
        group.topic = topics.most_common(1)[0][0] if topics else ""
    return sorted(result, key=lambda g: -len(g.questions))
