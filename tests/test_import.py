"""`policybot import`: every format round-trips a policy's headings and rules; the seed text reproduces the
bundled Social Media Policy; warnings name what was not imported; nothing curated is overwritten."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from bot.config import BUNDLED_KNOWLEDGE
from bot.importing.document import ImportFailed
from bot.importing.importer import import_policy, read_document
from bot.importing.structure import build_policy
from tests.conftest import run_cli

DATA = Path(__file__).parent / "data"
SEED = DATA / "social-media-policy.txt"
SCHOOL = "Marston Montgomery Primary School"

Sections = list[tuple[str, list[str]]]


def bundled_sections(name: str = "social-media") -> Sections:
    """(heading, rule texts) of a bundled policy, as the knowledge folder holds it."""
    data = yaml.safe_load((BUNDLED_KNOWLEDGE / "policies" / f"{name}.yaml").read_text(encoding="utf-8"))
    return [(s["heading"], [r["text"] for r in s["rules"]]) for s in data["sections"]]


def imported_sections(path: Path, title: str = "") -> Sections:
    draft = build_policy(read_document(path), title, skip_headings=(SCHOOL,))
    return [(s.heading, [r.text for r in s.rules]) for s in draft.sections]


# -- documents written by the tests: headings as headings, each rule a paragraph or a list item ----------


def _is_item(text: str) -> bool:
    """Rules that are list items in the policy: they do not end a sentence."""
    return not text.endswith((".", ":"))


def write_markdown(sections: Sections, path: Path) -> Path:
    lines = []
    for heading, rules in sections:
        lines += [f"## {heading}", ""]
        for rule in rules:
            lines += [f"- {rule}" if _is_item(rule) else rule, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_html(sections: Sections, path: Path) -> Path:
    from html import escape

    body = ["<html><head><title>Policy</title><style>p {color: red}</style></head><body>"]
    body.append("<nav><a href='/'>Home</a> | <a href='/policies'>Policies</a></nav>")
    for heading, rules in sections:
        body.append(f"<h2>{escape(heading)}</h2>")
        for rule in rules:
            body.append(f"<ul><li>{escape(rule)}</li></ul>" if _is_item(rule) else f"<p>{escape(rule)}</p>")
    body.append("<footer>© the school</footer></body></html>")
    path.write_text("\n".join(body), encoding="utf-8")
    return path


def write_docx(sections: Sections, path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Imported policy"
    for heading, rules in sections:
        document.add_heading(heading, level=2)
        for rule in rules:
            document.add_paragraph(rule, style="List Bullet" if _is_item(rule) else None)
    document.save(str(path))
    return path


def _ascii(text: str) -> str:
    """The PDF core fonts are Latin-1 only: curly quotes become straight ones (in the expectation too)."""
    return text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))


def write_pdf(sections: Sections, path: Path) -> Path:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF()
    pdf.set_title("Imported policy")
    pdf.add_page()
    for heading, rules in sections:
        pdf.set_font("Helvetica", "B", 14)
        pdf.multi_cell(0, 8, _ascii(heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 11)
        for rule in rules:
            text = f"- {_ascii(rule)}" if _is_item(rule) else _ascii(rule)
            pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
    pdf.output(str(path))
    return path


def write_text(sections: Sections, path: Path) -> Path:
    lines = []
    for heading, rules in sections:
        lines.append(heading)
        lines += [f"· {rule}" if _is_item(rule) else rule for rule in rules]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


WRITERS: dict[str, Callable[[Sections, Path], Path]] = {
    ".md": write_markdown,
    ".html": write_html,
    ".docx": write_docx,
    ".pdf": write_pdf,
    ".txt": write_text,
}


# -- round trips ------------------------------------------------------------------------------------------


def test_importing_the_seed_text_reproduces_the_bundled_social_media_policy() -> None:
    found = imported_sections(SEED)
    expected = bundled_sections()
    assert [h for h, _ in found] == [h for h, _ in expected]
    assert len(found) == 6
    assert found == expected


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("policy", ["social-media", "complaints"])
def test_each_format_round_trips_headings_and_rules(tmp_path: Path, suffix: str, policy: str) -> None:
    expected = bundled_sections(policy)
    if suffix == ".pdf":
        expected = [(_ascii(h), [_ascii(r) for r in rules]) for h, rules in expected]
    path = WRITERS[suffix](expected, tmp_path / f"policy{suffix}")
    assert imported_sections(path) == expected


def test_a_wrapped_pdf_paragraph_of_several_sentences_becomes_one_rule_per_sentence(tmp_path: Path) -> None:
    long = (
        "Parents and carers may raise a concern with the class teacher at the start or end of the day, "
        "or by telephoning the school office to arrange a convenient time. Most concerns are settled "
        "quickly in this way. The teacher will keep a short note of what was agreed."
    )
    path = write_pdf([("Raising a concern", [long])], tmp_path / "wrapped.pdf")
    assert imported_sections(path) == [
        (
            "Raising a concern",
            [
                "Parents and carers may raise a concern with the class teacher at the start or end of the "
                "day, or by telephoning the school office to arrange a convenient time.",
                "Most concerns are settled quickly in this way.",
                "The teacher will keep a short note of what was agreed.",
            ],
        )
    ]


# -- what cannot be placed is reported -----------------------------------------------------------------------


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


def test_docx_tables_images_and_text_before_the_first_heading_are_reported(tmp_path: Path) -> None:
    import docx

    image = tmp_path / "logo.png"
    image.write_bytes(_png())
    document = docx.Document()
    document.add_paragraph("Adopted by the governors in September.")
    document.add_picture(str(image))
    document.add_heading("Uniform", level=1)
    document.add_paragraph("Pupils wear the school jumper.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Item"
    document.save(str(tmp_path / "uniform.docx"))
    draft = build_policy(read_document(tmp_path / "uniform.docx"))
    assert [(s.heading, [r.text for r in s.rules]) for s in draft.sections] == [
        ("Uniform", ["Pupils wear the school jumper."])
    ]
    text = "\n".join(draft.warnings)
    assert "a table" in text and "an image" in text and "before the first heading" in text


def test_markdown_and_html_tables_and_images_are_reported(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Trips\n\n![map](map.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTrips need a consent form.\n"
    )
    html = tmp_path / "p.html"
    html.write_text(
        "<h1>Trips</h1><img src='x.png' alt='map'><table><tr><td>1</td></tr></table>"
        "<p>Trips need a consent form.</p>"
    )
    for path in (md, html):
        draft = build_policy(read_document(path))
        assert [(s.heading, [r.text for r in s.rules]) for s in draft.sections] == [
            ("Trips", ["Trips need a consent form."])
        ]
        assert any("table" in w for w in draft.warnings) and any("image" in w for w in draft.warnings)


def test_a_line_break_inside_an_html_list_item_keeps_the_item_whole(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<h2>Trips</h2><ul><li>Trips need a consent form<br>signed by a parent</li></ul>")
    assert imported_sections(page) == [("Trips", ["Trips need a consent form signed by a parent"])]


def test_an_unsupported_or_missing_file_fails_with_a_clear_problem(tmp_path: Path) -> None:
    odd = tmp_path / "policy.odt"
    odd.write_text("x")
    with pytest.raises(ImportFailed, match="use one of"):
        read_document(odd)
    with pytest.raises(ImportFailed, match="file not found"):
        read_document(tmp_path / "missing.docx")
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    with pytest.raises(ImportFailed, match="not a Word"):
        read_document(broken)


# -- writing into the knowledge folder ---------------------------------------------------------------


MOBILE_PHONES = """# Mobile Phones Policy

## Pupils' phones

Pupils in Years 5 and 6 who walk home alone may bring a mobile phone to school. Phones are
handed in to the class teacher at the start of the day and collected at home time.

## Visitors

- Visitors must not take photographs of pupils on their phones
- Visitors use their phones only in the staff room or the office
"""


def test_an_imported_policy_with_no_topics_answers_from_its_rules(
    tmp_path: Path, knowledge_copy: Path
) -> None:
    source = tmp_path / "Mobile Phones.md"
    source.write_text(MOBILE_PHONES, encoding="utf-8")
    result = run_cli("import", str(source), "--knowledge", str(knowledge_copy), "--name", "phones")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 sections, 4 rules" in result.stdout
    policy = yaml.safe_load((knowledge_copy / "policies" / "phones.yaml").read_text(encoding="utf-8"))
    assert policy["title"] == "Mobile Phones Policy" and policy["source"] == "Mobile Phones.md"
    assert policy["source_date"]
    topics = yaml.safe_load((knowledge_copy / "topics" / "phones.yaml").read_text(encoding="utf-8"))
    assert topics == {"policy": "phones", "topics": []}
    # The bundled knowledge lists phones as something its policies do not cover: the import says so.
    example = "can my child bring their phone to school"
    assert f"out_of_scope: “{example}” looks answered by the Mobile Phones Policy" in result.stdout
    intents = knowledge_copy / "intents.yaml"
    text = intents.read_text(encoding="utf-8")
    intents.write_text(text.replace(f'  - "{example}"\n', ""), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(
        (BUNDLED_KNOWLEDGE.parent / "config.example.yaml")
        .read_text(encoding="utf-8")
        .replace('knowledge_dir: ""', f'knowledge_dir: "{knowledge_copy}"')
        .replace("  telegram_chat_ids: []", "  telegram_chat_ids: [-1001234567890]", 1),
        encoding="utf-8",
    )
    check = run_cli("check", "--config", str(config))
    assert check.returncode == 0, check.stdout
    assert example not in check.stdout

    asked = run_cli(
        "ask", "can my year 6 son bring his mobile phone to school", "--json", "--config", str(config)
    )
    obj = json.loads(asked.stdout)
    assert obj["action"] == "answer", obj
    assert obj["topic"] is None
    assert obj["policy"] == "Mobile Phones Policy"
    assert obj["section"] == "Pupils' phones"
    assert "Pupils in Years 5 and 6 who walk home alone may bring a mobile phone to school." in obj["answer"]
    assert obj["offer_forward"] is True


def test_import_never_overwrites_without_force_and_keeps_curated_topics(
    tmp_path: Path, knowledge_copy: Path
) -> None:
    policy_file = knowledge_copy / "policies" / "social-media.yaml"
    topics_file = knowledge_copy / "topics" / "social-media.yaml"
    before = policy_file.read_text(encoding="utf-8"), topics_file.read_text(encoding="utf-8")
    result = run_cli("import", str(SEED), "--knowledge", str(knowledge_copy), "--name", "social-media")
    assert result.returncode == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert (policy_file.read_text(encoding="utf-8"), topics_file.read_text(encoding="utf-8")) == before

    with pytest.raises(ImportFailed):
        import_policy(SEED, knowledge_copy, name="social-media", school=SCHOOL)
    done = import_policy(SEED, knowledge_copy, name="social-media", school=SCHOOL, force=True)
    assert done.topics_kept and topics_file.read_text(encoding="utf-8") == before[1]
    assert [s.heading for s in done.policy.sections] == [h for h, _ in bundled_sections()]
