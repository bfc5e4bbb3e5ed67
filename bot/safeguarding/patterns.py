"""The safeguarding pattern language: compile pattern text into nodes (matched by scanning.py).

Patterns (see docs/safeguarding-notes.md) are folded words with fuzzy spelling, `=exact`, `stem*`, `a|b`,
`(two words|one)`, `word?`, `@group`, gaps `*`/`*N`, numbers `#lo-hi`, and `^`/`$` for the start and end
of a sentence. This module knows nothing of categories or routes; bot/safeguarding/detector.py does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.common.schema import Problems
from bot.common.text import fold, split_outside_brackets
from bot.common.yamlfile import Path_

_GAP = re.compile(r"\*(\d*)")
_NUMBER = re.compile(r"#(\d{1,3})-(\d{1,3})")


# A pattern compiles to a tuple of nodes: a frozenset of word keys (one word, any of them), Alt (a choice
# that includes phrases), Opt, Gap, or the START/END anchors.


@dataclass(frozen=True)
class Gap:
    most: int


@dataclass(frozen=True)
class Alt:
    words: frozenset[str]  # the one-word choices, tested together
    phrases: tuple[tuple[Any, ...], ...]
    firsts: tuple[frozenset[str] | None, ...]  # keys each phrase can begin with; None if it can be empty


@dataclass(frozen=True)
class Opt:
    inner: tuple[Any, ...]


START = object()  # zero-width: the start of a sentence
END = object()  # zero-width: the end of a sentence


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern; `needs` lists key sets the message must contain for it to have a chance."""

    source: str
    nodes: tuple[Any, ...]
    first: frozenset[str]
    needs: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Lexicon:
    """Every literal key the compiled patterns use: words (and `=exact` words), stems and number ranges."""

    words: frozenset[str]
    stems: frozenset[str]
    numbers: frozenset[str]


@dataclass(frozen=True)
class Rule:
    """A phrase (one part, within 0) or `all:` parts that must occur within `within` words."""

    source: str
    parts: tuple[Pattern, ...]
    within: int
    unless: tuple[Pattern, ...]
    needs: tuple[frozenset[str], ...]
    unless_writer: frozenset[str] = frozenset()
    """The roles (chosen by the person writing) that cancel this rule, as their own words would."""


def _keys(nodes: tuple[Any, ...]) -> frozenset[str]:
    """Every word key a node sequence mentions."""
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, frozenset):
            out |= node
        elif isinstance(node, Alt):
            out |= node.words
            for phrase in node.phrases:
                out |= _keys(phrase)
        elif isinstance(node, Opt):
            out |= _keys(node.inner)
    return frozenset(out)


def _first(nodes: tuple[Any, ...]) -> tuple[frozenset[str], bool]:
    """Keys that can begin a match, and whether the sequence can match no words at all."""
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, frozenset):
            return frozenset(out | node), False
        if isinstance(node, Alt):
            out |= node.words
            nullable = False
            for phrase in node.phrases:
                keys, empty = _first(phrase)
                out |= keys
                nullable = nullable or empty
            if not nullable:
                return frozenset(out), False
        elif isinstance(node, Opt):
            out |= _first(node.inner)[0]
    return frozenset(out), True


def _always_a_word(node: Any) -> bool:
    """Whether a choice always matches at least one word (no option of it can match none)."""
    return isinstance(node, Alt) and None not in node.firsts


def _choice(options: list[tuple[Any, ...]]) -> Any:
    """One node for a choice between sequences: one-word choices merge into a single set test."""
    words: set[str] = set()
    phrases: list[tuple[Any, ...]] = []
    for option in options:
        if len(option) == 1 and isinstance(option[0], frozenset):
            words |= option[0]
        elif len(option) == 1 and isinstance(option[0], Alt):
            words |= option[0].words
            phrases.extend(option[0].phrases)
        else:
            phrases.append(option)
    if not phrases:
        return frozenset(words)
    firsts = tuple(keys if not empty else None for keys, empty in map(_first, phrases))
    return Alt(frozenset(words), tuple(phrases), firsts)


class Compiler:
    """Turns pattern text into nodes, recording the vocabulary and any problems."""

    def __init__(
        self,
        groups: Mapping[str, list[str]],
        gap: int,
        problems: Problems,
        spellings: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.group_text = groups
        self.gap = gap
        # a word the reader rewrites (`spellings:` "hes" -> "he is") is matched as read too (`_as_read`)
        self.spellings = spellings or {}
        self.problems = problems
        self.words: set[str] = set()  # plain and =exact literal keys
        self.stems: set[str] = set()
        self.numbers: set[str] = set()
        self.groups: dict[str, list[tuple[Any, ...]]] = {}
        self._building: list[str] = []

    def pattern(self, text: str, at: Path_, *, gaps: bool = True) -> Pattern | None:
        """Compile one pattern; None (with a problem recorded) when it is unusable."""
        before = len(self.problems.items)
        nodes = self._sequence(text, at, gaps=gaps)
        if len(self.problems.items) > before:
            return None
        first, empty = _first(nodes)
        if empty:
            self.problems.add(at, f"'{text}' can match nothing — it needs a word that is not optional")
            return None
        # A choice that can match no words ("(really?|badly)") is not needed by every match.
        needs = tuple(_keys((n,)) for n in nodes if isinstance(n, frozenset) or _always_a_word(n))
        return Pattern(text, nodes, first, needs)

    def lexicon(self) -> Lexicon:
        """The literal keys of every pattern compiled so far."""
        return Lexicon(frozenset(self.words), frozenset(self.stems), frozenset(self.numbers))

    def check_groups(self) -> None:
        """Report problems in groups no rule uses yet."""
        for name in self.group_text:
            self._group(name, ("groups", name))

    def _sequence(self, text: str, at: Path_, *, gaps: bool) -> tuple[Any, ...]:
        nodes: list[Any] = []
        tokens = split_outside_brackets(str(text))
        if tokens is None:
            self.problems.add(at, f"'{text}': brackets do not pair up — every ( needs a )")
            return ()
        for token in tokens:
            if gap := _GAP.fullmatch(token):
                if not gaps:
                    self.problems.add(at, f"'{text}': gaps (*) are not allowed here — list the exact words")
                nodes.append(Gap(int(gap.group(1) or self.gap)))
            elif token in ("^", "$"):
                nodes.append(START if token == "^" else END)
            else:
                node = self._token(token, text, at, gaps=gaps)
                if node is not None:
                    nodes.append(node)
        while nodes and isinstance(nodes[0], Gap):  # a leading or trailing gap changes nothing
            nodes.pop(0)
        while nodes and isinstance(nodes[-1], Gap):
            nodes.pop()
        return tuple(nodes)

    def _token(self, token: str, text: str, at: Path_, *, gaps: bool) -> Any:
        optional = token.endswith("?")
        body = token[:-1] if optional else token
        options: list[tuple[Any, ...]] = []
        for alt in split_outside_brackets(body, "|") or []:
            if alt.startswith("(") and alt.endswith(")"):  # (several words|or these)
                for inner in split_outside_brackets(alt[1:-1], "|") or []:
                    if nodes := self._sequence(inner, at, gaps=gaps):
                        options.append(nodes)
            elif "(" in alt or ")" in alt:
                self.problems.add(at, f"'{text}': brackets must surround whole words, as in (no one|nobody)")
            elif alt.startswith("@"):
                options.extend(self._group(alt[1:], at))
            elif key := self._literal(alt, text, at):
                options.append((frozenset({key}),))  # as written: a misspelling close to it still reaches it
                if read := self._as_read(key):
                    options.append(read)
        if not options:
            return None
        node = _choice(options)
        return Opt((node,)) if optional else node

    def _as_read(self, key: str) -> tuple[frozenset[str], ...] | None:
        """A word the reader rewrites, as it reads it: "hes" is read as "he is", so a pattern's "hes" matches
        "he is" too (a digit is read as itself as well: "want 2 die" holds the number)."""
        words = self.spellings.get(key)
        if not words or key.isdigit():
            return None
        self.words.update(words)
        return tuple(frozenset({word}) for word in words)

    def _literal(self, alt: str, text: str, at: Path_) -> str | None:
        if _NUMBER.fullmatch(alt):
            self.numbers.add(alt)
            return alt
        exact, stem = alt.startswith("="), alt.endswith("*")
        word = fold(alt.strip("=*"))
        if not word or " " in word or "*" in alt.strip("=*") or "=" in alt.strip("=*"):
            self.problems.add(
                at, f"'{text}': '{alt}' is not a word — use letters, `stem*`, `=word` or `#lo-hi`"
            )
            return None
        if stem:
            if len(word) < 3:
                self.problems.add(at, f"'{text}': '{alt}' is too short for a stem — give at least 3 letters")
                return None
            self.stems.add(word)
            return word + "*"
        key = "=" + word if exact else word
        self.words.add(key)
        return key

    def _group(self, name: str, at: Path_) -> list[tuple[Any, ...]]:
        if name in self.groups:
            return self.groups[name]
        entries = self.group_text.get(name)
        if entries is None:
            known = ", ".join(sorted(self.group_text)) or "none defined"
            self.problems.add(at, f"unknown group '@{name}' — define it under groups: ({known})")
            return []
        if name in self._building:
            chain = " -> ".join(f"@{n}" for n in [*self._building, name])
            self.problems.add(at, f"group '@{name}' refers to itself ({chain}) — break the loop")
            return []
        self._building.append(name)
        options = []
        for index, entry in enumerate(entries):
            nodes = self._sequence(entry, ("groups", name, index), gaps=True)
            if nodes:
                options.append(nodes)
        self._building.pop()
        self.groups[name] = options
        return options
