"""`firm_requests:` patterns (knowledge/intents.yaml): asking someone at the school to act, in people's words.

A pattern is words in a row. Each slot is one word or phrase of its alternatives ("can|could|(please can)"),
"x?" makes a slot optional, and "*N" stands for up to N words of anything: "could someone *1 email me" holds
"could someone just email me". It is the notation of knowledge/safeguarding.yaml's patterns, split the same
way (`split_outside_brackets`), but read over the folded message word for word (no spellings, groups or
numbers).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.common.text import fold, split_outside_brackets


def _alternatives(slot: str) -> list[str]:
    """A slot's choices, a bracketed one opened into its phrases ("(can you|could you)": two phrases)."""
    out: list[str] = []
    for choice in split_outside_brackets(slot.rstrip("?"), "|") or []:
        if choice.startswith("(") and choice.endswith(")"):
            out.extend(split_outside_brackets(choice[1:-1], "|") or [""])  # "()" is an empty choice
        else:
            out.append(choice)
    return out


def request_problem(source: str) -> str | None:
    """What is wrong with a pattern's notation, said so that the editor can fix it, or None."""
    slots = split_outside_brackets(source)
    if slots is None:
        return f"'{source}': a bracket is not closed — write (c d) for a phrase of several words"
    if not fold(source.replace("*", " ")):
        return "the pattern is empty — write the words of the request"
    for slot in slots:
        if slot.startswith("*"):
            if not slot[1:].isdigit():
                return f"'{slot}': a gap is * and a number of words, e.g. *2"
            continue
        choices = _alternatives(slot)
        if any("(" in choice or ")" in choice for choice in choices):
            return f"'{slot}': brackets must surround whole words, as in (the office)|(the head)"
        if not all(fold(choice) for choice in choices):
            return f"'{slot}': an alternative is empty — remove the extra |"
    return None


def compile_request(source: str) -> re.Pattern[str]:
    """A pattern (checked by `request_problem`) as a regular expression over the folded message with a space
    at each end (" could someone just email me ")."""
    parts = []
    for slot in split_outside_brackets(source) or []:
        if slot.startswith("*"):
            parts.append(rf"(?:\S+ ){{0,{int(slot[1:])}}}")
            continue
        words = "|".join(re.escape(fold(choice)) for choice in _alternatives(slot))
        parts.append(f"(?:(?:{words}) )?" if slot.endswith("?") else f"(?:{words}) ")
    return re.compile(" " + "".join(parts))


def request_problems(intents: Iterable[object], where: Callable[[tuple], str]) -> list[str]:
    """Every pattern of an intents file with its problem, at its file and line (`where`)."""
    return _problems(
        "firm_requests",
        (
            (("intents", i, "firm_requests", j), pattern)
            for i, intent in enumerate(intents)
            for j, pattern in enumerate(getattr(intent, "firm_requests", None) or [])
        ),
        where,
    )


def asking_for_problems(asking_for: dict[str, list[str]], where: Callable[[tuple], str]) -> list[str]:
    """Every `asking_for:` pattern of language.yaml with its problem, at its file and line (`where`)."""
    return _problems(
        "asking_for",
        (
            (("asking_for", role, j), pattern)
            for role, patterns in asking_for.items()
            for j, pattern in enumerate(patterns or [])
        ),
        where,
    )


def _problems(key: str, patterns: Iterable[tuple[tuple, str]], where: Callable[[tuple], str]) -> list[str]:
    return [
        f"{where(at)}: {key}: {problem}" for at, pattern in patterns if (problem := request_problem(pattern))
    ]
