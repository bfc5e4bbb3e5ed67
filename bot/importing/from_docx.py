"""Word (.docx) with python-docx: heading styles (or short all-bold lines), list paragraphs, body text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.importing.document import Document, ImportFailed, strip_bullet
from bot.importing.from_text import looks_like_heading

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path) -> Document:
    """Read a Word document; raises ImportFailed if python-docx is missing or the file is not a .docx."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
    except ImportError:
        raise ImportFailed(
            [f"{path}: reading .docx needs python-docx — install it with: pip install 'policybot[import]'"]
        ) from None
    try:
        word = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as err:
        raise ImportFailed(
            [f"{path}: not a Word .docx file ({err}) — save it as .docx and try again"]
        ) from None
    doc = Document()
    props = word.core_properties
    doc.title = (props.title or "").strip()
    stamp = props.modified or props.created
    doc.date = stamp.date().isoformat() if stamp else ""
    for number, item in enumerate(word.iter_inner_content(), 1):
        where = f"paragraph {number}"
        if isinstance(item, Table):
            doc.warnings.append(f"{where}: a table — tables are not imported; write their rules as text")
            continue
        _paragraph(doc, item, where)
    return doc


def _paragraph(doc: Document, paragraph: Any, where: str) -> None:
    element = paragraph._p
    if element.findall(f".//{_W}drawing") or element.findall(f".//{_W}pict"):
        doc.warnings.append(f"{where}: an image — not imported")
    text = paragraph.text.replace("\t", " ").strip()
    if not text:
        return
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        doc.title = doc.title or text
        doc.add("heading", text, where)
    elif style.startswith("Heading"):
        doc.add("heading", text, where)
    elif "List" in style or element.find(f"{_W}pPr/{_W}numPr") is not None:
        doc.add("bullet", text, where)
    elif (bullet := strip_bullet(text)) is not None:
        doc.add("bullet", bullet, where)
    elif _all_bold(paragraph) and looks_like_heading(text, None):
        doc.add("heading", text, where)
    else:
        doc.add("paragraph", text, where)


def _all_bold(paragraph: Any) -> bool:
    """Schools often mark headings by making the whole line bold rather than with a heading style."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)
