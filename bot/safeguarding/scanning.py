"""Reading a message for the safeguarding patterns: words to pattern keys (exact, stem, fuzzy), then spans.

The pattern language itself is compiled by bot/safeguarding/patterns.py; this module matches compiled
patterns against one message.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from bot.common.text import fold
from bot.safeguarding.details import an_answer, capitalised, without_contacts
from bot.safeguarding.patterns import START, Alt, Gap, Lexicon, Opt, Pattern, Rule
from bot.safeguarding.punctuation import CLAUSE_END, SENTENCE_END, punctuated
from bot.safeguarding.symbols import Symbols
from bot.safeguarding.triggers import has_every

_REPEATS = re.compile(r"([a-z])\1{2,}")  # "sooo" -> "so", "hurtsss" -> "hurts"
_WORD = re.compile(r"[a-z0-9]+")
_INITIAL = "."  # after a title and an initial ("Mrs S Cox")
_ALSO_ALONE = ("miss", "sir")  # titles pupils also use alone, so a known or unknown word may follow


class Vocabulary:
    """Maps a message word to the pattern keys it satisfies: exact, stem, fuzzy spelling and number."""

    def __init__(
        self,
        lexicon: Lexicon,
        fuzzy_score: int,
        min_letters: int,
        ordinary: list[str],
        titles: list[str] = (),  # type: ignore[assignment]
        head_words: list[str] = (),  # type: ignore[assignment]
        symbols: Mapping[str, str] | None = None,
    ) -> None:
        self.exact: dict[str, set[str]] = {}
        for key in lexicon.words:
            self.exact.setdefault(key.lstrip("="), set()).add(key)
        self.stems = {stem: stem + "*" for stem in lexicon.stems}
        self.min_stem = min((len(s) for s in self.stems), default=99)
        self.score = fuzzy_score
        self.min_letters = min_letters
        # Misspellings keep the first two letters ("techer", "stragner"); requiring them stops real words
        # one letter apart from matching each other ("sitting" is not "hitting", "putting" not "cutting").
        self.by_start: dict[tuple[str, int], list[str]] = {}
        for key in lexicon.words:
            if not key.startswith("=") and len(key) >= self.min_letters:
                self.by_start.setdefault((key[:2], len(key)), []).append(key)
        self.stems_by_start: dict[tuple[str, int], list[str]] = {}
        for stem in lexicon.stems:
            if len(stem) >= self.min_letters:
                self.stems_by_start.setdefault((stem[:2], len(stem)), []).append(stem)
        self.ordinary = frozenset(fold(w) for w in ordinary)
        self.numbers: list[tuple[str, int, int]] = []
        for key in lexicon.numbers:
            lo, hi = key[1:].split("-")
            self.numbers.append((key, int(lo), int(hi)))
        # Words that come before a person's name ("Mrs Hickman"); "miss" and "sir" are also said alone.
        self.titles = frozenset(fold(t) for t in titles)
        # The school's words for its head: "the head, Mr Oakley" makes Mr Oakley the head in that message.
        self.head_words = tuple(sorted({fold(w) for w in head_words}, key=lambda w: (-len(w), w)))
        # what a name given as the head's reads as: the file's first one-word head word
        self.head_word = next((fold(w) for w in head_words if len(fold(w).split()) == 1), "")
        self.symbols = Symbols(symbols or {})  # variants read as written, before folding
        self.keys = lru_cache(maxsize=50_000)(self._keys)
        self.exact_keys = lru_cache(maxsize=50_000)(self._exact_keys)

    def _exact_keys(self, word: str) -> frozenset[str]:
        """The keys a word satisfies as spelt: exact words, stems and numbers, no misspellings."""
        found = set(self.exact.get(word, ()))
        for end in range(self.min_stem, len(word) + 1):
            if stem := self.stems.get(word[:end]):
                found.add(stem)
        if word.isdigit():
            value = int(word[:4])
            found.update(key for key, lo, hi in self.numbers if lo <= value <= hi)
        return frozenset(found)

    def _keys(self, word: str) -> frozenset[str]:
        found = self._exact_keys(word)
        if len(word) >= self.min_letters and not word.isdigit():
            return found | self._fuzzy(word)
        return found

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
    words: list[str] = field(default_factory=list)  # as read (for the similarity layer); "" once excluded
    an_answer: bool = False  # the whole message is names ("Grace Burns, Year 3 Robins") or an age: details.py
    written: Message | None = None  # the message before `mask` blanked anything (what `unless:` reads)

    where: dict[str, list[int]] = field(default_factory=dict)
    have: frozenset[str] = frozenset()  # the keys of `where` as a set: most rules fail a set test on it
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
        self.have = frozenset(self.where)

    def mask(self, exclude: list[Pattern]) -> None:
        """Blank the words of every excluded phrase, so no rule can use them. An excluded phrase lies within
        one sentence: "…who else to tell. The head has been…" is not "tell the head"."""
        masked = [
            (start, end)
            for pattern in exclude
            for start, end in spans(pattern, self, longest=True)
            if not any(start < b < end for b in self.starts)
        ]
        if masked and self.written is None:
            self.written = Message(list(self.keys), self.starts, self.ends, list(self.words), self.an_answer)
            self.written.index()
        for start, end in masked:
            self.keys[start:end] = [frozenset()] * (end - start)
            self.words[start:end] = [""] * (end - start)
        if masked:
            self.index()


def read(text: str, vocabulary: Vocabulary, spellings: Mapping[str, tuple[str, ...]]) -> Message:
    """Fold, split into sentences and words, apply `spellings:`, and look each word up.

    Contact details are skipped, and so are names: the word after a title ("Mrs Hickman's class") and
    misspellings in a message that is only a name ("Dick Turner") or a child's age. See details.py.
    """
    keys: list[frozenset[str]] = []
    said: list[str] = []
    starts = set()
    prepared = _prepared(text, vocabulary)
    sentences, exact_only = _sentences(prepared)
    lookup = vocabulary.exact_keys if exact_only else vocabulary.keys
    heads = heads_named(prepared, vocabulary)
    for at, sentence in enumerate(sentences):
        starts.add(len(keys))
        for word in _names_skipped(sentence, vocabulary, heads, more=at + 1 < len(sentences)):
            for w in spellings.get(word, (word,)):
                # a number written for a word ("want 2 die") is still the number too ("year 2")
                if w != word and word.isdigit():
                    keys.append(lookup(w) | lookup(word))
                    said.append(word)  # the other layers read the message as written
                else:
                    keys.append(lookup(w))
                    said.append(w)
    message = Message(
        keys, frozenset(starts), frozenset(starts - {0}) | {len(keys)}, said, an_answer=exact_only
    )
    message.index()
    return message


def read_words(text: str, vocabulary: Vocabulary, spellings: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The words `read` would look up, without looking them up (for the similarity layer's examples)."""
    prepared = _prepared(text, vocabulary)
    kept = _WORD.findall(_REPEATS.sub(r"\1", fold(prepared)))
    if not vocabulary.titles.isdisjoint(kept):  # a name may follow a title: read sentence by sentence
        sentences, _ = _sentences(prepared)
        heads = heads_named(prepared, vocabulary)
        last = len(sentences) - 1  # the others have more after them (`_names_skipped`)
        kept = [w for at, s in enumerate(sentences) for w in _names_skipped(s, vocabulary, heads, at < last)]
    return [w for word in kept for w in (spellings.get(word, (word,)) if not word.isdigit() else (word,))]


def _sentences(prepared: str) -> tuple[list[str], bool]:
    """The sentences of a `_prepared` text (none empty at its end: "mr b hurt." is one), and whether the
    message is only a name (or a name and the name the child goes by) or a child's age given as an answer."""
    sentences = SENTENCE_END.split(prepared)
    while len(sentences) > 1 and not sentences[-1].strip():
        sentences.pop()
    return sentences, an_answer(prepared)


def _prepared(text: str, vocabulary: Vocabulary) -> str:
    """The text without contact details, with `spellings:` variants read as written (an emoji) replaced,
    and its punctuation read as punctuation.py reads it ("Mr. Cox" ends no sentence)."""
    return punctuated(vocabulary.symbols.read(without_contacts(text)), vocabulary.titles)


def heads_named(prepared: str, vocabulary: Vocabulary) -> frozenset[tuple[str, str]]:
    """The (title, surname) pairs a `_prepared` text says are the head's: "the head, Mr Oakley", "Mrs Cole,
    our headteacher", for the knowledge's `titles:` and `head_words:`. Not "the deputy head, Mr Dean" or "Mr
    Dean, head of PE". Each clause is folded as `_names_skipped` folds a sentence, so a surname here is spelt
    as it is there ("Mr O'Neill": "oneill")."""
    lower = prepared.lower()
    if not vocabulary.head_words or not any(w.split()[0] in lower for w in vocabulary.head_words):
        return frozenset()  # most messages name no head: nothing to fold
    before, after = _head_patterns(vocabulary.titles, vocabulary.head_words)
    found = set()
    for clause in CLAUSE_END.split(prepared):
        folded = _REPEATS.sub(r"\1", fold(clause))
        found.update((m[1], m[2]) for pattern in (before, after) for m in pattern.finditer(folded))
    return frozenset(found)


@lru_cache(maxsize=8)
def _head_patterns(
    titles: frozenset[str], head_words: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "the head mr oakley" and "mr oakley our headteacher" (head words longest first)."""
    named = rf"({'|'.join(sorted(map(re.escape, titles)))}) ([a-z0-9]+)"
    head = "(?:" + "|".join(map(re.escape, head_words)) + ")"
    return (
        re.compile(rf"(?<!deputy )(?<!assistant )\b{head} (?:is )?{named}\b"),
        re.compile(rf"\b{named} (?:who is |is )?(?:the |our |your |new |acting )?{head}\b(?! of\b)"),
    )


def _names_skipped(
    sentence: str, vocabulary: Vocabulary, heads: frozenset[tuple[str, str]] = frozenset(), more: bool = False
) -> list[str]:
    """The folded words of a sentence without the names that follow a title.

    After a title, an initial and a capitalised word are a name ("Mrs S Cox", "Miss Batty"); so is a
    lower-case word the patterns do not know ("mrs slaughter", "mr dickens"), except after "miss" or "sir",
    which pupils also use alone ("miss hurt my arm"). A title whose name the message gave as the head's
    (`heads`) reads as the knowledge's first head word ("headteacher"): "the head, Mr Oakley … Mr Oakley gave
    him a phone" is about the head.
    """
    folded = _WORD.findall(_REPEATS.sub(r"\1", fold(sentence)))
    if vocabulary.titles.isdisjoint(folded):  # most sentences: no title, so no name to look for
        return folded
    out: list[str] = []
    title = ""  # the title just read, while a name may follow it
    cased, chunks = any(ch.islower() for ch in sentence), sentence.split()  # "SIR HIT ME": no name by case
    for at, chunk in enumerate(chunks):
        capital = cased and capitalised(chunk)
        ends = chunks[at + 1].startswith("(") if at + 1 < len(chunks) else more  # "mrs d hurt, mum"
        for typed in _WORD.findall(fold(chunk)):
            word = _REPEATS.sub(r"\1", typed)
            if title and _is_name(word, capital, title, vocabulary, ends):
                if (title, word) in heads:
                    out[-1] = vocabulary.head_word
                title = _INITIAL if len(word) == 1 else ""  # "Mrs S Cox": a surname may follow the initial
                continue
            title = word if word in vocabulary.titles else ""
            out.append(word)
    return out


def _is_name(word: str, capital: bool, title: str, vocabulary: Vocabulary, ends: bool = False) -> bool:
    """Whether a word after a title is a name. A word the patterns know is one only where what was typed after
    the title ends with it, before a bracket or more sentences (`ends`): "mrs d hurt (mum)" or "mrs d hurt,
    mum" answers "your name?"; "mr b hurt me" goes on, and so does "mr b hurt" said alone."""
    if word.isdigit() or word in ("a", "i"):
        return False
    if capital:
        return True
    if title == _INITIAL:  # "mr b makes me stay": a capitalised surname follows an initial, or a last word
        return ends
    if len(word) == 1:
        return True
    return title not in _ALSO_ALONE and (ends or not vocabulary.exact_keys(word))


# ---- matching -------------------------------------------------------------------------------------------


def _advance(nodes: tuple[Any, ...], positions: set[int], msg: Message) -> set[int]:
    """Positions where a match of `nodes` can end, starting from any of `positions`."""
    size = len(msg.keys)
    for node in nodes:
        if not positions:
            break
        if isinstance(node, frozenset):
            positions = {p + 1 for p in positions if p < size and not node.isdisjoint(msg.keys[p])}
        elif isinstance(node, Gap):
            positions = {p + k for p in positions for k in range(node.most + 1) if p + k <= size}
        elif isinstance(node, Alt):
            here = set().union(*(msg.keys[p] for p in positions if p < size))
            ends = {p + 1 for p in positions if p < size and not node.words.isdisjoint(msg.keys[p])}
            for phrase, first in zip(node.phrases, node.firsts, strict=True):
                if first is None or not first.isdisjoint(here):
                    ends |= _advance(phrase, positions, msg)
            positions = ends
        elif isinstance(node, Opt):
            positions = positions | _advance(node.inner, positions, msg)
        else:
            positions = positions & (msg.starts if node is START else msg.ends)
    return positions


def _candidates(pattern: Pattern, msg: Message) -> list[int]:
    """Positions where a match of `pattern` could start, in order."""
    found = msg.candidates.get(pattern.source)
    if found is None:
        where = msg.where
        found = sorted({p for key in msg.have & pattern.first for p in where[key]})
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
    if not has_every(msg.have, rule.needs):  # the index has checked this already, unless shortcuts are off
        return []
    if not rule.within:
        found = spans(rule.parts[0], msg)
        return [] if not found or _cancelled(rule, msg) else found
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
    if _cancelled(rule, msg):
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


def _cancelled(rule: Rule, msg: Message) -> bool:
    """Whether one of the rule's `unless:` patterns occurs in the message as written. Exclusions stop words
    being part of a concern; they do not hide the context that cancels one ("secret santa", "started high
    school" are blanked for every rule, and still tell a surprise or a new school)."""
    written = msg.written or msg
    return any(spans(p, written) for p in rule.unless)
