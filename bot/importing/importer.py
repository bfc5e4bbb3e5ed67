"""`policybot import`: read a document in any supported format and write it as knowledge files."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.common.yamlfile import YamlError, load_yaml
from bot.importing.document import Document, ImportFailed
from bot.importing.from_docx import read_docx
from bot.importing.from_html import read_html
from bot.importing.from_markdown import read_markdown
from bot.importing.from_pdf import read_pdf
from bot.importing.from_text import read_text
from bot.importing.structure import DraftPolicy, build_policy, slug
from bot.importing.writer import policy_yaml, topics_yaml

READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")


@dataclass
class Imported:
    """What an import wrote and found."""

    policy: DraftPolicy
    policy_file: Path
    topics_file: Path
    topics_kept: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def rules(self) -> int:
        """How many rules were found."""
        return sum(len(s.rules) for s in self.policy.sections)


def read_document(path: Path) -> Document:
    """The blocks of a document, by its extension; raises ImportFailed for what cannot be read."""
    if not path.is_file():
        raise ImportFailed([f"{path}: file not found"])
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted({k for k in READERS if len(k) <= 5}))
        raise ImportFailed(
            [f"{path}: cannot import {path.suffix or 'files without an extension'} — use one of {kinds}"]
        )
    return reader(path)


def default_name(path: Path) -> str:
    """A policy name from a file name: 'Complaints Procedure 2025.docx' → 'complaints-procedure-2025'."""
    return slug(path.stem, set(), "policy").replace("_", "-")[:60]


def import_policy(
    path: Path,
    knowledge: Path,
    *,
    name: str = "",
    title: str = "",
    school: str = "",
    force: bool = False,
    today: date | None = None,
) -> Imported:
    """Read `path` and write `knowledge/policies/NAME.yaml` and `knowledge/topics/NAME.yaml`.

    Never overwrites an existing policy without `force`; a topics file that already has topics is kept
    even then (the office's curated work), and reported.
    """
    name = name or default_name(path)
    if not NAME.match(name):
        raise ImportFailed([f"--name {name!r}: use lower-case letters, digits, - and _ (e.g. complaints)"])
    if not knowledge.is_dir():
        raise ImportFailed([f"{knowledge}: knowledge folder not found — check --knowledge or knowledge_dir"])
    policy_file = knowledge / "policies" / f"{name}.yaml"
    topics_file = knowledge / "topics" / f"{name}.yaml"
    existing = [p for p in (policy_file, topics_file) if p.exists()]
    if existing and not force:
        raise ImportFailed(
            [
                f"{p}: already exists — not overwritten (use --force, or choose another --name)"
                for p in existing
            ]
        )
    doc = read_document(path)
    draft = build_policy(doc, title, skip_headings=(school,))
    if not draft.sections:
        raise ImportFailed(
            [
                f"{path}: found no headings with text under them — check the document has headings",
                *draft.warnings,
            ]
        )
    stamp = (today or date.today()).isoformat()
    source_date = doc.date or date.fromtimestamp(path.stat().st_mtime).isoformat()
    keep_topics = _has_topics(topics_file)
    policy_file.parent.mkdir(parents=True, exist_ok=True)
    topics_file.parent.mkdir(parents=True, exist_ok=True)
    policy_file.write_text(policy_yaml(draft, name, school, path.name, source_date, stamp), encoding="utf-8")
    if not keep_topics:
        topics_file.write_text(topics_yaml(draft, name, stamp), encoding="utf-8")
    return Imported(draft, policy_file, topics_file, keep_topics, draft.warnings)


def _has_topics(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        data = load_yaml(path).data
    except YamlError:
        return True  # unreadable: keep it for a person to look at
    return bool(isinstance(data, dict) and data.get("topics"))
