"""HTML (.html): h1–h6 headings, p paragraphs, li bullets; tables, images and page furniture are skipped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from bot.importing.document import Document

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "section", "article", "main", "blockquote", "dd", "dt", "ul", "ol", "body"}
_SKIPPED = {"script", "style", "nav", "header", "footer", "noscript", "template", "svg", "form", "head"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}


class _PolicyParser(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.kind = "paragraph"
        self.parts: list[str] = []
        self.skip_depth = 0
        self.table_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []

    def where(self) -> str:
        return f"line {self.getpos()[0]}"

    def flush(self) -> None:
        text = "".join(self.parts)
        self.parts.clear()
        if text.strip():
            self.doc.add(self.kind, text, self.where())  # type: ignore[arg-type]
        self.kind = "paragraph"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
            return
        if tag in _SKIPPED and tag not in _VOID:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self.parts.append(" ")  # a line break inside a paragraph, list item or heading
        elif tag == "table":
            self.flush()
            if not self.table_depth:
                self.doc.warnings.append(
                    f"{self.where()}: a table — tables are not imported; write them as text"
                )
            self.table_depth += 1
        elif tag == "img":
            alt = dict(attrs).get("alt") or "no description"
            self.doc.warnings.append(f"{self.where()}: an image ({alt}) — not imported")
        elif tag in _HEADINGS:
            self.flush()
            self.kind = "heading"
        elif tag == "li":
            self.flush()
            self.kind = "bullet"
        elif tag in _BLOCKS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag == "table":
            self.table_depth = max(0, self.table_depth - 1)
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCKS:
            if self.kind == "heading" and tag == "h1" and not self.doc.title:
                self.doc.title = "".join(self.parts).strip()
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth and not self.table_depth:
            self.parts.append(data)


def read_html(path: Path) -> Document:
    """Read an HTML file (a policy page saved from a website or exported from a word processor)."""
    doc = Document()
    parser = _PolicyParser(doc)
    parser.feed(path.read_text(encoding="utf-8-sig", errors="replace"))
    parser.close()
    parser.flush()
    if not doc.title:
        doc.title = " ".join("".join(parser.title_parts).split())
    return doc
