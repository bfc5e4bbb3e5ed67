"""What the dialogue core returns to a channel: a reply with its text, buttons and match details."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Action = Literal[
    "answer",
    "clarify",
    "fallback",
    "forward",
    "smalltalk",
    "safeguarding",
    "concern",
    "role",
    "info",
    "error",
]
"""`answer`…`safeguarding` are the `ask --json` actions; the rest are conversation steps."""

Role = Literal["parent", "staff", "pupil", "any"]


@dataclass(frozen=True)
class Option:
    """A choice the person can tap (Telegram button) or type the number of (console).

    `payload` is short ASCII (≤ 60 bytes) that the channel hands back to `Dialogue.choose`:
    `t:<topic id>` answer a topic, `fwd` start a concern (`fwd:none`: "None of these"),
    `c:<choice>:<token>` concern steps (done, skip, anon, send, edit, change_text…, back, cancel),
    `sg:named|anon|no:<token>` the safeguarding alert question, `r:<role>` set role, `p:<policy id>`
    browse a policy, `s:<policy id>.<section id>` browse a section, `fb:<topic id>:1|0` feedback,
    `forget:yes:<minute offered>` / `forget:no`. A `<token>` names the menu the choice was offered on
    (bot/core/menus.py): once that menu has moved on, the choice is refused.
    """

    label: str
    payload: str


@dataclass(frozen=True)
class Candidate:
    """A topic the matcher considered, with its confidence."""

    topic: str
    section: str
    confidence: float


@dataclass(frozen=True)
class UserContext:
    """Who is asking. `user_id` is channel-qualified (`telegram:12345`, `console:local`)."""

    user_id: str
    role: Role = "any"
    channel: str = "console"
    display_name: str = ""
    chat_id: str = ""  # where replies to this person go on their channel (Telegram chat id)


@dataclass(frozen=True)
class Reply:
    """One message from the bot. `text` is plain text; `html` is the same for Telegram's HTML mode."""

    action: Action
    text: str
    html: str
    topic: str | None = None
    section: str | None = None
    confidence: float = 0.0
    options: list[Option] = field(default_factory=list)
    alternatives: list[Candidate] = field(default_factory=list)
    offer_forward: bool = False
    policy: str | None = None  # the title of the policy answered from
    rules: list[str] = field(default_factory=list)  # rule ids quoted when answering from the rules alone
