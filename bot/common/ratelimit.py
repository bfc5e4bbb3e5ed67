"""A sliding-window rate limit shared by the channels: Telegram per user, the web per session and address."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field


@dataclass
class SlidingWindow:
    """At most `limit` events per `per_seconds` for each key."""

    limit: int
    per_seconds: float
    clock: Callable[[], float] = time.monotonic
    _seen: dict[Hashable, deque[float]] = field(default_factory=dict)

    def allow(self, key: Hashable) -> bool:
        """Count an event for `key` if it is within the limit."""
        now = self.clock()
        seen = self._seen.setdefault(key, deque())
        while seen and seen[0] <= now - self.per_seconds:
            seen.popleft()
        if len(seen) >= self.limit:
            return False
        seen.append(now)
        return True

    def wait_seconds(self, key: Hashable) -> int:
        """Roughly how long until `key` may go again."""
        seen = self._seen.get(key)
        return max(1, round(seen[0] + self.per_seconds - self.clock())) if seen else 0

    def prune(self) -> list[Hashable]:
        """Forget keys whose window is empty (keeps memory flat); returns the keys forgotten."""
        cutoff = self.clock() - self.per_seconds
        gone = [k for k, seen in self._seen.items() if not seen or seen[-1] <= cutoff]
        for key in gone:
            del self._seen[key]
        return gone
