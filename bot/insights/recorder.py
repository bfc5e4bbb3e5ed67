"""The dialogue's outcome observer: counts outcomes per day and keeps unanswered questions, never who asked.

A fallback is kept at once. "None of these" and 👎 refer to the question asked just before, which is
remembered in memory only (per person, for `remember_seconds`) so it can be kept without the person.
The writes happen on a background thread, so a busy database never delays anyone's reply.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.core.replies import Reply, UserContext
from bot.store.base import Store, StoreError
from bot.store.records import utc_now

log = logging.getLogger(__name__)

QUESTION_OUTCOMES = {
    "answer": "answered",
    "clarify": "clarified",
    "fallback": "fallback",
    "forward": "forwarded",
    "safeguarding": "safeguarding",
}
MAX_TEXT = 1000  # an unanswered question longer than this is cut (it is for reading, not for the record)
RETRIES, RETRY_SECONDS = 5, 1.0  # a locked database: try again a few times, then drop that one count


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
        self._jobs: queue.Queue[tuple[Callable[..., Any], tuple[Any, ...]]] = queue.Queue()
        self._writer: threading.Thread | None = None

    def flush(self) -> None:
        """Wait until everything recorded so far is in the store."""
        self._jobs.join()

    def _later(self, write: Callable[..., Any], *args: Any) -> None:
        """Queue a store write for the background thread (started on first use)."""
        with self._lock:
            if self._writer is None:
                self._writer = threading.Thread(target=self._write, name="policybot-insights", daemon=True)
                self._writer.start()
        self._jobs.put((write, args))

    def _write(self) -> None:
        while True:
            write, args = self._jobs.get()
            try:
                for attempt in range(RETRIES):
                    try:
                        write(*args)
                        break
                    except StoreError:
                        if attempt == RETRIES - 1:
                            raise
                        time.sleep(RETRY_SECONDS)
            except Exception:  # a lost count is not worth a crash
                log.exception("could not record an outcome for the insights")
            finally:
                self._jobs.task_done()

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
        self._later(self.store.count_outcome, outcome, reply.topic or "", utc_now())
        if reply.action == "safeguarding":
            self._forget(user.user_id)  # a disclosure is never kept as a question
            return
        nearest = reply.topic or (reply.alternatives[0].topic if reply.alternatives else "")
        if reply.action == "fallback":
            self._later(self.store.add_unanswered, text.strip()[:MAX_TEXT], "fallback", nearest, utc_now())
        with self._lock:
            self._last[user.user_id] = Asked(text.strip()[:MAX_TEXT], reply.action, nearest, self.clock())
            self._last.move_to_end(user.user_id)
            while len(self._last) > self.capacity:
                self._last.popitem(last=False)

    def _tapped(self, user: UserContext, payload: str, reply: Reply) -> None:
        kind, _, value = payload.partition(":")
        last = self._recent(user.user_id)
        if kind == "t" and reply.action == "answer" and reply.topic:
            self._later(self.store.count_outcome, "answered_by_tap", reply.topic, utc_now())
            if last is not None:
                self._remember(user.user_id, Asked(last.text, "answer", reply.topic, last.at))
        elif kind == "fwd" and last is not None and (value == "none" or last.action == "clarify"):
            self._later(self.store.add_unanswered, last.text, "none_of_these", last.topic, utc_now())
            self._forget(user.user_id)
        elif kind == "fb" and reply.action == "info":
            topic, _, helpful = value.partition(":")
            if not self.known_topic(topic) or helpful not in ("0", "1"):
                return
            self._later(
                self.store.count_outcome, "helpful" if helpful == "1" else "unhelpful", topic, utc_now()
            )
            if helpful == "0" and last is not None and last.topic == topic:
                self._later(self.store.add_unanswered, last.text, "unhelpful", topic, utc_now())
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
