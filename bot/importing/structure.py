"""From a document's blocks to a policy: sections under headings, rules as sentences and bullet points."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.common.text import fold
from bot.importing.document import Document

MAX_ID_WORDS = 4
# A sentence ends at . ! or ? followed by a space and a capital (or an opening quote or bracket).
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”’\"')]))\s+(?=[A-Z“‘\"(])")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "approx.", "cf.", "vs.")
_ID_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "and",
        "or",
        "is",
        "are",
        "be",
        "will",
        "should",
        "must",
        "may",
        "can",
        "at",
        "as",
        "it",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "from",
        "into",
        "any",
        "all",
        "not",
    ]
)


@dataclass
class DraftRule:
    """A rule to write: its id and its text as written."""

    id: str
    text: str


@dataclass
class DraftSection:
    """A section to write: id, heading exactly as written, rules."""

    id: str
    heading: str
    where: str
    rules: list[DraftRule] = field(default_factory=list)


@dataclass
class DraftPolicy:
    """A policy worked out from a document, with what the importer could not place."""

    title: str
    sections: list[DraftSection]
    warnings: list[str]


def sentences(text: str) -> list[str]:
    """A paragraph split into sentences (rules), keeping each one's text exactly."""
    pieces = [p for p in _SENTENCE_END.split(text) if p and p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and merged[-1].endswith(_ABBREVIATIONS):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece.strip())
    return merged


def slug(text: str, taken: set[str], fallback: str) -> str:
    """A short id from a text's first content words, unique among `taken` (which it joins)."""
    words = [w for w in re.sub(r"[^a-z0-9 ]", " ", fold(text)).split() if w not in _ID_STOP]
    base = "_".join(words[:MAX_ID_WORDS]) or fallback
    if base[0].isdigit():
        base = f"{fallback}_{base}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def build_policy(doc: Document, title: str = "", skip_headings: tuple[str, ...] = ()) -> DraftPolicy:
    """Sections and rules from blocks. Headings with nothing under them are reported and left out.

    `skip_headings` are lines that are not section headings however they look (such as the school's name
    at the top of the document).
    """
    warnings = list(doc.warnings)
    sections: list[DraftSection] = []
    section_ids: set[str] = set()
    current: DraftSection | None = None
    rule_ids: set[str] = set()
    skipped = {fold(h) for h in skip_headings if h}
    before: list[str] = []
    for block in doc.blocks:
        if block.kind == "heading":
            if current is not None and not current.rules:
                warnings.append(
                    f"{current.where}: heading “{current.heading}” has no text under it — not imported"
                )
                section_ids.discard(current.id)
                sections.pop()
            if fold(block.text) in skipped:
                current = None
                continue
            current = DraftSection(slug(block.text, section_ids, "section"), block.text, block.where)
            sections.append(current)
            rule_ids = set()
            continue
        if current is None:
            before.append(block.where)
            continue
        texts = [block.text] if block.kind == "bullet" else sentences(block.text)
        for text in texts:
            current.rules.append(DraftRule(slug(text, rule_ids, "rule"), text))
    if current is not None and not current.rules:
        warnings.append(f"{current.where}: heading “{current.heading}” has no text under it — not imported")
        sections.pop()
    if before:
        warnings.append(
            f"{len(before)} paragraph(s) before the first heading ({before[0]}…) — not imported; "
            "give them a heading in the document or add them by hand"
        )
    chosen = title or doc.title or (sections[0].heading if sections else "")
    return DraftPolicy(chosen, sections, warnings)
