"""Write an imported policy as knowledge files: policies/NAME.yaml and a topics/NAME.yaml draft."""

from __future__ import annotations

import json

from bot.importing.structure import DraftPolicy

MAX_TITLE = 40


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML and keeps every character)."""
    return json.dumps(text, ensure_ascii=False)


def policy_yaml(draft: DraftPolicy, name: str, school: str, source: str, source_date: str, today: str) -> str:
    """The policy file: headings exactly as written, rules verbatim."""
    out = [
        f"# {draft.title}: imported by `policybot import` from {source} on {today}.",
        "# Headings and rules are copied from the document exactly as written (spaces collapsed, bullet",
        "# marks dropped). Check them against the document; rule ids may be renamed until topics use them.",
        "",
        f"id: {name}",
        f"title: {quoted(draft.title)}",
        f"school: {quoted(school)}",
        f"source: {quoted(source)}",
    ]
    if source_date:
        out.append(f"source_date: {quoted(source_date)}")
    out += ["", "sections:"]
    for section in draft.sections:
        out += [f"  - id: {section.id}", f"    heading: {quoted(section.heading)}", "    rules:"]
        for rule in section.rules:
            out += [f"      - id: {rule.id}", f"        text: {quoted(rule.text)}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def topics_yaml(draft: DraftPolicy, name: str, today: str) -> str:
    """A topics file with no topics yet and, commented out, a starting point for one topic per section."""
    prefix = name.replace("-", "_")
    out = [
        f"# Topics for the {draft.title}: a draft written by `policybot import` on {today}.",
        "#",
        "# PolicyBot already answers questions about this policy by quoting its best-matching rules. Curated",
        "# topics give better answers: for each section below that people ask about, uncomment the topic,",
        "# keep only the rules its answer needs, write at least 8 example questions in the words people",
        "# really use and a short plain answer, then run `policybot check`. Topic ids are shared by every",
        "# policy, so these start with the policy's name.",
        "",
        f"policy: {name}",
        "",
        "topics: []",
    ]
    for section in draft.sections:
        title = (
            section.heading if len(section.heading) <= MAX_TITLE else section.heading[: MAX_TITLE - 1] + "…"
        )
        out += [
            "",
            f"#  - id: {prefix}_{section.id}",
            f"#    section: {section.id}",
            f"#    title: {quoted(title)}",
            "#    audience: [any]",
            f"#    rules: [{', '.join(rule.id for rule in section.rules)}]",
            "#    examples:",
            '#      - ""',
            "#    answer: >-",
            "#      ",
        ]
    return "\n".join(out) + "\n"
