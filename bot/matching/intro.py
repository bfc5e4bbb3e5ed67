"""The writer's own role, said first: "Governor here.", "As clerk,", "I'm the headteacher. …", "Chair - …".

It says who is writing, not what the message is about. Scored with the rest, the role's words ranked the
sections about complaints against that role (a governor, the head) above the question that followed: on
round 24's probe of 120 messages from governors, the clerk, the head and office staff, top-1 was 0.680 with
6 wrong answers of 31 (0.750 and 2 of 31 with the introduction taken off). The roles are data
(language.yaml `writer_roles`). An introduction is taken off only when it ends where a clause ends (a full
stop, comma, colon or dash, or "here"), so "I'm a governor and I want to complain about the chair" keeps its
words; and only when at least _REST_WORDS words are left.
"""

from __future__ import annotations

import re

from bot.common.text import phrase_alternatives

_REST_WORDS = 3
_GREETING = r"(?:(?:hi|hello|hiya|morning|evening)\b[\s,!.]*)?"
_SAYING = r"(?:(?:i'?m|i’m|im|i am|as|speaking as|writing as|asking as)\s+(?:(?:a|an|the|one of the)\s+)?)?"
"""An article only after "I'm" or "as": "the vice chair of governors, what do they deal with" is a subject."""
_NEW = r"(?:(?:new|newish|fairly new|newly appointed|recently appointed)\s+)?"
_END = r"(?:\s+here\b[\s.,:;!\-–—]*|\s*[.,:;!\-–—]+\s*)"


def _typed(word: str) -> str:
    """A folded word as it may be typed: "heads" also as "head's"."""
    if len(word) > 2 and word.endswith("s"):
        return re.escape(word[:-1]) + "['’]?s"
    return re.escape(word)


class Introduction:
    """Takes the writer's introduction of themselves off the front of a message."""

    def __init__(self, roles: list[str]) -> None:
        # written as folded ("vice chair", "heads pa"), met as typed ("Vice-chair", "head's PA")
        alternatives = phrase_alternatives(roles, _typed)
        pattern = rf"^\s*{_GREETING}{_SAYING}{_NEW}(?:{alternatives}){_END}"
        self.pattern = re.compile(pattern, re.I) if alternatives else None

    def without(self, text: str) -> str:
        """The message without the introduction at its start, or as it was when there is none (or too little
        would be left to match)."""
        if self.pattern is None:
            return text
        found = self.pattern.match(text)
        if found is None:
            return text
        rest = text[found.end() :]
        return rest if len(rest.split()) >= _REST_WORDS else text
