"""The concern flow: collect a concern, optional details and a check, then store it for the office.

Channel-agnostic: takes the person's text and taps, returns `Reply` objects. Its state lives in the store,
so a half-written concern survives a restart. The concern is stored (with its pending deliveries) before
the person is told it was sent; the outbox delivers it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.common.text import clean
from bot.concerns.outbox import destinations_for
from bot.config import Config
from bot.core.replies import Option, Reply, UserContext
from bot.knowledge.messages import Messages
from bot.store.base import Store
from bot.store.records import Concern, NewConcern, utc_now

FLOW = "concern"
MAX_CONCERN_CHARS = 20_000
MAX_DETAIL_CHARS = 200
PREVIEW_CHARS = 600
SEPARATOR = "\n\n"
DETAIL_STEPS = ("class", "name", "contact")
_FIELD = {"class": "child_class", "name": "name", "contact": "contact"}
_BUTTONS = {
    "text": ("done", "cancel"),
    "class": ("skip", "cancel"),
    "name": ("skip", "anon", "cancel"),
    "contact": ("skip", "cancel"),
    "summary": ("send", "edit", "cancel"),
}

State = dict[str, Any]


class ConcernFlow:
    """Takes a person from "I want to tell the office" to a stored concern with a reference."""

    def __init__(
        self,
        store: Store,
        config: Config,
        messages: Messages,
        clock: Callable[[], datetime] = utc_now,
        on_stored: Callable[[Concern], None] | None = None,
    ) -> None:
        self.store = store
        self.config = config
        self.messages = messages
        self.clock = clock
        self.on_stored = on_stored  # e.g. wake the outbox so delivery starts at once
        self.timeout = timedelta(minutes=config.concerns.idle_timeout_minutes)

    # -- entry points -------------------------------------------------------------------------------

    def active(self, user_id: str) -> bool:
        """Whether the person is part-way through a concern (an expired one still counts, to say so)."""
        state = self.store.get_state(user_id)
        return state is not None and state.get("flow") == FLOW

    def start(self, user: UserContext, initial_text: str | None = None) -> list[Reply]:
        """Begin a concern (or carry on with the one in progress); `initial_text` may be the concern."""
        state, notices = self._load(user)
        if state is not None:
            if initial_text and state["step"] == "text":
                return notices + self._add_text(user, state, initial_text)
            return [*notices, self._prompt(user, state)]
        state = {
            "flow": FLOW,
            "step": "text",
            "parts": [],
            "submission": uuid.uuid4().hex,
            "child_class": "",
            "name": "",
            "contact": "",
            "anonymous": False,
            "channel": user.channel,
            "chat_id": user.chat_id,
            "role": user.role,
        }
        if initial_text and initial_text.strip():
            truncated = self._append(state, initial_text)
            self._save(user, state)
            replies = [self._reply("concern_start_with_text", "text", role=user.role, text=initial_text)]
            if truncated:
                replies.append(self._reply("concern_too_long", "text", limit=MAX_CONCERN_CHARS))
            return notices + replies
        self._save(user, state)
        return [*notices, self._reply("concern_start", "text", role=user.role)]

    def handle_text(self, user: UserContext, text: str) -> list[Reply]:
        """A message while a concern is in progress: more of the concern, or the detail asked for."""
        state, notices = self._load(user)
        if state is None:
            return notices or [self._reply("concern_nothing_pending")]
        step = state["step"]
        if step == "text":
            return self._add_text(user, state, text)
        if step in DETAIL_STEPS:
            state[_FIELD[step]] = clean(text)[:MAX_DETAIL_CHARS]
            return [self._advance(user, state)]
        return [self._prompt(user, state)]  # at the summary: the buttons decide

    def choose(self, user: UserContext, payload: str) -> list[Reply]:
        """A tapped `c:...` button."""
        state, notices = self._load(user)
        if state is None:
            return notices or [self._no_pending(user, payload)]
        step, choice = state["step"], payload.removeprefix("c:")
        if choice == "cancel":
            self.store.clear_state(user.user_id)
            return [self._reply("concern_cancelled")]
        if choice == "done" and step == "text":
            if not state["parts"]:
                return [self._reply("concern_empty", "text")]
            state["step"] = DETAIL_STEPS[0]
            self._save(user, state)
            return [self._prompt(user, state)]
        if choice == "skip" and step in DETAIL_STEPS:
            state[_FIELD[step]] = ""
            return [self._advance(user, state)]
        if choice == "anon" and step in DETAIL_STEPS:
            state.update(anonymous=True, name="", contact="", step="summary")
            self._save(user, state)
            return [self._prompt(user, state)]
        if choice == "edit" and step == "summary":
            state.update(parts=[], child_class="", name="", contact="", anonymous=False, step="text")
            self._save(user, state)
            return [self._reply("concern_edit", "text")]
        if choice == "send" and step == "summary":
            return [self._submit(user, state)]
        return [self._prompt(user, state)]  # a button from an earlier message: show where we are

    def expire_idle(self, now: datetime) -> list[tuple[UserContext, Reply]]:
        """Cancel concerns left unfinished for longer than the idle timeout; returns the notices to send."""
        expired = []
        for user_id, state in self.store.idle_states(now - self.timeout):
            if state.get("flow") != FLOW:
                continue
            self.store.clear_state(user_id)
            user = UserContext(
                user_id,
                role=state.get("role", "any"),
                channel=state.get("channel", "console"),
                chat_id=state.get("chat_id", ""),
            )
            expired.append((user, self._expired_reply()))
        return expired

    def raise_alert(
        self, user: UserContext, text: str, route: str = "dsl", share_identity: bool = False
    ) -> str:
        """Store an urgent safeguarding alert for the DSL's destinations; returns its reference."""
        new = NewConcern(
            submission_id=uuid.uuid4().hex,
            user_id=user.user_id,
            text=text[:MAX_CONCERN_CHARS],
            channel=user.channel,
            chat_id=user.chat_id,
            role=user.role,
            name=user.display_name if share_identity else "",
            anonymous=not share_identity,
            kind="safeguarding",
            priority="high",
            route=route,
        )
        destinations = destinations_for(self.config, "safeguarding", route)
        concern = self.store.create_concern(
            new, destinations, self.config.concerns.reference_prefix, self.clock()
        )
        self._stored(concern)
        return concern.reference

    # -- steps ----------------------------------------------------------------------------------------

    def _load(self, user: UserContext) -> tuple[State | None, list[Reply]]:
        """The person's concern in progress, or None (with a notice when it had timed out)."""
        state = self.store.get_state(user.user_id)
        if state is None or state.get("flow") != FLOW:
            return None, []
        updated = self.store.state_updated_at(user.user_id)
        if updated is not None and self.clock() - updated > self.timeout:
            self.store.clear_state(user.user_id)
            return None, [self._expired_reply()]
        return state, []

    def _save(self, user: UserContext, state: State) -> None:
        self.store.set_state(user.user_id, state, now=self.clock())

    def _add_text(self, user: UserContext, state: State, text: str) -> list[Reply]:
        if not text.strip():
            return [self._reply("concern_empty" if not state["parts"] else "concern_added", "text", chars=0)]
        truncated = self._append(state, text)
        self._save(user, state)
        if truncated:
            return [self._reply("concern_too_long", "text", limit=MAX_CONCERN_CHARS)]
        return [self._reply("concern_added", "text", chars=len(SEPARATOR.join(state["parts"])))]

    @staticmethod
    def _append(state: State, text: str) -> bool:
        """Add a message to the concern, keeping the total within the cap; True when something was cut."""
        text = text.strip()
        used = len(SEPARATOR.join(state["parts"]))
        room = MAX_CONCERN_CHARS - used - (len(SEPARATOR) if state["parts"] else 0)
        if room <= 0:
            return True
        state["parts"].append(text[:room])
        return len(text) > room

    def _advance(self, user: UserContext, state: State) -> Reply:
        """Move to the next detail to ask for (name and contact are skipped for anonymous concerns)."""
        order = [*DETAIL_STEPS, "summary"]
        step = order[order.index(state["step"]) + 1]
        if state["anonymous"] and step in ("name", "contact"):
            step = "summary"
        state["step"] = step
        self._save(user, state)
        return self._prompt(user, state)

    def _prompt(self, user: UserContext, state: State) -> Reply:
        step = state["step"]
        if step == "text":
            return self._reply(
                "concern_added" if state["parts"] else "concern_start",
                "text",
                role=user.role,
                chars=len(SEPARATOR.join(state["parts"])),
            )
        if step == "class":
            return self._reply("concern_ask_class", step, role=user.role)
        if step == "name":
            return self._reply("concern_ask_name", step, role=user.role)
        if step == "contact":
            return self._reply("concern_ask_contact", step, channel=state["channel"])
        text = SEPARATOR.join(state["parts"])
        return self._reply(
            "concern_summary",
            "summary",
            preview=text[:PREVIEW_CHARS],
            more_chars=max(0, len(text) - PREVIEW_CHARS),
            child_class=state["child_class"],
            sender_name=state["name"],
            contact=state["contact"],
            anonymous=state["anonymous"],
        )

    def _submit(self, user: UserContext, state: State) -> Reply:
        new = NewConcern(
            submission_id=state["submission"],
            user_id=user.user_id,
            text=SEPARATOR.join(state["parts"]),
            channel=state["channel"],
            chat_id=state["chat_id"],
            role=user.role,
            child_class=state["child_class"],
            name=state["name"],
            contact=state["contact"],
            anonymous=state["anonymous"],
        )
        # Stored with its deliveries in one transaction; the same submission id never stores twice.
        concern = self.store.create_concern(
            new, destinations_for(self.config, "concern"), self.config.concerns.reference_prefix, self.clock()
        )
        self.store.clear_state(user.user_id)
        self._stored(concern)
        return self._reply("concern_sent", reference=concern.reference)

    def _no_pending(self, user: UserContext, payload: str) -> Reply:
        if payload == "c:send":
            recent = self.store.concerns_for_user(user.user_id)
            if recent and self.clock() - recent[-1].created_at <= self.timeout:
                return self._reply("concern_already_sent", reference=recent[-1].reference)
        return self._reply("concern_nothing_pending")

    def _stored(self, concern: Concern) -> None:
        if self.on_stored is not None:
            self.on_stored(concern)

    # -- rendering ------------------------------------------------------------------------------------

    def _expired_reply(self) -> Reply:
        return self._reply("concern_expired", minutes=self.config.concerns.idle_timeout_minutes)

    def _reply(self, name: str, step: str | None = None, **context: Any) -> Reply:
        text, html = self.messages.render(name, **context)
        options = [self._button(b) for b in _BUTTONS.get(step, ())] if step else []
        return Reply("concern", text, html, options=options)

    def _button(self, name: str) -> Option:
        label, _ = self.messages.render(f"concern_button_{name}")
        return Option(label, f"c:{name}")
