"""Where a message's sentences and clauses end, before its words are read for the safeguarding patterns.

Patterns do not run across a sentence's end (`^` and `$` mark them), and a comma counts as one. Two marks are
read otherwise than as typed: the dot after a title ("Mr. Cox" ends no sentence), and a dash after a short
lead-in, which ends the lead-in as a comma would.
"""

from __future__ import annotations

import re
from collections.abc import Set

SENTENCE_END = re.compile(r"[.!?;:,\n\r]+")
CLAUSE_END = re.compile(r"[.!?;:\n\r]+")
"""Sentence ends, but not commas: "the head, Mr Oakley" is one phrase."""

_TITLE_DOT = re.compile(r"\b([A-Za-z]{2,4})\.(?=\s)")
_LEAD_DASH = re.compile(r"(^|[.!?;:\n]\s*)((?:[^\s.!?;:,]+\s+){0,5}[^\s.!?;:,]+)\s+[-–—]+(?=\s)")
"""A spaced dash after at most six words at the start of a sentence: a subject or a label ("Worried about the
head - saw her messaging…", "Y3 - locked out overnight"). A dash later in a long sentence is left alone: what
comes after it may still be about someone named before it ("the IT contractor … on his phone at lunch - I saw
it")."""


def punctuated(text: str, titles: Set[str]) -> str:
    """The text with a dash after a short lead-in made a comma, and the dot after a title dropped."""
    text = _LEAD_DASH.sub(r"\1\2,", text)
    return _TITLE_DOT.sub(lambda m: m[1] if m[1].lower() in titles else m[0], text)
