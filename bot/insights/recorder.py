"""The dialogue's outcome observer: counts outcomes per day and keeps unanswered questions, never who asked.

A fallback is kept at once. "None of these" and 👎 refer to the question asked just before, which is
remembered in memory only (per person, for `remember_seconds`) so it can be kept without the person.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.replies import Reply, UserContext
from bot.store.base import Store

QUESTION_OUTCOMES = {
    "answer": "answered",
    "clarify": "clarified",
    "fallback": "fallback",
    "forward": "forwarded",
    "safeguarding": "safeguarding",
}
MAX_TEXT = 1000  # an unanswered question longer than this is cut (it is for reading, not for the record)


@dataclass(frozen=True)
class Asked:
    """The last question a person asked, in memory only."""

    text: str
    action: str
    topic: str
    at: float


class OutcomeRecorder:
    """Called by the dialogue after every message and tap (`Dialogue.on_outcome`)."""

    def __init__(
        self,
        store: Store,
        known_topic: Callable[[str], bool] = lambda _topic: True,
        remember_seconds: float = 3600,
        capacity: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.known_topic = known_topic  # taps name topics; a forged one must not become a row
        self.remember_seconds = remember_seconds
        self.capacity = capacity
        self.clock = clock
        self._last: OrderedDict[str, Asked] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, user: UserContext, kind: str, value: str, replies: list[Reply]) -> None:
        """Record one message or tap and the replies it got."""
        if not replies:
            return
        if kind == "text":
            self._asked(user, value, replies[0])
        else:
            self._tapped(user, value, replies[0])

    def _asked(self, user: UserContext, text: str, reply: Reply) -> None:
        outcome = QUESTION_OUTCOMES.get(reply.action)
        if outcome is None:  # small talk, a step of a concern, a command's answer
            return
        self.store.count_outcome(outcome, reply.topic or "")
        if reply.action == "safeguarding":
            self._forget(user.user_id)  # a disclosure is never kept as a question
            return
        nearest = reply.topic or (reply.alternatives[0].topic if reply.alternatives else "")
        if reply.action == "fallback":
            self.store.add_unanswered(text.strip()[:MAX_TEXT], "fallback", nearest)
        with self._lock:
            self._last[user.user_id] = Asked(text.strip()[:MAX_TEXT], reply.action, nearest, self.clock())
            self._last.move_to_end(user.user_id)
            while len(self._last) > self.capacity:
                self._last.popitem(last=False)

    def _tapped(self, user: UserContext, payload: str, reply: Reply) -> None:
        kind, _, value = payload.partition(":")
        last = self._recent(user.user_id)
        if kind == "t" and reply.action == "answer" and reply.topic:
            self.store.count_outcome("answered_by_tap", reply.topic)
            if last is not None:
                self._remember(user.user_id, Asked(last.text, "answer", reply.topic, last.at))
        elif kind == "fwd" and last is not None and (value == "none" or last.action == "clarify"):
            self.store.add_unanswered(last.text, "none_of_these", last.topic)
            self._forget(user.user_id)
        elif kind == "fb" and reply.action == "info":
            topic, _, helpful = value.partition(":")
            if not self.known_topic(topic) or helpful not in ("0", "1"):
                return
            self.store.count_outcome("helpful" if helpful == "1" else "unhelpful", topic)
            if helpful == "0" and last is not None and last.topic == topic:
                self.store.add_unanswered(last.text, "unhelpful", topic)
                self._forget(user.user_id)

    def _recent(self, user_id: str) -> Asked | None:
        with self._lock:
            last = self._last.get(user_id)
        if last is None or self.clock() - last.at > self.remember_seconds:
            return None
        return last

    def _remember(self, user_id: str, asked: Asked) -> None:
        with self._lock:
            self._last[user_id] = asked

    def _forget(self, user_id: str) -> None:
        with self._lock:
            self._last.pop(user_id, None)
