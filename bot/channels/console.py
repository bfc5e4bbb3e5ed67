"""The console chat: the embedded default channel, no token and no network."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from bot.common.text import printable
from bot.core.dialogue import COMMANDS, Dialogue
from bot.core.replies import Option, Reply, UserContext
from bot.store.base import StoreError

QUIT = {"/quit", "/exit", "quit", "exit"}
RETRY_PAUSE_SECONDS = 1.0


class ConsoleChat:
    """Reads lines, sends them through the dialogue core and prints the replies with numbered options."""

    def __init__(self, dialogue: Dialogue, user: UserContext, out: TextIO = sys.stdout) -> None:
        self.dialogue = dialogue
        self.user = user
        self.out = out
        self.options: list[Option] = []
        self.unsaved: str | None = None  # a line the store could not take yet; kept until it can
        self.last_error: StoreError | None = None

    def run(self, read_line: Callable[[str], str] = input, role: str | None = None) -> None:
        """Chat until end of input or /quit; with `role` the person has said who they are already."""
        greeting = self._attempt(
            lambda: (
                self.dialogue.choose(self.user, f"r:{role}")
                if role
                else self.dialogue.command(self.user, "start")
            )
        )
        if greeting is None:  # the database stayed busy: nothing typed yet, so nothing is lost
            raise self.last_error or StoreError("the database stayed busy — try again in a moment")
        self.show(greeting)
        while True:
            try:
                line = read_line("> ")
            except (EOFError, KeyboardInterrupt):
                self._goodbye("\n")
                return
            if line.strip().lower() in QUIT:
                self._goodbye()
                return
            if not line.strip() and self.unsaved is not None:
                line = self.unsaved  # Enter alone: try the kept message again
            try:
                replies = self._attempt(lambda text=line: self.step(text))
            except KeyboardInterrupt:  # Ctrl-C while waiting for the database: keep what they typed
                self.unsaved = line
                self._goodbye("\n")
                return
            if replies is None:
                self.unsaved = line
                self.out.write(
                    f"\nSorry — I could not save that ({self.last_error}). Your message is kept: "
                    "press Enter to try again.\n\n"
                )
                self.out.flush()
                continue
            self.unsaved = None
            self.show(replies)

    def _attempt(self, act: Callable[[], list[Reply]]) -> list[Reply] | None:
        """Run one step; if the store is busy (another program holds it), say so and try once more."""
        for attempt in range(2):
            try:
                return act()
            except StoreError as err:
                self.last_error = err
                if attempt == 0:
                    self.out.write("\n(The database is busy — waiting a moment and trying again…)\n")
                    self.out.flush()
                    time.sleep(RETRY_PAUSE_SECONDS)
        return None

    def _goodbye(self, before: str = "") -> None:
        if self.unsaved is not None:
            self.out.write(
                f"{before}Your last message was not saved; here it is to keep:\n{printable(self.unsaved)}\n"
            )
            before = ""
        self.out.write(f"{before}Bye!\n")

    def step(self, line: str) -> list[Reply]:
        """One line typed: an option number, a /command or a message."""
        stripped = line.strip()
        if stripped.isdigit() and 1 <= int(stripped) <= len(self.options):
            return self.dialogue.choose(self.user, self.options[int(stripped) - 1].payload)
        if stripped.startswith("/"):
            name, _, args = stripped[1:].partition(" ")
            if name.lower() in COMMANDS:
                return self.dialogue.command(self.user, name, args)
        return self.dialogue.handle(self.user, line)

    def show(self, replies: list[Reply]) -> None:
        """Print replies; the options of the last reply that has any become the numbers the person can
        type. A batch with no options clears them, so a number never reaches back to an older menu (and the
        dialogue still refuses a choice whose menu has moved on)."""
        self.options = []
        for reply in replies:
            self.out.write("\n" + printable(reply.text) + "\n")
            if reply.options:
                self.options = reply.options
                for number, option in enumerate(reply.options, 1):
                    self.out.write(f"  [{number}] {printable(option.label, keep_newlines=False)}\n")
        self.out.write("\n")
        self.out.flush()
