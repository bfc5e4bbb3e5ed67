"""Counting misses in a row, so that after two the dialogue offers a person without being asked.

A miss is a fallback ("I can't find an answer"), a tap on "None of these" or a 👎; an answer, a 👍 or a
concern started resets the count. Kept in memory only: it is a count, not something worth storing about
a person, and a restart just starts the count again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

MISSES_BEFORE_OFFER = 2
_MAX_PEOPLE = 10_000  # oldest entries are dropped beyond this, so memory stays flat


@dataclass
class Misses:
    """Per-person count of misses in a row."""

    counts: OrderedDict[str, int] = field(default_factory=OrderedDict)

    def missed(self, user_id: str) -> bool:
        """Count a miss; True when it makes `MISSES_BEFORE_OFFER` in a row (the count then restarts)."""
        count = self.counts.pop(user_id, 0) + 1
        if count >= MISSES_BEFORE_OFFER:
            return True
        self.counts[user_id] = count
        while len(self.counts) > _MAX_PEOPLE:
            self.counts.popitem(last=False)
        return False

    def helped(self, user_id: str) -> None:
        """Something worked (or a person was offered): start counting again."""
        self.counts.pop(user_id, None)
