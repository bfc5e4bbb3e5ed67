"""The compiled safeguarding files, kept between runs so a fresh start need not compile them again.

Compiling knowledge/safeguarding.yaml and indexing its examples was about a third of a fresh start. A
detector's parts (`Compiled`) are kept in the cache folder (bot/common/cache.py) under a hash of every file
in the knowledge folder and of the code that compiles them, so any edit to either means compiling afresh.
Only files that compiled without a problem are kept; `policybot check` always compiles.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from bot.common import cache
from bot.safeguarding.patterns import END, START, Alt, Gap, Lexicon, Opt, Pattern, Rule
from bot.safeguarding.similarity import SimilaritySettings, Tables

KIND = "safeguarding"
FORMAT = 4
"""Raise when the layout below changes."""

Category = tuple[
    str, str, tuple[Rule, ...], Pattern | None, Pattern | None
]  # id, route, rules, about, said_about


@dataclass(frozen=True)
class Compiled:
    """Everything a detector is made from, as compiled from knowledge/safeguarding.yaml and its examples."""

    settings: dict[str, int]  # the file's `settings:`
    spellings: dict[str, list[str]]  # as written: the words -> the variants that stand for them
    ordinary_words: list[str]
    titles: list[str]
    head_words: list[str]  # the school's words for its head ("headteacher", "principal")
    lexicon: Lexicon
    categories: list[Category]
    exclude: list[Pattern]
    reporter: Pattern | None
    relatives: Pattern | None
    not_people: tuple[Pattern, ...]
    someone_else: Pattern | None  # a person near a concern who is not the one a message says it is about
    similarity: tuple[Tables, SimilaritySettings] | None


def key(path: Path) -> str:
    """What a compiled file is kept under: the rules file's name, its folder's files and this code."""
    code = Path(__file__).parent, Path(cache.__file__).parent  # the safeguarding and common modules
    return cache.fingerprint(f"{KIND} {FORMAT} {path.name}", path.parent, *code)


def load(path: Path) -> Compiled | None:
    """The kept parts for this rules file, or None."""
    data = cache.load(KIND, key(path))
    if data is None:
        return None
    try:
        return _decode(data)
    except (TypeError, ValueError, KeyError, IndexError):  # damaged or from an unexpected layout
        return None


def save(path: Path, compiled: Compiled) -> None:
    """Keep the parts for this rules file (any problem writing them is ignored)."""
    cache.save(KIND, key(path), _encode(compiled))


# ---- plain data ------------------------------------------------------------------------------------------
# Patterns become tuples: a node is a frozenset of keys, "^" or "$", or a tagged tuple. Groups are shared by
# many patterns; `memo` writes each shared node once (marshal keeps the sharing).


def _encode(c: Compiled) -> tuple[Any, ...]:
    memo: dict[int, Any] = {}
    pattern = _pattern_encoder(memo)
    rule = _rule_encoder(pattern)
    similarity = None
    if c.similarity is not None:
        tables, settings = c.similarity
        similarity = (
            astuple(settings),
            tables.labels,
            tables.idf,
            tables.disclosure_postings,
            tables.ordinary_postings,
            tables.top_k_weight,
            tables.vocabulary,
        )
    return (
        FORMAT,
        c.settings,
        c.spellings,
        c.ordinary_words,
        c.titles,
        c.head_words,
        (c.lexicon.words, c.lexicon.stems, c.lexicon.numbers),
        [
            (i, route, tuple(map(rule, rules)), pattern(about), pattern(said))
            for i, route, rules, about, said in c.categories
        ],
        [pattern(p) for p in c.exclude],
        pattern(c.reporter),
        pattern(c.relatives),
        tuple(pattern(p) for p in c.not_people),
        pattern(c.someone_else),
        similarity,
    )


def _pattern_encoder(memo: dict[int, Any]) -> Any:
    def node(n: Any) -> Any:
        if isinstance(n, frozenset):
            return n
        if n is START or n is END:
            return "^" if n is START else "$"
        found = memo.get(id(n))
        if found is None:
            if isinstance(n, Gap):
                found = ("gap", n.most)
            elif isinstance(n, Opt):
                found = ("opt", tuple(map(node, n.inner)))
            elif isinstance(n, Alt):
                phrases = tuple(tuple(map(node, phrase)) for phrase in n.phrases)
                found = ("alt", n.words, phrases, n.firsts)
            else:
                raise TypeError(f"unknown pattern node {n!r}")
            memo[id(n)] = found
        return found

    def pattern(p: Pattern | None) -> Any:
        return None if p is None else (p.source, tuple(map(node, p.nodes)), p.first, p.needs)

    return pattern


def _rule_encoder(pattern: Any) -> Any:
    def rule(r: Rule) -> tuple[Any, ...]:
        unless = tuple(map(pattern, r.unless))
        return (r.source, tuple(map(pattern, r.parts)), r.within, unless, r.needs, r.unless_writer)

    return rule


def _decode(data: tuple[Any, ...]) -> Compiled:
    if data[0] != FORMAT:
        raise ValueError("another layout")
    memo: dict[int, Any] = {}

    def node(n: Any) -> Any:
        if isinstance(n, frozenset):
            return n
        if isinstance(n, str):
            return {"^": START, "$": END}[n]
        found = memo.get(id(n))
        if found is None:
            tag = n[0]
            if tag == "gap":
                found = Gap(n[1])
            elif tag == "opt":
                found = Opt(tuple(map(node, n[1])))
            elif tag == "alt":
                found = Alt(n[1], tuple(tuple(map(node, phrase)) for phrase in n[2]), n[3])
            else:
                raise ValueError(f"unknown node tag {tag!r}")
            memo[id(n)] = found
        return found

    def pattern(p: Any) -> Any:
        return None if p is None else Pattern(p[0], tuple(map(node, p[1])), p[2], p[3])

    def rule(r: Any) -> Rule:
        return Rule(r[0], tuple(map(pattern, r[1])), r[2], tuple(map(pattern, r[3])), r[4], r[5])

    _, settings, spellings, ordinary, titles, head_words, lexicon, categories, exclude, *rest = data
    reporter, relatives, people, someone_else, sim = rest
    similarity = None
    if sim is not None:
        similarity = (Tables(*sim[1:]), SimilaritySettings(*sim[0]))
    return Compiled(
        settings,
        spellings,
        ordinary,
        titles,
        head_words,
        Lexicon(*lexicon),
        [
            (i, route, tuple(map(rule, rules)), pattern(about), pattern(said))
            for i, route, rules, about, said in categories
        ],
        [pattern(p) for p in exclude],
        pattern(reporter),
        pattern(relatives),
        tuple(map(pattern, people)),
        pattern(someone_else),
        similarity,
    )
