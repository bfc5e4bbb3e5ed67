"""Markdown (.md): `#` headings (and underlined ones), `-`/`*`/`1.` lists, paragraphs between blank lines."""

from __future__ import annotations

import re
from pathlib import Path

from bot.importing.document import Document

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def inline(text: str) -> str:
    """Markdown inline markup removed: links keep their text, emphasis and code their words."""
    text = _LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return _HTML_TAG.sub("", text).replace("\\", "")


def read_markdown(path: Path) -> Document:
    """Read a Markdown file."""
    return parse_markdown(path.read_text(encoding="utf-8-sig").splitlines())


def parse_markdown(lines: list[str]) -> Document:
    """Blocks from Markdown lines."""
    doc = Document()
    kind, current, where = "", [], ""
    fenced = False

    def flush() -> None:
        nonlocal kind
        if kind:
            doc.add(kind, inline(" ".join(current)), where)  # type: ignore[arg-type]
        current.clear()
        kind = ""

    for number, line in enumerate(lines, 1):
        here = f"line {number}"
        if line.strip().startswith(("```", "~~~")):
            flush()
            if not fenced:
                doc.warnings.append(f"{here}: a code block — not imported")
            fenced = not fenced
            continue
        if fenced:
            continue
        if not line.strip():
            flush()
            continue
        line = _without_images(doc, line, here)
        if not line.strip():
            continue
        if line.lstrip().startswith("|"):
            flush()
            _table(doc, here)
            continue
        if (atx := _ATX.match(line)) is not None:
            flush()
            doc.add("heading", inline(atx.group(2)), here)
            if atx.group(1) == "#" and not doc.title:
                doc.title = inline(atx.group(2)).strip()
            continue
        if _SETEXT.match(line) and kind == "paragraph" and len(current) == 1:
            level_one = line.strip().startswith("=")
            heading, kind = current[0], ""
            current.clear()
            doc.add("heading", inline(heading), where)
            if level_one and not doc.title:
                doc.title = inline(heading).strip()
            continue
        if (item := _ITEM.match(line)) is not None:
            flush()
            kind, where = "bullet", here
            current.append(item.group(1))
            continue
        if line.lstrip().startswith(">"):
            line = line.lstrip()[1:]
        if kind:
            current.append(line.strip())  # a wrapped line continues the paragraph or list item
        else:
            kind, where = "paragraph", here
            current.append(line.strip())
    flush()
    return doc


def _without_images(doc: Document, line: str, here: str) -> str:
    """The line with its images removed, each reported."""
    for image in _IMAGE.finditer(line):
        doc.warnings.append(f"{here}: an image ({image.group(1) or 'no caption'}) — not imported")
    return _IMAGE.sub("", line)


def _table(doc: Document, here: str) -> None:
    """Report a table once, at its first row."""
    if not doc.warnings or not doc.warnings[-1].startswith("table"):
        doc.warnings.append(f"table at {here} — tables are not imported; write their rules as text")
