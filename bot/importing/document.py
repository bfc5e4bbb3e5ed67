"""What every format reader produces: the document's blocks in order, and what could not be placed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.common.schema import ProblemsError

BlockKind = Literal["heading", "paragraph", "bullet"]

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
# Word leaves bookmarks such as "[bookmark: _GoBack]" in text it exports.
_ARTEFACTS = re.compile(r"\[bookmark: [^\]]*\]")
BULLET_MARKS = "·•▪◦‣∙●○■□–-*+"


class ImportFailed(ProblemsError):
    """The document cannot be imported; each problem says what to do."""


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a bullet point, its text as written (spaces collapsed)."""

    kind: BlockKind
    text: str
    where: str = ""  # e.g. "line 12", "page 2", "paragraph 7": for warnings


@dataclass
class Document:
    """A document read from a file: blocks in order, the title and date if the file says, warnings."""

    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    date: str = ""
    warnings: list[str] = field(default_factory=list)

    def add(self, kind: BlockKind, text: str, where: str = "") -> None:
        """Add a block, tidied; blank text or lone punctuation is dropped."""
        text = tidy(text)
        if not text:
            return
        if not any(ch.isalnum() for ch in text):
            self.warnings.append(f"{where}: “{text}” has no words — skipped")
            return
        self.blocks.append(Block(kind, text, where))


def tidy(text: str) -> str:
    """Text as written, with runs of spaces collapsed and export artefacts removed."""
    return _SPACES.sub(" ", _ARTEFACTS.sub("", text).replace("\r", " ").replace("\n", " ")).strip()


def strip_bullet(line: str) -> str | None:
    """The text of a bullet line ("· text", "- text", "1. text"), or None if the line is not a bullet."""
    stripped = line.lstrip()
    if len(stripped) > 1 and stripped[0] in BULLET_MARKS and stripped[1] in " \t":
        return stripped[2:].strip()
    numbered = re.match(r"^(\d{1,2}|[a-z])[.)]\s+(.*)$", stripped)
    if numbered and numbered.group(2)[-1:] in ".;:,!?":
        return numbered.group(2).strip()
    return None
