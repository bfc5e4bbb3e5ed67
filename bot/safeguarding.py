"""Recognise safeguarding disclosures in any message, before policy matching, from knowledge/safeguarding.yaml.

The wording lives in the YAML; this module only knows the pattern language (see docs/safeguarding-notes.md):
words matched on folded text with fuzzy spelling, `stem*`, `=exact`, `a|b`, `word?`, `@group`, gaps `*`/`*N`,
numbers `#lo-hi` and `^` (start of a sentence); rules are a phrase or `all:` parts within a window of words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

from rapidfuzz import fuzz

from bot.knowledge import KnowledgeError
from bot.schema import Problems, build
from bot.text import fold
from bot.yamlfile import Path_, YamlError, load_yaml

Route = Literal["dsl", "headteacher", "chair_of_governors"]
ROUTE_RANK = {"dsl": 0, "headteacher": 1, "chair_of_governors": 2}
"""KCSIE: an allegation about the headteacher outranks one about staff, which outranks any other concern."""

_SENTENCE_END = re.compile(r"[.!?;:,\n\r]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "sooo" -> "so", "hurtsss" -> "hurts"
_GAP = re.compile(r"\*(\d*)")
_NUMBER = re.compile(r"#(\d{1,3})-(\d{1,3})")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Detection:
    """A message that looks like a safeguarding disclosure and who must hear about it."""

    category: str
    route: Route
    matched: str  # the rule that fired; for tests and debugging only, never shown or logged with the text


# ---- the YAML schema ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """Tuning knobs a school rarely needs to change."""

    fuzzy_score: int = 85
    fuzzy_min_letters: int = 5
    gap: int = 3
    within: int = 10
    near: int = 6


@dataclass(frozen=True)
class RuleSpec:
    """One rule: a phrase, or several parts that must all occur within `within` words."""

    phrase: str = ""
    all: list[str] = field(default_factory=list)
    within: int = 0
    unless: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CategorySpec:
    """A kind of concern, who it goes to, and the rules that recognise it."""

    id: str
    route: Route
    rules: list[Any] = field(default_factory=list)
    about: str = ""
    note: str = ""


@dataclass(frozen=True)
class SafeguardingSpec:
    """knowledge/safeguarding.yaml."""

    categories: list[CategorySpec]
    groups: dict[str, list[str]] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    ordinary_words: list[str] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)


# ---- compiled patterns ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Gap:
    most: int


@dataclass(frozen=True)
class _Alt:
    options: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class _Opt:
    inner: tuple[Any, ...]


_START = object()  # zero-width: the start of a sentence


@dataclass(frozen=True)
class _Pattern:
    source: str
    nodes: tuple[Any, ...]
    first: frozenset[str]
    needs: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class _Rule:
    source: str
    parts: tuple[_Pattern, ...]
    within: int
    unless: tuple[_Pattern, ...]
    needs: tuple[frozenset[str], ...]


@dataclass(frozen=True)
class _Category:
    id: str
    route: Route
    rules: tuple[_Rule, ...]
    about: _Pattern | None


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
        if isinstance(node, str):
            out.add(node)
        elif isinstance(node, _Alt):
            for option in node.options:
                out |= _keys(option)
        elif isinstance(node, _Opt):
            out |= _keys(node.inner)
    return frozenset(out)


def _first(nodes: tuple[Any, ...]) -> tuple[frozenset[str], bool]:
    """Keys that can begin a match, and whether the sequence can match no words at all."""
    out: set[str] = set()
    for node in nodes:
        if isinstance(node, str):
            return frozenset(out | {node}), False
        if isinstance(node, _Alt):
            nullable = False
            for option in node.options:
                keys, empty = _first(option)
                out |= keys
                nullable = nullable or empty
            if not nullable:
                return frozenset(out), False
        elif isinstance(node, _Opt):
            out |= _first(node.inner)[0]
    return frozenset(out), True


class _Compiler:
    """Turns pattern text into nodes, recording the vocabulary and any problems."""

    def __init__(self, spec: SafeguardingSpec, problems: Problems) -> None:
        self.spec = spec
        self.problems = problems
        self.words: set[str] = set()  # plain and =exact literal keys
        self.stems: set[str] = set()
        self.numbers: set[str] = set()
        self.groups: dict[str, _Alt] = {}
        self._building: list[str] = []

    def pattern(self, text: str, at: Path_, *, gaps: bool = True) -> _Pattern | None:
        """Compile one pattern; None (with a problem recorded) when it is unusable."""
        before = len(self.problems.items)
        nodes = self._sequence(text, at, gaps=gaps)
        if len(self.problems.items) > before:
            return None
        first, empty = _first(nodes)
        if empty:
            self.problems.add(at, f"'{text}' can match nothing — it needs at least one word that is not optional")
            return None
        needs = tuple(_keys((n,)) for n in nodes if isinstance(n, (str, _Alt)))
        return _Pattern(text, nodes, first, needs)

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
                nodes.append(_Gap(int(gap.group(1) or self.spec.settings.gap)))
            elif token == "^":
                nodes.append(_START)
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
                group = self._group(alt[1:], at)
                if group is not None:
                    options.extend(group.options)
            elif key := self._literal(alt, text, at):
                options.append((key,))
        if not options:
            return None
        node: Any = options[0][0] if len(options) == 1 and len(options[0]) == 1 else _Alt(tuple(options))
        return _Opt((node,)) if optional else node

    def _literal(self, alt: str, text: str, at: Path_) -> str | None:
        if _NUMBER.fullmatch(alt):
            self.numbers.add(alt)
            return alt
        exact, stem = alt.startswith("="), alt.endswith("*")
        word = fold(alt.strip("=*"))
        if not word or " " in word or "*" in alt.strip("=*") or "=" in alt.strip("=*"):
            self.problems.add(at, f"'{text}': '{alt}' is not a word — use letters/digits, `stem*`, `=word` or `#lo-hi`")
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

    def _group(self, name: str, at: Path_) -> _Alt | None:
        if name in self.groups:
            return self.groups[name]
        entries = self.spec.groups.get(name)
        if entries is None:
            known = ", ".join(sorted(self.spec.groups)) or "none defined"
            self.problems.add(at, f"unknown group '@{name}' — define it under groups: ({known})")
            return None
        if name in self._building:
            chain = " -> ".join(f"@{n}" for n in [*self._building, name])
            self.problems.add(at, f"group '@{name}' refers to itself ({chain}) — break the loop")
            return None
        self._building.append(name)
        options = []
        for index, entry in enumerate(entries):
            nodes = self._sequence(entry, ("groups", name, index), gaps=True)
            if nodes:
                options.append(nodes)
        self._building.pop()
        self.groups[name] = _Alt(tuple(options))
        return self.groups[name]


# ---- matching -------------------------------------------------------------------------------------------


class _Vocabulary:
    """Maps a message word to the pattern keys it satisfies: exact, stem, fuzzy spelling and number."""

    def __init__(self, compiler: _Compiler, settings: Settings, ordinary: list[str]) -> None:
        self.exact: dict[str, set[str]] = {}
        for key in compiler.words:
            self.exact.setdefault(key.lstrip("="), set()).add(key)
        self.stems = {stem: stem + "*" for stem in compiler.stems}
        self.min_stem = min((len(s) for s in self.stems), default=99)
        self.score = settings.fuzzy_score
        self.min_letters = settings.fuzzy_min_letters
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
        self.numbers = [(key, *map(int, _NUMBER.fullmatch(key).groups())) for key in compiler.numbers]  # type: ignore[union-attr]
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
        for length in range(max(self.min_letters, n * 3 // 4), n * 4 // 3 + 2):  # ratio >= 85 needs similar length
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
class _Message:
    keys: list[frozenset[str]]
    starts: frozenset[int]

    @property
    def present(self) -> set[str]:
        """Every key some word of the message satisfies."""
        return set().union(*self.keys)


def _advance(nodes: tuple[Any, ...], positions: set[int], msg: _Message) -> set[int]:
    """Positions where a match of `nodes` can end, starting from any of `positions`."""
    size = len(msg.keys)
    for node in nodes:
        if not positions:
            break
        if isinstance(node, str):
            positions = {p + 1 for p in positions if p < size and node in msg.keys[p]}
        elif isinstance(node, _Gap):
            positions = {p + k for p in positions for k in range(node.most + 1) if p + k <= size}
        elif isinstance(node, _Alt):
            ends: set[int] = set()
            for option in node.options:
                ends |= _advance(option, positions, msg)
            positions = ends
        elif isinstance(node, _Opt):
            positions = positions | _advance(node.inner, positions, msg)
        else:  # _START
            positions = positions & msg.starts
    return positions


def _spans(pattern: _Pattern, msg: _Message, *, longest: bool = False) -> list[tuple[int, int]]:
    """(start, end) of the shortest (or longest) match from each start position."""
    found = []
    for start, keys in enumerate(msg.keys):
        if not keys.isdisjoint(pattern.first):
            ends = _advance(pattern.nodes, {start}, msg)
            if ends:
                found.append((start, max(ends) if longest else min(ends)))
    return found


def _rule_spans(rule: _Rule, msg: _Message, present: set[str]) -> list[tuple[int, int]]:
    """Where a rule matches: each span covers the whole phrase, or every part of an `all:` rule."""
    if any(present.isdisjoint(keys) for keys in rule.needs):
        return []
    if any(_spans(p, msg) for p in rule.unless):
        return []
    per_part = [_spans(part, msg) for part in rule.parts]
    if not all(per_part):
        return []
    if not rule.within:
        return per_part[0]
    starts = [[s for s, _ in spans] for spans in per_part]
    found = []
    for left in sorted({s for spans in per_part for s, _ in spans}):
        right = left
        for spans, part_starts in zip(per_part, starts, strict=True):
            lo, hi = bisect_left(part_starts, left), bisect_right(part_starts, left + rule.within)
            ends = [e for _, e in spans[lo:hi] if e <= left + rule.within]
            if not ends:
                break
            right = max(right, min(ends))
        else:
            found.append((left, right))
    return found


# ---- the detector ---------------------------------------------------------------------------------------


class SafeguardingDetector:
    """Finds disclosures of a child at risk and allegations about staff or the headteacher."""

    def __init__(
        self, spec: SafeguardingSpec, compiler: _Compiler, exclude: list[_Pattern], categories: list[_Category]
    ) -> None:
        self.near = spec.settings.near
        self.vocabulary = _Vocabulary(compiler, spec.settings, spec.ordinary_words)
        self.spellings = {
            variant: tuple(fold(canonical).split())
            for canonical, variants in spec.spellings.items()
            for variant in (fold(v) for v in variants)
        }
        self.exclude = exclude
        self.categories = categories
        self.about = sorted((c for c in categories if c.about), key=lambda c: -ROUTE_RANK[c.route])

    @classmethod
    def from_file(cls, path: str | Path) -> SafeguardingDetector:
        """Load knowledge/safeguarding.yaml; raises KnowledgeError listing every `file:line` problem."""
        detector, problems = _load(path)
        if problems or detector is None:
            raise KnowledgeError(problems)
        return detector

    def detect(self, text: str) -> Detection | None:
        """The most serious concern in a message, or None when it reads as an ordinary question."""
        if not isinstance(text, str) or not text:
            return None
        msg = self._message(text)
        if not msg.keys:
            return None
        for pattern in self.exclude:
            for start, end in _spans(pattern, msg, longest=True):
                msg.keys[start:end] = [frozenset()] * (end - start)
        present = msg.present
        best: tuple[int, int, Detection] | None = None
        mentions: list[tuple[_Category, int, int]] | None = None
        for order, category in enumerate(self.categories):
            for rule in category.rules:
                for span in _rule_spans(rule, msg, present):
                    if mentions is None:
                        mentions = self._mentions(msg)
                    found = self._route(category, rule, span, mentions)
                    rank = ROUTE_RANK[found.route]
                    if best is None or (rank, -order) > best[:2]:
                        best = (rank, -order, found)
        return best[2] if best else None

    def _message(self, text: str) -> _Message:
        keys: list[frozenset[str]] = []
        starts = set()
        for sentence in _SENTENCE_END.split(text):
            starts.add(len(keys))
            for typed in _WORD.findall(fold(sentence)):
                word = _REPEATS.sub(r"\1", typed)
                keys.extend(self.vocabulary.keys(w) for w in self.spellings.get(word, (word,)))
        return _Message(keys, frozenset(starts))

    def _mentions(self, msg: _Message) -> list[tuple[_Category, int, int]]:
        """Mentions of staff or the headteacher; one inside a longer mention ("head teacher") does not count."""
        found = [(c, s, e) for c in self.about if c.about for s, e in _spans(c.about, msg, longest=True)]
        return [
            (c, s, e)
            for c, s, e in found
            if not any(os <= s and e <= oe and oe - os > e - s for _, os, oe in found)
        ]

    def _route(
        self, category: _Category, rule: _Rule, span: tuple[int, int], mentions: list[tuple[_Category, int, int]]
    ) -> Detection:
        """Send a concern to the headteacher or chair when it is about them (a mention near or inside it)."""
        start, end = span
        for about, s, _ in mentions:  # highest route first
            if start - self.near <= s < end:
                return Detection(about.id, about.route, rule.source)
        return Detection(category.id, category.route, rule.source)


def check_file(path: str | Path) -> list[str]:
    """Problems in a safeguarding file as `file:line: path: what to fix`; [] when it is clean."""
    return _load(path)[1]


def _load(path: str | Path) -> tuple[SafeguardingDetector | None, list[str]]:
    try:
        doc = load_yaml(path)
    except YamlError as err:
        return None, [str(err)]
    problems = Problems(doc)
    spec = build(SafeguardingSpec, doc.data, (), problems)
    if spec is None:
        return None, problems.items
    compiler = _Compiler(spec, problems)
    categories: list[_Category] = []
    seen: set[str] = set()
    for index, category in enumerate(spec.categories):
        if category is None:
            continue
        at: Path_ = ("categories", index)
        if category.id in seen:
            problems.add((*at, "id"), f"category '{category.id}' is defined twice — rename one")
        seen.add(category.id)
        rules = tuple(r for i, raw in enumerate(category.rules) if (r := _rule(raw, (*at, "rules", i), compiler)))
        if not rules and not category.about:
            problems.add((*at, "rules"), "no rules — add at least one phrase")
        about = compiler.pattern(category.about, (*at, "about")) if category.about else None
        categories.append(_Category(category.id, category.route, rules, about))
    if not spec.categories:
        problems.add(("categories",), "no categories — add at least one")
    exclude = [compiler.pattern(text, ("exclude", i), gaps=False) for i, text in enumerate(spec.exclude)]
    for name in spec.groups:
        compiler._group(name, ("groups", name))  # report problems in groups no rule uses yet
    if not 50 <= spec.settings.fuzzy_score <= 100:
        problems.add(("settings", "fuzzy_score"), "must be between 50 and 100 (85 tolerates one typo)")
    if problems.items:
        return None, problems.items
    return SafeguardingDetector(spec, compiler, [p for p in exclude if p], categories), []


def _rule(raw: Any, at: Path_, compiler: _Compiler) -> _Rule | None:
    """Compile one rule (a phrase string or a mapping) with its location for problems."""
    problems = compiler.problems
    if isinstance(raw, str):
        spec = RuleSpec(phrase=raw)
    else:
        built = build(RuleSpec, raw, at, problems)
        if built is None:
            return None
        spec = cast(RuleSpec, built)
    if bool(spec.phrase) == bool(spec.all):
        problems.add(at, "give either a phrase (text) or `all:` with a list of parts, not both or neither")
        return None
    texts = [spec.phrase] if spec.phrase else spec.all
    where = [at] if spec.phrase else [(*at, "all", i) for i in range(len(texts))]
    parts = [compiler.pattern(t, w) for t, w in zip(texts, where, strict=True)]
    unless = [compiler.pattern(t, (*at, "unless", i)) for i, t in enumerate(spec.unless)]
    if None in parts or None in unless:
        return None
    within = spec.within or (compiler.spec.settings.within if spec.all else 0)
    needs = tuple(k for p in parts if p for k in p.needs)
    source = spec.phrase or "all: " + " + ".join(spec.all) + f" (within {within})"
    return _Rule(source, tuple(p for p in parts if p), within, tuple(u for u in unless if u), needs)


