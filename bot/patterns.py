"""The safeguarding pattern language: compile pattern text into nodes and match them against a message.

Patterns (see docs/safeguarding-notes.md) are folded words with fuzzy spelling, `=exact`, `stem*`, `a|b`,
`(two words|one)`, `word?`, `@group`, gaps `*`/`*N`, numbers `#lo-hi`, and `^`/`$` for the start and end
of a sentence. This module knows nothing of categories or routes; bot/safeguarding.py does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from bot.schema import Problems
from bot.text import fold
from bot.yamlfile import Path_

_SENTENCE_END = re.compile(r"[.!?;:,\n\r]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "sooo" -> "so", "hurtsss" -> "hurts"
_GAP = re.compile(r"\*(\d*)")
_NUMBER = re.compile(r"#(\d{1,3})-(\d{1,3})")
_WORD = re.compile(r"[a-z0-9]+")


# A pattern compiles to a tuple of nodes: a frozenset of word keys (one word, any of them), _Alt (a choice
# that includes phrases), _Opt, _Gap, or the _START/_END anchors.


@dataclass(frozen=True)
class _Gap:
    most: int


@dataclass(frozen=True)
class _Alt:
    words: frozenset[str]  # the one-word choices, tested together
    phrases: tuple[tuple[Any, ...], ...]
    firsts: tuple[frozenset[str] | None, ...]  # keys each phrase can begin with; None if it can be empty


@dataclass(frozen=True)
class _Opt:
    inner: tuple[Any, ...]


_START = object()  # zero-width: the start of a sentence
_END = object()  # zero-width: the end of a sentence


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern; `needs` lists key sets the message must contain for it to have a chance."""

    source: str
    nodes: tuple[Any, ...]
    first: frozenset[str]
    needs: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Rule:
    """A phrase (one part, within 0) or `all:` parts that must occur within `within` words."""

    source: str
    parts: tuple[Pattern, ...]
    within: int
    unless: tuple[Pattern, ...]
    needs: tuple[frozenset[str], ...]


def _split(text: str, sep: str = " ") -> list[str] | None:
    """Split on `sep` outside brackets; None when the brackets do not pair up."""
    parts, depth, current = [], 0, ""
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
    return None if depth else [p for p in parts if p.strip()] if sep == " " else parts


def _keys(nodes: tuple[Any, ...]) -> frozenset[str]:
    """Every word key a node sequence mentions."""
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, frozenset):
            out |= node
        elif isinstance(node, _Alt):
            out |= node.words
            for phrase in node.phrases:
                out |= _keys(phrase)
        elif isinstance(node, _Opt):
            out |= _keys(node.inner)
    return frozenset(out)


def _first(nodes: tuple[Any, ...]) -> tuple[frozenset[str], bool]:
    """Keys that can begin a match, and whether the sequence can match no words at all."""
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, frozenset):
            return frozenset(out | node), False
        if isinstance(node, _Alt):
            out |= node.words
            nullable = False
            for phrase in node.phrases:
                keys, empty = _first(phrase)
                out |= keys
                nullable = nullable or empty
            if not nullable:
                return frozenset(out), False
        elif isinstance(node, _Opt):
            out |= _first(node.inner)[0]
    return frozenset(out), True


def _choice(options: list[tuple[Any, ...]]) -> Any:
    """One node for a choice between sequences: one-word choices merge into a single set test."""
    words: set[str] = set()
    phrases: list[tuple[Any, ...]] = []
    for option in options:
        if len(option) == 1 and isinstance(option[0], frozenset):
            words |= option[0]
        elif len(option) == 1 and isinstance(option[0], _Alt):
            words |= option[0].words
            phrases.extend(option[0].phrases)
        else:
            phrases.append(option)
    if not phrases:
        return frozenset(words)
    firsts = tuple(keys if not empty else None for keys, empty in map(_first, phrases))
    return _Alt(frozenset(words), tuple(phrases), firsts)


class Compiler:
    """Turns pattern text into nodes, recording the vocabulary and any problems."""

    def __init__(self, groups: Mapping[str, list[str]], gap: int, problems: Problems) -> None:
        self.group_text = groups
        self.gap = gap
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
        needs = tuple(_keys((n,)) for n in nodes if isinstance(n, (frozenset, _Alt)))
        return Pattern(text, nodes, first, needs)

    def check_groups(self) -> None:
        """Report problems in groups no rule uses yet."""
        for name in self.group_text:
            self._group(name, ("groups", name))

    def _sequence(self, text: str, at: Path_, *, gaps: bool) -> tuple[Any, ...]:
        nodes: list[Any] = []
        tokens = _split(str(text))
        if tokens is None:
            self.problems.add(at, f"'{text}': brackets do not pair up — every ( needs a )")
            return ()
        for token in tokens:
            if gap := _GAP.fullmatch(token):
                if not gaps:
                    self.problems.add(at, f"'{text}': gaps (*) are not allowed here — list the exact words")
                nodes.append(_Gap(int(gap.group(1) or self.gap)))
            elif token in ("^", "$"):
                nodes.append(_START if token == "^" else _END)
            else:
                node = self._token(token, text, at, gaps=gaps)
                if node is not None:
                    nodes.append(node)
        while nodes and isinstance(nodes[0], _Gap):  # a leading or trailing gap changes nothing
            nodes.pop(0)
        while nodes and isinstance(nodes[-1], _Gap):
            nodes.pop()
        return tuple(nodes)

    def _token(self, token: str, text: str, at: Path_, *, gaps: bool) -> Any:
        optional = token.endswith("?")
        body = token[:-1] if optional else token
        options: list[tuple[Any, ...]] = []
        for alt in _split(body, "|") or []:
            if alt.startswith("(") and alt.endswith(")"):  # (several words|or these)
                for inner in _split(alt[1:-1], "|") or []:
                    if nodes := self._sequence(inner, at, gaps=gaps):
                        options.append(nodes)
            elif "(" in alt or ")" in alt:
                self.problems.add(at, f"'{text}': brackets must surround whole words, as in (no one|nobody)")
            elif alt.startswith("@"):
                options.extend(self._group(alt[1:], at))
            elif key := self._literal(alt, text, at):
                options.append((frozenset({key}),))
        if not options:
            return None
        node = _choice(options)
        return _Opt((node,)) if optional else node

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


# ---- reading a message ----------------------------------------------------------------------------------


class Vocabulary:
    """Maps a message word to the pattern keys it satisfies: exact, stem, fuzzy spelling and number."""

    def __init__(self, compiler: Compiler, fuzzy_score: int, min_letters: int, ordinary: list[str]) -> None:
        self.exact: dict[str, set[str]] = {}
        for key in compiler.words:
            self.exact.setdefault(key.lstrip("="), set()).add(key)
        self.stems = {stem: stem + "*" for stem in compiler.stems}
        self.min_stem = min((len(s) for s in self.stems), default=99)
        self.score = fuzzy_score
        self.min_letters = min_letters
        # Misspellings keep the first two letters ("techer", "stragner"); requiring them stops real words
        # one letter apart from matching each other ("sitting" is not "hitting", "putting" not "cutting").
        self.by_start: dict[tuple[str, int], list[str]] = {}
        for key in compiler.words:
            if not key.startswith("=") and len(key) >= self.min_letters:
                self.by_start.setdefault((key[:2], len(key)), []).append(key)
        self.stems_by_start: dict[tuple[str, int], list[str]] = {}
        for stem in compiler.stems:
            if len(stem) >= self.min_letters:
                self.stems_by_start.setdefault((stem[:2], len(stem)), []).append(stem)
        self.ordinary = frozenset(fold(w) for w in ordinary)
        self.numbers: list[tuple[str, int, int]] = []
        for key in compiler.numbers:
            lo, hi = key[1:].split("-")
            self.numbers.append((key, int(lo), int(hi)))
        self.keys = lru_cache(maxsize=50_000)(self._keys)

    def _keys(self, word: str) -> frozenset[str]:
        found = set(self.exact.get(word, ()))
        for end in range(self.min_stem, len(word) + 1):
            if stem := self.stems.get(word[:end]):
                found.add(stem)
        if word.isdigit():
            value = int(word[:4])
            found.update(key for key, lo, hi in self.numbers if lo <= value <= hi)
        elif len(word) >= self.min_letters:
            found.update(self._fuzzy(word))
        return frozenset(found)

    def _fuzzy(self, word: str) -> set[str]:
        if word in self.ordinary:
            return set()
        found: set[str] = set()
        n, start = len(word), word[:2]
        # A ratio of 85 or more is only possible between words of similar length.
        for length in range(max(self.min_letters, n * 3 // 4), n * 4 // 3 + 2):
            for choice in self.by_start.get((start, length), ()):
                if fuzz.ratio(word, choice) >= self.score or (length == n and _swapped(word, choice)):
                    found.add(choice)
        for (stem_start, length), stems in self.stems_by_start.items():
            if stem_start == start and n >= length - 1:
                for head in {word[: length - 1], word[:length], word[: length + 1]}:
                    found.update(stem + "*" for stem in stems if fuzz.ratio(head, stem) >= self.score)
        return found


def _swapped(a: str, b: str) -> bool:
    """Whether two words differ only by two neighbouring letters swapped ("freind", "touhced")."""
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@dataclass
class Message:
    """A message as the pattern keys of each word, with the positions where sentences start and end."""

    keys: list[frozenset[str]]
    starts: frozenset[int]
    ends: frozenset[int]

    where: dict[str, list[int]] = field(default_factory=dict)
    # Many rules share parts ("@child", "@unknown"); matching each part from each position once per message
    # keeps long messages fast. Keyed by pattern text: the same text always compiles to the same nodes.
    found: dict[tuple[str, bool], dict[int, int]] = field(default_factory=dict)  # start -> end, -1 if none
    candidates: dict[str, list[int]] = field(default_factory=dict)

    def index(self) -> None:
        """Note where each key occurs (after exclusions), so patterns start only where they can."""
        self.where = {}
        self.found = {}
        self.candidates = {}
        for position, keys in enumerate(self.keys):
            for key in keys:
                self.where.setdefault(key, []).append(position)

    def mask(self, exclude: list[Pattern]) -> None:
        """Blank the words of every excluded phrase, so no rule can use them."""
        masked = [span for pattern in exclude for span in spans(pattern, self, longest=True)]
        for start, end in masked:
            self.keys[start:end] = [frozenset()] * (end - start)
        if masked:
            self.index()


def read(text: str, vocabulary: Vocabulary, spellings: Mapping[str, tuple[str, ...]]) -> Message:
    """Fold, split into sentences and words, apply `spellings:`, and look each word up."""
    keys: list[frozenset[str]] = []
    starts = set()
    for sentence in _SENTENCE_END.split(text):
        starts.add(len(keys))
        for typed in _WORD.findall(fold(sentence)):
            word = _REPEATS.sub(r"\1", typed)
            keys.extend(vocabulary.keys(w) for w in spellings.get(word, (word,)))
    message = Message(keys, frozenset(starts), frozenset(starts - {0}) | {len(keys)})
    message.index()
    return message


# ---- matching -------------------------------------------------------------------------------------------


def _advance(nodes: tuple[Any, ...], positions: set[int], msg: Message) -> set[int]:
    """Positions where a match of `nodes` can end, starting from any of `positions`."""
    size = len(msg.keys)
    for node in nodes:
        if not positions:
            break
        if isinstance(node, frozenset):
            positions = {p + 1 for p in positions if p < size and not node.isdisjoint(msg.keys[p])}
        elif isinstance(node, _Gap):
            positions = {p + k for p in positions for k in range(node.most + 1) if p + k <= size}
        elif isinstance(node, _Alt):
            here = set().union(*(msg.keys[p] for p in positions if p < size))
            ends = {p + 1 for p in positions if p < size and not node.words.isdisjoint(msg.keys[p])}
            for phrase, first in zip(node.phrases, node.firsts, strict=True):
                if first is None or not first.isdisjoint(here):
                    ends |= _advance(phrase, positions, msg)
            positions = ends
        elif isinstance(node, _Opt):
            positions = positions | _advance(node.inner, positions, msg)
        else:
            positions = positions & (msg.starts if node is _START else msg.ends)
    return positions


def _candidates(pattern: Pattern, msg: Message) -> list[int]:
    """Positions where a match of `pattern` could start, in order."""
    found = msg.candidates.get(pattern.source)
    if found is None:
        found = sorted({p for key in pattern.first if key in msg.where for p in msg.where[key]})
        msg.candidates[pattern.source] = found
    return found


def spans(
    pattern: Pattern, msg: Message, *, longest: bool = False, only: set[int] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of the shortest (or longest) match from each start position (or from those in `only`)."""
    memo = msg.found.setdefault((pattern.source, longest), {})
    found = []
    for start in _candidates(pattern, msg):
        if only is not None and start not in only:
            continue
        end = memo.get(start)
        if end is None:
            ends = _advance(pattern.nodes, {start}, msg)
            end = (max(ends) if longest else min(ends)) if ends else -1
            memo[start] = end
        if end >= 0:
            found.append((start, end))
    return found


def rule_spans(rule: Rule, msg: Message) -> list[tuple[int, int]]:
    """Where a rule matches: each span covers the whole phrase, or every part of an `all:` rule."""
    if any(msg.where.keys().isdisjoint(keys) for keys in rule.needs):
        return []
    if not rule.within:
        found = spans(rule.parts[0], msg)
        return [] if not found or any(spans(p, msg) for p in rule.unless) else found
    # Every part of a match starts within `within` words of the others, so match the rarest part first and
    # look for the rest only near it.
    order = sorted(rule.parts, key=lambda part: len(_candidates(part, msg)))
    anchor = spans(order[0], msg)
    if not anchor:
        return []
    near = {p for s, _ in anchor for p in range(s - rule.within, s + rule.within + 1)}
    found_by_part = {id(order[0]): anchor}
    for part in order[1:]:
        found_by_part[id(part)] = spans(part, msg, only=near)
        if not found_by_part[id(part)]:
            return []
    if any(spans(p, msg) for p in rule.unless):
        return []
    per_part = [found_by_part[id(part)] for part in rule.parts]
    starts = [[s for s, _ in found] for found in per_part]
    found = []
    for left in sorted({s for part_spans in per_part for s, _ in part_spans}):
        right = left
        for part_spans, part_starts in zip(per_part, starts, strict=True):
            lo, hi = bisect_left(part_starts, left), bisect_right(part_starts, left + rule.within)
            ends = [e for _, e in part_spans[lo:hi] if e <= left + rule.within]
            if not ends:
                break
            right = max(right, min(ends))
        else:
            found.append((left, right))
    return found
