"""Text clean-up shared by matching and safeguarding: case, accents, punctuation, control characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

MAX_INPUT_CHARS = 2000
"""Questions are cut to this length before matching; nobody asks a policy question in 2,000 characters."""

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[^a-z0-9']+")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Drop control and format characters and collapse whitespace, keeping the words as typed.

    Invisible characters (NUL, zero-width spaces, joiners…) usually sit inside words and are dropped. When
    they outnumber the ordinary spaces they are standing in for them (a zero-width space or NUL between each
    word) and become spaces, except between single letters (one between each letter), which stay one word.
    """
    parts: list[str] = []  # runs of visible text, with " " for whitespace and "" for an invisible character
    invisible = spaces = 0
    for ch in text:
        category = unicodedata.category(ch)
        if ch.isspace():
            spaces += not parts or parts[-1] != " "
            parts.append(" ")
        elif category in ("Cc", "Cf"):
            invisible += 1
            parts.append("")
        elif category[0] != "C":  # surrogates, private use and unassigned characters go
            if parts and parts[-1] not in ("", " "):
                parts[-1] += ch
            else:
                parts.append(ch)
    if invisible > spaces:
        parts = [_separator(parts, i) if part == "" else part for i, part in enumerate(parts)]
    return _SPACES.sub(" ", "".join(parts)).strip()


def _separator(parts: list[str], index: int) -> str:
    """A space for an invisible character standing in for one, unless it splits single letters."""
    before = next((p for p in reversed(parts[:index]) if p), "")
    after = next((p for p in parts[index + 1 :] if p), "")
    return "" if len(before) == 1 and len(after) == 1 else " "


_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, clear screen, colours
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


def printable(text: str, keep_newlines: bool = True) -> str:
    """Text safe to print on a terminal: escape sequences and control characters go (for output only).

    Stored text stays as the person wrote it; this is applied when the office or a console user sees it,
    so a concern cannot clear the screen, retitle the window, fake lines or reverse text.
    """
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n")
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if keep_newlines else " ")
        elif ch == "\t":
            out.append(" ")
        elif ch in _BIDI or unicodedata.category(ch) == "Cc":
            continue
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """Lower-case, strip accents and turn everything that is not a letter or digit into single spaces."""
    text = text.translate(_APOSTROPHES).lower()
    if not text.isascii():  # plain ASCII has no accents to strip (and most messages are plain ASCII)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _NON_WORD.sub(" ", text)
    # Apostrophes only matter inside words ("don't"); drop them, keeping the word whole.
    text = text.replace("'", "")
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The folded words of a text."""
    folded = fold(text)
    return folded.split() if folded else []


def has_words(text: str) -> bool:
    """Whether the text has a word to read (letters in any script); digits and symbols are not a question."""
    return any(unicodedata.category(ch)[0] == "L" for ch in text)


def has_letters(text: str) -> bool:
    """Whether the text has anything a matcher could read (letters or digits in any script)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def split_outside_brackets(text: str, sep: str = " ") -> list[str] | None:
    """Split on `sep` outside brackets; None when the brackets do not pair up. Splitting on spaces drops
    empty parts ("a  b"); on any other `sep` they are kept ("a||b" has an empty choice). The pattern notations
    of knowledge/safeguarding.yaml and of intents' `firm_requests` both read their slots with it."""
    parts, depth, current = [], 0, ""
    if "(" in text or ")" in text:
        for ch in text:
            depth += (ch == "(") - (ch == ")")
            if depth < 0:
                return None
            if ch == sep and depth == 0:
                parts.append(current)
                current = ""
            else:
                current += ch
        parts.append(current)
    else:  # no brackets (most patterns): every `sep` splits
        parts = text.split(sep)
    return None if depth else [p for p in parts if p.strip()] if sep == " " else parts


def phrase_alternatives(phrases: list[str], word: Callable[[str], str] = re.escape) -> str:
    """A regular expression's alternatives for folded phrases as they may be typed: any spacing or hyphens
    between their words, the longest first (so that "chair of governors" wins over "chair"). `word` writes
    one word as a pattern."""
    names = sorted({fold(p) for p in phrases if fold(p)}, key=len, reverse=True)
    return "|".join(r"[\s\-]+".join(map(word, name.split())) for name in names)
