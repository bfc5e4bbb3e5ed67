"""Plain text (.txt): headings are short lines without closing punctuation; bullets start with a mark."""

from __future__ import annotations

from pathlib import Path

from bot.importing.document import Document, strip_bullet, tidy

MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 16
_CLOSING = ".,;:!?"


def read_text(path: Path) -> Document:
    """Read a text file (UTF-8, or Windows-1252 as Word saves it)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return parse_lines(text.splitlines())


def looks_like_heading(line: str, next_line: str | None) -> bool:
    """A short line that does not end a sentence and is not continued by the next line."""
    text = tidy(line)
    if not text or len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if text[-1] in _CLOSING or not (text[0].isupper() or text[0].isdigit()):
        return False
    following = tidy(next_line or "")
    return not (following and following[0].islower())


def parse_lines(lines: list[str]) -> Document:
    """Blocks from lines: blank lines separate paragraphs; a line starting in lower case continues one."""
    doc = Document()
    current: list[str] = []  # the lines of the block being built
    kind, where = "", ""

    def flush() -> None:
        nonlocal kind
        if kind:
            doc.add(kind, " ".join(current), where)  # type: ignore[arg-type]
        current.clear()
        kind = ""

    for number, line in enumerate(lines, 1):
        text = tidy(line)
        if not text:
            flush()
            continue
        next_line = lines[number] if number < len(lines) else None
        bullet = strip_bullet(text)
        if kind and text[0].islower():
            current.append(text)  # a line wrapped mid-sentence
        elif bullet is not None:
            flush()
            kind, where = "bullet", f"line {number}"
            current.append(bullet)
        elif looks_like_heading(text, next_line):
            flush()
            doc.add("heading", text, f"line {number}")
        elif kind == "paragraph" and current and current[-1][-1:] not in ".!?:":
            current.append(text)  # a hard-wrapped paragraph
        else:
            flush()
            kind, where = "paragraph", f"line {number}"
            current.append(text)
    flush()
    return doc
