"""The `policybot` command: the only place that prints, reads arguments and chooses exit statuses."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterable
from typing import Any

from bot.cli.context import config_path, load, note, stdout_is_unicode, tolerant_streams
from bot.common.text import printable
from bot.config import Config, ConfigError
from bot.knowledge.loading import CHOSEN_ROLES, ROLES, KnowledgeError
from bot.knowledge.render import TemplateError
from bot.store.base import StoreError

EXIT_OK, EXIT_ERROR, EXIT_STARTUP = 0, 1, 2
JSON_KEYS = (
    "question",
    "action",
    "topic",
    "section",
    "confidence",
    "answer",
    "alternatives",
    "offer_forward",
    "policy",
)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `policybot` console script."""
    tolerant_streams()
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args.func = _start
    try:
        return int(args.func(args))
    except BrokenPipeError:  # e.g. `policybot ask --json … | head -1`: the reader has all it wants
        _silence_stdout()
        return EXIT_OK
    except StoreError as err:
        note(str(err))
        return EXIT_STARTUP
    except (ConfigError, KnowledgeError, TemplateError) as err:
        print(
            "policybot: cannot start — fix these and try again (run `policybot check` for details):",
            file=sys.stderr,
        )
        for problem in getattr(err, "problems", [str(err)]):
            print(f"  {problem}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not complain about the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policybot",
        description="Answers questions from the school's policies. With no command: the Telegram bot when a "
        "token is configured, otherwise the console chat.",
    )
    parser.add_argument(
        "--config",
        help="config file (default: $POLICYBOT_CONFIG, else config.yaml in the current folder, "
        "else the bundled config.example.yaml)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    chat = sub.add_parser("chat", help="chat in the console (no token, no network)")
    chat.add_argument("--role", choices=CHOSEN_ROLES, help="answer as this role")
    chat.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    chat.set_defaults(func=_chat)

    ask = sub.add_parser("ask", help="answer one question, or one per line from stdin")
    ask.add_argument("question", nargs="?", help="the question (omit to read one question a line from stdin)")
    ask.add_argument("--role", choices=ROLES, default="any")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    ask.set_defaults(func=_ask)

    check = sub.add_parser("check", help="validate config, knowledge and templates")
    check.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    check.add_argument("--knowledge", help="knowledge folder (default: from the config)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(func=_check)

    ev = sub.add_parser("eval", help="measure the matcher on a labelled question set")
    ev.add_argument("file", nargs="+", help="question set YAML files (see tests/questions.yaml)")
    ev.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    ev.add_argument("--min-accuracy", type=float, default=0.0, help="fail below this top-1 accuracy")
    ev.add_argument("--min-rejection", type=float, default=0.0, help="fail below this out-of-scope rejection")
    ev.add_argument("--max-wrong", type=float, default=1.0, help="fail above this wrong-answer rate")
    ev.add_argument(
        "--summary", action="store_true", help="figures only: no per-topic table or confusion list"
    )
    ev.set_defaults(func=_eval)

    imp = sub.add_parser("import", help="import a policy document (.docx, .pdf, .html, .md, .txt)")
    imp.add_argument("file", help="the policy document")
    imp.add_argument("--knowledge", help="knowledge folder to write into (default: from the config)")
    imp.add_argument("--name", help="the policy's id and file name (default: from the file name)")
    imp.add_argument("--title", help="the policy's title (default: from the document)")
    imp.add_argument("--force", action="store_true", help="overwrite an existing policy of that name")
    imp.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    imp.set_defaults(func=_import)

    run = sub.add_parser("run", help="run the Telegram bot (polling, or webhook when configured)")
    run.add_argument("--config", help="config file", default=argparse.SUPPRESS)
    run.set_defaults(func=_run)

    from bot.cli.web import add_parsers as add_web

    add_web(sub)
    try:
        from bot.cli.concerns import add_parser as add_concerns
    except ImportError:  # pragma: no cover - the concerns module ships with the package
        add_concerns = None
    if add_concerns is not None:
        add_concerns(sub)
    return parser


def _setup_logging(config: Config) -> None:
    logging.basicConfig(
        level=config.logging.level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(config.logging.level)))


def _start(args: argparse.Namespace) -> int:
    config = load(args, store=True)
    if config.telegram.resolved_token():
        return _run(args, config)
    print(
        "No Telegram token configured — starting the console chat. "
        "(Set telegram.token or TELEGRAM_BOT_TOKEN to run on Telegram.)"
    )
    args.role = None
    return _chat(args, config)


def _chat(args: argparse.Namespace, config: Config | None = None) -> int:
    from bot.channels.console import ConsoleChat
    from bot.core.replies import UserContext
    from bot.wiring import build_dialogue, close_store, open_store, outbox_in_background

    config = config or load(args, store=True)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)  # keep the chat readable
    if not config.can_deliver("concern"):
        what = "concerns" if config.can_deliver("safeguarding") else "concerns and safeguarding alerts"
        print(
            f"Note: {what} cannot be delivered from this setup (`policybot check` says what to set). "
            "The chat still works, and says so rather than claiming anything was sent."
        )
    store = open_store(config)
    dialogue = None
    try:
        dialogue = build_dialogue(config, store)
        user = UserContext(user_id="console:local", role=args.role or "any", channel="console")
        with outbox_in_background(dialogue, config):
            ConsoleChat(dialogue, user).run(role=args.role)
    finally:
        close_store(store, dialogue)
    return EXIT_OK


def _ask(args: argparse.Namespace) -> int:
    from bot.core.engine import Engine

    config = load(args)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    engine = Engine.load(config)
    ascii_only = not stdout_is_unicode()
    if args.question is not None:
        questions: Iterable[str] = [args.question]
    else:
        sys.stdin.reconfigure(errors="replace")  # type: ignore[attr-defined]
        questions = (line.rstrip("\n") for line in sys.stdin)
    for question in questions:
        reply = engine.ask(question, args.role)
        if args.json:
            print(json.dumps(ask_result(question, reply), ensure_ascii=ascii_only), flush=True)
        else:
            print(printable(reply.text) + "\n", flush=True)
    return EXIT_OK


def ask_result(question: str, reply: Any) -> dict[str, Any]:
    """The public `ask --json` object: exactly JSON_KEYS."""
    result = {
        "question": question,
        "action": reply.action,
        "topic": reply.topic,
        "section": reply.section,
        "confidence": round(float(reply.confidence), 3),
        "answer": reply.text,
        "alternatives": [
            {"topic": c.topic, "section": c.section, "confidence": c.confidence} for c in reply.alternatives
        ],
        "offer_forward": bool(reply.offer_forward),
        "policy": reply.policy,
    }
    assert tuple(result) == JSON_KEYS
    return result


def _check(args: argparse.Namespace) -> int:
    from bot.cli.check import run_check

    path, why = config_path(getattr(args, "config", None))
    note(f"config {path.resolve()} ({why})")
    result = run_check(path, args.knowledge)
    for error in result.errors:
        print(f"error: {error}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    if result.errors:
        print(f"{len(result.errors)} error(s) — fix them before starting the bot.")
        return EXIT_ERROR
    if args.strict and result.warnings:
        print(f"{len(result.warnings)} warning(s) and --strict given.")
        return EXIT_ERROR
    print(f"OK: {result.summary}" + (f" ({len(result.warnings)} warning(s))" if result.warnings else ""))
    return EXIT_OK


def _eval(args: argparse.Namespace) -> int:
    from bot.cli.evaluate import QuestionSetError, evaluate, format_report, load_question_set
    from bot.core.engine import Engine

    config = load(args)
    engine = Engine.load(config)
    try:
        sets = [(path, load_question_set(path)) for path in args.file]
    except QuestionSetError as err:
        print(f"policybot eval: {err}", file=sys.stderr)
        return EXIT_ERROR
    failures = []
    for path, questions in sets:
        report = evaluate(engine, questions)
        if len(sets) > 1:
            print(f"== {path}")
        print(format_report(report, details=not args.summary))
        prefix = f"{path}: " if len(sets) > 1 else ""
        if report.top1_accuracy < args.min_accuracy:
            failures.append(f"{prefix}top-1 accuracy {report.top1_accuracy:.3f} < {args.min_accuracy}")
        if report.out_of_scope_rejection < args.min_rejection:
            failures.append(
                f"{prefix}out-of-scope rejection {report.out_of_scope_rejection:.3f} < {args.min_rejection}"
            )
        if report.wrong_answer_rate > args.max_wrong:
            failures.append(f"{prefix}wrong-answer rate {report.wrong_answer_rate:.3f} > {args.max_wrong}")
        if len(sets) > 1:
            print()
    for failure in failures:
        print(f"FAIL: {failure}")
    return EXIT_ERROR if failures else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from bot.cli.importing import run_import

    return run_import(args)


def _run(args: argparse.Namespace, config: Config | None = None) -> int:
    from bot.channels.telegram.app import TelegramStartupError, run_telegram

    config = config or load(args, store=True)
    _setup_logging(config)
    companions = []
    if config.web.enabled:
        from bot.channels.web.app import WebCompanion

        companions.append(WebCompanion(config))
    try:
        return run_telegram(config, companions)
    except TelegramStartupError as err:
        print(f"policybot: {err}", file=sys.stderr)
        return EXIT_STARTUP
