"""What the concern flow says at each step, with that step's buttons carrying the menu token."""

from __future__ import annotations

from typing import Any

from bot.core.menus import tokened
from bot.core.replies import Option, Reply, UserContext
from bot.knowledge.messages import Messages

PREVIEW_CHARS = 600
SEPARATOR = "\n\n"
BUTTONS = {
    "text": ("done", "cancel"),
    "class": ("skip", "cancel"),
    "name": ("skip", "anon", "cancel"),
    "contact": ("skip", "cancel"),
    "summary": ("send", "edit", "cancel"),
    "edit": ("change_text", "change_class", "change_name", "change_contact", "back"),
}

State = dict[str, Any]


class Prompts:
    """Renders the concern messages (knowledge/messages/concerns.yaml) as replies with buttons."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages

    def reply(self, name: str, state: State | None = None, **context: Any) -> Reply:
        """A concern message; given the state, with the buttons of its step carrying its menu token."""
        text, html = self.messages.render(name, **context)
        options = []
        if state is not None:
            options = [self._button(b, state["menu"]) for b in BUTTONS.get(state["step"], ())]
        return Reply("concern", text, html, options=options)

    def for_step(self, user: UserContext, state: State) -> Reply:
        """The question (or summary) for the step the concern is at."""
        step = state["step"]
        if step == "text":
            if state.get("replacing"):
                return self.reply("concern_edit_text", state)
            return self.reply(
                "concern_added" if state["parts"] else "concern_start",
                state,
                role=user.role,
                chars=len(SEPARATOR.join(state["parts"])),
            )
        if step == "class":
            return self.reply("concern_ask_class", state, role=user.role)
        if step == "name":
            return self.reply("concern_ask_name", state, role=user.role)
        if step == "contact":
            return self.reply("concern_ask_contact", state, channel=state["channel"])
        if step == "edit":
            return self.reply("concern_edit", state)
        text = SEPARATOR.join(state["parts"])
        return self.reply(
            "concern_summary",
            state,
            preview=text[:PREVIEW_CHARS],
            more_chars=max(0, len(text) - PREVIEW_CHARS),
            child_class=state["child_class"],
            sender_name=state["name"],
            contact=state["contact"],
            anonymous=state["anonymous"],
        )

    def _button(self, name: str, token: str) -> Option:
        label, _ = self.messages.render(f"concern_button_{name}")
        return Option(label, tokened("c", name, token))
