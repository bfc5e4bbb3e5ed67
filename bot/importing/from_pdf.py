"""PDF (.pdf) with pypdf: lines with their font size and weight; larger or bold short lines are headings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from bot.importing.document import Document, ImportFailed, strip_bullet, tidy
from bot.importing.from_text import looks_like_heading

_HEADING_SIZE = 1.15  # a line this much larger than the body text is a heading
_PARAGRAPH_GAP = 1.6  # a gap this many body line-spacings wide starts a new paragraph
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d+(\s+of\s+\d+)?$", re.IGNORECASE)
_BOLD = ("bold", "black", "heavy", "semibold", "demi")


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    x: float
    y: float
    page: int


def read_pdf(path: Path) -> Document:
    """Read a PDF that has a text layer (a scanned PDF has none: it needs OCR first)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ImportFailed(
            [f"{path}: reading .pdf needs pypdf — install it with: pip install 'policybot[import]'"]
        ) from None
    try:
        reader = PdfReader(str(path))
        doc = Document()
        lines: list[_Line] = []
        for number, page in enumerate(reader.pages, 1):
            lines.extend(_page_lines(page, number))
            if images := len(page.images):
                doc.warnings.append(f"page {number}: {images} image(s) — not imported")
        meta = reader.metadata or {}
    except PdfReadError as err:
        raise ImportFailed([f"{path}: not a readable PDF ({err})"]) from None
    if not lines:
        raise ImportFailed(
            [f"{path}: the PDF has no text layer (a scan?) — export the text or run OCR first"]
        )
    doc.title = str(meta.get("/Title") or "").strip()
    stamp = re.match(r"D:(\d{4})(\d{2})(\d{2})", str(meta.get("/ModDate") or meta.get("/CreationDate") or ""))
    doc.date = "-".join(stamp.groups()) if stamp else ""
    _blocks(doc, _without_furniture(lines, len(reader.pages)))
    return doc


def _page_lines(page: Any, number: int) -> list[_Line]:
    """Text runs grouped into lines by their baseline."""
    runs: list[tuple[str, float, bool, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        scale = abs(tm[3] * cm[3]) or 1.0
        x, y = cm[0] * tm[4] + cm[4], cm[3] * tm[5] + cm[5]
        name = str(font.get("/BaseFont", "")).lower() if font else ""
        runs.append((text.replace("\n", " "), size * scale, any(w in name for w in _BOLD), x, y))

    page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    for text, size, bold, x, y in runs:
        if lines and abs(lines[-1].y - y) < 1.0:
            last = lines[-1]
            last.text += text
            last.bold = last.bold and bold
            last.size = max(last.size, size)
        else:
            lines.append(_Line(text, size, bold, x, y, number))
    return [line for line in lines if tidy(line.text)]


def _without_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """Drop page numbers and running headers/footers (the same line on most pages)."""
    counts = Counter(tidy(line.text) for line in lines)
    repeated = {text for text, n in counts.items() if pages >= 3 and n >= max(3, pages // 2)}
    return [
        line for line in lines if not _PAGE_NUMBER.match(tidy(line.text)) and tidy(line.text) not in repeated
    ]


def _blocks(doc: Document, lines: list[_Line]) -> None:
    sizes = Counter()  # type: Counter[float]
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    gaps = [a.y - b.y for a, b in pairwise(lines) if a.page == b.page and a.y - b.y > 0]
    spacing = sorted(gaps)[len(gaps) // 2] if gaps else body * 1.2
    kind, parts, where, start_x = "", [], "", 0.0

    def flush() -> None:
        nonlocal kind
        if kind:
            doc.add(kind, " ".join(parts), where)  # type: ignore[arg-type]
        parts.clear()
        kind = ""

    previous: _Line | None = None
    for index, line in enumerate(lines):
        text = tidy(line.text)
        following = lines[index + 1].text if index + 1 < len(lines) else None
        gap = (previous.y - line.y) if previous is not None and previous.page == line.page else 0.0
        here = f"page {line.page}"
        big = line.size >= body * _HEADING_SIZE
        if (big or line.bold) and looks_like_heading(text, following):
            if kind == "heading" and gap <= spacing * _PARAGRAPH_GAP and line.size == previous.size:  # type: ignore[union-attr]
                parts.append(text)  # a heading wrapped onto two lines
            else:
                flush()
                kind, where = "heading", here
                parts.append(text)
        elif (bullet := strip_bullet(text)) is not None:
            flush()
            kind, where, start_x = "bullet", here, line.x
            parts.append(bullet)
        elif kind and kind != "heading" and _continues(kind, text, line, gap, spacing, start_x, parts):
            parts.append(text)
        else:
            flush()
            kind, where, start_x = "paragraph", here, line.x
            parts.append(text)
        previous = line
    flush()


def _continues(
    kind: str, text: str, line: _Line, gap: float, spacing: float, x: float, parts: list[str]
) -> bool:
    """Whether a line carries on the block before it rather than starting a paragraph."""
    if text[:1].islower():
        return True
    if gap > spacing * _PARAGRAPH_GAP:
        return False
    if kind == "bullet":
        return line.x > x + 1.0  # a bullet's own lines are indented past its mark
    return gap > 0 or parts[-1][-1:] not in ".!?:"
