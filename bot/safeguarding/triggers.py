"""Which rules (or excluded phrases) could match a message: an index from pattern keys to what needs them.

Every message is checked against every rule, but a pattern can only match when the message has a word for
each part it cannot do without (`needs`, worked out by patterns.py from the compiled pattern). This index
files each rule under the keys of one of those parts, so a message looks only at the few rules filed under
its own keys instead of all of them. It is derived from the compiled patterns alone: editing
knowledge/safeguarding.yaml never needs a change here. It leaves out only what could not match anyway; the
detector's `shortcuts=False` tries everything, and a test checks that both give the same answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


def has_every(keys: frozenset[str], needs: Sequence[frozenset[str]]) -> bool:
    """Whether a message with these keys has a word for every part a pattern needs (one set test a part: far
    cheaper than trying the pattern). It runs for every candidate rule of every message: a plain loop, as a
    generator in `all()` costs more than the tests themselves."""
    for part in needs:  # noqa: SIM110 — see the docstring
        if keys.isdisjoint(part):
            return False
    return True


class NeedsIndex(Generic[T]):
    """Items filed under the keys a message must contain for them to match, kept in their given order."""

    def __init__(self, items: Sequence[T], needs: Callable[[T], Sequence[frozenset[str]]]) -> None:
        self.items = list(items)
        self.needs = [tuple(needs(item)) for item in self.items]
        self.by_key: dict[str, list[int]] = {}
        self.always: list[int] = []  # items that need no particular word: always tried
        # Each item is filed under the part a message is least likely to have. A key that many items need
        # is a common word ("my", "mum", "he"), so the part whose keys the fewest items need is taken: a
        # message looks up nearly half as many items as when filed under the part with the fewest keys
        # (docs/benchmark-history.md, round 38).
        shared = Counter(key for parts in self.needs for part in parts for key in part)
        for position, parts in enumerate(self.needs):
            if not parts:
                self.always.append(position)
                continue
            for key in min(parts, key=lambda part: sum(shared[k] for k in part)):
                self.by_key.setdefault(key, []).append(position)

    def candidates(self, keys: frozenset[str]) -> list[T]:
        """The items that might match a message with these keys, in their given order: filed under one of
        them, and with a key for every other part they need (a set test, far cheaper than trying them)."""
        found = set(self.always)
        by_key = self.by_key
        for key in keys:
            if positions := by_key.get(key):
                found.update(positions)
        needs = self.needs
        return [self.items[p] for p in sorted(found) if has_every(keys, needs[p])]
