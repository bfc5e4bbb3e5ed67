"""`policybot import FILE`: write a policy document into the knowledge folder and say what was found."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.cli.check import out_of_scope_warnings
from bot.cli.context import load
from bot.importing.document import ImportFailed
from bot.importing.importer import import_policy
from bot.knowledge.loading import KnowledgeError, load_knowledge

EXIT_OK, EXIT_ERROR = 0, 1


def run_import(args: argparse.Namespace) -> int:
    """Import one document; prints what it found and what it could not place."""
    config = load(args)
    knowledge = Path(args.knowledge) if args.knowledge else config.knowledge_path()
    try:
        done = import_policy(
            Path(args.file),
            knowledge,
            name=args.name or "",
            title=args.title or "",
            school=config.school.name,
            force=args.force,
        )
    except ImportFailed as err:
        print("policybot import: nothing was written —", file=sys.stderr)
        for problem in err.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_ERROR
    draft = done.policy
    print(f"Imported “{draft.title}”: {len(draft.sections)} sections, {done.rules} rules.")
    for section in draft.sections:
        print(f"  {section.heading} ({len(section.rules)} rules)")
    for warning in done.warnings:
        print(f"warning: {warning}")
    print(f"Wrote {done.policy_file}")
    if done.topics_kept:
        print(f"Kept {done.topics_file}: it already has topics (check that their rule ids still exist)")
    else:
        print(f"Wrote {done.topics_file} (a draft: no topics yet, one commented starting point per section)")
    for warning in _after_import(knowledge):
        print(f"warning: {warning}")
    print(
        'Next: `policybot check`, then try it: `policybot ask "a question about it"` — answers quote its '
        "rules until you curate topics."
    )
    return EXIT_OK


def _after_import(folder: Path) -> list[str]:
    """Problems the new policy causes in the knowledge folder (e.g. out-of-scope examples it now answers)."""
    try:
        knowledge = load_knowledge(folder)
    except KnowledgeError as err:
        return err.problems
    return out_of_scope_warnings(knowledge)
