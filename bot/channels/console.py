"""The console chat: the embedded default channel, no token and no network."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from bot.core.dialogue import COMMANDS, Dialogue
from bot.core.replies import Option, Reply, UserContext

QUIT = {"/quit", "/exit", "quit", "exit"}


class ConsoleChat:
    """Reads lines, sends them through the dialogue core and prints the replies with numbered options."""

    def __init__(self, dialogue: Dialogue, user: UserContext, out: TextIO = sys.stdout) -> None:
        self.dialogue = dialogue
        self.user = user
        self.out = out
        self.options: list[Option] = []

    def run(self, read_line: Callable[[str], str] = input) -> None:
        """Chat until end of input or /quit."""
        self.show(self.dialogue.command(self.user, "start"))
        while True:
            try:
                line = read_line("> ")
            except (EOFError, KeyboardInterrupt):
                self.out.write("\nBye!\n")
                return
            if line.strip().lower() in QUIT:
                self.out.write("Bye!\n")
                return
            self.show(self.step(line))

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
            self.out.write("\n" + reply.text + "\n")
            if reply.options:
                self.options = reply.options
                for number, option in enumerate(reply.options, 1):
                    self.out.write(f"  [{number}] {option.label}\n")
        self.out.write("\n")
        self.out.flush()
