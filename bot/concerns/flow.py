"""The concern flow: collect a concern, optional details and a check, then store it for the office.

Channel-agnostic: takes the person's text and taps, returns `Reply` objects. Its state lives in the store,
so a half-written concern survives a restart. The concern is stored (with its pending deliveries) before
the person is told it was sent; the outbox delivers it.

Every step's buttons carry that step's menu token (bot/core/menus.py): a button from an earlier step, or
from an earlier concern, never acts — it only shows where the person is now.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.common.text import clean, fold
from bot.concerns.details import is_plain_detail, word_list
from bot.concerns.outbox import destinations_for
from bot.concerns.prompts import SEPARATOR, Prompts
from bot.config import Config
from bot.core.menus import new_token, split
from bot.core.replies import Reply, UserContext
from bot.knowledge.messages import Messages
from bot.store.base import Store
from bot.store.records import Concern, NewConcern, utc_now

FLOW = "concern"
MAX_CONCERN_CHARS = 20_000
MAX_DETAIL_CHARS = 200
DETAIL_STEPS = ("class", "name", "contact")
_FIELD = {"class": "child_class", "name": "name", "contact": "contact"}
# The keys this flow keeps in the person's state; anything else there (a pending safeguarding question)
# belongs to the dialogue and survives the concern being sent or cancelled.
_KEYS = frozenset(
    {"flow", "step", "parts", "submission", "child_class", "name", "contact", "anonymous", "channel"}
    | {"chat_id", "role", "menu", "editing", "replacing"}
)

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
        self.detail_words = word_list(messages.render("concern_detail_words")[0])
        self.done_words = {fold(w) for w in word_list(messages.render("concern_done_words")[0])}
        self.prompts = Prompts(messages)

    # -- entry points -------------------------------------------------------------------------------

    def active(self, user_id: str) -> bool:
        """Whether the person is part-way through a concern (an expired one still counts, to say so)."""
        state = self.store.get_state(user_id)
        return state is not None and state.get("flow") == FLOW

    def step(self, user_id: str) -> str | None:
        """The step the person's concern is at (`text`, `class`, …, `summary`, `edit`), or None."""
        state = self.store.get_state(user_id)
        return state.get("step") if state is not None and state.get("flow") == FLOW else None

    def screens(self, user_id: str, text: str) -> bool:
        """Whether `text` must be screened for safeguarding: always, except a plain class, name or contact
        given at a details step (bot/concerns/details.py says why)."""
        return self.step(user_id) not in DETAIL_STEPS or not is_plain_detail(text, self.detail_words)

    def finishes(self, text: str) -> bool:
        """Whether a whole message means "I've finished writing" (`concern_done_words`), like tapping Done."""
        return fold(text) in self.done_words

    def conversation(self, user_id: str) -> list[str]:
        """The messages of the concern in progress, in order (empty when there is none)."""
        state = self.store.get_state(user_id)
        return list(state.get("parts", [])) if state is not None and state.get("flow") == FLOW else []

    def absorb(self, user: UserContext, text: str) -> bool:
        """Add a message the dialogue handled itself (a flagged one) to the concern being written."""
        state, _ = self._load(user)
        if state is None or state["step"] != "text" or not text.strip():
            return False
        self._take_text(state, text)
        self._save(user, state)
        return True

    def start(self, user: UserContext, initial_text: str | None = None) -> list[Reply]:
        """Begin a concern (or carry on with the one in progress); `initial_text` may be the concern."""
        state, notices = self._load(user)
        if state is not None:
            if initial_text and state["step"] == "text":
                return notices + self._add_text(user, state, initial_text)
            return [*notices, self.prompts.for_step(user, state)]
        others = {k: v for k, v in (self.store.get_state(user.user_id) or {}).items() if k not in _KEYS}
        state = {
            **others,
            "flow": FLOW,
            "step": "text",
            "menu": new_token(),
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
            start = self.prompts.reply("concern_start_with_text", state, role=user.role, text=initial_text)
            replies = [start]
            if truncated:
                replies.append(self.prompts.reply("concern_too_long", state, limit=MAX_CONCERN_CHARS))
            return notices + replies
        self._save(user, state)
        return [*notices, self.prompts.reply("concern_start", state, role=user.role)]

    def handle_text(self, user: UserContext, text: str) -> list[Reply]:
        """A message while a concern is in progress: more of the concern, or the detail asked for."""
        state, notices = self._load(user)
        if state is None:
            return notices or [self.prompts.reply("concern_nothing_pending")]
        step = state["step"]
        if step == "text" and self.finishes(text) and state["parts"]:
            return [self._next_after_text(user, state)]  # typed "done": the same as tapping Done
        if step == "text":
            return self._add_text(user, state, text)
        if step in DETAIL_STEPS:
            state[_FIELD[step]] = clean(text)[:MAX_DETAIL_CHARS]
            if step in ("name", "contact") and state[_FIELD[step]]:
                state["anonymous"] = False
            return [self._advance(user, state)]
        return [self.prompts.for_step(user, state)]  # at the summary or the edit menu: the buttons decide

    def choose(self, user: UserContext, payload: str) -> list[Reply]:
        """A tapped `c:<choice>:<token>` button (or its number typed in the console)."""
        state, notices = self._load(user)
        choice, token = split(payload.removeprefix("c:"))
        if state is None:
            return notices or [self._no_pending(user, choice)]
        if not token or token != state.get("menu"):
            return [self.prompts.reply("concern_stale_button"), self.prompts.for_step(user, state)]
        step = state["step"]
        if choice == "cancel":
            self._finish(user, state)
            return [self.prompts.reply("concern_cancelled")]
        if choice == "done" and step == "text":
            if not state["parts"]:
                return [self.prompts.reply("concern_empty", state)]
            return [self._next_after_text(user, state)]
        if choice == "skip" and step in DETAIL_STEPS:
            state[_FIELD[step]] = ""
            return [self._advance(user, state)]
        if choice == "anon" and step in DETAIL_STEPS:
            state.update(anonymous=True, name="", contact="", editing=False)
            return [self._go(user, state, "summary")]
        if choice == "send" and step == "summary":
            return [self._submit(user, state)]
        if choice == "edit" and step == "summary":
            return [self._go(user, state, "edit")]
        if step == "edit":
            return [self._edit(user, state, choice)]
        return [self.prompts.for_step(user, state)]

    def prompt(self, user: UserContext) -> list[Reply]:
        """After the dialogue answered something else mid-concern: say the concern is still here, then the
        current step's question with its buttons."""
        state, notices = self._load(user)
        if state is None:
            return notices
        if state["step"] == "text" and not state.get("replacing"):
            return [self.prompts.reply("concern_resume", state, step="text")]
        resume = self.prompts.reply("concern_resume", step=state["step"])
        return [resume, self.prompts.for_step(user, state)]

    def cancel(self, user: UserContext) -> bool:
        """Drop the concern in progress (typed cancel, /cancel); False when there was none."""
        state = self.store.get_state(user.user_id)
        if state is None or state.get("flow") != FLOW:
            return False
        self._finish(user, state)
        return True

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
        """Store an urgent safeguarding alert for the DSL's destinations; returns its reference.

        The class (and, when the person shares who they are, the name and contact) given for a concern in
        progress go with it.
        """
        state = self.store.get_state(user.user_id) or {}
        details = state if state.get("flow") == FLOW else {}
        new = NewConcern(
            submission_id=uuid.uuid4().hex,
            user_id=user.user_id,
            text=text[:MAX_CONCERN_CHARS],
            channel=user.channel,
            chat_id=user.chat_id,
            role=user.role,
            child_class=details.get("child_class", ""),
            name=(details.get("name") or user.display_name) if share_identity else "",
            contact=details.get("contact", "") if share_identity else "",
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
        if not state.get("menu"):  # begun before menus had tokens: its old buttons are stale from now on
            state["menu"] = new_token()
            self._save(user, state)
        return state, []

    def _save(self, user: UserContext, state: State) -> None:
        self.store.set_state(user.user_id, state, now=self.clock())

    def _finish(self, user: UserContext, state: State) -> None:
        """The concern is over (sent or cancelled): drop its state, keeping anything the dialogue keeps."""
        others = {k: v for k, v in state.items() if k not in _KEYS}
        if others:
            self.store.set_state(user.user_id, others, now=self.clock())
        else:
            self.store.clear_state(user.user_id)

    def _go(self, user: UserContext, state: State, step: str) -> Reply:
        """Move to `step` with a fresh menu token (the previous step's buttons go stale) and prompt for it."""
        state["step"] = step
        state["menu"] = new_token()
        self._save(user, state)
        return self.prompts.for_step(user, state)

    def _add_text(self, user: UserContext, state: State, text: str) -> list[Reply]:
        if not text.strip():
            name = "concern_empty" if not state["parts"] else "concern_added"
            return [self.prompts.reply(name, state, chars=0)]
        truncated = self._take_text(state, text)
        self._save(user, state)
        if truncated:
            return [self.prompts.reply("concern_too_long", state, limit=MAX_CONCERN_CHARS)]
        return [self.prompts.reply("concern_added", state, chars=len(SEPARATOR.join(state["parts"])))]

    def _take_text(self, state: State, text: str) -> bool:
        """Add a message to the text; the first one after "Change the text" replaces the old text."""
        if state.get("replacing"):
            state.update(parts=[], replacing=False)
        return self._append(state, text)

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

    def _next_after_text(self, user: UserContext, state: State) -> Reply:
        state["replacing"] = False
        if state.get("editing"):
            state["editing"] = False
            return self._go(user, state, "summary")
        return self._go(user, state, DETAIL_STEPS[0])

    def _advance(self, user: UserContext, state: State) -> Reply:
        """Move to the next detail to ask for (name and contact are skipped for anonymous concerns)."""
        if state.get("editing"):
            state["editing"] = False
            return self._go(user, state, "summary")
        order = [*DETAIL_STEPS, "summary"]
        step = order[order.index(state["step"]) + 1]
        if state["anonymous"] and step in ("name", "contact"):
            step = "summary"
        return self._go(user, state, step)

    def _edit(self, user: UserContext, state: State, choice: str) -> Reply:
        """A choice on the "what would you like to change?" menu: change one part, keep the rest."""
        part = choice.removeprefix("change_")
        if part == "text":
            state.update(editing=True, replacing=True)
            state["step"], state["menu"] = "text", new_token()
            self._save(user, state)
            return self.prompts.reply("concern_edit_text", state)
        if part in DETAIL_STEPS:
            state["editing"] = True
            return self._go(user, state, part)
        return self._go(user, state, "summary")  # "back", or anything else

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
        self._finish(user, state)
        self._stored(concern)
        return self.prompts.reply("concern_sent", reference=concern.reference)

    def _no_pending(self, user: UserContext, choice: str) -> Reply:
        if choice == "send":
            recent = [c for c in self.store.concerns_for_user(user.user_id) if c.kind == "concern"]
            if recent and self.clock() - recent[-1].created_at <= self.timeout:
                return self.prompts.reply("concern_already_sent", reference=recent[-1].reference)
        return self.prompts.reply("concern_nothing_pending")

    def _stored(self, concern: Concern) -> None:
        if self.on_stored is not None:
            self.on_stored(concern)

    # -- rendering ------------------------------------------------------------------------------------

    def _expired_reply(self) -> Reply:
        return self.prompts.reply("concern_expired", minutes=self.config.concerns.idle_timeout_minutes)
